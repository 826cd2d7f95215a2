// The client's copy of the events it may see, kept in seq order with no duplicates, whatever order they arrive in.
import type { EventMessage } from '@ttx/contracts';

export interface EventLog {
  events: EventMessage[];
  /** Highest seq held (0 when empty); not a sync cursor: a live event can arrive ahead of a gap a sync will fill. */
  lastSeq: number;
}

export interface MergeResult {
  log: EventLog;
  /** Events that were new, in seq order. */
  added: EventMessage[];
  /** Whether some new event fell before one already held, so a fold built incrementally must be rebuilt. */
  reordered: boolean;
}

export const emptyEventLog: EventLog = { events: [], lastSeq: 0 };

/** Adds the events not yet held, keeping the log sorted by seq. */
export function mergeEvents(log: EventLog, incoming: readonly EventMessage[]): MergeResult {
  // Only an event at or below the last seq held can be a duplicate: a live batch past it skips the lookup.
  const held = incoming.some((e) => e.seq <= log.lastSeq) ? new Set(log.events.map((e) => e.seq)) : new Set<number>();
  const fresh: EventMessage[] = [];
  for (const event of incoming) {
    if (held.has(event.seq)) continue;
    held.add(event.seq);
    fresh.push(event);
  }
  if (fresh.length === 0) return { log, added: [], reordered: false };
  fresh.sort((a, b) => a.seq - b.seq);
  const reordered = fresh[0].seq < log.lastSeq;
  const events = reordered ? [...log.events, ...fresh].sort((a, b) => a.seq - b.seq) : [...log.events, ...fresh];
  return { log: { events, lastSeq: events[events.length - 1].seq }, added: fresh, reordered };
}
