// The escalation picture between states, folded event by event: each pair's level, peak and history of changes.
import type { ViewEvent } from './view-event.js';

/** One change of a pair's level; the cause and who caused it only where the reader may know them. */
export interface EscalationPoint {
  seq: number;
  exerciseTime: number;
  level: number;
  cause?: 'action' | 'cbm' | 'easing' | 'controller';
  teamId?: string;
  actionId?: string;
  decisionId?: string;
}

/** A change with the pair it moved, `${from}>${to}` by state id. */
export interface EscalationChange extends EscalationPoint {
  pair: string;
}

export interface EscalationCell {
  from: string;
  to: string;
  level: number;
  peak: number;
}

export function pairOf(from: string, to: string): string {
  return `${from}>${to}`;
}

export class EscalationBook {
  /** Changes by pair, in log order. */
  readonly byPair = new Map<string, EscalationPoint[]>();
  /** The pair of every change, in log order. */
  private readonly pairsInOrder: string[] = [];
  private readonly levels: Record<string, number> = {};
  private readonly peaks: Record<string, number> = {};

  absorb(event: ViewEvent): void {
    if (event.type !== 'escalation.changed') return;
    const p = event.payload;
    const pair = pairOf(p.from, p.to);
    // Optional fields stay undefined rather than spread in: JSON leaves them out, and it is much faster.
    const point: EscalationPoint = {
      seq: event.seq,
      exerciseTime: event.exerciseTime,
      level: p.level,
      cause: p.cause,
      teamId: p.teamId,
      actionId: p.actionId,
      decisionId: p.decisionId,
    };
    let points = this.byPair.get(pair);
    if (!points) this.byPair.set(pair, (points = []));
    points.push(point);
    this.pairsInOrder.push(pair);
    this.levels[pair] = p.level;
    this.peaks[pair] = Math.max(this.peaks[pair] ?? 0, p.level);
  }

  /** Every change with its pair, in log order. */
  changes(): EscalationChange[] {
    const next = new Map<string, number>();
    return this.pairsInOrder.map((pair) => {
      const i = next.get(pair) ?? 0;
      next.set(pair, i + 1);
      return { ...(this.byPair.get(pair) as EscalationPoint[])[i], pair };
    });
  }

  /** Level (ESC-0…10) of state `from` toward state `to`; 0 when nothing has moved it. */
  level(from: string, to: string): number {
    return this.levels[pairOf(from, to)] ?? 0;
  }

  /** Highest level the pair reached so far. */
  peak(from: string, to: string): number {
    return this.peaks[pairOf(from, to)] ?? 0;
  }

  /** Levels by pair, for pairs that ever moved. */
  levelsByPair(): Record<string, number> {
    return { ...this.levels };
  }

  peaksByPair(): Record<string, number> {
    return { ...this.peaks };
  }

  /** The highest level any state reached against another. */
  maxPeak(): number {
    return Math.max(0, ...Object.values(this.peaks));
  }

  /** Every ordered pair of distinct states, level and peak 0 when nothing has moved it. */
  matrix(states: readonly { id: string }[]): EscalationCell[] {
    const cells: EscalationCell[] = [];
    for (const from of states)
      for (const to of states)
        if (from.id !== to.id)
          cells.push({
            from: from.id,
            to: to.id,
            level: this.level(from.id, to.id),
            peak: this.peak(from.id, to.id),
          });
    return cells;
  }
}
