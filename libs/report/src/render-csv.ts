// Decisions (with their findings) and the whole event timeline as RFC 4180 CSV: CRLF line ends, fields quoted
// when they hold a comma, a quote or a line break. Free text that a spreadsheet would run as a formula is
// prefixed with an apostrophe (OWASP CSV injection), the only way the cells differ from the JSON.
import type { AarModel, FindingEntry } from './aar-model.js';
import { formatExerciseTime, formatWallTime } from './report-format.js';
import { timelineText } from './timeline-text.js';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Free text from players or staff, defused for spreadsheets. */
export function csvText(value: string): string {
  return csvField(FORMULA_START.test(value) ? `'${value}` : value);
}

function row(cells: string[]): string {
  return `${cells.join(',')}\r\n`;
}

export const DECISION_COLUMNS = [
  'seq', 'exerciseTime', 'exerciseTimeMs', 'teamId', 'team', 'decisionId', 'injectId', 'actions', 'targets', 'rungs',
  'rationale', 'latencyMs', 'deadlineMs', 'onTime', 'findings', 'scoreDelta', 'explanations',
] as const;

export function renderDecisionsCsv(model: AarModel): string {
  const teamNames = new Map(model.teams.map((t) => [t.teamId, t.name]));
  const findingsByDecision = new Map<string, FindingEntry[]>();
  for (const team of model.teams) {
    for (const f of team.findings) {
      if (f.decisionId === undefined) continue;
      const list = findingsByDecision.get(f.decisionId) ?? [];
      list.push(f);
      findingsByDecision.set(f.decisionId, list);
    }
  }
  const lines = [row([...DECISION_COLUMNS])];
  for (const d of model.timeline.decisions) {
    const findings = findingsByDecision.get(d.decisionId) ?? [];
    lines.push(
      row([
        String(d.seq),
        formatExerciseTime(d.exerciseTime),
        String(d.exerciseTime),
        csvField(d.teamId),
        csvText(teamNames.get(d.teamId) ?? d.teamId),
        csvField(d.decisionId),
        csvField(d.injectId),
        csvField(d.actions.map((a) => a.actionId).join(';')),
        csvField(d.actions.map((a) => a.targetId ?? '').join(';')),
        csvField(d.actions.map((a) => a.rung).join(';')),
        csvText(d.rationale),
        csvField(d.latency),
        csvField(d.deadline),
        csvField(d.onTime),
        csvField(d.findings.join(';')),
        String(d.scoreDelta),
        csvText(findings.map((f) => `${f.ruleId} (${f.severity}, ${f.delta}): ${f.explanation}`).join(' | ')),
      ]),
    );
  }
  return lines.join('');
}

export const TIMELINE_COLUMNS = ['seq', 'exerciseTime', 'exerciseTimeMs', 'wallTime', 'type', 'category', 'teamId', 'actor', 'audience', 'summary'] as const;

export function renderTimelineCsv(model: AarModel): string {
  const lines = [row([...TIMELINE_COLUMNS])];
  const text = timelineText(model);
  for (const e of model.timeline.entries) {
    const audience = e.audience.kind === 'teams' ? e.audience.teams.join(';') : e.audience.kind;
    lines.push(
      row([
        String(e.seq),
        formatExerciseTime(e.exerciseTime),
        String(e.exerciseTime),
        formatWallTime(e.at),
        e.type,
        e.category,
        csvField(e.teamId),
        csvText(e.actor ?? ''),
        csvField(audience),
        csvText(text(e)),
      ]),
    );
  }
  return lines.join('');
}
