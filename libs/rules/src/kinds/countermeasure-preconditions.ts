// TM2-R20–R22: a countermeasure needs an ongoing wrongful act by the targeted state, a prior call to comply,
// reversibility, and must be aimed only at the responsible state.
import { z } from 'zod';
import type { Finding } from '@ttx/engine';
import {
  aimedEarlierAt,
  chosenActions,
  defineRuleKind,
  foreignState,
  hasTrait,
  latestOngoingIncident,
  recordFinding,
  releasedIncidents,
  usedHotlineWith,
} from '../rule-context.js';
import { templateParam, traitsParam } from './params.js';

export const countermeasurePreconditions = defineRuleKind({
  kind: 'countermeasure-preconditions',
  sources: ['TM2-R20', 'TM2-R21', 'TM2-R22'],
  summary:
    "A violation for each action with one of `traits` whose preconditions are not met: an ongoing incident against the team's state attributed to the targeted state, an earlier decision calling on that state to comply (an action with one of `callTraits`, or a hotline message when `hotlineCounts`), a reversible action, a target belonging to another state. With `lawful`, a countermeasure meeting them all is noted.",
  params: z.strictObject({
    traits: traitsParam.default(['countermeasure']),
    callTraits: traitsParam.default(['demarche', 'notification', 'hotline']),
    hotlineCounts: z.boolean().default(true),
    lawful: templateParam.optional(),
  }),
  evaluate(context) {
    const { traits, callTraits, hotlineCounts, lawful } = context.params;
    const incidents = releasedIncidents(context);
    const findings: Finding[] = [];
    for (const chosen of chosenActions(context)) {
      if (!hasTrait(chosen.action, traits)) continue;
      const responsible = foreignState(context.team, chosen);
      const missing: string[] = [];
      if (responsible === undefined) {
        missing.push('it is not aimed at another state');
      } else {
        const wrongful = latestOngoingIncident(incidents, context.team.state, responsible);
        if (wrongful?.incident.actor !== responsible) missing.push('no ongoing wrongful act is attributed to the targeted state');
        const called =
          aimedEarlierAt(context, responsible, callTraits) ||
          (hotlineCounts && usedHotlineWith(context, responsible));
        if (!called) missing.push('the targeted state was not first called on to comply');
      }
      if (!chosen.action.reversible) missing.push('it is not reversible');
      if (missing.length > 0) {
        findings.push(recordFinding(context, { severity: 'violation', share: -1, chosen, fields: { missing: missing.join('; ') } }));
      } else if (lawful !== undefined) {
        findings.push(recordFinding(context, { severity: 'note', share: 0, chosen, template: lawful }));
      }
    }
    return findings;
  },
});
