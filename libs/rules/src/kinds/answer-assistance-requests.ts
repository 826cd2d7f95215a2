// NORM-H, CBM-14: respond to appropriate requests for assistance — from another state or its CERT, or at home
// from one's own infrastructure operators.
import { z } from 'zod';
import { hasTrait } from '../rule-context.js';
import { defineRequestAnsweringKind, ignoredRequestParams } from './answering-requests.js';
import { traitsParam } from './params.js';

export const answerAssistanceRequests = defineRequestAnsweringKind({
  kind: 'answer-assistance-requests',
  sources: ['NORM-H', 'CBM-14'],
  summary:
    "A commendation for a decision that offers assistance (an action with one of `answerTraits`) when asked: in answer to a prompt that offers assistance, or aimed at a state whose team — a government, its CERT or an operator — earlier requested it (an action with one of `requestTraits` aimed at the team's state). A request from another team of the team's own state (an infrastructure operator asking its national CERT or government) counts too, answered by an offer aimed at a target of that state; the finding then also cites CBM-14 (public-private cooperation). A prompt asks when it offers an answering action and a target of another state (or no targets). The finding cites the catalogue's `cbm:` references of the offer. Messages on the hotline or the CERT network count as the acts their purpose names: a `request-assistance` message is a request aimed at the states of the channel's other members, and an `offer-assistance` message reaching a state that asked is an offer, `{action}` and `{request}` naming the messages. With `ignored`, a concern (`ignoredShare` of the weight) when such a prompt is answered without an offer or left unanswered.",
  params: z.strictObject({
    requestTraits: traitsParam.default(['assistance-request']),
    answerTraits: traitsParam.default(['assistance-offer']),
    ...ignoredRequestParams,
  }),
  answerGoes: 'abroad',
  domestic: true,
  domesticCites: ['CBM-14'],
  answers:
    ({ answerTraits }) =>
    (c) =>
      hasTrait(c.action, answerTraits),
  messageAnswers: ({ answerTraits }) => answerTraits,
});
