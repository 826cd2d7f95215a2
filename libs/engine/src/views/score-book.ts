// Team scores, folded event by event: finding deltas and controllers' adjustments summed per team and dimension in
// log order, rounded only when read. The server, the web client and the report all read scores from this book.
import { DIMENSIONS, type Dimension } from '@ttx/scenario';
import type { EventPayloads, Finding } from '../events.js';
import { teamMaySee, type ViewEvent } from './view-event.js';

export type ScoreAdjustment = EventPayloads['score.adjusted'];

/**
 * The one rounding rule for points: to the nearest hundredth (halves upward, as `Math.round`), never −0. Raw deltas
 * are summed first; a dimension's total is rounded once, and a team's total is the sum of those, rounded again.
 */
export function roundPoints(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}

export interface TeamScore {
  teamId: string;
  /** False while a controller has the team marked not played: its line says so instead of a score. */
  played: boolean;
  /** Why it is not played, as the controller gave it (only while not played, and only if given). */
  notPlayedReason?: string;
  /** Findings and adjustments together. */
  total: number;
  /** Findings and adjustments together, per dimension (every dimension present). */
  byDimension: Record<Dimension, number>;
  /** What the rules alone gave, before any adjustment. */
  fromFindings: number;
  findings: Finding[];
  adjustments: ScoreAdjustment[];
}

/** One dimension of a team's score, each part rounded. */
export interface DimensionScore {
  dimension: Dimension;
  fromRules: number;
  adjustments: number;
  total: number;
}

interface Tally {
  fromRules: Map<Dimension, number>;
  adjusted: Map<Dimension, number>;
  findings: Finding[];
  adjustments: ScoreAdjustment[];
}

const emptyTally = (): Tally => ({
  fromRules: new Map(),
  adjusted: new Map(),
  findings: [],
  adjustments: [],
});

function add(map: Map<Dimension, number>, dimension: Dimension, delta: number): void {
  map.set(dimension, (map.get(dimension) ?? 0) + delta);
}

export class ScoreBook {
  /** Everything recorded, by team (what staff see). */
  private readonly all = new Map<string, Tally>();
  /** What each team's players may see of their own team's scoring (a debrief-only scenario shows them none). */
  private readonly own = new Map<string, Tally>();
  /** Teams marked not played, with the reason given ('' for none). */
  private readonly unplayed = new Map<string, string>();

  absorb(event: ViewEvent): void {
    if (event.type === 'findings.recorded') {
      for (const finding of event.payload.findings)
        this.addFinding(finding, teamMaySee(event.audience, finding.teamId));
    } else if (event.type === 'score.adjusted') {
      this.addAdjustment(event.payload, teamMaySee(event.audience, event.payload.teamId));
    } else if (event.type === 'team.play-marked') {
      this.markPlayed(event.payload.teamId, event.payload.played, event.payload.reason);
    }
  }

  markPlayed(teamId: string, played: boolean, reason?: string): void {
    if (played) this.unplayed.delete(teamId);
    else this.unplayed.set(teamId, reason ?? '');
  }

  /** Whether the team plays: true unless it is marked not played now. */
  isPlayed(teamId: string): boolean {
    return !this.unplayed.has(teamId);
  }

  /** Counts a finding; `seenByTeam` false keeps it from the team's own view of its score. */
  addFinding(finding: Finding, seenByTeam = true): void {
    this.record(finding.teamId, seenByTeam, (t) => {
      t.findings.push(finding);
      add(t.fromRules, finding.dimension, finding.delta);
    });
  }

  addAdjustment(adjustment: ScoreAdjustment, seenByTeam = true): void {
    this.record(adjustment.teamId, seenByTeam, (t) => {
      t.adjustments.push(adjustment);
      add(t.adjusted, adjustment.dimension, adjustment.delta);
    });
  }

  /** Scores of `teams` (in that order, even without findings), then of any other team scored. */
  scores(teams: readonly string[] = []): TeamScore[] {
    const ids = [...new Set([...teams, ...this.all.keys()])];
    return ids.map((teamId) => this.scoreOf(teamId, this.all.get(teamId)));
  }

  /** The team's score as its own players may see it. */
  scoreSeenByTeam(teamId: string): TeamScore {
    return this.scoreOf(teamId, this.own.get(teamId));
  }

  /** The team's score per dimension, in `DIMENSIONS` order. */
  dimensions(teamId: string): DimensionScore[] {
    return dimensionsOf(this.all.get(teamId));
  }

  private scoreOf(teamId: string, tally: Tally | undefined): TeamScore {
    const reason = this.unplayed.get(teamId);
    return scoreOf(teamId, tally, reason === undefined ? { played: true } : { played: false, ...(reason !== '' ? { notPlayedReason: reason } : {}) });
  }

  private record(teamId: string, seenByTeam: boolean, change: (tally: Tally) => void): void {
    change(tallyOf(this.all, teamId));
    if (seenByTeam) change(tallyOf(this.own, teamId));
  }
}

function tallyOf(tallies: Map<string, Tally>, teamId: string): Tally {
  let tally = tallies.get(teamId);
  if (!tally) tallies.set(teamId, (tally = emptyTally()));
  return tally;
}

function dimensionsOf(tally: Tally | undefined): DimensionScore[] {
  return DIMENSIONS.map((dimension) => {
    const rules = tally?.fromRules.get(dimension) ?? 0;
    const extra = tally?.adjusted.get(dimension) ?? 0;
    return {
      dimension,
      fromRules: roundPoints(rules),
      adjustments: roundPoints(extra),
      total: roundPoints(rules + extra),
    };
  });
}

function scoreOf(teamId: string, tally: Tally | undefined, play: Pick<TeamScore, 'played' | 'notPlayedReason'>): TeamScore {
  const dimensions = dimensionsOf(tally);
  const byDimension = Object.fromEntries(dimensions.map((d) => [d.dimension, d.total])) as Record<
    Dimension,
    number
  >;
  const fromRules = DIMENSIONS.reduce((sum, d) => sum + (tally?.fromRules.get(d) ?? 0), 0);
  return {
    teamId,
    ...play,
    total: roundPoints(dimensions.reduce((sum, d) => sum + d.total, 0)),
    byDimension,
    fromFindings: roundPoints(fromRules),
    findings: tally ? [...tally.findings] : [],
    adjustments: tally ? [...tally.adjustments] : [],
  };
}
