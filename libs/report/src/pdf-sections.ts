// The body of each PDF section, in the order of report-outline.ts.
import type { AarModel, Judgement, ObjectiveReport, TeamReport } from './aar-model.js';
import { escalationChart, scoreChart } from './chart-data.js';
import { drawEscalationChart, drawScoreChart } from './pdf-charts.js';
import { MUTED, type PdfLayout } from './pdf-layout.js';
import { activityRows, adjustmentRows, channelRows, controlSummary, decisionRows, findingGroupRows, keyDecisions, keyFindings } from './pdf-summaries.js';
import { TIMELINE_LIMITS, type SectionId } from './report-outline.js';
import {
  CAPABILITY_LABELS,
  actionLines,
  DIMENSION_LABELS,
  RATING_LABELS,
  formatDuration,
  formatExerciseTime,
  formatSigned,
  formatWallTime,
  notPlayedText,
  reportPeriod,
  scoreText,
} from './report-format.js';

const t = formatExerciseTime;
/** Evidence ids and evaluator notes a printed judgement or objective lists before saying how many there are. */
const EVIDENCE_SHOWN = 12;
const OBSERVATIONS_SHOWN = 3;

function more(layout: PdfLayout, total: number, shown: number, where: string): void {
  if (total > shown) layout.paragraph(`${total - shown} further rows are in ${where}.`, { colour: MUTED, size: 9 });
}

function overview(layout: PdfLayout, model: AarModel): void {
  const o = model.overview;
  layout.facts([
    ['Exercise', o.name],
    ['Scenario', `${o.scenario.title} (${o.scenario.id} ${o.scenario.version})`],
    ['Dates', reportPeriod(model)],
    ['Started (UTC)', formatWallTime(o.dates.startedAt) || 'not started'],
    ['Ended (UTC)', formatWallTime(o.dates.endedAt) || `still ${o.status}`],
    ['Duration, exercise time', `${t(o.duration.exerciseMs)} of ${t(o.duration.plannedMs)} planned`],
    ['Duration, wall time', `${formatDuration(o.duration.wallMs)}, of which ${formatDuration(o.duration.pausedMs)} paused`],
    ['States', o.scope.states.map((s) => s.name).join(', ')],
    ['Sectors', o.scope.sectors.join(', ') || 'none'],
    ['Injects', `${o.scope.injectsReleased} released of ${o.scope.injectsPlanned} planned; ${o.scope.decisionPrompts} decision prompts`],
    ['Rules of engagement', `${o.ruleSet.title} (${o.ruleSet.id})`],
    ['Controllers and facilitators', o.staff.map((s) => `${s.id} (${s.role})`).join(', ') || 'none recorded'],
  ]);
  layout.heading('Scenario summary', 2);
  layout.paragraph(o.scenario.summary);
  layout.heading('Objectives', 2);
  layout.table([{ header: 'Id', width: 1.2 }, { header: 'Objective', width: 4 }, { header: 'Capability', width: 2 }], o.objectives.map((x) => [x.id, x.title, x.capability]));
  layout.heading('Participating teams', 2);
  layout.table(
    [{ header: 'Team', width: 2.5 }, { header: 'Kind', width: 1.6 }, { header: 'State', width: 1.4 }, { header: 'Participants', width: 3 }],
    o.teams.map((x) => [x.name, x.kind, x.stateName ?? '', x.participants.join(', ')]),
  );
}

function scores(layout: PdfLayout, model: AarModel): void {
  drawScoreChart(layout, scoreChart(model));
  const dims = model.teams[0]?.score.dimensions ?? [];
  layout.table(
    [{ header: 'Dimension', width: 2.6 }, ...model.teams.map((team) => ({ header: team.name, width: 1.4, align: 'right' as const }))],
    [
      ...dims.map((d, i) => [DIMENSION_LABELS[d.dimension] ?? d.dimension, ...model.teams.map((team) => scoreText(team, team.score.dimensions[i].total))]),
      ['Total', ...model.teams.map((team) => scoreText(team, team.score.total))],
    ],
  );
}

function escalation(layout: PdfLayout, model: AarModel): void {
  const e = model.escalation;
  const top = e.pairs.find((p) => p.key === e.maxPair);
  layout.paragraph(`Highest level reached: ESC-${e.maxLevel}${top ? ` (${top.fromName} toward ${top.toName})` : ''}.`, { bold: true });
  const chart = escalationChart(model);
  if (chart.series.length > 0) drawEscalationChart(layout, chart);
  else layout.paragraph('No pair of states left ESC-0.', { colour: MUTED });
  layout.heading('Peaks and their causes', 2);
  const peaks = e.pairs
    .flatMap((p) => p.peaks.map((k) => ({ k, row: [t(k.exerciseTime), `${p.fromName} toward ${p.toName}`, `ESC-${k.level}`, k.explanation] })))
    .sort((a, b) => a.k.seq - b.k.seq)
    .map((x) => x.row);
  layout.table([{ header: 'Time', width: 1 }, { header: 'Pair', width: 2 }, { header: 'Level', width: 0.8 }, { header: 'Cause', width: 5 }], peaks, 'No escalation peaks.');
  layout.heading('Levels by pair of states', 2);
  layout.table(
    [{ header: 'From', width: 2 }, { header: 'Toward', width: 2 }, { header: 'Final', width: 1 }, { header: 'Peak', width: 1 }, { header: 'Changes', width: 1, align: 'right' }],
    e.pairs.map((p) => [p.fromName, p.toName, `ESC-${p.level}`, `ESC-${p.peak}`, String(p.points.length)]),
  );
}

/** An objective's observations in a few lines: how many of each rating, and the latest notes in full. */
function observationSummary(o: ObjectiveReport): string {
  if (o.observations.length === 0) return '';
  const counts = new Map<string, number>();
  for (const x of o.observations) counts.set(x.rating, (counts.get(x.rating) ?? 0) + 1);
  const latest = o.observations.slice(-OBSERVATIONS_SHOWN).map((x) => `${x.rating}: ${x.note}${x.by ? ` (${x.by})` : ''}`);
  const tally = ['P', 'S', 'M', 'U'].filter((r) => counts.has(r)).map((r) => `${r} ${counts.get(r)}`).join(', ');
  return o.observations.length > OBSERVATIONS_SHOWN ? [`${o.observations.length} observations (${tally}); latest:`, ...latest].join('\n') : latest.join('\n');
}

function objectives(layout: PdfLayout, model: AarModel): void {
  layout.table(
    [{ header: 'Objective', width: 2.6 }, { header: 'Evaluator', width: 0.9 }, { header: 'Evaluator notes', width: 3 }, { header: 'Suggested', width: 0.9 }, { header: 'Basis of suggestion', width: 2.4 }],
    model.objectives.map((o) => [`${o.objectiveId}: ${o.title}`, o.evaluatorRating ?? 'none', observationSummary(o), o.suggestedRating ?? 'none', o.suggestionReasoning]),
  );
  layout.paragraph(`Ratings: ${Object.values(RATING_LABELS).join('; ')}. Every observation is in the JSON report.`, { colour: MUTED, size: 9 });
}

function judgements(layout: PdfLayout, list: Judgement[], empty: string): void {
  if (list.length === 0) return layout.paragraph(empty, { colour: MUTED });
  const listed = (label: string, ids: readonly (string | number)[]) =>
    ids.length === 0 ? '' : `${label} ${ids.slice(0, EVIDENCE_SHOWN).join(', ')}${ids.length > EVIDENCE_SHOWN ? `, ... (${ids.length} in all)` : ''}`;
  for (const j of list) {
    layout.paragraph(`${j.id}. ${j.title}`, { bold: true });
    layout.paragraph(j.detail);
    const ev = [
      listed('rules', j.evidence.ruleIds),
      listed('decisions', j.evidence.decisionIds),
      listed('observations', j.evidence.observationIds),
      listed('events', j.evidence.seqs),
    ].filter(Boolean);
    layout.paragraph(`Evidence: ${ev.join('; ')}`, { colour: MUTED, size: 8.5 });
  }
}

function team(layout: PdfLayout, report: TeamReport): void {
  if (!report.played) {
    layout.heading(`${report.name}${report.stateName ? ` (${report.stateName})` : ''}: not played`, 2);
    layout.paragraph(notPlayedText(report));
    return;
  }
  layout.heading(`${report.name}${report.stateName ? ` (${report.stateName})` : ''}: score ${formatSigned(report.score.total)}`, 2);
  layout.table(
    [{ header: 'Dimension', width: 3 }, { header: 'From rules', width: 1, align: 'right' }, { header: 'Adjustments', width: 1, align: 'right' }, { header: 'Total', width: 1, align: 'right' }],
    report.score.dimensions.map((d) => [DIMENSION_LABELS[d.dimension] ?? d.dimension, formatSigned(d.fromRules), formatSigned(d.adjustments), formatSigned(d.total)]),
  );
  const c = report.findingCounts;
  layout.heading(`Findings (${report.findings.length})`, 3);
  layout.paragraph(`${c.violation} violations, ${c.concern} concerns, ${c.note} notes, ${c.commendation} commendations. By rule:`);
  layout.table(
    [{ header: 'Rule', width: 1.5 }, { header: 'Severity', width: 1.1 }, { header: 'Times', width: 0.6, align: 'right' }, { header: 'Points', width: 0.7, align: 'right' }, { header: 'Cites', width: 1.2 }, { header: 'Explanation (first)', width: 4.2 }],
    findingGroupRows(report),
  );
  const limit = TIMELINE_LIMITS.pdfFindingsPerTeam;
  if (report.findings.length > 0) {
    layout.heading('Key findings', 3);
    layout.table(
      [{ header: 'Time', width: 0.9 }, { header: 'Rule', width: 1.3 }, { header: 'Severity', width: 1.1 }, { header: 'Points', width: 0.7, align: 'right' }, { header: 'Cites', width: 1.3 }, { header: 'Explanation', width: 4.2 }],
      keyFindings(report, limit).map((f) => [t(f.exerciseTime), f.ruleId, f.severity, formatSigned(f.delta), f.cites.join(', '), f.explanation]),
    );
    more(layout, report.findings.length, limit, 'decisions.csv and the JSON report');
  }
  if (report.adjustments.length > 0) {
    layout.heading(`Controller adjustments (${report.adjustments.length})`, 3);
    layout.table([{ header: 'Dimension', width: 1.5 }, { header: 'Times', width: 0.7, align: 'right' }, { header: 'Points', width: 0.8, align: 'right' }, { header: 'Reasons', width: 5 }], adjustmentRows(report));
  }
  const l = report.latency;
  layout.heading('Decision latency against deadlines', 3);
  layout.paragraph(`${l.answered} answered, ${l.onTime} on time, ${l.late} late, ${l.missed} missed${l.meanMs !== undefined ? `; mean latency ${t(l.meanMs)}, longest ${t(l.maxMs ?? 0)}` : ''}.`);
  layout.table(
    [{ header: 'Inject', width: 0.9 }, { header: 'Prompt', width: 3.4 }, { header: 'Released', width: 1 }, { header: 'Deadline', width: 1 }, { header: 'Latency', width: 1 }, { header: 'Status', width: 1 }],
    l.prompts.slice(0, limit).map((p) => [p.injectId, p.title, t(p.releasedAt), p.deadline !== undefined ? t(p.deadline) : '', p.latency !== undefined ? t(p.latency) : '', p.status]),
    'No decision prompts.',
  );
  layout.heading('Hotline and CBM channels', 3);
  layout.bullets([
    `Hotline activations: ${report.channels.hotlineActivations}`,
    ...report.channels.cbmActions.map((x) => `${x.name}: ${x.count} (${x.cbm.join(', ')})`),
    ...report.channels.messages.map((m) => `${m.name} (${m.kind}): ${m.count} messages`),
  ]);
}

function timeline(layout: PdfLayout, model: AarModel): void {
  const tl = model.timeline;
  layout.paragraph('Times are exercise time (HH:MM:SS from the start, pauses excluded). This printed timeline summarises the exercise and lists its key events; every event is in timeline.csv and the JSON report, every decision with its findings in decisions.csv.', { colour: MUTED, size: 9 });
  layout.heading(`Activity (${tl.entries.length} events)`, 2);
  layout.table([{ header: 'Events', width: 5 }, { header: 'Count', width: 1, align: 'right' }], activityRows(model));
  layout.heading('Injects', 2);
  const released = tl.injects.filter((i) => i.releasedAt !== undefined);
  layout.table(
    [{ header: 'Time', width: 0.9 }, { header: 'Inject', width: 0.9 }, { header: 'Title', width: 3.4 }, { header: 'Channel', width: 1.2 }, { header: 'Severity', width: 0.8 }, { header: 'Audience', width: 1.6 }],
    released.slice(0, TIMELINE_LIMITS.pdfEvents).map((i) => [t(i.releasedAt ?? 0), i.injectId, i.title, i.channel, i.severity, i.audience.join(', ')]),
  );
  more(layout, released.length, TIMELINE_LIMITS.pdfEvents, 'timeline.csv');
  layout.heading('Decisions', 2);
  layout.table([{ header: 'Team', width: 3 }, { header: 'Decisions', width: 1, align: 'right' }, { header: 'On prompts', width: 1, align: 'right' }, { header: 'Points', width: 1, align: 'right' }], decisionRows(model));
  const key = keyDecisions(model, TIMELINE_LIMITS.pdfDecisions);
  if (key.length > 0) {
    layout.heading('Key decisions: escalation peaks and the heaviest violations', 3);
    layout.table(
      [{ header: 'Time', width: 0.9 }, { header: 'Team', width: 1 }, { header: 'Actions, targets and verdicts', width: 2.8 }, { header: 'Rationale', width: 3 }, { header: 'Findings', width: 1.4 }, { header: 'Points', width: 0.7, align: 'right' }],
      key.map((d) => [t(d.exerciseTime), d.teamId, actionLines(d).join('\n') + (d.confidence !== undefined ? `\nStated confidence: ${d.confidence}` : ''), d.rationale, d.findings.join(', '), formatSigned(d.scoreDelta)]),
    );
  }
  more(layout, tl.decisions.length, key.length, 'decisions.csv');
  layout.heading('Controller actions', 2);
  const control = controlSummary(model, TIMELINE_LIMITS.pdfEvents);
  layout.table([{ header: 'Action', width: 5 }, { header: 'Count', width: 1, align: 'right' }], control.counts);
  if (control.listed.length > 0) layout.table([{ header: 'Time', width: 1 }, { header: 'Action', width: 6 }, { header: 'By', width: 1.8 }], control.listed.map((c) => [t(c.exerciseTime), c.summary, c.actor ?? '']));
  layout.heading('Messages by channel', 2);
  layout.table([{ header: 'Channel', width: 2.4 }, { header: 'Messages', width: 0.9, align: 'right' }, { header: 'By team', width: 4 }, { header: 'From / to', width: 1.6 }], channelRows(model));
  for (const c of tl.channels) {
    if (c.messages.length === 0) continue;
    layout.heading(`${c.name}: ${c.messages.length > TIMELINE_LIMITS.pdfMessages ? 'latest messages' : 'messages'}`, 3);
    layout.table([{ header: 'Time', width: 1 }, { header: 'Team', width: 1.2 }, { header: 'Message', width: 6 }], c.messages.slice(-TIMELINE_LIMITS.pdfMessages).map((m) => [t(m.exerciseTime), m.teamId ?? m.sender ?? '', m.text]));
    more(layout, c.messages.length, TIMELINE_LIMITS.pdfMessages, 'timeline.csv');
  }
}

function plan(layout: PdfLayout, model: AarModel): void {
  layout.table(
    [{ header: 'Issue', width: 3 }, { header: 'Corrective action', width: 3 }, { header: 'Capability element', width: 1.2 }, { header: 'Responsible organisation', width: 1.5 }, { header: 'Point of contact', width: 1.3 }, { header: 'Start / completion', width: 1.3 }],
    model.improvementPlan.map((i) => [i.issue, i.correctiveAction, CAPABILITY_LABELS[i.capabilityElement] ?? i.capabilityElement, i.responsibleOrganisation, i.pointOfContact, [i.startDate, i.completionDate].filter(Boolean).join(' to ')]),
    'No improvement items.',
  );
}

function appendix(layout: PdfLayout, model: AarModel): void {
  const a = model.appendix;
  layout.heading('Participants', 2);
  layout.table([{ header: 'Team', width: 2 }, { header: 'Participant', width: 3 }], a.participants.map((p) => [p.teamName, p.participant]));
  if (a.staff.length > 0) layout.table([{ header: 'Role', width: 2 }, { header: 'Staff', width: 3 }], a.staff.map((s) => [s.role, s.id]));
  layout.heading(`Rules library: ${a.ruleSet.title} (${a.ruleSet.id})`, 2);
  layout.table(
    [{ header: 'Rule', width: 2.6 }, { header: 'Kind', width: 2 }, { header: 'Dimension', width: 1.3 }, { header: 'Weight', width: 0.7, align: 'right' }, { header: 'Cites', width: 1.6 }, { header: 'Fired', width: 0.6, align: 'right' }],
    a.ruleSet.rules.map((r) => [`${r.id}: ${r.title}`, r.kind, r.dimension, String(r.weight), r.cites.join(', '), String(r.fired)]),
  );
  layout.heading('Responses used', 2);
  layout.table(
    [{ header: 'Action', width: 3 }, { header: 'Rung', width: 0.9 }, { header: 'Category', width: 1.2 }, { header: 'CBMs', width: 1.6 }, { header: 'Times', width: 0.7, align: 'right' }],
    a.actionsUsed.map((x) => [x.name, x.rung, x.category, x.cbm.join(', '), String(x.count)]),
  );
}

/** Draws one section's body; the teams section is drawn team by team, each with its own contents entry. */
export function drawSection(layout: PdfLayout, model: AarModel, id: Exclude<SectionId, 'teams'>): void {
  switch (id) {
    case 'overview': return overview(layout, model);
    case 'scores': return scores(layout, model);
    case 'escalation': return escalation(layout, model);
    case 'objectives': return objectives(layout, model);
    case 'strengths': return judgements(layout, model.strengths, 'No strengths recorded yet.');
    case 'areas': return judgements(layout, model.areasForImprovement, 'No areas for improvement recorded.');
    case 'timeline': return timeline(layout, model);
    case 'plan': return plan(layout, model);
    case 'appendix': return appendix(layout, model);
  }
}

export { team as drawTeamSection };
