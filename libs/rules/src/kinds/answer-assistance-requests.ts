// NORM-H: respond to appropriate requests for assistance from a state whose critical infrastructure is attacked.
import { z } from 'zod';
import { defineRuleKind, hasTrait } from '../rule-context.js';
import { judgeRequestAnswering } from './answering-requests.js';
import { shareParam, templateParam, traitsParam } from './params.js';

export const answerAssistanceRequests = defineRuleKind({
  kind: 'answer-assistance-requests',
  sources: ['NORM-H'],
  summary:
    "A commendation for a decision that offers assistance (an action with one of `answerTraits`) when asked: in answer to a prompt that offers assistance, or aimed at a state whose team earlier requested it (an action with one of `requestTraits` aimed at the team's state). A prompt asks when it offers an answering action and a target of another state (or no targets). With `ignored`, a concern (`ignoredShare` of the weight) when such a prompt is answered without an offer or left unanswered.",
  params: z.strictObject({
    requestTraits: traitsParam.default(['assistance-request']),
    answerTraits: traitsParam.default(['assistance-offer']),
    ignored: templateParam.optional(),
    ignoredShare: shareParam.default(0.5),
  }),
  evaluate(context) {
    const { requestTraits, answerTraits, ignored, ignoredShare } = context.params;
    return judgeRequestAnswering(context, {
      requestTraits,
      answerGoes: 'abroad',
      answers: (c) => hasTrait(c.action, answerTraits),
      ignored,
      ignoredShare,
    });
  },
});
