// CBM-8, CBM-13: tell the other state through its contact point or the hotline before escalating against it.
import { z } from 'zod';
import type { Finding } from '@ttx/engine';
import {
  aimedEarlierAt,
  chosenActions,
  defineRuleKind,
  foreignState,
  hasTrait,
  recordFinding,
  usedHotlineWith,
  type ChosenAction,
} from '../rule-context.js';
import { rungParam, shareParam, templateParam, traitsParam } from './params.js';

export const notifyBeforeEscalating = defineRuleKind({
  kind: 'notify-before-escalating',
  sources: ['CBM-8', 'CBM-13'],
  summary:
    'For each state a decision acts against at or above `fromRung`: a concern when the team has not reached it through a CBM channel — an action with one of `channelTraits` aimed at it (earlier, or in the same decision when `sameDecision`), or a hotline message when `hotlineCounts`. With `notified`, escalating after notifying is commended (`notifiedShare` of the weight).',
  params: z.strictObject({
    fromRung: rungParam.default(2),
    channelTraits: traitsParam.default(['hotline', 'notification', 'consultation']),
    sameDecision: z.boolean().default(true),
    hotlineCounts: z.boolean().default(true),
    notified: templateParam.optional(),
    notifiedShare: shareParam.default(0.25),
  }),
  evaluate(context) {
    const { fromRung, channelTraits, sameDecision, hotlineCounts, notified, notifiedShare } = context.params;
    const chosen = chosenActions(context);
    const highestByState = new Map<string, ChosenAction>();
    for (const c of chosen) {
      const other = foreignState(context.team, c);
      if (other === undefined || c.rung < fromRung) continue;
      const known = highestByState.get(other);
      if (!known || c.rung > known.rung) highestByState.set(other, c);
    }
    const reached = (other: string, list: readonly ChosenAction[]) =>
      list.some((c) => c.target?.state === other && hasTrait(c.action, channelTraits));
    const findings: Finding[] = [];
    for (const [other, escalation] of highestByState) {
      const told =
        (sameDecision && reached(other, chosen)) ||
        aimedEarlierAt(context, other, channelTraits) ||
        (hotlineCounts && usedHotlineWith(context, other));
      if (!told) {
        findings.push(recordFinding(context, { severity: 'concern', share: -1, chosen: escalation }));
      } else if (notified !== undefined) {
        findings.push(
          recordFinding(context, { severity: 'commendation', share: notifiedShare, chosen: escalation, template: notified }),
        );
      }
    }
    return findings;
  },
});
