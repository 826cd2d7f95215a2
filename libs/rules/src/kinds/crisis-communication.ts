// CBM-8, CBM-13: in a crisis, talk to the other state over the protected hotline to prevent misperception.
import { z } from 'zod';
import { defineRuleKind } from '../rule-context.js';
import { creditReachingOut } from './consult-when-tension-rises.js';
import { rungParam, traitsParam } from './params.js';

export const crisisCommunication = defineRuleKind({
  kind: 'crisis-communication',
  sources: ['CBM-8', 'CBM-13'],
  summary:
    "A commendation for a decision that opens crisis communication with another state — an action with one of `traits` (the hotline) aimed at it — while tension, read as for consult-when-tension-rises, is at `tensionAt` or above, citing the action's catalogue `cbm:` references — not when the same decision takes a step against that state that a rule outside the cbm-use dimension finds a violation (a strike on its civilian infrastructure or its CERT, an unlawful countermeasure): a call that announces a wrongful act prevents no misperception. A message with a purpose on a hotline reaching that state counts the same way (any purpose on the hotline carries the hotline trait), `{action}` naming it; a message without a purpose does not. It is credited apart from consultation (CBM-3), which asks for more than a call.",
  params: z.strictObject({
    tensionAt: rungParam.default(2),
    traits: traitsParam.default(['hotline']),
  }),
  evaluate(context) {
    return creditReachingOut(context, context.params);
  },
});
