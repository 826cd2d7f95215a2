// What a viewer sees of an event it may see: the event itself, or what its registry entry (`seenBy`) leaves of it.
// No feedback mode shows a player another team's decisions: `feedback` governs what a team sees of its own scoring.
import { visibleEvents, type Viewer } from './event-audience.js';
import { eventEntry } from './event-registry.js';
import type { ExerciseEvent, SeenEvent } from './events.js';

/** `event` as `viewer` sees it: the event itself, or a copy with what the viewer may not know left out. */
export function seenBy(viewer: Viewer, event: ExerciseEvent): SeenEvent {
  const redact = eventEntry(event.type).seenBy as
    ((viewer: Viewer, event: ExerciseEvent) => SeenEvent) | undefined;
  return redact ? redact(viewer, event) : event;
}

/** The events after `afterSeq` that `viewer` may see, in log order, as they see them. */
export function eventsSeenBy(
  events: readonly ExerciseEvent[],
  viewer: Viewer,
  afterSeq: number,
): SeenEvent[] {
  return visibleEvents(events, viewer, afterSeq).map((event) => seenBy(viewer, event));
}
