// How times, dates and labels read in every rendering, so the JSON, CSV, HTML and PDF agree.
import { formatOffset } from '@ttx/scenario';
import { signed } from '@ttx/engine';
import type { AarModel, DecisionEntry } from './aar-model.js';

/** Exercise time (ms) as `HH:MM:SS`. */
export function formatExerciseTime(ms: number): string {
  return formatOffset(Math.max(0, ms));
}

/** Wall time (ms since the epoch) as an ISO 8601 UTC timestamp without milliseconds. */
export function formatWallTime(ms: number | undefined): string {
  if (ms === undefined) return '';
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Wall time as a calendar date `YYYY-MM-DD` (UTC). */
export function formatDate(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString().slice(0, 10);
}

/** A duration (ms) in hours and minutes, e.g. `2 h 05 min`. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}

/** A signed score change, as the event wording writes it. */
export { signed as formatSigned } from '@ttx/engine';

/** What a team's score cell says: its points, or "not played" for a team nobody played. */
export function scoreText(team: { played: boolean }, points: number): string {
  return team.played ? signed(points) : 'not played';
}

/** A team nobody played, in one sentence: the heading of its section says so, with the controller's reason. */
export function notPlayedText(team: { name: string; notPlayedReason?: string }): string {
  return `${team.name} was not played${team.notPlayedReason !== undefined ? ` (${team.notPlayedReason})` : ''}: it has no score, no findings and no improvement-plan items.`;
}

export const RATING_LABELS: Record<string, string> = {
  P: 'P: performed without challenges',
  S: 'S: performed with some challenges',
  M: 'M: performed with major challenges',
  U: 'U: unable to be performed',
};

export const DIMENSION_LABELS: Record<string, string> = {
  restraint: 'Restraint and protection of civilians',
  proportionality: 'Proportionality',
  'cbm-use': 'Use of CBMs',
  cooperation: 'Cooperation',
  attribution: 'Attribution care',
  timeliness: 'Timeliness',
};

export const CAPABILITY_LABELS: Record<string, string> = {
  planning: 'Planning',
  organisation: 'Organisation',
  equipment: 'Equipment',
  training: 'Training',
  exercise: 'Exercise',
};

export function reportTitle(model: AarModel): string {
  if (model.audience.kind === 'team') {
    const teamId = model.audience.teamId;
    const team = model.teams.find((t) => t.teamId === teamId);
    return `Team debrief: ${team?.name ?? teamId}`;
  }
  return 'After-Action Report and Improvement Plan';
}

/** The period the report covers, from the start of play to its end or the last event. */
export function reportPeriod(model: AarModel): string {
  const { startedAt, endedAt, lastEventAt, createdAt } = model.overview.dates;
  const from = formatDate(startedAt ?? createdAt);
  const to = formatDate(endedAt ?? lastEventAt);
  if (!from) return 'not started';
  return from === to || !to ? from : `${from} to ${to}`;
}

/** A decision's actions, one line each with its target and, when the log holds it, the action's verdict and
 * character ("Expel diplomats [ESC-3] against Northland government: acceptable, retorsion"). */
export function actionLines(d: DecisionEntry): string[] {
  return d.actions.map((a) => {
    const v = d.verdicts.find((x) => x.actionId === a.actionId && x.targetId === a.targetId);
    return `${a.actionName} [${a.rung}]${a.targetName ? ` against ${a.targetName}` : ''}${v ? `: ${v.verdict}, ${v.character}` : ''}`;
  });
}
