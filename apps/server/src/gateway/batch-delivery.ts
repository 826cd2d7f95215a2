// Which `events` messages a committed batch becomes: every socket sits in exactly one recipient room (staff, one
// team, or teamless players), so each room gets the batch's events it may see as one message, in seq order, and
// rooms that would get the same events share one emit (one encoding) to the union of their sockets. Each room gets
// the events as its viewers see them (`seenBy`): a team room sees the cause only of its own escalation changes.
import { seenBy, type ExerciseEvent, type SeenEvent, type Viewer } from '@ttx/engine';
import { rooms } from './socket-data.js';

/** One emit: to `rooms` (or to the exercise's room, less `except`), the events in seq order. */
export interface Delivery {
  to: string[];
  except?: string[];
  events: SeenEvent[];
}

interface Recipient {
  room: string;
  viewer: Viewer;
  events: SeenEvent[];
}

/**
 * Splits a batch (in seq order) into deliveries so that each socket of an occupied room gets exactly one message
 * holding each event it may see once; `sizeOf` counts a room's sockets (empty rooms cost no encoding).
 */
export function deliveriesOf(exerciseId: string, batch: readonly ExerciseEvent[], teamIds: readonly string[], sizeOf: (room: string) => number): Delivery[] {
  const staff: Recipient = { room: rooms.staff(exerciseId), viewer: { role: 'controller' }, events: [] };
  const teamless: Recipient = { room: rooms.teamless(exerciseId), viewer: { role: 'player' }, events: [] };
  const teams = new Map<string, Recipient>();
  const teamOf = (teamId: string): Recipient => {
    let recipient = teams.get(teamId);
    if (!recipient) teams.set(teamId, (recipient = { room: rooms.team(exerciseId, teamId), viewer: { role: 'player', teamId }, events: [] }));
    return recipient;
  };
  for (const teamId of teamIds) teamOf(teamId);
  // Every viewer an event's cause is withheld from gets the same copy, so their rooms can still share a message.
  const withheld = new Map<ExerciseEvent, SeenEvent>();
  const give = (recipient: Recipient, event: ExerciseEvent): void => {
    let seen = seenBy(recipient.viewer, event);
    if (seen !== event) {
      const shared = withheld.get(event);
      if (shared) seen = shared;
      else withheld.set(event, seen);
    }
    recipient.events.push(seen);
  };
  for (const event of batch) {
    const { audience } = event;
    staff.events.push(event);
    if (audience.kind === 'all') {
      give(teamless, event);
      for (const recipient of teams.values()) give(recipient, event);
    } else if (audience.kind === 'teams') {
      for (const teamId of audience.teams) {
        const recipient = teamOf(teamId);
        // An audience naming a team twice still delivers the event once.
        if (recipient.events[recipient.events.length - 1]?.seq !== event.seq) give(recipient, event);
      }
    }
  }
  const copies = new Set(withheld.values());
  const known = [staff, ...teams.values(), teamless];
  const present = known.filter((r) => sizeOf(r.room) > 0);
  const sockets = (group: readonly Recipient[]) => group.reduce((sum, r) => sum + sizeOf(r.room), 0);
  // The exercise's room stands for a group only when the group's rooms hold every one of its sockets.
  const everyone = sizeOf(rooms.everyone(exerciseId));
  // Rooms that see the same events share a message: an inject to every team is then one emit, as before batching.
  const bySeqs = new Map<string, Recipient[]>();
  for (const recipient of present) {
    if (recipient.events.length === 0) continue;
    // A withheld copy differs from the event: rooms share a message only when they see the same form of each.
    const key = recipient.events.map((e) => (copies.has(e) ? `${e.seq}-` : String(e.seq))).join(',');
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
