// NORM-F, CBM-3, CBM-15: no ICT activity that intentionally damages another state's critical infrastructure.
import { z } from 'zod';
import { chosenActions, defineRuleKind, foreignState, recordFinding } from '../rule-context.js';
import { rungParam, sectorsParam } from './params.js';

export const protectCriticalInfrastructure = defineRuleKind({
  kind: 'protect-critical-infrastructure',
  sources: ['NORM-F', 'CBM-3', 'CBM-15'],
  summary:
    "A violation for each action at or above `fromRung` aimed at another state's critical infrastructure (only the listed `sectors`, when given).",
  params: z.strictObject({
    fromRung: rungParam.default(6),
    sectors: sectorsParam.default([]),
  }),
  evaluate(context) {
    const { fromRung, sectors } = context.params;
    return chosenActions(context)
      .filter(
        (c) =>
          c.rung >= fromRung &&
          c.target?.kind === 'critical-infrastructure' &&
          foreignState(context.team, c) !== undefined &&
          (sectors.length === 0 || (c.target.sector !== undefined && sectors.includes(c.target.sector))),
      )
      .map((chosen) =>
        recordFinding(context, { severity: 'violation', share: -1, chosen, fields: { sector: chosen.target?.sector ?? 'unspecified' } }),
      );
  },
});
