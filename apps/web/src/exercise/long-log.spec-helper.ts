// A long wire log for measuring the client's fold: injects, decisions with their findings, escalation and messages.
import type { EventMessage } from '@ttx/contracts';
import type { Finding } from '@ttx/engine';
import { eventAt, releasedInject } from './event-fixtures.spec-helper.js';

/** `rounds` × 5 events: a release, a decision, its findings, an escalation change and a message. */
export function longLog(rounds: number): EventMessage[] {
  const events: EventMessage[] = [eventAt(1, 'exercise.started', { speed: 1 }, 0)];
  for (let i = 0; i < rounds; i += 1) {
    const seq = events.length + 1;
    const t = i * 1000;
    const teamId = i % 2 === 0 ? 'north' : 'south';
    const finding: Finding = {
      ruleId: 'r1',
      ruleKind: 'proportionality',
      cites: ['TM2-R23'],
      delta: 0.1,
      severity: 'commendation',
      dimension: 'proportionality',
      explanation: 'Why',
      teamId,
      decisionId: `d${i}`,
    };
    events.push(
      eventAt(seq, 'inject.released', releasedInject(`i${i}`, [teamId], { trigger: 'ad-hoc' }), t),
      eventAt(
        seq + 1,
        'decision.submitted',
        { decisionId: `d${i}`, teamId, injectId: `i${i}`, actions: [{ actionId: 'a1' }], rationale: 'r' },
        t,
      ),
      eventAt(seq + 2, 'findings.recorded', { teamId, decisionId: `d${i}`, findings: [finding] }, t),
      eventAt(seq + 3, 'escalation.changed', { from: 'n', to: 's', previous: i % 4, level: (i + 1) % 4 }, t),
      eventAt(seq + 4, 'message.sent', { messageId: `m${i}`, channelId: 'chat', teamId, text: 'hello' }, t),
    );
  }
  return events;
}
