// Holding a batch's writes: packets queued while emitting, and by the microtasks after it (acks), leave in one flush.
import type { Namespace } from 'socket.io';
import { emitHeldBack } from './coalesced-writes.js';

/** An engine.io connection reduced to what emitHeldBack touches: a write buffer flushed only when writable. */
class FakeConnection {
  readyState = 'open';
  buffer: string[] = [];
  writes: string[][] = [];
  constructor(readonly transport: { name: string; writable: boolean }) {}
  send(packet: string): void {
    this.buffer.push(packet);
    this.flush();
  }
  flush(): void {
    if (this.readyState === 'closed' || !this.transport.writable || this.buffer.length === 0) return;
    this.writes.push(this.buffer.splice(0));
  }
}

function namespaceOf(conns: Record<string, FakeConnection>): Namespace {
  const sockets = new Map(Object.entries(conns).map(([id, conn]) => [id, { conn }]));
  return { adapter: { rooms: new Map([['ex', new Set(Object.keys(conns))]]) }, sockets } as unknown as Namespace;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('emitHeldBack', () => {
  it('sends the batch and the acks queued by the following microtasks in one write per socket', async () => {
    const a = new FakeConnection({ name: 'websocket', writable: true });
    const b = new FakeConnection({ name: 'websocket', writable: true });
    emitHeldBack(namespaceOf({ a, b }), 'ex', () => {
      a.send('batch');
      b.send('batch');
      void Promise.resolve().then(() => a.send('ack'));
    });
    await Promise.resolve();
    expect(a.writes).toEqual([]);
    await nextTurn();
    expect(a.writes).toEqual([['batch', 'ack']]);
    expect(b.writes).toEqual([['batch']]);
    expect(a.transport.writable).toBe(true);
    a.send('later');
    expect(a.writes).toHaveLength(2);
  });

  it('leaves busy and polling transports alone, and flushes nothing to a connection closed meanwhile', async () => {
    const busy = new FakeConnection({ name: 'websocket', writable: false });
    const polling = new FakeConnection({ name: 'polling', writable: true });
    const closing = new FakeConnection({ name: 'websocket', writable: true });
    emitHeldBack(namespaceOf({ busy, polling, closing }), 'ex', () => {
      busy.send('batch');
      polling.send('batch');
      closing.send('batch');
      closing.readyState = 'closed';
    });
    expect(polling.writes).toEqual([['batch']]);
    await nextTurn();
    expect(busy.transport.writable).toBe(false);
    expect(busy.writes).toEqual([]);
    expect(closing.writes).toEqual([]);
  });

  it('releases the sockets even when an emit throws', async () => {
    const a = new FakeConnection({ name: 'websocket', writable: true });
    expect(() =>
      emitHeldBack(namespaceOf({ a }), 'ex', () => {
        a.send('batch');
        throw new Error('encoding failed');
      }),
    ).toThrow('encoding failed');
    await nextTurn();
    expect(a.writes).toEqual([['batch']]);
  });
});
