// Who may see which event: the server sends each event only to the sockets this allows, and a reconnecting client
// asks for what it may see after the last seq it has.
import type { Audience, ExerciseEvent, Role } from './events.js';

export type Viewer = { role: Role; teamId?: string };

export const TO_ALL: Audience = { kind: 'all' };
export const TO_STAFF: Audience = { kind: 'staff' };
export function toTeams(teams: readonly string[]): Audience {
  return { kind: 'teams', teams: [...teams] };
}

/** Controllers, facilitators and observers see everything; a player sees what is addressed to all or to its team. */
export function canSee(viewer: Viewer, event: ExerciseEvent): boolean {
  if (viewer.role !== 'player') return true;
  const { audience } = event;
  if (audience.kind === 'all') return true;
  if (audience.kind === 'staff') return false;
  return viewer.teamId !== undefined && audience.teams.includes(viewer.teamId);
}

/** The events after `afterSeq` that `viewer` may see, in log order; `events` is a log sorted by seq. */
export function visibleEvents(events: readonly ExerciseEvent[], viewer: Viewer, afterSeq: number): ExerciseEvent[] {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (events[mid].seq <= afterSeq) low = mid + 1;
    else high = mid;
  }
  const visible: ExerciseEvent[] = [];
  for (let i = low; i < events.length; i++) if (canSee(viewer, events[i])) visible.push(events[i]);
  return visible;
}
