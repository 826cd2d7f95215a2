// NORM-B: consider all relevant information before naming a state; attribution is hard and cannot be taken back.
import { z } from 'zod';
import { EVIDENCE_LEVELS } from '@ttx/scenario';
import type { Finding } from '@ttx/engine';
import {
  chosenActions,
  defineRuleKind,
  evidenceAgainst,
  foreignState,
  hasTrait,
  recordFinding,
  releasedIncidents,
} from '../rule-context.js';
import { evidenceParam, shareParam, templateParam, traitsParam } from './params.js';

export const attributionCare = defineRuleKind({
  kind: 'attribution-care',
  sources: ['NORM-B'],
  summary:
    'A violation for each action with one of `traits` naming a state before released injects support attributing an incident to it with at least `minimumEvidence`. With `supported`, a well-founded attribution is commended (`supportedShare` of the weight; a note when 0).',
  params: z.strictObject({
    traits: traitsParam.default(['public-attribution']),
    minimumEvidence: evidenceParam.default('moderate'),
    supported: templateParam.optional(),
    supportedShare: shareParam.default(0),
  }),
  evaluate(context) {
    const { traits, minimumEvidence, supported, supportedShare } = context.params;
    const incidents = releasedIncidents(context);
    const findings: Finding[] = [];
    for (const chosen of chosenActions(context)) {
      const named = foreignState(context.team, chosen);
      if (named === undefined || !hasTrait(chosen.action, traits)) continue;
      const evidence = evidenceAgainst(incidents, named);
      const fields = { evidence, required: minimumEvidence };
      if (EVIDENCE_LEVELS.indexOf(evidence) < EVIDENCE_LEVELS.indexOf(minimumEvidence)) {
        findings.push(recordFinding(context, { severity: 'violation', share: -1, chosen, fields }));
      } else if (supported !== undefined) {
        const severity = supportedShare > 0 ? 'commendation' : 'note';
        findings.push(recordFinding(context, { severity, share: supportedShare, chosen, fields, template: supported }));
      }
    }
    return findings;
  },
});
