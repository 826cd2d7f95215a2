// UN Charter Art. 2(4) and 51, TM2-R68–R75: force against another state is lawful only in self-defence against an
// armed attack, necessary, immediate and proportionate, and reported to the Security Council; each condition is shown.
import { z } from 'zod';
import { CITATIONS, EVIDENCE_LEVELS, TARGET_KINDS, severityLevel, type ActionTrait } from '@ttx/scenario';
import type { Finding } from '@ttx/engine';
import {
  chosenActions,
  decisionsOf,
  defineRuleKind,
  foreignState,
  hasTrait,
  lastAimedAt,
  recordFinding,
  type ChosenAction,
  type RuleContext,
} from '../rule-context.js';
import { gravestAct, injured, injuryOf, knownIncidents, responseGravity, sev, strongestEvidence, type KnownIncident } from '../injury.js';
import { chainText, ongoingCondition, protectedReason, stateName, type Condition } from '../law-chain.js';
import { evidenceParam, levelsParam, sectorsParam, severityParam, shareParam, templateParam, traitsParam } from './params.js';

const params = z.strictObject({
  traits: traitsParam.default(['use-of-force']),
  armedAttackAt: severityParam.default(5),
  minimumEvidence: evidenceParam.default('high'),
  peacefulTraits: traitsParam.default(['demand', 'hotline', 'consultation']),
  reportTraits: traitsParam.default(['security-council-report']),
  protectedKinds: z.array(z.enum(TARGET_KINDS)).default(['critical-infrastructure', 'cert']),
  protectedSectors: sectorsParam.default(['healthcare', 'emergency-services']),
  tolerance: levelsParam(0, 5).default(0),
  unreportedShare: shareParam.default(0.25),
  lawful: templateParam.optional(),
  unreported: templateParam.optional(),
  protectedTarget: templateParam.optional(),
  protectedTargetCites: z.array(z.enum(CITATIONS as [string, ...string[]], { message: 'is not a known source' })).default(['TM2-R93']),
});
type Params = z.output<typeof params>;

export const useOfForce = defineRuleKind({
  kind: 'use-of-force',
  sources: ['UN-CHARTER-2-4', 'UN-CHARTER-51', 'TM2-R68', 'TM2-R69', 'TM2-R71', 'TM2-R72', 'TM2-R73', 'TM2-R75', 'TM2-R93'],
  summary:
    "Each action with one of `traits` aimed at another state is a use of force, prohibited by Article 2(4) of the UN Charter unless it is self-defence under Article 51. It is tested condition by condition, each shown met or not met in `{chain}` with the inject or decision that decides it: (1) an armed attack by the targeted state against the team's state, in an inject the team received, whose scale and effects reach an armed attack — the incident's `armedAttack` when the scenario says, otherwise its inject's severity at `armedAttackAt` or above — with evidence at `minimumEvidence` or above; (2) necessity: peaceful means tried first — an earlier decision aimed at that state with one of `peacefulTraits`, made once the attack was known — or unavailable because the attack is `urgent`; (3) immediacy: the attack ongoing or, threatened again, imminent — not reported as over and not ended by a later inject's `endsIncidents`; (4) proportionality: expected effects (the action's `effects`, or its rung; one more on a civilian target or one other states depend on) no graver than the attack (its severity, one more for civilian effects, one more when several states were hit) plus `tolerance`; (5) reported to the Security Council: an action with one of `reportTraits` in the same decision or an earlier one since the attack. Any of (1)–(4) not met is a violation of Article 2(4). (5) is procedural: Article 51 says measures taken in self-defence shall be immediately reported (TM2-R75), but the International Court of Justice treated a missing report as one factor indicating whether a state was itself convinced it acted in self-defence, not as what makes force unlawful (Nicaragua v. United States, 1986, paragraph 200); with `unreported`, self-defence failing only (5) is a concern costing `unreportedShare` of the weight. A strike on a protected target (`protectedKinds`, `protectedSectors`) is never lawful self-defence: force in self-defence must also respect humanitarian law (ICJ, Nuclear Weapons advisory opinion, 1996, paragraph 42), whose principle of distinction forbids making civilian objects — civilian infrastructure, CERTs, hospitals and emergency services — the object of attack (`protectedTargetCites`); it is a violation with the `protectedTarget` text. With `lawful`, self-defence meeting every condition is noted as acceptable — never commended. Placeholders: `{chain}`, `{unmet}` (how many conditions failed).",
  params,
  evaluate(context) {
    const findings: Finding[] = [];
    for (const chosen of chosenActions(context)) {
      if (!hasTrait(chosen.action, context.params.traits)) continue;
      const attacked = foreignState(context.team, chosen);
      if (attacked === undefined || chosen.target === undefined) continue;
      const { protectedKinds, protectedSectors, protectedTarget, protectedTargetCites } = context.params;
      const shield = protectedReason(context, chosen.target, protectedKinds, protectedSectors);
      if (shield !== undefined) {
        const chain = `Protected target: not met — ${shield}, a civilian object that may never be the object of attack.`;
        const fields = { chain, unmet: 1 };
        findings.push(recordFinding(context, { severity: 'violation', share: -1, chosen, template: protectedTarget, fields, cites: protectedTargetCites }));
        continue;
      }
      const { substantive, report } = assess(context, chosen, attacked);
      const unmet = [...substantive, report].filter((c) => !c.met).length;
      const fields = { chain: chainText([...substantive, report]), unmet };
      if (substantive.some((c) => !c.met)) {
        findings.push(recordFinding(context, { severity: 'violation', share: -1, chosen, fields }));
      } else if (!report.met) {
        const { unreported, unreportedShare } = context.params;
        if (unreported !== undefined) findings.push(recordFinding(context, { severity: 'concern', share: -unreportedShare, chosen, template: unreported, fields }));
      } else if (context.params.lawful !== undefined) {
        findings.push(recordFinding(context, { severity: 'note', share: 0, chosen, template: context.params.lawful, fields }));
      }
    }
    return findings;
  },
});

function assess(context: RuleContext<Params>, chosen: ChosenAction, attacked: string): { substantive: Condition[]; report: Condition } {
  const { armedAttackAt, tolerance } = context.params;
  const them = stateName(context, attacked);
  const acts = knownIncidents(context).filter((k) => k.incident.actor === attacked && injured(k, context.team.state));
  const attacks = acts.filter((k) => k.incident.armedAttack ?? severityLevel(k.inject.severity) >= armedAttackAt);
  // Later conditions ask about the armed attacks; without any, about the acts there were.
  const answered = attacks.length > 0 ? attacks : acts;
  const going = answered.filter((k) => k.endedBy === undefined);
  const worst = gravestAct(attacks);
  const injury = worst ? injuryOf(worst).level : 0;
  const gravity = responseGravity(chosen);
  const proportionate = worst !== undefined && gravity <= injury + tolerance;
  const substantive: Condition[] = [
    armedAttack(context, them, acts, attacks),
    necessity(context, chosen, attacked, them, going.length > 0 ? going : answered),
    ongoingCondition('Attack ongoing or imminent', attacks, 'attack'),
    {
      name: 'Proportionate to the attack',
      met: proportionate,
      text: worst
        ? `${proportionate ? 'met' : 'not met'} — expected effects ${sev(gravity)} against an attack of ${sev(injury)} (inject ${worst.inject.id})`
        : `not met — expected effects ${sev(gravity)} against no armed attack suffered`,
    },
  ];
  return { substantive, report: securityCouncilReport(context, chosen, answered[0]) };
}

function armedAttack(context: RuleContext<Params>, them: string, acts: readonly KnownIncident[], attacks: readonly KnownIncident[]): Condition {
  const { armedAttackAt, minimumEvidence } = context.params;
  const name = `Armed attack by ${them}`;
  if (acts.length === 0) {
    return { name, met: false, text: `not met — no inject ${context.team.name} received attributes an attack on ${ownStateName(context)} to ${them}` };
  }
  if (attacks.length === 0) {
    const gravest = acts.reduce((w, k) => (severityLevel(k.inject.severity) >= severityLevel(w.inject.severity) ? k : w));
    const text =
      gravest.incident.armedAttack === false
        ? `not met — the scenario marks the act of inject ${gravest.inject.id} as short of an armed attack`
        : `not met — the gravest act, inject ${gravest.inject.id} at ${gravest.inject.severity}, falls short of the scale and effects of an armed attack (${sev(armedAttackAt)})`;
    return { name, met: false, text };
  }
  const { evidence, injectId } = strongestEvidence(attacks);
  const enough = EVIDENCE_LEVELS.indexOf(evidence) >= EVIDENCE_LEVELS.indexOf(minimumEvidence);
  const attack = attacks.find((k) => k.inject.id === injectId)!;
  const scale = attack.incident.armedAttack === true ? 'marked as one by the scenario' : `${attack.inject.severity}, at or above ${sev(armedAttackAt)}`;
  return { name, met: enough, text: `${enough ? 'met' : 'not met'} — inject ${attack.inject.id} is an armed attack (${scale}), evidence ${evidence}, required ${minimumEvidence}` };
}

function necessity(context: RuleContext<Params>, chosen: ChosenAction, attacked: string, them: string, acts: readonly KnownIncident[]): Condition {
  const { peacefulTraits } = context.params;
  const name = 'Necessity';
  const urgent = acts.find((k) => k.incident.urgent === true);
  if (urgent) return { name, met: true, text: `met — the attack of inject ${urgent.inject.id} is urgent, leaving no time for peaceful means` };
  const tried = lastAimedAt(context, attacked, peacefulTraits);
  // Peaceful means must have been tried against this attack: once the first of the acts it answers was known.
  const since = acts[0]?.releasedAt ?? 0;
  if (tried !== undefined && tried.decision.exerciseTime >= since) {
    return { name, met: true, text: `met — decision ${tried.decision.decisionId} (${tried.action.name}) tried peaceful means with ${them} first` };
  }
  const sameDecision = chosenActions(context).some((c) => c !== chosen && hasTrait(c.action, peacefulTraits) && c.target?.state === attacked);
  if (sameDecision) return { name, met: false, text: `not met — the peaceful means in this same decision were given no time to work` };
  if (tried !== undefined) return { name, met: false, text: `not met — the last peaceful step, decision ${tried.decision.decisionId}, came before the attack it would answer` };
  return { name, met: false, text: `not met — no peaceful means (${peacefulTraits.join(', ')}) were tried with ${them}` };
}

function securityCouncilReport(context: RuleContext<Params>, chosen: ChosenAction, firstAct: KnownIncident | undefined): Condition {
  const { reportTraits } = context.params;
  const name = 'Reported to the Security Council';
  const now = chosenActions(context).find((c) => c !== chosen && hasTrait(c.action, reportTraits));
  if (now) return { name, met: true, text: `met — ${now.action.name} in this same decision` };
  const earlier = lastReport(context, reportTraits, firstAct?.releasedAt ?? 0);
  if (earlier) return { name, met: true, text: `met — decision ${earlier.decisionId} (${earlier.actionName})` };
  return { name, met: false, text: 'not met — the measure was not reported to the UN Security Council' };
}

/** The team's latest earlier decision, made at `since` or later, with an action carrying one of `traits`. */
function lastReport(context: RuleContext<Params>, traits: readonly ActionTrait[], since: number): { decisionId: string; actionName: string } | undefined {
  const decisions = decisionsOf(context.state, context.team.id);
  for (let i = decisions.length - 1; i >= 0; i--) {
    const decision = decisions[i];
    if (decision.exerciseTime < since) break;
    for (const choice of decision.actions) {
      const action = context.world.actions.get(choice.actionId);
      if (action && hasTrait(action, traits)) return { decisionId: decision.decisionId, actionName: action.name };
    }
  }
  return undefined;
}

function ownStateName(context: RuleContext<Params>): string {
  return context.team.state === undefined ? context.team.name : stateName(context, context.team.state);
}
