// TM2-R20–R25, ILC Art. 22, 49–53: an operation against another state is a lawful countermeasure only when every
// condition holds; otherwise it violates that state's sovereignty (TM2-R4). Each condition is shown with its evidence.
import { z } from 'zod';
import { EVIDENCE_LEVELS, TARGET_KINDS } from '@ttx/scenario';
import type { Finding } from '@ttx/engine';
import { chosenActions, defineRuleKind, foreignState, hasTrait, lastAimedAt, recordFinding, type ChosenAction, type RuleContext } from '../rule-context.js';
import { gravestAct, injured, injuryOf, knownIncidents, responseGravity, sev, strongestEvidence, type KnownIncident } from '../injury.js';
import { chainText, ongoingCondition, protectedReason, stateName, type Condition } from '../law-chain.js';
import { evidenceParam, levelsParam, sectorsParam, templateParam, traitsParam } from './params.js';

const params = z.strictObject({
  traits: traitsParam.default(['countermeasure', 'offensive-cyber']),
  minimumEvidence: evidenceParam.default('moderate'),
  demandTraits: traitsParam.default(['demand']),
  temporaryTraits: traitsParam.default(['temporary']),
  protectedKinds: z.array(z.enum(TARGET_KINDS)).default(['critical-infrastructure', 'cert']),
  protectedSectors: sectorsParam.default(['healthcare', 'emergency-services']),
  tolerance: levelsParam(0, 5).default(0),
  lawful: templateParam.optional(),
  protectedTarget: templateParam.optional(),
});
type Params = z.output<typeof params>;

export const countermeasurePreconditions = defineRuleKind({
  kind: 'countermeasure-preconditions',
  sources: ['TM2-R4', 'TM2-R20', 'TM2-R21', 'TM2-R22', 'TM2-R23', 'TM2-R24', 'TM2-R25', 'ILC-22', 'ILC-49', 'ILC-51', 'ILC-52'],
  summary:
    "Each action with one of `traits` aimed at another state is characterised as a countermeasure and tested condition by condition, each shown met or not met in `{chain}` with the inject or decision that decides it: (1) a prior wrongful act against the team's state attributed to the targeted state, in an inject the team received, with evidence at `minimumEvidence` or above; (2) the act still ongoing — not reported as over and not ended by a later inject's `endsIncidents`; (3) an earlier decision carrying a demand to comply (an action with one of `demandTraits`) aimed at that state after the act began — not required when the incident is `urgent` (ILC Art. 52(2)); (4) expected effects (the action's `effects`, or its rung; one more on a civilian target or one other states depend on) no graver than the injury (its severity, one more for civilian effects, one more when several states were hit) plus `tolerance`; (5) temporary (one of `temporaryTraits`) and reversible; (6) no other state depends on the target (TM2-R25). Any condition not met is a violation: a breach of the targeted state's sovereignty (TM2-R4). An action aimed at a protected target (`protectedKinds`, `protectedSectors`) is not a countermeasure at all: a violation with the `protectedTarget` text. With `lawful`, a countermeasure meeting every condition is noted as acceptable — never commended. Placeholders: `{chain}`, `{unmet}` (how many conditions failed).",
  params,
  evaluate(context) {
    const findings: Finding[] = [];
    for (const chosen of chosenActions(context)) {
      if (!hasTrait(chosen.action, context.params.traits)) continue;
      const responsible = foreignState(context.team, chosen);
      if (responsible === undefined || chosen.target === undefined) continue;
      const shield = protectedReason(context, chosen.target, context.params.protectedKinds, context.params.protectedSectors);
      if (shield !== undefined) {
        const chain = `Protected target: not met — ${shield}.`;
        findings.push(recordFinding(context, { severity: 'violation', share: -1, chosen, template: context.params.protectedTarget, fields: { chain, unmet: 1 } }));
        continue;
      }
      const conditions = assess(context, chosen, responsible);
      const unmet = conditions.filter((c) => !c.met).length;
      const chain = chainText(conditions);
      if (unmet > 0) {
        findings.push(recordFinding(context, { severity: 'violation', share: -1, chosen, fields: { chain, unmet } }));
      } else if (context.params.lawful !== undefined) {
        findings.push(recordFinding(context, { severity: 'note', share: 0, chosen, template: context.params.lawful, fields: { chain, unmet } }));
      }
    }
    return findings;
  },
});

function assess(context: RuleContext<Params>, chosen: ChosenAction, responsible: string): Condition[] {
  const { minimumEvidence, demandTraits, temporaryTraits, tolerance } = context.params;
  const them = stateName(context, responsible);
  const acts = knownIncidents(context).filter((k) => k.incident.actor === responsible && injured(k, context.team.state));
  const { evidence, injectId } = strongestEvidence(acts);
  const enough = EVIDENCE_LEVELS.indexOf(evidence) >= EVIDENCE_LEVELS.indexOf(minimumEvidence);
  const conditions: Condition[] = [
    {
      name: `Prior wrongful act by ${them}`,
      met: acts.length > 0 && enough,
      text:
        acts.length === 0
          ? `not met — no inject ${context.team.name} received attributes an act against it to ${them}`
          : `${enough ? 'met' : 'not met'} — inject ${injectId}, evidence ${evidence}, required ${minimumEvidence}`,
    },
  ];
  const going = acts.filter((k) => k.endedBy === undefined);
  conditions.push(ongoingCondition('Act ongoing', acts, 'act'));
  conditions.push(callToComply(context, chosen, responsible, them, going.length > 0 ? going : acts, demandTraits));
  const gravity = responseGravity(chosen);
  const worst = gravestAct(acts);
  const injury = worst ? injuryOf(worst).level : 0;
  conditions.push({
    name: 'Proportionate to the injury',
    met: worst !== undefined && gravity <= injury + tolerance,
    text: worst
      ? `${gravity <= injury + tolerance ? 'met' : 'not met'} — expected effects ${sev(gravity)} against an injury of ${sev(injury)} (inject ${worst.inject.id})`
      : `not met — expected effects ${sev(gravity)} against no injury suffered`,
  });
  const temporary = hasTrait(chosen.action, temporaryTraits);
  const reversible = chosen.action.reversible;
  conditions.push({
    name: 'Temporary and reversible',
    met: temporary && reversible,
    text:
      temporary && reversible
        ? `met — ${chosen.action.name} ends when ${them} complies and can be undone`
        : `not met — ${chosen.action.name} ${reversible ? 'is not designed to end when the other state complies' : 'cannot be undone'}`,
  });
  const thirdStates = (chosen.target!.affects ?? []).filter((s) => s !== responsible);
  conditions.push({
    name: `Aimed only at ${them}`,
    met: thirdStates.length === 0,
    text:
      thirdStates.length === 0
        ? `met — ${chosen.target!.name} belongs to ${them} and no other state depends on it`
        : `not met — ${thirdStates.map((s) => stateName(context, s)).join(', ')} also depend${thirdStates.length === 1 ? 's' : ''} on ${chosen.target!.name}`,
  });
  return conditions;
}

function callToComply(
  context: RuleContext<Params>,
  chosen: ChosenAction,
  responsible: string,
  them: string,
  acts: readonly KnownIncident[],
  demandTraits: Params['demandTraits'],
): Condition {
  const name = 'Call to comply';
  const urgent = acts.find((k) => k.incident.urgent === true);
  if (urgent) {
    return { name, met: true, text: `not required — the act of inject ${urgent.inject.id} calls for urgent countermeasures (ILC Art. 52(2))` };
  }
  const demand = lastAimedAt(context, responsible, demandTraits);
  // The demand must concern the act: made once the first of the acts it answers was known.
  const since = acts[0]?.releasedAt ?? 0;
  if (demand !== undefined && demand.decision.exerciseTime >= since) {
    return { name, met: true, text: `met — decision ${demand.decision.decisionId} (${demand.action.name}) demanded that ${them} comply` };
  }
  const sameDecision = chosenActions(context).some((c) => c !== chosen && hasTrait(c.action, demandTraits) && c.target?.state === responsible);
  if (sameDecision) return { name, met: false, text: `not met — the demand in this same decision left ${them} no time to comply` };
  if (demand !== undefined) return { name, met: false, text: `not met — the last demand, decision ${demand.decision.decisionId}, came before the act it would answer` };
  return { name, met: false, text: `not met — no demand was sent to ${them}` };
}
