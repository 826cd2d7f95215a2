// docs/casebook.md, written from the case table and what the engine recorded for each case.
import type { Finding } from '@ttx/engine';
import { CITATION_TITLES } from '../../src/index.js';
import { catalogue } from '../world.js';
import { casebookScenario } from './casebook-world.js';
import {
  TOPICS,
  type Case,
  type CaseRun,
  type Choice,
  type JudgedDecision,
  type Step,
  type Topic,
} from './case-types.js';

const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const teamName = (id: string) => casebookScenario.teams.find((t) => t.id === id)?.name ?? id;
const targetName = (id: string) => casebookScenario.targets.find((t) => t.id === id)?.name ?? id;
const stateName = (id: string) => casebookScenario.states.find((s) => s.id === id)?.name ?? id;
const channelName = (id: string) => casebookScenario.channels.find((ch) => ch.id === id)?.name ?? id;
const injectOf = (id: string) => {
  const inject = casebookScenario.injects.find((i) => i.id === id);
  if (!inject) throw new Error(`no inject ${id} in the case book world`);
  return inject;
};
const actionOf = (id: string) => {
  const action = catalogue.actions.find((a) => a.id === id);
  if (!action) throw new Error(`no action ${id} in the catalogue`);
  return action;
};

function choiceWords([actionId, targetId]: Choice): string {
  const action = actionOf(actionId);
  return `${action.name} (\`${actionId}\`, ${action.rung})${targetId === undefined ? '' : ` → ${targetName(targetId)}`}`;
}

function audienceWords(audience: 'all' | string[]): string {
  return audience === 'all' ? 'all teams' : audience.map(teamName).join(', ');
}

function injectWords(injectId: string): string {
  const inject = injectOf(injectId);
  const parts = [
    `**${inject.title}** (\`${inject.id}\`, ${inject.severity}${inject.sector ? `, ${inject.sector} sector` : ''}) to ${audienceWords(inject.audience)}`,
  ];
  const incident = inject.incident;
  if (incident) {
    const by = incident.actor === undefined ? 'an unknown actor' : stateName(incident.actor);
    const hit = [incident.victim, ...(incident.alsoHit ?? [])].map(stateName).join(' and ');
    const flags = [
      incident.urgent ? 'urgent: countermeasures may be taken at once' : undefined,
      incident.ongoing ? undefined : 'already over',
    ].filter(Boolean);
    parts.push(
      `: an act by ${by} against ${hit} at ${incident.rung}, evidence ${incident.evidence}${flags.length > 0 ? ` (${flags.join('; ')})` : ''}`,
    );
  }
  if (inject.endsIncidents)
    parts.push(`: the act of ${inject.endsIncidents.map((id) => `\`${id}\``).join(', ')} has stopped`);
  const prompt = inject.decision;
  if (prompt)
    parts.push(
      `; it asks for a decision${prompt.deadline === undefined ? ', with no deadline' : ` within ${Math.round(prompt.deadline / 60_000)} minutes`}`,
    );
  return parts.join('');
}

function stepWords(step: Step, index: number): string {
  const at = clock(step.at);
  if ('fire' in step) return `${at} — the white cell releases ${injectWords(step.fire)}.`;
  if ('tick' in step)
    return `${at} — the clock advances: injects due go out, deadlines that passed are recorded.`;
  if ('mark' in step) {
    const { team, played, reason } = step.mark;
    return `${at} — the white cell marks ${teamName(team)} as ${played ? 'played again' : 'not played'}${reason ? ` (“${reason}”)` : ''}.`;
  }
  if ('message' in step) {
    const { team, channel, text } = step.message;
    return `${at} — ${teamName(team)} writes on the ${channelName(channel)}: “${text}”`;
  }
  const { team, inject, actions } = step.decide;
  return `${at} — ${teamName(team)} decides (decision d${index + 1}${inject ? `, answering \`${inject}\`` : ''}): ${actions.map(choiceWords).join('; ')}.`;
}

function decisionLines(d: JudgedDecision, run: CaseRun): string[] {
  const by = d.byWhiteCell ? `the white cell, entering it for ${teamName(d.team)}` : teamName(d.team);
  const answering =
    d.inject === undefined
      ? 'on its own initiative'
      : `answering **${injectOf(d.inject).title}** (\`${d.inject}\`)`;
  const lines = [`**Decision** — at ${clock(d.at)}, ${by}, ${answering}:`, ''];
  for (const choice of d.actions) lines.push(`- ${choiceWords(choice)}`);
  if (d.confidence !== undefined) lines.push(`- Stated confidence in the attribution: **${d.confidence}**`);
  else if (d.actions.some(([id]) => actionOf(id).traits.includes('public-attribution')))
    lines.push('- No confidence stated');
  if (run.refusal) {
    lines.push(
      '',
      `The engine refuses it — \`${run.refusal.code}\`: “${run.refusal.message}” — and the clock tick of the same minute records the deadline as missed; that is what is judged.`,
    );
  }
  lines.push('');
  return lines;
}

const signedPoints = (delta: number) => (delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '0');

function findingLines(c: Case, findings: readonly Finding[]): string[] {
  const lines = ['**Expected findings**', ''];
  if (findings.length === 0) lines.push('- None: no rule records a finding for the team.');
  for (const f of findings) {
    const about = f.actionId === undefined ? '' : ` on ${actionOf(f.actionId).name}`;
    lines.push(
      `- **${f.severity}**, ${signedPoints(f.delta)} points — \`${f.ruleId}\`${about}: “${f.explanation}”`,
    );
  }
  const named = (ids: readonly string[]) => ids.map((id) => `\`${id}\``).join(', ');
  if (c.clears && c.clears.length > 0)
    lines.push(`- Finds nothing against the team, rightly: ${named(c.clears)}.`);
  if (c.withholds && c.withholds.length > 0)
    lines.push(`- Gives no credit here, rightly: ${named(c.withholds)}.`);
  lines.push('');
  return lines;
}

function verdictLines(run: CaseRun): string[] {
  if (run.verdicts.length === 0) return [];
  const lines = ['**Verdict per action**', ''];
  for (const x of run.verdicts) {
    lines.push(
      `- ${choiceWords([x.actionId, x.targetId])}: ${x.character}, **${x.verdict}**, ${signedPoints(x.total)} points — “${x.summary}”`,
    );
  }
  lines.push('');
  return lines;
}

function caseLines(c: Case, run: CaseRun): string[] {
  const lines = [`### ${c.id} ${c.title}`, '', `**Situation.** ${c.situation}`, ''];
  if (c.before.length > 0) {
    lines.push('**Before the decision** (exercise time):', '');
    c.before.forEach((step, i) => lines.push(`- ${stepWords(step, i)}`));
    lines.push('');
  }
  if (c.decision) lines.push(...decisionLines(c.decision, run));
  else if (c.tick)
    lines.push(
      `**No decision.** At ${clock(c.tick.at)} the clock advances past a deadline of ${teamName(c.tick.team)}’s.`,
      '',
    );
  lines.push(...findingLines(c, run.findings), ...verdictLines(run));
  if (c.note) lines.push(`**Why.** ${c.note}`, '');
  lines.push('**Sources**', '');
  for (const id of c.sources) lines.push(`- **${id}** — ${CITATION_TITLES[id] ?? 'unknown source'}`);
  lines.push('');
  return lines;
}

export function renderCasebook(cases: readonly Case[], runs: ReadonlyMap<string, CaseRun>): string {
  const lines = [
    '# Case book',
    '',
    '<!-- Generated from libs/rules/test/casebook/cases.ts by libs/rules/test/casebook.spec.ts, each case played through the engine with the default rules; do not edit by hand. Regenerate: UPDATE_CASEBOOK=1 node tools/scripts/jest.js libs/rules test/casebook -->',
    '',
    `${cases.length} cases of how the default rules of engagement (\`exercises/roe/default.yaml\`, described in [rules.md](rules.md)) judge a team's decision. Each case is played through the real exercise engine with the default rule set and the shared action catalogue, and the test that plays it fails when the engine records anything other than the findings listed here — so this book is also a specification of the rules.`,
    '',
    '## How to read a case',
    '',
    '- **Situation** says in plain words what happened, what the team was told and on what evidence, and what it had sent before.',
    '- **Before the decision** lists what the exercise recorded, in exercise time: injects the white cell released (with the act, its rung on the escalation ladder ESC-0…10, its severity SEV-0…5 and the grade of evidence naming the actor: none, low, moderate or high), earlier decisions, hotline messages, teams marked not played, clock ticks.',
    '- **Decision** is what the team chose: each action with its catalogue id and rung, and its target; for an attribution, the confidence the team stated. A case about a deadline has no decision: the clock passes it.',
    "- **Expected findings** are every finding the rules record for the team at that moment: its severity (commendation, note, concern, violation), the points it earns (+) or costs (−) — a share of the rule's weight — the rule, and its explanation word for word as the engine writes it for the facilitator to read aloud. A case may also name rules that look at the decision and rightly find nothing, or rightly give no credit.",
    "- **Verdict per action** is the engine's one assessment of each action across all the rules: its character in law (cooperative, defensive, retorsion, countermeasure, use of force), its verdict (violation, concern, acceptable, commendation), its points and the sentence that says why. A step above ESC-1 is at best acceptable, except a well-founded public attribution; credit for the practice around such a step (a notice given before it) shows as a note with its points. A team nobody plays, and a late answer the engine refuses, get no verdict.",
    '- **Sources** are the norms, confidence-building measures and rules of law that decide the case (the IDs of docs/rules.md).',
    '',
    'The cases are written as the law and the norms say, not as the rules happen to behave: a case the rules judged wrongly would fail its test until the rule is fixed.',
    '',
    '## The world the cases are played in',
    '',
    `Three states — ${casebookScenario.states.map((s) => s.name).join(', ')} — and these teams: ${casebookScenario.teams.map((t) => `${t.name} (\`${t.id}\`)`).join(', ')}. Northland and Southland share the ${channelName('hotline')}. Targets:`,
    '',
    ...casebookScenario.targets.map((t) => {
      const extra = [
        t.sector ? `${t.sector} sector` : undefined,
        t.affects ? `${t.affects.map(stateName).join(', ')} also depends on it` : undefined,
      ].filter(Boolean);
      return `- ${t.name} (\`${t.id}\`): ${t.kind} of ${stateName(t.state)}${extra.length > 0 ? `; ${extra.join('; ')}` : ''}`;
    }),
    '',
    'Nothing is released by the schedule unless a case lets the clock advance: the white cell releases each inject a case needs when the case says.',
    '',
    '## How to regenerate it',
    '',
    'The cases live in `libs/rules/test/casebook/cases.ts`. After changing a case, a rule or the catalogue, run',
    '',
    '```',
    'UPDATE_CASEBOOK=1 node tools/scripts/jest.js libs/rules test/casebook',
    '```',
    '',
    'which plays every case and writes this file; without `UPDATE_CASEBOOK=1` the same test fails while this file is stale.',
    '',
    '## Contents',
    '',
  ];
  const topics = Object.keys(TOPICS) as Topic[];
  for (const topic of topics) {
    const inTopic = cases.filter((c) => c.topic === topic);
    if (inTopic.length === 0) continue;
    lines.push(`- **${TOPICS[topic]}**: ${inTopic.map((c) => `${c.id} ${c.title}`).join(' · ')}`);
  }
  lines.push('');
  for (const topic of topics) {
    const inTopic = cases.filter((c) => c.topic === topic);
    if (inTopic.length === 0) continue;
    lines.push(`## ${TOPICS[topic]}`, '');
    for (const c of inTopic) {
      const run = runs.get(c.id);
      if (!run) throw new Error(`case ${c.id} was not played`);
      lines.push(...caseLines(c, run));
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
