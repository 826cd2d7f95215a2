// The readable timeline `ttx simulate` prints: one line per event that matters to a facilitator, in exercise time.
import type { ExerciseEvent, Finding } from '@ttx/engine';
import { formatOffset, type Scenario } from '@ttx/scenario';

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

function describeFinding(f: Finding): string {
  return `      ${signed(f.delta).padStart(4)} ${f.ruleId} [${f.cites.join(', ')}] ${f.severity}: ${f.explanation}`;
}

/** One or more lines for an event, or none for bookkeeping the reader does not need. */
function describeEvent(event: ExerciseEvent, teamName: (id: string) => string): string[] {
  switch (event.type) {
    case 'exercise.started':
      return [`exercise started at speed ${event.payload.speed}×`];
    case 'exercise.speed-changed':
      return [`speed changed to ${event.payload.speed}×`];
    case 'exercise.ended':
      return [`exercise ended (${event.payload.reason === 'duration' ? 'scheduled end' : 'ended by the controller'})`];
    case 'inject.released': {
      const p = event.payload;
      const prompt = p.decision ? ` — decision: ${p.decision.actions.join(', ')}` : '';
      return [`INJECT ${p.injectId} [${p.severity}, ${p.channel}] "${p.title}" → ${p.audience.join(', ')}${prompt}`];
    }
    case 'inject.deadline-missed':
      return [`MISSED ${teamName(event.payload.teamId)} let the deadline of ${event.payload.injectId} pass`];
    case 'decision.submitted': {
      const p = event.payload;
      const actions = p.actions.map((a) => (a.targetId ? `${a.actionId} → ${a.targetId}` : a.actionId)).join(', ');
      const answering = p.injectId ? ` (on ${p.injectId})` : '';
      return [`DECISION ${teamName(p.teamId)}${answering}: ${actions}`];
    }
    case 'findings.recorded':
      return event.payload.findings.map(describeFinding);
    case 'escalation.changed': {
      const p = event.payload;
      const why = p.cause === 'action' && p.actionId ? `${p.actionId} by ${p.teamId ?? '?'}` : p.cause;
      return [`ESCALATION ${p.from} > ${p.to}: ESC-${p.previous} → ESC-${p.level} (${why})`];
    }
    case 'message.sent':
      return [`MESSAGE ${event.payload.teamId ? teamName(event.payload.teamId) : 'control'} on ${event.payload.channelId}: ${event.payload.text}`];
    case 'score.adjusted':
      return [`ADJUSTED ${teamName(event.payload.teamId)} ${signed(event.payload.delta)} ${event.payload.dimension}: ${event.payload.reason}`];
    default:
      return [];
  }
}

export function formatTimeline(events: readonly ExerciseEvent[], scenario: Scenario): string[] {
  const names = new Map(scenario.teams.map((t) => [t.id, t.name]));
  const teamName = (id: string) => names.get(id) ?? id;
  const lines: string[] = [];
  for (const event of events) {
    const described = describeEvent(event, teamName);
    described.forEach((text, i) => lines.push(`${i === 0 ? formatOffset(event.exerciseTime) : '        '}  ${text}`));
  }
  return lines;
}
