// CBM-3: consult to reduce the risk of misperception when tension between states rises.
import { z } from 'zod';
import type { Finding } from '@ttx/engine';
import { rungLevel, type ActionTrait } from '@ttx/scenario';
import {
  chosenActions,
  defineRuleKind,
  foreignState,
  hasTrait,
  latestOngoingIncident,
  recordFinding,
  releasedIncidents,
  type RuleContext,
} from '../rule-context.js';
import { messageAct, type MessageAct } from '../message-purposes.js';
import { rungParam, traitsParam } from './params.js';

/** Tension felt by a team's state: the highest escalation level between it and any state, or the latest ongoing incident's rung. */
export function tensionOf(context: Pick<RuleContext, 'state' | 'world' | 'team'>): number {
  const own = context.team.state;
  if (own === undefined) return 0;
  let tension = 0;
  for (const [pair, level] of Object.entries(context.state.escalation)) {
    const [from, to] = pair.split('>');
    if (from === own || to === own) tension = Math.max(tension, level);
  }
  const incident = latestOngoingIncident(releasedIncidents(context), own);
  return Math.max(tension, incident ? rungLevel(incident.incident.rung) : 0);
}

/**
 * A commendation for a decision that reaches another state through an action with one of `traits` while tension is
 * at `tensionAt` or above, citing the action's catalogue `cbm:` references — unless the same decision takes a step
 * against that state that a rule outside the cbm-use dimension finds a violation: a call that announces a wrongful
 * act does not prevent misperception, it delivers the act. Or for a message whose purpose carries one of `traits` on
 * a hotline or CERT network that reaches another state, `{action}` naming the message.
 */
export function creditReachingOut(
  context: RuleContext,
  params: { tensionAt: number; traits: readonly ActionTrait[] },
): Finding[] {
  const act = messageAct(context);
  if (act) return creditMessage(context, params, act);
  const chosen = chosenActions(context);
  const reaching = chosen.find((c) => hasTrait(c.action, params.traits) && foreignState(context.team, c) !== undefined);
  if (!reaching) return [];
  const other = foreignState(context.team, reaching);
  if (chosen.some((c) => c !== reaching && foreignState(context.team, c) === other && context.violated?.(c))) return [];
  const tension = tensionOf(context);
  if (tension < params.tensionAt) return [];
  return [
    recordFinding(context, {
      severity: 'commendation',
      share: 1,
      chosen: reaching,
      fields: { tension: `ESC-${tension}` },
      cites: reaching.action.cbm,
    }),
  ];
}

function creditMessage(context: RuleContext, params: { tensionAt: number; traits: readonly ActionTrait[] }, act: MessageAct): Finding[] {
  const abroad = act.states.filter((s) => s !== context.team.state);
  if (abroad.length === 0 || !act.traits.some((t) => params.traits.includes(t))) return [];
  const tension = tensionOf(context);
  if (tension < params.tensionAt) return [];
  const names = abroad.map((s) => context.world.states.get(s)?.name ?? s).join(', ');
  return [
    recordFinding(context, {
      severity: 'commendation',
      share: 1,
      fields: { tension: `ESC-${tension}`, action: act.label, targetState: names },
    }),
  ];
}

export const consultWhenTensionRises = defineRuleKind({
  kind: 'consult-when-tension-rises',
  sources: ['CBM-3'],
  summary:
    "A commendation for a decision that reaches another state through an action with one of `traits` (a request for consultations) while tension — the highest escalation level involving the team's state, or the rung of the latest ongoing incident against it — is at `tensionAt` or above, citing the action's catalogue `cbm:` references; not when the same decision takes a step against that state that a rule outside the cbm-use dimension finds a violation. A message whose purpose carries one of `traits` (`consult` is consultation) on the hotline or the CERT network, reaching another state, counts the same way, `{action}` naming it. Using the hotline alone is not consultation: crisis communication is credited apart (crisis-communication, CBM-8 and CBM-13).",
  params: z.strictObject({
    tensionAt: rungParam.default(2),
    traits: traitsParam.default(['consultation']),
  }),
  evaluate(context) {
    return creditReachingOut(context, context.params);
  },
});
