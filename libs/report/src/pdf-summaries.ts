// What the printed report shows of a long exercise: counts per channel, rule, dimension and kind of event, and the
// key events behind them. The JSON and CSV files keep every event; a minister's PDF keeps a few pages.
import type { AarModel, DecisionEntry, FindingEntry, TeamReport, TimelineCategory } from './aar-model.js';
import { formatExerciseTime, formatSigned } from './report-format.js';

const t = formatExerciseTime;

const SEVERITY_ORDER = { violation: 0, concern: 1, note: 2, commendation: 3 } as const;

const CATEGORY_LABELS: Record<TimelineCategory, string> = {
  exercise: 'Exercise start, end and lobby',
  participant: 'Participants joining',
  inject: 'Injects released',
  decision: 'Decisions and missed deadlines',
  finding: 'Scoring findings recorded',
  escalation: 'Escalation changes',
  message: 'Messages on channels',
  control: 'Controller actions',
  evaluation: 'Evaluator observations and plan edits',
};

const CONTROL_LABELS: Record<string, string> = {
  'exercise.paused': 'Pauses',
  'exercise.resumed': 'Resumptions',
  'exercise.speed-changed': 'Speed changes',
  'inject.released': 'Injects fired or sent ad hoc',
  'inject.held': 'Injects held',
  'inject.unheld': 'Injects released from hold',
  'inject.skipped': 'Injects skipped',
  'inject.edited': 'Injects edited',
  'escalation.changed': 'Escalation set by a controller',
  'score.adjusted': 'Score adjustments',
};

/** Controller actions too frequent to list one by one; their counts are in the summary table. */
const ROUTINE_CONTROL = new Set(['exercise.paused', 'exercise.resumed', 'score.adjusted']);

/** Events of the timeline by kind. */
export function activityRows(model: AarModel): string[][] {
  const counts = new Map<TimelineCategory, number>();
  for (const e of model.timeline.entries) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
  return (Object.keys(CATEGORY_LABELS) as TimelineCategory[]).filter((c) => counts.has(c)).map((c) => [CATEGORY_LABELS[c], String(counts.get(c))]);
}

/** One row per channel: messages in all, by team, and the exercise time of the first and last. */
export function channelRows(model: AarModel): string[][] {
  const teamNames = new Map(model.teams.map((team) => [team.teamId, team.name]));
  return model.timeline.channels.map((c) => {
    const byTeam = new Map<string, number>();
    for (const m of c.messages) {
      const who = m.teamId ?? m.sender ?? 'staff';
      byTeam.set(who, (byTeam.get(who) ?? 0) + 1);
    }
    const senders = [...byTeam].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([who, n]) => `${teamNames.get(who) ?? who} ${n}`);
    const span = c.messages.length > 0 ? `${t(c.messages[0].exerciseTime)} to ${t(c.messages[c.messages.length - 1].exerciseTime)}` : '';
    return [`${c.name} (${c.kind})`, String(c.messages.length), senders.join(', '), span];
  });
}

/** Decisions by team: how many, how many answered a prompt, and the points their findings gave. */
export function decisionRows(model: AarModel): string[][] {
  const rows = new Map(model.teams.map((team) => [team.teamId, { name: team.name, all: 0, prompted: 0, points: 0 }]));
  for (const d of model.timeline.decisions) {
    const row = rows.get(d.teamId);
    if (!row) continue;
    row.all += 1;
    if (d.injectId !== undefined) row.prompted += 1;
    row.points += d.scoreDelta;
  }
  return [...rows.values()].map((r) => [r.name, String(r.all), String(r.prompted), formatSigned(Math.round(r.points * 100) / 100)]);
}

/** The decisions behind each escalation peak, then those with the heaviest violations, in log order. */
export function keyDecisions(model: AarModel, limit: number): DecisionEntry[] {
  const chosen = new Set<string>();
  for (const pair of model.escalation.pairs) for (const peak of pair.peaks) if (peak.decisionId !== undefined) chosen.add(peak.decisionId);
  const violated = new Set<string>();
  for (const team of model.teams) for (const f of team.findings) if (f.severity === 'violation' && f.decisionId !== undefined) violated.add(f.decisionId);
  const worst = model.timeline.decisions.filter((d) => violated.has(d.decisionId) && !chosen.has(d.decisionId)).sort((a, b) => a.scoreDelta - b.scoreDelta || a.seq - b.seq);
  for (const d of worst) {
    if (chosen.size >= limit) break;
    chosen.add(d.decisionId);
  }
  return model.timeline.decisions.filter((d) => chosen.has(d.decisionId)).slice(0, limit);
}

/** Controller actions by kind, and the ones worth listing (not the routine pauses and adjustments). */
export function controlSummary(model: AarModel, limit: number): { counts: string[][]; listed: AarModel['timeline']['controllerActions'] } {
  const counts = new Map<string, number>();
  for (const c of model.timeline.controllerActions) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  return {
    counts: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type, n]) => [CONTROL_LABELS[type] ?? type, String(n)]),
    listed: model.timeline.controllerActions.filter((c) => !ROUTINE_CONTROL.has(c.type)).slice(0, limit),
  };
}

/** A team's findings grouped by rule and severity: how often, how many points, and the first explanation. */
export function findingGroupRows(report: TeamReport): string[][] {
  const groups = new Map<string, { first: FindingEntry; count: number; points: number }>();
  for (const f of report.findings) {
    const key = `${f.ruleId}\u0000${f.severity}`;
    const group = groups.get(key);
    if (group) {
      group.count += 1;
      group.points += f.delta;
    } else groups.set(key, { first: f, count: 1, points: f.delta });
  }
  return [...groups.values()]
    .sort((a, b) => SEVERITY_ORDER[a.first.severity] - SEVERITY_ORDER[b.first.severity] || b.count - a.count || a.first.ruleId.localeCompare(b.first.ruleId))
    .map((g) => [g.first.ruleId, g.first.severity, String(g.count), formatSigned(Math.round(g.points * 100) / 100), g.first.cites.join(', '), `${g.first.explanation}${g.count > 1 ? ` (first at ${t(g.first.exerciseTime)})` : ''}`]);
}

/** A team's most serious findings (violations, then concerns, then the rest), shown in time order. */
export function keyFindings(report: TeamReport, limit: number): FindingEntry[] {
  return [...report.findings]
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.seq - b.seq)
    .slice(0, limit)
    .sort((a, b) => a.seq - b.seq);
}

/** A team's score adjustments by dimension, with their reasons. */
export function adjustmentRows(report: TeamReport): string[][] {
  const byDimension = new Map<string, { count: number; points: number; reasons: Set<string> }>();
  for (const a of report.adjustments) {
    let row = byDimension.get(a.dimension);
    if (!row) byDimension.set(a.dimension, (row = { count: 0, points: 0, reasons: new Set() }));
    row.count += 1;
    row.points += a.delta;
    row.reasons.add(a.reason);
  }
  return [...byDimension].map(([dimension, r]) => {
    const reasons = [...r.reasons];
    return [dimension, String(r.count), formatSigned(Math.round(r.points * 100) / 100), `${reasons.slice(0, 3).join('; ')}${reasons.length > 3 ? `; and ${reasons.length - 3} more` : ''}`];
  });
}
