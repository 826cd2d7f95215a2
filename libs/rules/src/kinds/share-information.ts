// NORM-D, CBM-2, CBM-14: share what you know with CERTs, operators and companies so they can defend.
import { z } from 'zod';
import { chosenActions, defineRuleKind, hasTrait, recordFinding } from '../rule-context.js';
import { messageAct } from '../message-purposes.js';
import { traitsParam } from './params.js';

export const shareInformation = defineRuleKind({
  kind: 'share-information',
  sources: ['NORM-D', 'CBM-2', 'CBM-14'],
  summary:
    'A commendation for a decision that includes an action with one of `traits` (once per decision), or for a message on the hotline or the CERT network whose purpose carries one of them (`share-indicators` is information-sharing); `{action}` then names the message.',
  params: z.strictObject({ traits: traitsParam.default(['information-sharing']) }),
  evaluate(context) {
    const act = messageAct(context);
    if (act) {
      if (!act.traits.some((t) => context.params.traits.includes(t))) return [];
      return [recordFinding(context, { severity: 'commendation', share: 1, fields: { action: act.label } })];
    }
    const sharing = chosenActions(context).find((c) => hasTrait(c.action, context.params.traits));
    return sharing ? [recordFinding(context, { severity: 'commendation', share: 1, chosen: sharing })] : [];
  },
});
