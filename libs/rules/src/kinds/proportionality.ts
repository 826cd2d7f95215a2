// TM2-R23, EU-TOOLBOX: a response's rung must stay in proportion to the rung and severity of what provoked it.
import { z } from 'zod';
import { severityLevel } from '@ttx/scenario';
import type { Finding } from '@ttx/engine';
import {
  chosenActions,
  defineRuleKind,
  foreignState,
  latestOngoingIncident,
  recordFinding,
  releasedIncidents,
} from '../rule-context.js';
import { shareParam, templateParam } from './params.js';

const severity = z
  .string()
  .regex(/^SEV-[0-5]$/, 'must be a severity SEV-0 … SEV-5')
  .transform(severityLevel);

export const proportionality = defineRuleKind({
  kind: 'proportionality',
  sources: ['TM2-R23', 'EU-TOOLBOX'],
  summary:
    'For each action aimed at another state, compares its rung with the rung of the latest ongoing incident that state may be behind against the team\'s state (none: ESC-0). More than `tolerance` rungs above it (one more for an incident at `graveSeverity` or worse) is a concern at half weight, `violationAbove` rungs or more above the allowance a violation. With `measured`, a decision answering an incident with nothing above the allowance is commended (`measuredShare` of the weight).',
  params: z.strictObject({
    tolerance: z.number().int().min(0).max(10).default(1),
    graveSeverity: severity.default(4),
    violationAbove: z.number().int().min(1).max(10).default(3),
    measured: templateParam.optional(),
    measuredShare: shareParam.default(0.5),
  }),
  evaluate(context) {
    const { tolerance, graveSeverity, violationAbove, measured, measuredShare } = context.params;
    const incidents = releasedIncidents(context);
    const findings: Finding[] = [];
    for (const chosen of chosenActions(context)) {
      const otherState = foreignState(context.team, chosen);
      if (otherState === undefined || chosen.rung === 0) continue;
      const provocation = latestOngoingIncident(incidents, context.team.state, otherState);
      const provokedRung = provocation ? Number(provocation.incident.rung.slice(4)) : 0;
      const grave = provocation !== undefined && severityLevel(provocation.inject.severity) >= graveSeverity;
      const allowed = Math.min(10, provokedRung + tolerance + (grave ? 1 : 0));
      const excess = chosen.rung - allowed;
      if (excess <= 0) continue;
      const violation = excess >= violationAbove;
      findings.push(
        recordFinding(context, {
          severity: violation ? 'violation' : 'concern',
          share: violation ? -1 : -0.5,
          chosen,
          fields: {
            incidentRung: provocation ? provocation.incident.rung : 'no ongoing incident (ESC-0)',
            allowed: `ESC-${allowed}`,
            excess,
          },
        }),
      );
    }
    const trigger = context.trigger;
    if (measured === undefined || trigger.kind !== 'decision' || findings.length > 0 || trigger.chosen.length === 0) {
      return findings;
    }
    const answered = trigger.decision.injectId === undefined ? undefined : context.world.injects.get(trigger.decision.injectId);
    const incident = answered?.incident;
    if (!incident || incident.victim !== context.team.state) return findings;
    return [recordFinding(context, { severity: 'commendation', share: measuredShare, template: measured, fields: { incidentRung: incident.rung } })];
  },
});
