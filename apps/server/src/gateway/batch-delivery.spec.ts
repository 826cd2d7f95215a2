// Grouping a committed batch into `events` messages: who gets what, once, in seq order.
import { canSee, type Audience, type ExerciseEvent, type Viewer } from '@ttx/engine';
import { deliveriesOf, type Delivery } from './batch-delivery.js';
import { rooms } from './socket-data.js';

const EX = 'ex1';
const TEAMS = ['a', 'b', 'c'];

function event(seq: number, audience: Audience): ExerciseEvent {
  return { seq, type: 'message.sent', at: seq, exerciseTime: seq, audience, payload: {} } as unknown as ExerciseEvent;
}

/** Sockets by id: the rooms each joined, as the gateway joins them. */
type Sockets = Record<string, { viewer: Viewer; rooms: string[] }>;

function socketsOf(spec: Record<string, Viewer>): Sockets {
  const out: Sockets = {};
  for (const [id, viewer] of Object.entries(spec)) {
    const own = viewer.role !== 'player' ? rooms.staff(EX) : viewer.teamId ? rooms.team(EX, viewer.teamId) : rooms.teamless(EX);
    out[id] = { viewer, rooms: [rooms.everyone(EX), own] };
  }
  return out;
}

const sizeIn = (sockets: Sockets) => (room: string) => Object.values(sockets).filter((s) => s.rooms.includes(room)).length;

/** What each socket receives from the deliveries, message by message, as Socket.IO's rooms would route them. */
function received(sockets: Sockets, deliveries: Delivery[]): Record<string, number[][]> {
  const out: Record<string, number[][]> = {};
  for (const [id, socket] of Object.entries(sockets)) {
    out[id] = [];
    for (const d of deliveries) {
      const reached = d.to.some((room) => socket.rooms.includes(room)) && !d.except?.some((room) => socket.rooms.includes(room));
      if (reached) out[id]!.push(d.events.map((e) => e.seq));
    }
  }
  return out;
}

const everybody = socketsOf({
  ctl: { role: 'controller' },
  obs: { role: 'observer' },
  a1: { role: 'player', teamId: 'a' },
  a2: { role: 'player', teamId: 'a' },
  b1: { role: 'player', teamId: 'b' },
  c1: { role: 'player', teamId: 'c' },
  lone: { role: 'player' },
});

describe('deliveriesOf', () => {
  const mixed = [
    event(1, { kind: 'teams', teams: ['a'] }),
    event(2, { kind: 'all' }),
    event(3, { kind: 'staff' }),
    event(4, { kind: 'teams', teams: ['b', 'a', 'b'] }),
    event(5, { kind: 'teams', teams: ['a'] }),
    event(6, { kind: 'teams', teams: TEAMS }),
  ];

  it('gives every socket one message holding each event it may see once, in seq order', () => {
    const got = received(everybody, deliveriesOf(EX, mixed, TEAMS, sizeIn(everybody)));
    for (const [id, socket] of Object.entries(everybody)) {
      const visible = mixed.filter((e) => canSee(socket.viewer, e)).map((e) => e.seq);
      expect({ id, messages: got[id] }).toEqual({ id, messages: [visible] });
    }
    expect(got.a1).toEqual([[1, 2, 4, 5, 6]]);
    expect(got.b1).toEqual([[2, 4, 6]]);
    expect(got.lone).toEqual([[2]]);
    expect(got.ctl).toEqual([[1, 2, 3, 4, 5, 6]]);
  });

  it('sends a batch every socket sees alike once, to the exercise room', () => {
    const batch = [event(7, { kind: 'all' }), event(8, { kind: 'all' })];
    expect(deliveriesOf(EX, batch, TEAMS, sizeIn(everybody))).toEqual([{ to: [rooms.everyone(EX)], events: batch }]);
  });

  it('sends an inject to every team once, to the exercise room less the teamless players', () => {
    const batch = [event(9, { kind: 'teams', teams: TEAMS })];
    expect(deliveriesOf(EX, batch, TEAMS, sizeIn(everybody))).toEqual([{ to: [rooms.everyone(EX)], except: [rooms.teamless(EX)], events: batch }]);
  });

  it('encodes nothing for rooms without sockets and shares a message between rooms that see the same events', () => {
    const some = socketsOf({ ctl: { role: 'controller' }, b1: { role: 'player', teamId: 'b' }, c1: { role: 'player', teamId: 'c' } });
    const batch = [event(1, { kind: 'teams', teams: ['a'] }), event(2, { kind: 'teams', teams: ['b', 'c'] })];
    const deliveries = deliveriesOf(EX, batch, TEAMS, sizeIn(some));
    expect(deliveries.map((d) => ({ ...d, events: d.events.map((e) => e.seq) }))).toEqual([
      { to: [rooms.staff(EX)], events: [1, 2] },
      { to: [rooms.team(EX, 'b'), rooms.team(EX, 'c')], events: [2] },
    ]);
    expect(received(some, deliveries)).toEqual({ ctl: [[1, 2]], b1: [[2]], c1: [[2]] });
  });

  it('gives a player of a team the scenario does not name only what is addressed to all', () => {
    const stray = { ...everybody, x1: { viewer: { role: 'player', teamId: 'x' } as Viewer, rooms: [rooms.everyone(EX), rooms.team(EX, 'x')] } };
    const batch = [event(1, { kind: 'teams', teams: ['a'] }), event(2, { kind: 'all' })];
    const got = received(stray, deliveriesOf(EX, batch, TEAMS, sizeIn(stray)));
    expect(got.x1).toEqual([[2]]);
    expect(got.a1).toEqual([[1, 2]]);
    expect(got.b1).toEqual([[2]]);
  });

  it("gives staff and the acting team an escalation change's cause, and every other player one shared copy without it", () => {
    const cause = { cause: 'action', teamId: 'a', decisionId: 'd-a', actionId: 'public-attribution' } as const;
    const change = { seq: 10, type: 'escalation.changed', at: 10, exerciseTime: 10, audience: { kind: 'all' }, payload: { from: 'south', to: 'north', previous: 0, level: 2, ...cause } } as ExerciseEvent;
    const deliveries = deliveriesOf(EX, [change], TEAMS, sizeIn(everybody));
    expect(deliveries.map((d) => d.to)).toEqual([[rooms.staff(EX), rooms.team(EX, 'a')], [rooms.team(EX, 'b'), rooms.team(EX, 'c'), rooms.teamless(EX)]]);
    expect(deliveries[0]!.events).toEqual([change]);
    expect(deliveries[1]!.events.map((e) => e.payload)).toEqual([{ from: 'south', to: 'north', previous: 0, level: 2 }]);
    expect(received(everybody, deliveries)).toEqual({ ctl: [[10]], obs: [[10]], a1: [[10]], a2: [[10]], b1: [[10]], c1: [[10]], lone: [[10]] });
  });

  it('sends nothing when nobody may see the batch', () => {
    const players = socketsOf({ a1: { role: 'player', teamId: 'a' } });
    expect(deliveriesOf(EX, [event(1, { kind: 'staff' })], TEAMS, sizeIn(players))).toEqual([]);
    expect(deliveriesOf(EX, [], TEAMS, sizeIn(everybody))).toEqual([]);
  });
});
