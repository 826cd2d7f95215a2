// What a team's debrief says of the escalation ladder: every level the team was shown, and the cause only of the
// changes its own decisions and messages made, as during play (libs/engine/src/event-redaction.ts).
import type {
  ControlEntry,
  EscalationPair,
  EscalationPeak,
  EscalationPoint,
  EscalationReport,
  TimelineEntry,
} from './aar-model.js';
import { riseText } from './aar-sections.js';
import { escalationMoveText } from '@ttx/engine';

interface Change {
  pair: EscalationPair;
  /** The level before the change, as the event recorded it. */
  previous: number;
  point: EscalationPoint;
}

export class DebriefEscalation {
  private readonly changes = new Map<number, Change>();

  constructor(
    private readonly report: EscalationReport,
    private readonly teamId: string,
    private readonly visible: (seq: number) => boolean,
  ) {
    for (const pair of report.pairs) {
      pair.points.forEach((point, i) =>
        this.changes.set(point.seq, { pair, previous: i > 0 ? pair.points[i - 1].level : 0, point }),
      );
    }
  }

  /** The pairs as the team saw them: levels of the changes it was shown, causes of its own. */
  section(): EscalationReport {
    const pairs = this.report.pairs.map((pair) => this.pairSeen(pair));
    const top = pairs.reduce<EscalationPair | undefined>(
      (best, p) => (p.peak > (best?.peak ?? 0) ? p : best),
      undefined,
    );
    return { maxLevel: top?.peak ?? 0, ...(top && { maxPair: top.key }), pairs };
  }

  /** A timeline or controller entry as the team may read it: an escalation change it did not cause, in levels only. */
  entry<E extends TimelineEntry | ControlEntry>(entry: E): E {
    const change = entry.type === 'escalation.changed' ? this.changes.get(entry.seq) : undefined;
    if (!change || this.causedByTeam(change.point)) return entry;
    const { pair, previous, point } = change;
    const summary = escalationMoveText(pair.fromName, pair.toName, previous, point.level);
    return 'category' in entry ? { ...entry, teamId: undefined, summary } : { ...entry, summary };
  }

  private causedByTeam(point: EscalationPoint): boolean {
    return point.teamId === this.teamId;
  }

  private pairSeen(pair: EscalationPair): EscalationPair {
    const points = pair.points
      .filter((p) => this.visible(p.seq))
      .map((p) => (this.causedByTeam(p) ? p : levelsOf(p)));
    const peaks = pair.peaks
      .filter((p) => this.visible(p.seq))
      .map((p): EscalationPeak =>
        this.causedByTeam(p) ? p : { ...levelsOf(p), explanation: `${riseText(p, pair)}.` },
      );
    return {
      ...pair,
      level: points.at(-1)?.level ?? 0,
      peak: points.reduce((m, p) => Math.max(m, p.level), 0),
      points,
      peaks,
    };
  }
}

function levelsOf(point: EscalationPoint): EscalationPoint {
  return { seq: point.seq, exerciseTime: point.exerciseTime, level: point.level };
}
