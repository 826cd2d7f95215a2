// NORM-H: respond to appropriate requests for assistance from a state whose critical infrastructure is attacked.
import { z } from 'zod';
import { hasTrait } from '../rule-context.js';
import { defineRequestAnsweringKind, ignoredRequestParams } from './answering-requests.js';
import { traitsParam } from './params.js';

export const answerAssistanceRequests = defineRequestAnsweringKind({
  kind: 'answer-assistance-requests',
  sources: ['NORM-H'],
  summary:
    "A commendation for a decision that offers assistance (an action with one of `answerTraits`) when asked: in answer to a prompt that offers assistance, or aimed at a state whose team earlier requested it (an action with one of `requestTraits` aimed at the team's state). A prompt asks when it offers an answering action and a target of another state (or no targets). With `ignored`, a concern (`ignoredShare` of the weight) when such a prompt is answered without an offer or left unanswered.",
  params: z.strictObject({
    requestTraits: traitsParam.default(['assistance-request']),
    answerTraits: traitsParam.default(['assistance-offer']),
    ...ignoredRequestParams,
  }),
  answerGoes: 'abroad',
  answers:
    ({ answerTraits }) =>
    (c) =>
      hasTrait(c.action, answerTraits),
});
