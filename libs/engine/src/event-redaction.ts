// What a viewer sees of an event it may see. Every player sees the escalation level between states; only staff and
// the team whose decision or message moved it see the cause (kind, team, action, decision). No feedback mode shows a
// player another team's decisions: `feedback` governs what a team sees of its own scoring.
import { visibleEvents, type Viewer } from './event-audience.js';
import type { EventEnvelope, EventPayloads, EventType, ExerciseEvent } from './events.js';

type EscalationChange = EventPayloads['escalation.changed'];
type EscalationLevels = Pick<EscalationChange, 'from' | 'to' | 'previous' | 'level'>;

/** An escalation change as a viewer sees it: the pair and its levels always, the cause when the viewer may know it. */
export type EscalationSeen = EscalationLevels & Partial<Omit<EscalationChange, keyof EscalationLevels>>;

/** Each event's payload as clients receive it. */
export type SeenPayloads = {
  [T in EventType]: T extends 'escalation.changed' ? EscalationSeen : EventPayloads[T];
};

/** An event of the log as one viewer sees it. */
export type SeenEvent = {
  [T in EventType]: Omit<EventEnvelope<T>, 'payload'> & { payload: SeenPayloads[T] };
}[EventType];

/** Staff see why every level moved; a player only why its own team moved one. */
export function seesEscalationCause(viewer: Viewer, change: EscalationChange): boolean {
  return viewer.role !== 'player' || (viewer.teamId !== undefined && change.teamId === viewer.teamId);
}

/** The levels of a change without its cause. */
function withoutCause(event: EventEnvelope<'escalation.changed'>): SeenEvent {
  const { from, to, previous, level } = event.payload;
  return { ...event, payload: { from, to, previous, level } };
}

/** `event` as `viewer` sees it: the event itself, or a copy with what the viewer may not know left out. */
export function seenBy(viewer: Viewer, event: ExerciseEvent): SeenEvent {
  if (event.type === 'escalation.changed' && !seesEscalationCause(viewer, event.payload))
    return withoutCause(event);
  return event;
}

/** The events after `afterSeq` that `viewer` may see, in log order, as it sees them. */
export function eventsSeenBy(
  events: readonly ExerciseEvent[],
  viewer: Viewer,
  afterSeq: number,
): SeenEvent[] {
  return visibleEvents(events, viewer, afterSeq).map((event) => seenBy(viewer, event));
}
