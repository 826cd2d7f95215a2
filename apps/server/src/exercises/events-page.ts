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

interface ScannedPage {
  events: EventMessage[];
  /** Each event's JSON, written once to count the page's bytes and reused for the HTTP body. */
  texts: string[];
  seq: number;
  more: boolean;
}

function scanPage(log: readonly ExerciseEvent[], viewer: Viewer, since: number, bounds: PageBounds): ScannedPage {
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
  const texts: string[] = [];
  let bytes = 0;
  for (let i = low; i < log.length; i += 1) {
    const event = log[i]!;
    if (canSee(viewer, event)) {
      if (events.length >= bounds.limit || (events.length > 0 && bytes >= bounds.maxBytes)) return { events, texts, seq: covered, more: true };
      const message = eventMessageOf(seenBy(viewer, event));
      const text = JSON.stringify(message);
      bytes += text.length;
      events.push(message);
      texts.push(text);
    }
    covered = event.seq;
  }
  return { events, texts, seq: covered, more: false };
}

/** `log` is the committed log in seq order; the page's `seq` is the last seq it covers, invisible events included. */
export function eventsPageOf(log: readonly ExerciseEvent[], viewer: Viewer, since: number, bounds: PageBounds): EventsResponse {
  const { events, seq, more } = scanPage(log, viewer, since, bounds);
  return { events, seq, more };
}

/** The same page as the JSON text of its `EventsResponse`, each event serialised once rather than twice. */
export function eventsPageJsonOf(log: readonly ExerciseEvent[], viewer: Viewer, since: number, bounds: PageBounds): string {
  const { texts, seq, more } = scanPage(log, viewer, since, bounds);
  return `{"events":[${texts.join(',')}],"seq":${seq},"more":${more}}`;
}
