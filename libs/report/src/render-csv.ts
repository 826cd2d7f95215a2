// Decisions (with their findings, and whether their team was played) and the whole event timeline as RFC 4180 CSV (csv-stringify): CRLF line ends,
// fields quoted when they hold a comma, a quote or a line break. Free text that a spreadsheet would run as a formula
// is prefixed with an apostrophe (OWASP CSV injection), the only way the cells differ from the JSON.
import { stringify } from 'csv-stringify/sync';
import type { ActionVerdict } from '@ttx/engine';
import type { AarModel, DecisionEntry, FindingEntry } from './aar-model.js';
import { formatExerciseTime, formatWallTime } from './report-format.js';
import { timelineText } from './timeline-text.js';

const FORMULA_START = /^[=+\-@\t\r]/;

type Cell = string | number | boolean | undefined;

/** A lone CR or LF is a line break too, so it is quoted as well as the CRLF between records. */
const CSV_OPTIONS = {
  record_delimiter: '\r\n',
  quoted_match: /[\r\n]/,
  cast: { boolean: (value: boolean) => String(value) },
};

/** Free text from players or staff, defused for spreadsheets. */
function defused(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvOf(header: readonly string[], rows: Cell[][]): string {
  return stringify([[...header], ...rows], CSV_OPTIONS);
}

export const DECISION_COLUMNS = [
  'seq',
  'exerciseTime',
  'exerciseTimeMs',
  'teamId',
  'team',
  /** False for a decision recorded for a team a controller marked not played: it carries no findings. */
  'teamPlayed',
  'decisionId',
  'injectId',
  'actions',
  'targets',
  'rungs',
  'verdicts',
  'characters',
  'rationale',
  'confidence',
  'latencyMs',
  'deadlineMs',
  'onTime',
  'findings',
  'scoreDelta',
  'explanations',
] as const;

export function renderDecisionsCsv(model: AarModel): string {
  const teamNames = new Map(model.teams.map((t) => [t.teamId, t.name]));
  const played = new Map(model.teams.map((t) => [t.teamId, t.played]));
  const findingsByDecision = new Map<string, FindingEntry[]>();
  for (const team of model.teams) {
    for (const f of team.findings) {
      if (f.decisionId === undefined) continue;
      const list = findingsByDecision.get(f.decisionId) ?? [];
      list.push(f);
      findingsByDecision.set(f.decisionId, list);
    }
  }
  const rows: Cell[][] = [];
  for (const d of model.timeline.decisions) {
    const findings = findingsByDecision.get(d.decisionId) ?? [];
    rows.push([
      String(d.seq),
      formatExerciseTime(d.exerciseTime),
      String(d.exerciseTime),
      d.teamId,
      defused(teamNames.get(d.teamId) ?? d.teamId),
      played.get(d.teamId) ?? true,
      d.decisionId,
      d.injectId,
      d.actions.map((a) => a.actionId).join(';'),
      d.actions.map((a) => a.targetId ?? '').join(';'),
      d.actions.map((a) => a.rung).join(';'),
      d.actions.map((a) => verdictOf(d, a)?.verdict ?? '').join(';'),
      d.actions.map((a) => verdictOf(d, a)?.character ?? '').join(';'),
      defused(d.rationale),
      d.confidence,
      d.latency,
      d.deadline,
      d.onTime,
      d.findings.join(';'),
      String(d.scoreDelta),
      defused(findings.map((f) => `${f.ruleId} (${f.severity}, ${f.delta}): ${f.explanation}`).join(' | ')),
    ]);
  }
  return csvOf(DECISION_COLUMNS, rows);
}

export const TIMELINE_COLUMNS = [
  'seq',
  'exerciseTime',
  'exerciseTimeMs',
  'wallTime',
  'type',
  'category',
  'teamId',
  'actor',
  'audience',
  'summary',
] as const;

export function renderTimelineCsv(model: AarModel): string {
  const rows: Cell[][] = [];
  const text = timelineText(model);
  for (const e of model.timeline.entries) {
    const audience = e.audience.kind === 'teams' ? e.audience.teams.join(';') : e.audience.kind;
    rows.push([
      String(e.seq),
      formatExerciseTime(e.exerciseTime),
      String(e.exerciseTime),
      formatWallTime(e.at),
      e.type,
      e.category,
      e.teamId,
      defused(e.actor ?? ''),
      audience,
      defused(text(e)),
    ]);
  }
  return csvOf(TIMELINE_COLUMNS, rows);
}

function verdictOf(d: DecisionEntry, a: DecisionEntry['actions'][number]): ActionVerdict | undefined {
  return d.verdicts.find((v) => v.actionId === a.actionId && v.targetId === a.targetId);
}
