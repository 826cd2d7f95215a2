// One page of the events a viewer may see after a seq: bounded in count and bytes, and with the seq it covers, so
// that a reader using that seq as its cursor neither skips an event nor counts one not yet committed; each event as
// the viewer may see it (another team's escalation cause withheld).
import type { EventMessage, EventsResponse } from '@ttx/contracts';
import { canSee, type ExerciseEvent, seenBy, type Viewer } from '@ttx/engine';
import { eventMessageOf } from './exercise-views.js';

export interface PageBounds {
  limit: number;
  maxBytes: number;
}

/** `log` is the committed log in seq order; the page's `seq` is the last seq it covers, invisible events included. */
export function eventsPageOf(log: readonly ExerciseEvent[], viewer: Viewer, since: number, bounds: PageBounds): EventsResponse {
  let low = 0;
  let high = log.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (log[mid]!.seq <= since) low = mid + 1;
    else high = mid;
  }
  const committed = log.length > 0 ? log[log.length - 1]!.seq : 0;
  // A cursor past the log covers nothing more than the log: the answer never names a seq not yet committed.
  let covered = Math.min(since, committed);
  const events: EventMessage[] = [];
  let bytes = 0;
  for (let i = low; i < log.length; i += 1) {
    const event = log[i]!;
    if (canSee(viewer, event)) {
      if (events.length >= bounds.limit || (events.length > 0 && bytes >= bounds.maxBytes)) return { events, seq: covered, more: true };
      const message = eventMessageOf(seenBy(viewer, event));
      bytes += JSON.stringify(message).length;
      events.push(message);
    }
    covered = event.seq;
  }
  return { events, seq: covered, more: false };
}
