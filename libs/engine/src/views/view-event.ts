// The events the read views fold: the server's, with their audience, or a client's, as its viewer sees them.
import type { Audience, EventEnvelope, EventType, SeenPayloads } from '../events.js';

/** One event of the log, its audience present on the server and absent on a client (which saw it, so may see it). */
export type ViewEvent = {
  [T in EventType]: Omit<EventEnvelope<T>, 'payload' | 'audience'> & {
    payload: SeenPayloads[T];
    audience?: Audience;
  };
}[EventType];

/** Whether a player of `teamId` may see an event with this audience; a client's events (no audience) it has seen. */
export function teamMaySee(audience: Audience | undefined, teamId: string): boolean {
  if (audience === undefined || audience.kind === 'all') return true;
  return audience.kind === 'teams' && audience.teams.includes(teamId);
}
