import type { Ack, ErrorBody, EventMessage, Welcome } from '@ttx/contracts';
import { eventAt, releasedInject } from '../exercise/event-fixtures.spec-helper.js';
import { ExerciseConnection, type SocketPort } from './exercise-connection.js';

interface SentRequest {
  name: string;
  payload: Record<string, unknown>;
  resolve: (reply: Ack<Record<string, unknown>>) => void;
  reject: (error: Error) => void;
}

/** A socket whose server side the spec plays by hand. */
class FakeSocket implements SocketPort {
  connected = false;
  sent: SentRequest[] = [];
  closed = false;
  private connect: (() => void)[] = [];
  private disconnect: ((reason: string) => void)[] = [];
  private connectError: ((error: ErrorBody) => void)[] = [];
  private welcome: ((welcome: Welcome) => void)[] = [];
  private events: ((events: EventMessage[]) => void)[] = [];
  onConnect = (l: () => void) => void this.connect.push(l);
  onDisconnect = (l: (reason: string) => void) => void this.disconnect.push(l);
  onConnectError = (l: (error: ErrorBody) => void) => void this.connectError.push(l);
  onWelcome = (l: (welcome: Welcome) => void) => void this.welcome.push(l);
  onEvents = (l: (events: EventMessage[]) => void) => void this.events.push(l);
  request<T extends object>(name: string, payload: unknown): Promise<Ack<T>> {
    return new Promise((resolve, reject) =>
      this.sent.push({ name, payload: payload as Record<string, unknown>, resolve: resolve as SentRequest['resolve'], reject }),
    );
  }
  open = () => undefined;
  close = () => void (this.closed = true);
  serverConnects() {
    this.connected = true;
    this.connect.forEach((l) => l());
  }
  serverDrops() {
    this.connected = false;
    this.disconnect.forEach((l) => l('transport close'));
  }
  serverRefuses(error: ErrorBody) {
    this.connectError.forEach((l) => l(error));
  }
  push(...events: EventMessage[]) {
    this.events.forEach((l) => l(events));
  }
  take(name: string): SentRequest {
    const index = this.sent.findIndex((r) => r.name === name);
    if (index < 0) throw new Error(`nothing sent as ${name}; sent: ${this.sent.map((r) => r.name).join(', ')}`);
    return this.sent.splice(index, 1)[0];
  }
}

const clock = { status: 'running' as const, running: true, speed: 1, exerciseTime: 0, serverTime: 0, duration: 7_200_000 };
const settle = () => new Promise((resolve) => setImmediate(resolve));
const inject = (seq: number, id: string) => eventAt(seq, 'inject.released', releasedInject(id, ['north']));

function connectionWith(socket: FakeSocket) {
  let n = 0;
  const connection = new ExerciseConnection(socket, { newId: () => `id${++n}`, schedule: () => undefined });
  connection.start();
  return connection;
}

describe('exercise connection', () => {
  it('syncs from seq 0 on first connection and folds what it gets', async () => {
    const socket = new FakeSocket();
    const connection = connectionWith(socket);
    socket.serverConnects();
    const sync = socket.take('sync');
    expect(sync.payload).toEqual({ sinceSeq: 0 });
    sync.resolve({ ok: true, events: [inject(1, 'a'), inject(3, 'b')], seq: 3, clock });
    await settle();
    expect(connection.getState().connection).toBe('live');
    expect(connection.getState().view.injects.map((i) => i.injectId)).toEqual(['a', 'b']);
    expect(connection.getState().caughtUp).toBeUndefined();
  });

  it('after a reconnection asks only for what came after its last seq and shows what it missed, in order', async () => {
    const socket = new FakeSocket();
    const connection = connectionWith(socket);
    socket.serverConnects();
    socket.take('sync').resolve({ ok: true, events: [inject(1, 'a')], seq: 1, clock });
    await settle();
    socket.push(inject(2, 'b'));
    socket.serverDrops();
    expect(connection.getState().connection).toBe('offline');
    socket.serverConnects();
    const sync = socket.take('sync');
    expect(sync.payload).toEqual({ sinceSeq: 2 });
    socket.push(inject(5, 'e'));
    sync.resolve({ ok: true, events: [inject(4, 'd'), inject(5, 'e')], seq: 5, clock });
    await settle();
    const state = connection.getState();
    expect(state.log.events.map((e) => e.seq)).toEqual([1, 2, 4, 5]);
    expect(state.view.injects.map((i) => i.injectId)).toEqual(['a', 'b', 'd', 'e']);
    expect(state.caughtUp?.events.map((e) => e.seq)).toEqual([4]);
  });

  it('folds each events message whole, in seq order whatever order it lists them, and ignores events it holds', async () => {
    const socket = new FakeSocket();
    const connection = connectionWith(socket);
    socket.serverConnects();
    socket.take('sync').resolve({ ok: true, events: [inject(1, 'a')], seq: 1, clock });
    await settle();
    let notified = 0;
    connection.subscribe(() => (notified += 1));
    socket.push(inject(4, 'd'), inject(2, 'b'), inject(1, 'a'), inject(4, 'd'));
    expect(notified).toBe(1);
    socket.push(inject(2, 'b'), inject(6, 'f'));
    const state = connection.getState();
    expect(state.log.events.map((e) => e.seq)).toEqual([1, 2, 4, 6]);
    expect(state.log.lastSeq).toBe(6);
    expect(state.view.injects.map((i) => i.injectId)).toEqual(['a', 'b', 'd', 'f']);
  });

  it('after batches lost with the connection, syncs from the last seq held and keeps the batch that raced the sync once', async () => {
    const socket = new FakeSocket();
    const connection = connectionWith(socket);
    socket.serverConnects();
    socket.take('sync').resolve({ ok: true, events: [], seq: 0, clock });
    await settle();
    socket.push(inject(1, 'a'), inject(3, 'c'));
    socket.serverDrops();
    socket.serverConnects();
    const sync = socket.take('sync');
    expect(sync.payload).toEqual({ sinceSeq: 3 });
    socket.push(inject(7, 'g'), inject(8, 'h'));
    sync.resolve({ ok: true, events: [inject(5, 'e'), inject(7, 'g'), inject(8, 'h')], seq: 8, clock });
    await settle();
    const state = connection.getState();
    expect(state.log.events.map((e) => e.seq)).toEqual([1, 3, 5, 7, 8]);
    expect(state.view.injects.map((i) => i.injectId)).toEqual(['a', 'c', 'e', 'g', 'h']);
    expect(state.caughtUp?.events.map((e) => e.seq)).toEqual([5]);
  });

  it('holds live events back until the sync is answered, so a drop before the answer leaves no gap', async () => {
    const socket = new FakeSocket();
    const connection = connectionWith(socket);
    socket.serverConnects();
    socket.take('sync').resolve({ ok: true, events: [inject(1, 'a')], seq: 1, clock });
    await settle();
    socket.serverDrops();
    socket.serverConnects();
    const lost = socket.take('sync');
    // Events 2–4 were committed while offline; 5 arrives live before the sync's answer, and then the link drops again.
    socket.push(inject(5, 'e'));
    expect(connection.getState().log.events.map((e) => e.seq)).toEqual([1]);
    socket.serverDrops();
    lost.resolve({ ok: true, events: [inject(2, 'b')], seq: 2, clock });
    socket.serverConnects();
    const sync = socket.take('sync');
    expect(sync.payload).toEqual({ sinceSeq: 1 });
    sync.resolve({ ok: true, events: [inject(2, 'b'), inject(3, 'c'), inject(4, 'd'), inject(5, 'e')], seq: 5, clock });
    await settle();
    expect(connection.getState().log.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(connection.getState().connection).toBe('live');
  });

  it('asks again from the seq a paged sync answer covers until no more follow, then goes live', async () => {
    const socket = new FakeSocket();
    const connection = connectionWith(socket);
    socket.serverConnects();
    socket.push(inject(9, 'i'));
    socket.take('sync').resolve({ ok: true, events: [inject(1, 'a'), inject(3, 'c')], seq: 4, more: true, clock });
    await settle();
    expect(connection.getState().connection).toBe('catching-up');
    const next = socket.take('sync');
    expect(next.payload).toEqual({ sinceSeq: 4 });
    next.resolve({ ok: true, events: [inject(6, 'f')], seq: 8, clock });
    await settle();
    expect(connection.getState().connection).toBe('live');
    expect(connection.getState().log.events.map((e) => e.seq)).toEqual([1, 3, 6, 9]);
    socket.serverDrops();
    socket.serverConnects();
    expect(socket.take('sync').payload).toEqual({ sinceSeq: 9 });
  });

  it('sends a decision dropped with the connection again with the same client id, and settles it once', async () => {
    const socket = new FakeSocket();
    const connection = connectionWith(socket);
    socket.serverConnects();
    socket.take('sync').resolve({ ok: true, events: [], seq: 0, clock });
    await settle();
    const id = connection.submitDecision({ injectId: 'a', actions: [{ actionId: 'activate-hotline' }], rationale: 'r' });
    const first = socket.take('decision.submit');
    expect(first.payload.decisionId).toBe(id);
    socket.serverDrops();
    first.reject(new Error('disconnected'));
    await settle();
    expect(socket.sent.filter((r) => r.name === 'decision.submit')).toHaveLength(0);
    socket.serverConnects();
    socket.take('sync').resolve({ ok: true, events: [], seq: 0, clock });
    await settle();
    const retry = socket.take('decision.submit');
    expect(retry.payload).toEqual(first.payload);
    retry.resolve({ ok: true, seq: 9, duplicate: true });
    await settle();
    expect(connection.getState().outbox[0]).toMatchObject({ clientId: id, status: 'acknowledged', attempts: 2 });
  });

  it('does not resend a decision whose event arrived in the sync after the drop', async () => {
    const socket = new FakeSocket();
    const connection = connectionWith(socket);
    socket.serverConnects();
    socket.take('sync').resolve({ ok: true, events: [], seq: 0, clock });
    await settle();
    const id = connection.submitDecision({ actions: [{ actionId: 'activate-hotline' }], rationale: '' });
    socket.take('decision.submit');
    socket.serverDrops();
    socket.serverConnects();
    const submitted = eventAt(1, 'decision.submitted', { decisionId: id, teamId: 'north', actions: [{ actionId: 'activate-hotline' }], rationale: '' });
    socket.take('sync').resolve({ ok: true, events: [submitted], seq: 1, clock });
    await settle();
    expect(socket.sent.filter((r) => r.name === 'decision.submit')).toHaveLength(0);
    expect(connection.getState().outbox[0].status).toBe('acknowledged');
  });

  it('keeps a refusal with its code for the user and does not retry it', async () => {
    const socket = new FakeSocket();
    const connection = connectionWith(socket);
    socket.serverConnects();
    socket.take('sync').resolve({ ok: true, events: [], seq: 0, clock });
    await settle();
    connection.sendMessage('hotline', 'hello');
    socket.take('message.send').resolve({ ok: false, error: { code: 'NOT_A_CHANNEL_MEMBER', message: 'Not yours.' } });
    await settle();
    expect(connection.getState().outbox[0]).toMatchObject({ status: 'refused', error: { code: 'NOT_A_CHANNEL_MEMBER' } });
  });

  it('sends a message with the purpose chosen for it, and without one when none was chosen', async () => {
    const socket = new FakeSocket();
    const connection = connectionWith(socket);
    socket.serverConnects();
    socket.take('sync').resolve({ ok: true, events: [], seq: 0, clock });
    await settle();
    connection.sendMessage('hotline', 'Stop the scans.', 'demand');
    connection.sendMessage('hotline', 'Hello.');
    const [withPurpose, without] = [socket.take('message.send'), socket.take('message.send')];
    expect(withPurpose.payload).toEqual({ messageId: expect.any(String), channelId: 'hotline', text: 'Stop the scans.', purpose: 'demand' });
    expect(without.payload).toEqual({ messageId: expect.any(String), channelId: 'hotline', text: 'Hello.' });
  });

  it('sends two edits of the same improvement-plan item as two commands, in order', async () => {
    const socket = new FakeSocket();
    const connection = connectionWith(socket);
    socket.serverConnects();
    socket.take('sync').resolve({ ok: true, events: [], seq: 0, clock });
    await settle();
    connection.editImprovement('ip-south-hotline', { pointOfContact: 'Ana' });
    connection.editImprovement('ip-south-hotline', { removed: true });
    const [first, second] = [socket.take('improvement.edit'), socket.take('improvement.edit')];
    expect([first.payload, second.payload]).toEqual([
      { itemId: 'ip-south-hotline', changes: { pointOfContact: 'Ana' } },
      { itemId: 'ip-south-hotline', changes: { removed: true } },
    ]);
    first.resolve({ ok: true, seq: 4 });
    await settle();
    expect(connection.getState().outbox.map((i) => i.status)).toEqual(['acknowledged', 'sending']);
  });

  it('stops and says why when the server refuses the token', () => {
    const socket = new FakeSocket();
    const connection = connectionWith(socket);
    socket.serverRefuses({ code: 'UNAUTHENTICATED', message: 'Join again with your code.' });
    expect(connection.getState()).toMatchObject({ connection: 'refused', refusal: { code: 'UNAUTHENTICATED' } });
    expect(socket.closed).toBe(true);
  });

  it('stops and says why when the server ends the session because the join code was replaced', () => {
    const socket = new FakeSocket();
    const connection = connectionWith(socket);
    socket.serverRefuses({ code: 'TOKEN_REVOKED', message: 'Your join code was replaced by new codes: join again with the new code from your controller.' });
    expect(connection.getState()).toMatchObject({ connection: 'refused', refusal: { code: 'TOKEN_REVOKED' } });
    expect(socket.closed).toBe(true);
  });
});
