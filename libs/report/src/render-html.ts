// The AAR as one standalone, print-friendly HTML document: inline CSS, inline SVG charts, every scenario and
// player string escaped so markup in a rationale shows as text.
import type { AarModel, Judgement, TeamReport } from './aar-model.js';
import { escalationChart, scoreChart } from './chart-data.js';
import { escapeHtml, svgEscalationChart, svgScoreChart } from './html-charts.js';
import { reportSections, TIMELINE_LIMITS } from './report-outline.js';
import { timelineText } from './timeline-text.js';
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
  reportTitle,
  scoreText,
} from './report-format.js';

type Cell = string | number | { html: string };

const cell = (c: Cell) => (typeof c === 'object' ? c.html : escapeHtml(String(c)));

function table(headers: string[], rows: Cell[][], empty = 'None recorded.'): string {
  if (rows.length === 0) return `<p class="muted">${escapeHtml(empty)}</p>`;
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const rating = (r: string | undefined) => (r === undefined ? { html: '<span class="muted">none</span>' } : { html: `<span class="rating r-${r}" title="${escapeHtml(RATING_LABELS[r] ?? r)}">${r}</span>` });
const severity = (s: string) => ({ html: `<span class="sev sev-${s}">${escapeHtml(s)}</span>` });

const CSS = `
body{font:14px/1.45 "Helvetica Neue",Helvetica,Arial,sans-serif;color:#1b2631;max-width:1000px;margin:0 auto;padding:24px}
h1{font-size:28px;margin:0 0 4px}h2{font-size:21px;border-bottom:2px solid #1f5fa8;padding-bottom:4px;margin-top:36px}
h3{font-size:16px;margin-top:22px}.cover{border-left:6px solid #1f5fa8;padding:8px 16px;margin-bottom:24px}
.muted{color:#5d6d7e}table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:12.5px}
th,td{border:1px solid #d5d8dc;padding:4px 6px;text-align:left;vertical-align:top}th{background:#eaf0f7}
tbody tr:nth-child(even){background:#f8f9f9}dl.facts{display:grid;grid-template-columns:220px 1fr;gap:2px 12px}
dl.facts dt{font-weight:600}figure{margin:12px 0}svg{width:100%;height:auto;font-size:11px;fill:#1b2631}
svg .grid{stroke:#e5e8e8}svg .axis{stroke:#1b2631}figcaption{font-size:12px;color:#5d6d7e}
ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12px}
.swatch{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:-1px}
.rating{display:inline-block;min-width:20px;text-align:center;font-weight:700;border-radius:3px;color:#fff}
.r-P{background:#2e8b57}.r-S{background:#7d9c2a}.r-M{background:#d68910}.r-U{background:#c0392b}
.sev-violation{color:#c0392b;font-weight:700}.sev-concern{color:#a04000;font-weight:600}.sev-commendation{color:#2e8b57}
.evidence{font-size:12px;color:#5d6d7e}nav ol{columns:2}pre.text{white-space:pre-wrap;font:inherit;margin:0}
@media print{body{max-width:none;padding:0}h2{break-before:page}h2.first{break-before:auto}table,figure{break-inside:auto}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
`;

function evidence(j: Judgement): string {
  const parts = [
    j.evidence.ruleIds.length > 0 ? `rules ${j.evidence.ruleIds.join(', ')}` : '',
    j.evidence.decisionIds.length > 0 ? `decisions ${j.evidence.decisionIds.join(', ')}` : '',
    j.evidence.observationIds.length > 0 ? `observations ${j.evidence.observationIds.join(', ')}` : '',
    `events ${j.evidence.seqs.slice(0, 12).join(', ')}${j.evidence.seqs.length > 12 ? ', ...' : ''}`,
  ].filter(Boolean);
  return `<span class="evidence">Evidence: ${escapeHtml(parts.join('; '))}</span>`;
}

function judgements(list: Judgement[], empty: string): string {
  if (list.length === 0) return `<p class="muted">${escapeHtml(empty)}</p>`;
  return `<ol>${list.map((j) => `<li id="${escapeHtml(j.id)}"><strong>${escapeHtml(j.id)}. ${escapeHtml(j.title)}</strong><br>${escapeHtml(j.detail)}<br>${evidence(j)}</li>`).join('\n')}</ol>`;
}

function overviewHtml(model: AarModel): string {
  const o = model.overview;
  const facts: [string, string][] = [
    ['Exercise', o.name],
    ['Scenario', `${o.scenario.title} (${o.scenario.id} ${o.scenario.version})`],
    ['Dates', reportPeriod(model)],
    ['Started / ended (UTC)', `${formatWallTime(o.dates.startedAt) || 'not started'} / ${formatWallTime(o.dates.endedAt) || 'still running'}`],
    ['Duration (exercise time)', `${formatExerciseTime(o.duration.exerciseMs)} of ${formatExerciseTime(o.duration.plannedMs)} planned`],
    ['Duration (wall time)', `${formatDuration(o.duration.wallMs)}, of which ${formatDuration(o.duration.pausedMs)} paused`],
    ['States', o.scope.states.map((s) => s.name).join(', ')],
    ['Sectors', o.scope.sectors.join(', ') || 'none'],
    ['Injects', `${o.scope.injectsReleased} released of ${o.scope.injectsPlanned} planned; ${o.scope.decisionPrompts} decision prompts`],
    ['Rules of engagement', `${o.ruleSet.title} (${o.ruleSet.id}); catalogue ${o.catalogue.title}`],
    ['Controllers and facilitators', o.staff.map((s) => `${s.id} (${s.role})`).join(', ') || 'none recorded'],
  ];
  return `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<h3>Scenario summary</h3><pre class="text">${escapeHtml(o.scenario.summary)}</pre>
<h3>Objectives</h3>${table(['Id', 'Objective', 'Capability'], o.objectives.map((x) => [x.id, x.title, x.capability]))}
<h3>Teams</h3>${table(['Team', 'Kind', 'State', 'Participants'], o.teams.map((t) => [t.name, t.kind, t.stateName ?? '', t.participants.join(', ')]))}`;
}

function scoresHtml(model: AarModel): string {
  const dims = model.teams[0]?.score.dimensions ?? [];
  const rows: Cell[][] = dims.map((d, i) => [DIMENSION_LABELS[d.dimension] ?? d.dimension, ...model.teams.map((t) => scoreText(t, t.score.dimensions[i].total))]);
  rows.push([{ html: '<strong>Total</strong>' }, ...model.teams.map((t) => ({ html: `<strong>${escapeHtml(scoreText(t, t.score.total))}</strong>` }))]);
  return `${svgScoreChart(scoreChart(model))}${table(['Dimension', ...model.teams.map((t) => t.name)], rows)}`;
}

function escalationHtml(model: AarModel): string {
  const e = model.escalation;
  const active = e.pairs.filter((p) => p.peak > 0);
  const peaks = active
    .flatMap((p) => p.peaks.map((k) => ({ k, row: [formatExerciseTime(k.exerciseTime), `${p.fromName} toward ${p.toName}`, `ESC-${k.level}`, k.explanation] as Cell[] })))
    .sort((a, b) => a.k.seq - b.k.seq)
    .map((x) => x.row);
  return `<p>Highest level reached: <strong>ESC-${e.maxLevel}</strong>${e.maxPair ? ` (${escapeHtml(e.pairs.find((p) => p.key === e.maxPair)?.fromName ?? '')} toward ${escapeHtml(e.pairs.find((p) => p.key === e.maxPair)?.toName ?? '')})` : ''}.</p>
${svgEscalationChart(escalationChart(model))}
<h3>Levels by pair of states</h3>${table(['From', 'Toward', 'Final', 'Peak', 'Changes'], e.pairs.map((p) => [p.fromName, p.toName, `ESC-${p.level}`, `ESC-${p.peak}`, p.points.length]))}
<h3>Peaks and their causes</h3>${table(['Time', 'Pair', 'Level', 'Cause'], peaks, 'No escalation peaks.')}`;
}

function objectivesHtml(model: AarModel): string {
  const rows = model.objectives.map((o) => [
    `${o.objectiveId}: ${o.title}`,
    rating(o.evaluatorRating),
    o.observations.map((x) => `${x.rating}: ${x.note}${x.by ? ` (${x.by})` : ''}`).join('\n'),
    rating(o.suggestedRating),
    o.suggestionReasoning,
  ]);
  return `${table(['Objective', 'Evaluator', 'Evaluator notes', 'Suggested', 'Basis of suggestion'], rows)}<p class="muted">Ratings: ${Object.values(RATING_LABELS).map(escapeHtml).join('; ')}.</p>`;
}

function teamHtml(team: TeamReport): string {
  if (!team.played) {
    return `<h3 id="team-${escapeHtml(team.teamId)}">${escapeHtml(team.name)}${team.stateName ? ` (${escapeHtml(team.stateName)})` : ''}: not played</h3>
<p class="not-played">${escapeHtml(notPlayedText(team))}</p>`;
  }
  const l = team.latency;
  const findings = team.findings.map((f) => [formatExerciseTime(f.exerciseTime), f.ruleId, severity(f.severity), formatSigned(f.delta), f.cites.join(', '), f.explanation]);
  const prompts = l.prompts.map((p) => [p.injectId, p.title, formatExerciseTime(p.releasedAt), p.deadline !== undefined ? formatExerciseTime(p.deadline) : '', p.latency !== undefined ? formatExerciseTime(p.latency) : '', p.status]);
  const channels = [
    `Hotline activations: ${team.channels.hotlineActivations}`,
    ...team.channels.cbmActions.map((c) => `${c.name} x${c.count} (${c.cbm.join(', ')})`),
    ...team.channels.messages.map((m) => `${m.name} (${m.kind}): ${m.count} messages`),
  ];
  return `<h3 id="team-${escapeHtml(team.teamId)}">${escapeHtml(team.name)}${team.stateName ? ` (${escapeHtml(team.stateName)})` : ''}: score ${escapeHtml(formatSigned(team.score.total))}</h3>
${table(['Dimension', 'From rules', 'Adjustments', 'Total'], team.score.dimensions.map((d) => [DIMENSION_LABELS[d.dimension] ?? d.dimension, formatSigned(d.fromRules), formatSigned(d.adjustments), formatSigned(d.total)]))}
<h4>Findings (${team.findings.length})</h4>${table(['Time', 'Rule', 'Severity', 'Points', 'Cites', 'Explanation'], findings)}
${team.adjustments.length ? `<h4>Controller adjustments</h4>${table(['Time', 'Dimension', 'Points', 'Reason', 'By'], team.adjustments.map((a) => [formatExerciseTime(a.exerciseTime), a.dimension, formatSigned(a.delta), a.reason, a.by ?? '']))}` : ''}
<h4>Decision latency</h4><p>${l.answered} answered, ${l.onTime} on time, ${l.late} late, ${l.missed} missed${l.meanMs !== undefined ? `; mean ${escapeHtml(formatExerciseTime(l.meanMs))}, longest ${escapeHtml(formatExerciseTime(l.maxMs ?? 0))}` : ''}.</p>
${table(['Inject', 'Prompt', 'Released', 'Deadline', 'Latency', 'Status'], prompts, 'No decision prompts.')}
<h4>Hotline and CBM channels</h4><ul>${channels.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>`;
}

function timelineHtml(model: AarModel): string {
  const t = model.timeline;
  const limit = TIMELINE_LIMITS.html;
  const released = t.injects.filter((i) => i.releasedAt !== undefined);
  const text = timelineText(model);
  const entries = t.entries.slice(0, limit).map((e) => [e.seq, formatExerciseTime(e.exerciseTime), e.category, { html: `<pre class="text">${escapeHtml(text(e))}</pre>` }]);
  const more = t.entries.length > limit ? `<p class="muted">${t.entries.length - limit} further events are in timeline.csv.</p>` : '';
  return `<h3>Injects</h3>${table(['Time', 'Inject', 'Title', 'Channel', 'Severity', 'Audience'], released.map((i) => [formatExerciseTime(i.releasedAt ?? 0), i.injectId, i.title, i.channel, i.severity, i.audience.join(', ')]))}
<h3>Decisions</h3>${table(['Time', 'Team', 'Actions, targets and verdicts', 'Stated confidence', 'Rationale', 'Findings', 'Points'], t.decisions.slice(0, limit).map((d) => [formatExerciseTime(d.exerciseTime), d.teamId, actionLines(d).join('\n'), d.confidence ?? '—', { html: `<pre class="text">${escapeHtml(d.rationale)}</pre>` }, d.findings.join(', '), formatSigned(d.scoreDelta)]))}
<h3>Messages by channel</h3>${t.channels.map((c) => `<h4>${escapeHtml(c.name)} (${escapeHtml(c.kind)})</h4>${table(['Time', 'Team', 'Sender', 'Message'], c.messages.slice(0, limit).map((m) => [formatExerciseTime(m.exerciseTime), m.teamId ?? '', m.sender ?? '', { html: `<pre class="text">${escapeHtml(m.text)}</pre>` }]), 'No messages.')}`).join('\n')}
${t.decisions.length > limit ? `<p class="muted">${t.decisions.length - limit} further decisions are in decisions.csv.</p>` : ''}
<h3>Controller actions</h3>${table(['Time', 'Action', 'By'], t.controllerActions.slice(0, limit).map((c) => [formatExerciseTime(c.exerciseTime), c.summary, c.actor ?? '']))}
<h3>Event log</h3>${table(['Seq', 'Time', 'Kind', 'Event'], entries)}${more}`;
}

function planHtml(model: AarModel): string {
  const rows = model.improvementPlan.map((i) => [i.itemId, i.issue, i.correctiveAction, CAPABILITY_LABELS[i.capabilityElement] ?? i.capabilityElement, i.responsibleOrganisation, i.pointOfContact, i.startDate ?? '', i.completionDate ?? '']);
  return table(['Item', 'Issue', 'Corrective action', 'Capability element', 'Responsible organisation', 'Point of contact', 'Start', 'Completion'], rows, 'No improvement items.');
}

function appendixHtml(model: AarModel): string {
  const a = model.appendix;
  return `<h3>Participants</h3>${table(['Team', 'Participant'], a.participants.map((p) => [p.teamName, p.participant]))}
${a.staff.length ? table(['Role', 'Staff'], a.staff.map((s) => [s.role, s.id])) : ''}
<h3>Rules library: ${escapeHtml(a.ruleSet.title)} (${escapeHtml(a.ruleSet.id)})</h3>${table(['Rule', 'Kind', 'Dimension', 'Weight', 'Cites', 'Fired'], a.ruleSet.rules.map((r) => [`${r.id}: ${r.title}`, r.kind, r.dimension, r.weight, r.cites.join(', '), r.fired]))}
<h3>Responses used</h3>${table(['Action', 'Rung', 'Category', 'CBMs', 'Times'], a.actionsUsed.map((x) => [x.name, x.rung, x.category, x.cbm.join(', '), x.count]))}`;
}

/** A complete HTML document for the review screen, print and download. */
export function renderAarHtml(model: AarModel): string {
  const bodies: Record<string, () => string> = {
    overview: () => overviewHtml(model),
    scores: () => scoresHtml(model),
    escalation: () => escalationHtml(model),
    objectives: () => objectivesHtml(model),
    strengths: () => judgements(model.strengths, 'No strengths recorded yet.'),
    areas: () => judgements(model.areasForImprovement, 'No areas for improvement recorded.'),
    teams: () => model.teams.map(teamHtml).join('\n'),
    timeline: () => timelineHtml(model),
    plan: () => planHtml(model),
    appendix: () => appendixHtml(model),
  };
  const sections = reportSections(model);
  const nav = sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('');
  const content = sections.map((s, i) => `<section id="${s.id}"><h2${i === 0 ? ' class="first"' : ''}>${escapeHtml(s.title)}</h2>\n${bodies[s.id]()}</section>`).join('\n');
  const title = reportTitle(model);
  const asOf = model.asOf.final ? 'Final report' : `Report as of exercise time ${formatExerciseTime(model.asOf.exerciseTime)} (event ${model.asOf.seq}); the exercise is still ${model.overview.status}`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${title}: ${model.overview.name}`)}</title><style>${CSS}</style></head>
<body><header class="cover"><p class="muted">${escapeHtml(title)}</p><h1>${escapeHtml(model.overview.name)}</h1>
<p>${escapeHtml(model.overview.scenario.title)} &middot; ${escapeHtml(reportPeriod(model))}</p><p class="muted">${escapeHtml(asOf)}${model.generatedAt !== undefined ? `. Generated ${escapeHtml(formatWallTime(model.generatedAt))}` : ''}. AAR schema version ${model.schemaVersion}.</p></header>
<nav><h2 class="first">Contents</h2><ol>${nav}</ol></nav>
${content}
</body></html>
`;
}
