// HSEEP: decisions are due by the prompt's deadline; a missed deadline is an observation for the evaluators.
import { z } from 'zod';
import { formatOffset } from '@ttx/scenario';
import { defineRuleKind, recordFinding } from '../rule-context.js';
import { shareParam, templateParam } from './params.js';

export const timeliness = defineRuleKind({
  kind: 'timeliness',
  sources: ['HSEEP'],
  summary:
    "A concern when a prompt's deadline passes without the team's decision. With `onTime`, a decision taken within `within` of the time allowed is commended (`onTimeShare` of the weight).",
  params: z.strictObject({
    onTime: templateParam.optional(),
    onTimeShare: shareParam.default(0.25),
    within: z.number().gt(0).max(1).default(1),
  }),
  evaluate(context) {
    const trigger = context.trigger;
    if (trigger.kind === 'deadline-missed') {
      const deadline = context.state.injects[trigger.injectId]?.released?.decision?.deadline;
      return [
        recordFinding(context, {
          severity: 'concern',
          share: -1,
          fields: { deadline: deadline === undefined ? 'the deadline' : formatOffset(deadline) },
        }),
      ];
    }
    const { onTime, onTimeShare, within } = context.params;
    if (trigger.kind !== 'decision' || onTime === undefined || trigger.decision.injectId === undefined) return [];
    const inject = context.state.injects[trigger.decision.injectId];
    const deadline = inject?.released?.decision?.deadline;
    if (deadline === undefined || inject.releasedAt === undefined) return [];
    const allowed = deadline - inject.releasedAt;
    const taken = trigger.decision.exerciseTime - inject.releasedAt;
    if (taken > allowed * within) return [];
    return [
      recordFinding(context, {
        severity: 'commendation',
        share: onTimeShare,
        template: onTime,
        fields: { deadline: formatOffset(deadline), taken: formatOffset(taken) },
      }),
    ];
  },
});
