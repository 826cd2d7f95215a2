// NORM-C, DUE-DILIGENCE: when asked, act against malicious activity that uses your territory.
import { z } from 'zod';
import { defineRequestAnsweringKind, ignoredRequestParams } from './answering-requests.js';
import { traitsParam } from './params.js';

export const dueDiligenceOnRequest = defineRequestAnsweringKind({
  kind: 'due-diligence-on-request',
  sources: ['NORM-C', 'DUE-DILIGENCE'],
  summary:
    "A commendation for a decision that takes one of the `answeredBy` actions when asked to stop activity from the team's territory: in answer to a prompt that offers one of them and a target on the team's own territory (or no targets), or after another state's team aimed an action with one of `requestTraits` at the team's state. With `ignored`, a concern (`ignoredShare` of the weight) when such a prompt is answered without one or left unanswered.",
  params: z.strictObject({
    requestTraits: traitsParam.default(['mitigation-request']),
    answeredBy: z
      .array(z.string())
      .min(1, 'must name at least one action')
      .default(['mitigate-activity-from-territory']),
    ...ignoredRequestParams,
  }),
  answerGoes: 'home',
  answers:
    ({ answeredBy }) =>
    (c) =>
      answeredBy.includes(c.action.id),
});
