// NORM-D, CBM-2, CBM-14: share what you know with CERTs, operators and companies so they can defend.
import { z } from 'zod';
import { chosenActions, defineRuleKind, hasTrait, recordFinding } from '../rule-context.js';
import { traitsParam } from './params.js';

export const shareInformation = defineRuleKind({
  kind: 'share-information',
  sources: ['NORM-D', 'CBM-2', 'CBM-14'],
  summary: 'A commendation for a decision that includes an action with one of `traits` (once per decision).',
  params: z.strictObject({ traits: traitsParam.default(['information-sharing']) }),
  evaluate(context) {
    const sharing = chosenActions(context).find((c) => hasTrait(c.action, context.params.traits));
    return sharing ? [recordFinding(context, { severity: 'commendation', share: 1, chosen: sharing })] : [];
  },
});
