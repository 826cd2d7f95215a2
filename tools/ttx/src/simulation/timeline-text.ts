// The readable timeline `ttx simulate` prints: one line per event that matters to a facilitator, in exercise time,
// worded by the engine's one wording of events (eventWords), with each finding's rule, sources and explanation below.
import { eventNamesFrom, eventWords, type EventType, type ExerciseEvent, type Finding } from '@ttx/engine';
import { formatOffset, type ActionCatalogue, type Scenario } from '@ttx/scenario';

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

/** The events a facilitator follows; the rest (joins, holds, edits, observations) is bookkeeping here. */
const TOLD: ReadonlySet<EventType> = new Set<EventType>([
  'exercise.started',
  'exercise.speed-changed',
  'exercise.ended',
  'inject.released',
  'inject.deadline-missed',
  'decision.submitted',
  'escalation.changed',
  'message.sent',
  'score.adjusted',
]);

function describeFinding(f: Finding): string {
  return `      ${signed(f.delta).padStart(4)} ${f.ruleId} [${f.cites.join(', ')}] ${f.severity}: ${f.explanation}`;
}

export function formatTimeline(events: readonly ExerciseEvent[], scenario: Scenario, catalogue: ActionCatalogue): string[] {
  const names = eventNamesFrom({
    actions: new Map(catalogue.actions.map((a) => [a.id, a.name])),
    targets: new Map(scenario.targets.map((t) => [t.id, t.name])),
    teams: new Map(scenario.teams.map((t) => [t.id, t.name])),
    states: new Map(scenario.states.map((s) => [s.id, s.name])),
    channels: new Map(scenario.channels.map((c) => [c.id, c.name])),
    injects: new Map(scenario.injects.map((i) => [i.id, i.title])),
  });
  const lines: string[] = [];
  for (const event of events) {
    const described =
      event.type === 'findings.recorded' ? event.payload.findings.map(describeFinding) : TOLD.has(event.type) ? [eventWords(event, names)] : [];
    described.forEach((text, i) => lines.push(`${i === 0 ? formatOffset(event.exerciseTime) : '        '}  ${text}`));
  }
  return lines;
}
