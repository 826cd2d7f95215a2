// Team scores: findings summed per dimension, with controllers' adjustments listed beside them (never replacing them).
import { DIMENSIONS, type Dimension } from '@ttx/scenario';
import type { ExerciseEvent, EventPayloads, Finding } from '@ttx/engine';

export type ScoreAdjustment = EventPayloads['score.adjusted'];

export interface TeamScore {
  teamId: string;
  /** Findings and adjustments together. */
  total: number;
  /** Findings and adjustments together, per dimension (every dimension present). */
  byDimension: Record<Dimension, number>;
  /** What the rules alone gave, before any adjustment. */
  fromFindings: number;
  findings: Finding[];
  adjustments: ScoreAdjustment[];
}

export interface ScoreboardOptions {
  /** Teams to list first and even without findings, in this order (e.g. the scenario's teams). */
  teams?: readonly string[];
  adjustments?: readonly ScoreAdjustment[];
}

const round = (value: number) => Math.round(value * 100) / 100 + 0;

function emptyScore(teamId: string): TeamScore {
  const byDimension = Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<Dimension, number>;
  return { teamId, total: 0, byDimension, fromFindings: 0, findings: [], adjustments: [] };
}

/** Scores per team from the findings in a state (or any list of findings) and the adjustments given. */
export function scoreboard(source: { findings: readonly Finding[] }, options: ScoreboardOptions = {}): TeamScore[] {
  const scores = new Map<string, TeamScore>();
  const of = (teamId: string) => {
    let score = scores.get(teamId);
    if (!score) scores.set(teamId, (score = emptyScore(teamId)));
    return score;
  };
  for (const teamId of options.teams ?? []) of(teamId);
  for (const finding of source.findings) {
    const score = of(finding.teamId);
    score.findings.push(finding);
    score.byDimension[finding.dimension] += finding.delta;
    score.fromFindings += finding.delta;
  }
  for (const adjustment of options.adjustments ?? []) {
    const score = of(adjustment.teamId);
    score.adjustments.push(adjustment);
    score.byDimension[adjustment.dimension] += adjustment.delta;
  }
  for (const score of scores.values()) {
    for (const d of DIMENSIONS) score.byDimension[d] = round(score.byDimension[d]);
    score.fromFindings = round(score.fromFindings);
    score.total = round(DIMENSIONS.reduce((sum, d) => sum + score.byDimension[d], 0));
  }
  return [...scores.values()];
}

/** Scores per team from an event log: `findings.recorded` and `score.adjusted` events. */
export function scoreboardFromEvents(events: Iterable<ExerciseEvent>, options: Pick<ScoreboardOptions, 'teams'> = {}): TeamScore[] {
  const findings: Finding[] = [];
  const adjustments: ScoreAdjustment[] = [];
  for (const event of events) {
    if (event.type === 'findings.recorded') findings.push(...event.payload.findings);
    else if (event.type === 'score.adjusted') adjustments.push(event.payload);
  }
  return scoreboard({ findings }, { teams: options.teams, adjustments });
}

/** The highest level any state reached against another, from `escalation.changed` events or a state's peaks. */
export function maxEscalation(source: Iterable<ExerciseEvent> | { escalationPeak: Record<string, number> }): number {
  if ('escalationPeak' in source) return Math.max(0, ...Object.values(source.escalationPeak));
  let max = 0;
  for (const event of source) if (event.type === 'escalation.changed') max = Math.max(max, event.payload.level);
  return max;
}
