// CBM-8, CBM-13: tell the other state through its contact point, the hotline or a démarche before escalating
// against it; the notice earns credit only when it concerns that step and the step itself is lawful.
import { z } from 'zod';
import type { Finding } from '@ttx/engine';
import {
  chosenActions,
  defineRuleKind,
  foreignState,
  hasTrait,
  lastAimedAt,
  lastHotlineAt,
  latestOngoingIncident,
  recordFinding,
  releasedIncidents,
  type ChosenAction,
  type RuleContext,
} from '../rule-context.js';
import { rungParam, shareParam, templateParam, traitsParam } from './params.js';

interface Notice {
  /** The catalogue's `cbm:` references of the notifying action (none for a hotline message). */
  cbm: readonly string[];
}

/**
 * The notice that reached `other` before the step: a channel action aimed at it in the same decision, or an
 * earlier one or a hotline message sent since the latest ongoing incident between the two states was released
 * (a notice from before it cannot concern the answer to it).
 */
function noticeTo(
  context: RuleContext,
  other: string,
  chosen: readonly ChosenAction[],
  params: { channelTraits: Parameters<typeof hasTrait>[1]; sameDecision: boolean; hotlineCounts: boolean },
): Notice | undefined {
  if (params.sameDecision) {
    const same = chosen.find((c) => c.target?.state === other && hasTrait(c.action, params.channelTraits));
    if (same) return { cbm: same.action.cbm };
  }
  const since = latestOngoingIncident(releasedIncidents(context), context.team.state, other)?.releasedAt ?? -Infinity;
  const earlier = lastAimedAt(context, other, params.channelTraits);
  if (earlier && earlier.decision.exerciseTime >= since) return { cbm: earlier.action.cbm };
  const hotline = params.hotlineCounts ? lastHotlineAt(context, other) : undefined;
  if (hotline !== undefined && hotline >= since) return { cbm: [] };
  return undefined;
}

export const notifyBeforeEscalating = defineRuleKind({
  kind: 'notify-before-escalating',
  sources: ['CBM-8', 'CBM-13'],
  summary:
    "For each state a decision acts against at or above `fromRung`: a concern when the team has not reached it through a CBM channel — an action with one of `channelTraits` (hotline, notification, consultation, démarche) aimed at a target of that state, in the same decision when `sameDecision` or in an earlier one, or a message on a hotline that a team of that state is a member of when `hotlineCounts`. An earlier notice counts only when it was sent since the latest ongoing incident between the two states was released: one from before concerns something else. With `notified`, the notice given before escalating is credited (`notifiedShare` of the weight) in a note — the step itself is at best acceptable, never commended — citing the notifying action's catalogue `cbm:` references — unless a rule of the set outside the cbm-use dimension finds the step itself a violation (a strike on civilian infrastructure under NORM-F, on a CERT under NORM-K, an unlawful countermeasure): notice before a wrongful act earns no credit.",
  params: z.strictObject({
    fromRung: rungParam.default(2),
    channelTraits: traitsParam.default(['hotline', 'notification', 'consultation', 'demarche']),
    sameDecision: z.boolean().default(true),
    hotlineCounts: z.boolean().default(true),
    notified: templateParam.optional(),
    notifiedShare: shareParam.default(0.25),
  }),
  evaluate(context) {
    const { fromRung, notified, notifiedShare } = context.params;
    const chosen = chosenActions(context);
    const highestByState = new Map<string, ChosenAction>();
    for (const c of chosen) {
      const other = foreignState(context.team, c);
      if (other === undefined || c.rung < fromRung) continue;
      const known = highestByState.get(other);
      if (!known || c.rung > known.rung) highestByState.set(other, c);
    }
    const findings: Finding[] = [];
    for (const [other, escalation] of highestByState) {
      const notice = noticeTo(context, other, chosen, context.params);
      if (!notice) {
        findings.push(recordFinding(context, { severity: 'concern', share: -1, chosen: escalation }));
      } else if (notified !== undefined && !context.violated?.(escalation)) {
        findings.push(
          recordFinding(context, {
            // The notice is credited, the step is not commended: an escalatory step is at best acceptable.
            severity: 'note',
            share: notifiedShare,
            chosen: escalation,
            template: notified,
            cites: notice.cbm,
          }),
        );
      }
    }
    return findings;
  },
});
