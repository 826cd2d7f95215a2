// NORM-K: never harm another state's authorised CERTs.
import { z } from 'zod';
import { chosenActions, defineRuleKind, foreignState, recordFinding } from '../rule-context.js';
import { rungParam } from './params.js';

export const protectCerts = defineRuleKind({
  kind: 'protect-certs',
  sources: ['NORM-K'],
  summary: "A violation for each action at or above `fromRung` aimed at another state's CERT.",
  params: z.strictObject({ fromRung: rungParam.default(4) }),
  evaluate(context) {
    return chosenActions(context)
      .filter((c) => c.rung >= context.params.fromRung && c.target?.kind === 'cert' && foreignState(context.team, c) !== undefined)
      .map((chosen) => recordFinding(context, { severity: 'violation', share: -1, chosen }));
  },
});
