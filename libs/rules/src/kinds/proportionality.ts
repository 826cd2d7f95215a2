// TM2-R23, ILC Art. 51, EU-TOOLBOX: a response is weighed against the injury that provoked it — its severity, sector
// and scope — and retorsion, lawful by nature, only politically; restraint in answer to an incident is commended.
import { z } from 'zod';
import { ACTION_CATEGORIES, CITATIONS } from '@ttx/scenario';
import type { Finding } from '@ttx/engine';
import { chosenActions, defineRuleKind, foreignState, hasTrait, recordFinding, type ChosenAction, type RuleContext } from '../rule-context.js';
import { gravestAct, injured, injuryOf, knownIncidents, responseGravity, sev, type KnownIncident } from '../injury.js';
import { levelsParam, rungParam, shareParam, templateParam, traitsParam } from './params.js';

const params = z.strictObject({
  tolerance: levelsParam(0, 5).default(0),
  violationAbove: levelsParam(1, 5).default(2),
  countermeasureTraits: traitsParam.default(['countermeasure', 'offensive-cyber']),
  retorsionTraits: traitsParam.default(['retorsion', 'sanction', 'public-attribution', 'demarche', 'demand']),
  retorsionCategories: z.array(z.enum(ACTION_CATEGORIES)).default(['diplomatic', 'economic', 'legal']),
  retorsionAllowance: levelsParam(0, 10).default(2),
  retorsion: templateParam.optional(),
  retorsionCites: z.array(z.enum(CITATIONS as [string, ...string[]], { message: 'is not a known source' })).min(1).default(['EU-TOOLBOX']),
  restraintUpTo: rungParam.default(1),
  measured: templateParam.optional(),
  measuredShare: shareParam.default(0.5),
});
type Params = z.output<typeof params>;

export const proportionality = defineRuleKind({
  kind: 'proportionality',
  sources: ['TM2-R23', 'ILC-51', 'EU-TOOLBOX'],
  summary:
    "Weighs each action aimed at another state against the gravest act the team was told of against its state that the targeted state may be behind (its actor, or actor unknown). The injury is the act's severity (SEV-0…5), one more when the inject's sector serves the public, one more when other states were hit (`alsoHit`), at most SEV-5. Actions with one of `countermeasureTraits` are left to countermeasure-preconditions, which tests proportion as one of its conditions. Retorsion (one of `retorsionTraits`, or a category in `retorsionCategories`) is lawful by nature and judged politically under the EU Cyber Diplomacy Toolbox, cited as `retorsionCites`: its rung may reach the injury's level (one more when the same state has acted more than once — duration) plus `retorsionAllowance`, and beyond that it is a concern at half weight with the `retorsion` text, never a violation. Any other action (force, other operations) has an expected gravity — the catalogue's `effects` or one by rung, one more on a civilian target, one more when other states depend on the target — that may exceed the injury by `tolerance`; beyond it a concern at half weight, `violationAbove` levels or more a violation. With `measured`, a decision answering an incident against the team's state with nothing above `restraintUpTo` and no other finding is commended (`measuredShare`): restraint, never an escalatory action. Placeholders: `{injury}`, `{effects}`, `{excess}`, `{provocation}`, `{incidentSeverity}`.",
  params,
  evaluate(context) {
    const known = knownIncidents(context);
    const findings: Finding[] = [];
    for (const chosen of chosenActions(context)) {
      const otherState = foreignState(context.team, chosen);
      if (otherState === undefined || chosen.rung === 0 || hasTrait(chosen.action, context.params.countermeasureTraits)) continue;
      const acts = known.filter((k) => injured(k, context.team.state) && (k.incident.actor === undefined || k.incident.actor === otherState));
      const finding = isRetorsion(context.params, chosen) ? weighRetorsion(context, chosen, acts, otherState) : weighResponse(context, chosen, acts);
      if (finding) findings.push(finding);
    }
    return [...findings, ...commendRestraint(context, known, findings)];
  },
});

function isRetorsion(p: Params, chosen: ChosenAction): boolean {
  return hasTrait(chosen.action, p.retorsionTraits) || p.retorsionCategories.includes(chosen.action.category);
}

function provocationText(act: KnownIncident | undefined): string {
  if (!act) return 'no act against it';
  const injury = injuryOf(act);
  const scope = [injury.civilian ? `civilian ${act.inject.sector} services` : undefined, injury.statesHit > 1 ? `${injury.statesHit} states hit` : undefined].filter(Boolean);
  return `"${act.inject.title}", ${act.inject.severity}${scope.length > 0 ? `, ${scope.join(', ')}` : ''}`;
}

function weighRetorsion(context: RuleContext<Params>, chosen: ChosenAction, acts: readonly KnownIncident[], otherState: string): Finding | undefined {
  const { retorsionAllowance, retorsion, retorsionCites } = context.params;
  const worst = gravestAct(acts);
  const repeated = acts.filter((k) => k.incident.actor === otherState).length > 1;
  const level = worst ? Math.min(5, injuryOf(worst).level + (repeated ? 1 : 0)) : -1;
  const excess = chosen.rung - (level + retorsionAllowance);
  if (excess <= 0) return undefined;
  const fields = { injury: worst ? sev(level) : 'none', provocation: provocationText(worst), excess, cites: retorsionCites.join(', ') };
  const finding = recordFinding(context, { severity: 'concern', share: -0.5, chosen, template: retorsion, fields });
  finding.cites = [...retorsionCites];
  return finding;
}

function weighResponse(context: RuleContext<Params>, chosen: ChosenAction, acts: readonly KnownIncident[]): Finding | undefined {
  const { tolerance, violationAbove } = context.params;
  const worst = gravestAct(acts);
  const injury = worst ? injuryOf(worst).level : 0;
  const gravity = responseGravity(chosen);
  const excess = gravity - injury - tolerance;
  if (excess <= 0) return undefined;
  const violation = excess >= violationAbove;
  const fields = { injury: worst ? sev(injury) : 'none', effects: sev(gravity), provocation: provocationText(worst), excess };
  return recordFinding(context, { severity: violation ? 'violation' : 'concern', share: violation ? -1 : -0.5, chosen, fields });
}

function commendRestraint(context: RuleContext<Params>, known: readonly KnownIncident[], findings: readonly Finding[]): Finding[] {
  const { measured, measuredShare, restraintUpTo } = context.params;
  const trigger = context.trigger;
  if (measured === undefined || trigger.kind !== 'decision' || findings.length > 0 || trigger.chosen.length === 0) return [];
  if (trigger.chosen.some((c) => c.rung > restraintUpTo)) return [];
  const answered = known.find((k) => k.inject.id === trigger.decision.injectId);
  if (!answered || !injured(answered, context.team.state)) return [];
  return [recordFinding(context, { severity: 'commendation', share: measuredShare, template: measured, fields: { incidentSeverity: answered.inject.severity, provocation: provocationText(answered) } })];
}
