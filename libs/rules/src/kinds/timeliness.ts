// HSEEP: decisions are due by the prompt's deadline; a missed deadline is an observation for the evaluators. Speed
// alone earns nothing: an answer on time is judged by what it decides, not by how fast it came.
import { z } from 'zod';
import { formatOffset } from '@ttx/scenario';
import { defineRuleKind, recordFinding } from '../rule-context.js';

export const timeliness = defineRuleKind({
  kind: 'timeliness',
  sources: ['HSEEP'],
  summary:
    "A concern when a prompt's deadline passes without the team's decision. An answer on time earns nothing for its speed: what it decides is judged by the other rules.",
  params: z.strictObject({}),
  evaluate(context) {
    const trigger = context.trigger;
    if (trigger.kind !== 'deadline-missed') return [];
    const deadline = context.state.injects[trigger.injectId]?.released?.decision?.deadline;
    return [
      recordFinding(context, {
        severity: 'concern',
        share: -1,
        fields: { deadline: deadline === undefined ? 'the deadline' : formatOffset(deadline) },
      }),
    ];
  },
});
