// NORM-C, DUE-DILIGENCE: when asked or told, act against malicious activity that uses your territory.
import { z } from 'zod';
import { hasTrait } from '../rule-context.js';
import { defineRequestAnsweringKind, ignoredRequestParams } from './answering-requests.js';
import { traitsParam } from './params.js';

export const dueDiligenceOnRequest = defineRequestAnsweringKind({
  kind: 'due-diligence-on-request',
  sources: ['NORM-C', 'DUE-DILIGENCE'],
  summary:
    "A commendation for a decision that acts against activity from the team's territory — one of the `answeredBy` actions, or a law-enforcement measure (an action with one of `answerTraits`: an investigation, a seizure under a court order) — once the team's state has been asked or told: in answer to a prompt that offers such an action and a target on the team's own territory (or no targets), or after another state's team aimed an action with one of `requestTraits` (a request for mitigation, a notification) at the team's state — a `notify` message on the hotline or the CERT network reaching it counts as a notification. Acting unasked earns nothing here: due diligence is owed once a state knows. The finding cites the catalogue's `cbm:` references of the measure. With `ignored`, a concern (`ignoredShare` of the weight) when such a prompt is answered without one or left unanswered.",
  params: z.strictObject({
    requestTraits: traitsParam.default(['mitigation-request', 'notification']),
    answeredBy: z
      .array(z.string())
      .min(1, 'must name at least one action')
      .default(['mitigate-activity-from-territory']),
    answerTraits: traitsParam.default(['law-enforcement']),
    ...ignoredRequestParams,
  }),
  answerGoes: 'home',
  answers:
    ({ answeredBy, answerTraits }) =>
    (c) =>
      answeredBy.includes(c.action.id) || hasTrait(c.action, answerTraits),
});
