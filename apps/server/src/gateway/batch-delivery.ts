// Which `events` messages a committed batch becomes: every socket sits in exactly one recipient room (staff, one
// team, or teamless players), so each room gets the batch's events it may see as one message, in seq order, and
// rooms that would get the same events share one emit (one encoding) to the union of their sockets.
import type { ExerciseEvent } from '@ttx/engine';
import { rooms } from './socket-data.js';

/** One emit: to `rooms` (or to the exercise's room, less `except`), the events in seq order. */
export interface Delivery {
  to: string[];
  except?: string[];
  events: ExerciseEvent[];
}

interface Recipient {
  room: string;
  events: ExerciseEvent[];
}

/**
 * Splits a batch (in seq order) into deliveries so that each socket of an occupied room gets exactly one message
 * holding each event it may see once; `sizeOf` counts a room's sockets (empty rooms cost no encoding).
 */
export function deliveriesOf(exerciseId: string, batch: readonly ExerciseEvent[], teamIds: readonly string[], sizeOf: (room: string) => number): Delivery[] {
  const staff: Recipient = { room: rooms.staff(exerciseId), events: [] };
  const teamless: Recipient = { room: rooms.teamless(exerciseId), events: [] };
  const teams = new Map<string, Recipient>();
  const teamOf = (teamId: string): Recipient => {
    let recipient = teams.get(teamId);
    if (!recipient) teams.set(teamId, (recipient = { room: rooms.team(exerciseId, teamId), events: [] }));
    return recipient;
  };
  for (const teamId of teamIds) teamOf(teamId);
  for (const event of batch) {
    const { audience } = event;
    staff.events.push(event);
    if (audience.kind === 'all') {
      teamless.events.push(event);
      for (const recipient of teams.values()) recipient.events.push(event);
    } else if (audience.kind === 'teams') {
      for (const teamId of audience.teams) {
        const recipient = teamOf(teamId);
        // An audience naming a team twice still delivers the event once.
        if (recipient.events[recipient.events.length - 1] !== event) recipient.events.push(event);
      }
    }
  }
  const known = [staff, ...teams.values(), teamless];
  const present = known.filter((r) => sizeOf(r.room) > 0);
  const sockets = (group: readonly Recipient[]) => group.reduce((sum, r) => sum + sizeOf(r.room), 0);
  // The exercise's room stands for a group only when the group's rooms hold every one of its sockets.
  const everyone = sizeOf(rooms.everyone(exerciseId));
  // Rooms that see the same events share a message: an inject to every team is then one emit, as before batching.
  const bySeqs = new Map<string, Recipient[]>();
  for (const recipient of present) {
    if (recipient.events.length === 0) continue;
    const key = recipient.events.map((e) => e.seq).join(',');
    const group = bySeqs.get(key);
    if (group) group.push(recipient);
    else bySeqs.set(key, [recipient]);
  }
  const deliveries: Delivery[] = [];
  for (const group of bySeqs.values()) {
    const events = group[0]!.events;
    const count = sockets(group);
    if (count === everyone) deliveries.push({ to: [rooms.everyone(exerciseId)], events });
    else if (!group.includes(teamless) && count + sizeOf(teamless.room) === everyone)
      deliveries.push({ to: [rooms.everyone(exerciseId)], except: [teamless.room], events });
    else deliveries.push({ to: group.map((r) => r.room), events });
  }
  // A player of a team the scenario does not name (none joins that way) still gets what is addressed to all.
  if (everyone > sockets(known) && teamless.events.length > 0)
    deliveries.push({ to: [rooms.everyone(exerciseId)], except: known.map((r) => r.room), events: teamless.events });
  return deliveries;
}
