// docs/rules.md, the rules library for facilitators, generated from the rule set and the action catalogue.
import { DIMENSIONS, type ActionCatalogue, type RuleSet } from '@ttx/scenario';
import { CITATION_TITLES } from './citations.js';
import { ESCALATION_DEFAULTS, ESCALATION_PARAM_DOCS, escalationParams, type EscalationParams } from './escalation-model.js';
import { lawSection } from './law-doc.js';
import { ruleKinds } from './rule-kinds.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const showValue = (value: unknown): string =>
  Array.isArray(value) ? value.map((v) => String(v)).join(', ') : typeof value === 'string' ? value : JSON.stringify(value);

/** Texts (explanation templates) are quoted; values are shown as written. */
const showParam = (value: unknown): string =>
  typeof value === 'string' && value.includes(' ') ? `“${value.trim()}”` : showValue(value);

function ruleSection(ruleSet: RuleSet): string[] {
  const lines: string[] = ['## Rules', ''];
  for (const rule of ruleSet.rules) {
    const kind = ruleKinds[rule.kind];
    lines.push(`### ${rule.title} (\`${rule.id}\`)`, '');
    lines.push(`- **Kind:** \`${rule.kind}\` · **dimension:** ${rule.dimension} · **weight:** ${rule.weight}`);
    lines.push(`- **Triggered by:** ${kind ? kind.summary : 'an unknown rule kind — this rule never fires'}`);
    const params = Object.entries(rule.params ?? {});
    if (params.length > 0) {
      lines.push(`- **Parameters:** ${params.map(([k, v]) => `\`${k}\` = ${showParam(v)}`).join('; ')}`);
    }
    lines.push(`- **Read aloud:** “${rule.explanation.trim()}”`);
    lines.push('- **Cites:**');
    for (const source of rule.cites) lines.push(`  - **${source}** — ${CITATION_TITLES[source] ?? 'unknown source'}`);
    lines.push('');
  }
  return lines;
}

function catalogueSection(catalogue: ActionCatalogue): string[] {
  const lines = [
    `## The action catalogue (\`${catalogue.id}\`)`,
    '',
    catalogue.title,
    '',
    '| id | action | rung | category | targets | reversible | public | traits | CBMs |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const a of catalogue.actions) {
    lines.push(
      `| \`${a.id}\` | ${cell(a.name)} | ${a.rung} | ${a.category} | ${a.targets.join(', ') || '—'} | ${a.reversible ? 'yes' : 'no'} | ${a.public ? 'yes' : 'no'} | ${a.traits.join(', ') || '—'} | ${a.cbm.join(', ') || '—'} |`,
    );
  }
  lines.push('', '### What each action does', '');
  for (const a of catalogue.actions) lines.push(`- **${a.name}** (\`${a.id}\`, ${a.rung}): ${cell(a.description)}`);
  lines.push('');
  return lines;
}

function escalationSection(ruleSet: RuleSet): string[] {
  const params = escalationParams(ruleSet);
  const lines = [
    '## The escalation model',
    '',
    'Every ordered pair of states has a level on the ladder ESC-0…10, keyed `from>to`: how far `from` has escalated against `to`. Scenario conditions can branch on it (`escalation: {from, to, atLeast}`).',
    '',
    "- **Actions raise it.** When a state's team chooses an action aimed at a target belonging to another state, the pair rises to the action's rung if it is lower (one move per state and decision, to its highest rung). Actions with no target, aimed at the team's own state, or on ESC-0 move nothing.",
    `- **CBM channels ease it.** A decision that reaches the other state through a hotline, consultation or notification action lowers both directions of the pair by \`cbmRelief\`, unless the same decision also acts against that state at \`reliefBlockedFromRung\` or above. A message on a hotline channel lowers both directions between the sender's state and the other members' states by \`hotlineRelief\`, at most once per \`hotlineCooldownMinutes\` per team and channel.`,
    '- **Time eases it.** Each hostile action (rung 1 or above) taken at time *t* with rung *r* holds the pair up to *r* − ⌊(now − *t*) / `easeEveryMinutes`⌋; the level never stays above the highest hold, so a quiet pair drops one rung per `easeEveryMinutes` of exercise time. A level with no hostile action behind it (set by a controller) is left to the controller.',
    '- Scripted incidents in injects do not move levels: the ladder measures what the teams do.',
    '',
    '| parameter | this rule set | default | meaning |',
    '|---|---|---|---|',
  ];
  for (const key of Object.keys(ESCALATION_DEFAULTS) as (keyof EscalationParams)[]) {
    lines.push(`| \`${key}\` | ${params[key]} | ${ESCALATION_DEFAULTS[key]} | ${ESCALATION_PARAM_DOCS[key]} |`);
  }
  lines.push('');
  return lines;
}

/** The rules library as Markdown: scoring, every rule with its sources, the catalogue, the escalation model. */
export function renderRulesDoc(ruleSet: RuleSet, catalogue: ActionCatalogue): string {
  const lines = [
    '# Rules of engagement',
    '',
    `<!-- Generated from exercises/roe (rule set \`${ruleSet.id}\`, catalogue \`${catalogue.id}\`) by renderRulesDoc in libs/rules; do not edit by hand. Regenerate: UPDATE_RULES_DOC=1 node tools/scripts/jest.js libs/rules -t "rules library" -->`,
    '',
    `**${ruleSet.title}** (\`${ruleSet.id}\`)`,
    '',
    '## How decisions are scored',
    '',
    "Every decision a team submits is judged by every rule below, with the exercise as it stood before the decision. A rule that fires records a **finding**: the rule, the sources it cites, a severity (commendation, note, concern or violation), a score delta (a share of the rule's weight: a full violation costs the whole weight, a commendation earns it) and an explanation a facilitator can read aloud. Missed deadlines and hotline messages are judged the same way.",
    '',
    `A team's score is the sum of its findings' deltas, shown per dimension (${DIMENSIONS.join(', ')}). A controller's adjustment, always with a reason, is listed beside the findings and added to the total; it never replaces them.`,
    '',
    "**One assessment per action.** The findings on a decision are assembled into one verdict for each action chosen, with its points by dimension (the sum of that action's findings) and a sentence that reads as the chain: how the action is characterised in law — cooperation, a defensive measure at home, retorsion (lawful by nature: démarches, public statements and attribution, expulsions, indictments, trade measures, sanctions), a countermeasure (any cyber operation against another state, lawful only when every condition of the law of countermeasures holds) or a use of force — then the verdict and the rules that decide it. The verdict is **violation** when any rule finds the action a violation, **concern** when one finds against it short of that, **commendation** when a rule commends it and none finds against it, and **acceptable** otherwise. The same action is never commended and found a violation: once a rule finds it a violation, no other rule's credit on it stands. A step above ESC-1 (a private démarche) is at best acceptable, never commended — lawful, not admirable; the one exception is a public or joint attribution the attribution rule finds well-founded. Notice given before an escalatory step is still credited under CBM use, as a note on that step. Commendations go to restraint, de-escalation, cooperation and well-founded, well-timed conduct. Findings about the decision as a whole (its timeliness, the restraint it shows) carry no action's verdict.",
    '',
    "**Teams nobody plays.** A controller can mark a team as not played (and as played again when it turns up late). While it is marked not played, no rule judges it: it gets no findings from its decisions, messages or missed deadlines (a decision entered for it still moves the escalation levels, which belong to the states), and its scoreboard line says \"not played\" instead of a score. Marked played again, it is judged from then on; the deadlines that fell due while it was marked not played stay unpenalised. The after-action review shows a team that is marked not played at the end as not played, with no findings, strengths, areas for improvement or improvement-plan items.",
    '',
    "**Attribution and stated confidence.** A decision may state how confident the team is in an attribution it makes (low, moderate or high). A public or joint attribution is judged only against the evidence in injects released to that team — evidence another team received does not count — and against that stated confidence, as calibrated forecasts are scored: short of the evidence required, it is a violation that costs more the less evidence there was (no evidence more than low) and the more confidence was claimed beyond it (confident and wrong more than cautious and wrong); on enough evidence but stated with more confidence than the evidence gives, a concern; otherwise well-founded, and commended when the stated confidence matches the evidence or when it was coordinated (made jointly with partners, or after sharing with partners or CERTs). A decision that states no confidence is judged as stating moderate confidence, the middle case: it costs as moderate would when the evidence falls short, and it earns no credit for calibration. Stating less confidence than the evidence gives costs nothing. One attribution action draws one finding from this rule, never a commendation and a violation at once.",
    '',
    "Suggested HSEEP ratings per objective come from the findings on the injects that serve it: **P** only commendations and notes; **S** concerns but no violation; **M** violations matched or outnumbered by commendations; **U** violations outnumbering commendations. The evaluator's own rating overrides the suggestion.",
    '',
    ...lawSection(),
    "**Cooperation and CBM credit.** A finding cites its rule's sources and, when it credits a catalogue action (a notice, a consultation, a hotline call, an offer of help, a measure against activity from the team's territory), that action's `cbm:` references too. Notice before a step is credited only when it concerns that step — aimed at the state the step is aimed at, in the same decision or since the latest incident between the two states — reached that state (a target of it, or a hotline one of its teams is a member of), and the step itself breaks no other rule: notice before a strike on civilian infrastructure, on a CERT or before an unlawful countermeasure earns nothing. A démarche counts as notice. Crisis communication on the hotline (CBM-8, CBM-13) and consultation (CBM-3) are separate findings; a hotline call is not consultation. Requests for assistance count from another state's government or CERT and, at home, from an infrastructure operator or the CERT of the team's own state. A state asked or told of activity from its territory is commended when it acts against it — taking it down, or by law enforcement (an investigation, a seizure under a court order); acting before anyone asked is not scored by that rule.",
    '',
    ...ruleSection(ruleSet),
    ...catalogueSection(catalogue),
    ...escalationSection(ruleSet),
  ];
  return lines.join('\n');
}
