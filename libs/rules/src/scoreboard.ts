// Team scores: findings summed per dimension, with controllers' adjustments listed beside them (never replacing them).
// The sums and their rounding are the engine's score book (libs/engine/src/views/score-book.ts), read here from a
// list of findings or an event log.
import { EscalationBook, ScoreBook } from '@ttx/engine';
import type { ExerciseEvent, Finding, ScoreAdjustment, TeamScore } from '@ttx/engine';

export type { ScoreAdjustment, TeamScore } from '@ttx/engine';

export interface ScoreboardOptions {
  /** Teams to list first and even without findings, in this order (e.g. the scenario's teams). */
  teams?: readonly string[];
  adjustments?: readonly ScoreAdjustment[];
}

/** Scores per team from the findings in a state (or any list of findings) and the adjustments given. */
export function scoreboard(
  source: { findings: readonly Finding[] },
  options: ScoreboardOptions = {},
): TeamScore[] {
  const book = new ScoreBook();
  for (const finding of source.findings) book.addFinding(finding);
  for (const adjustment of options.adjustments ?? []) book.addAdjustment(adjustment);
  return book.scores(options.teams);
}

/** Scores per team from an event log: `findings.recorded` and `score.adjusted` events. */
export function scoreboardFromEvents(
  events: Iterable<ExerciseEvent>,
  options: Pick<ScoreboardOptions, 'teams'> = {},
): TeamScore[] {
  const book = new ScoreBook();
  for (const event of events) book.absorb(event);
  return book.scores(options.teams);
}

/** The highest level any state reached against another, from `escalation.changed` events or a state's peaks. */
export function maxEscalation(
  source: Iterable<ExerciseEvent> | { escalationPeak: Record<string, number> },
): number {
  if ('escalationPeak' in source) return Math.max(0, ...Object.values(source.escalationPeak));
  const book = new EscalationBook();
  for (const event of source) book.absorb(event);
  return book.maxPeak();
}
