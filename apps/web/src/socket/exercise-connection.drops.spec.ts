// The web client's connection over real Socket.IO, against a server that keeps the protocol of docs/protocol.md
// (welcome, live `events` per committed batch, paged `sync` answers slowed by 150 ms) and drops the transport at
// random moments, also while a sync is being answered: the client ends with exactly the events it may see.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '@ttx/engine';
import type { EventMessage, SyncAck } from '@ttx/contracts';
import { Server, type Socket } from 'socket.io';
import { eventAt, releasedInject } from '../exercise/event-fixtures.spec-helper.js';
import { ExerciseConnection } from './exercise-connection.js';
import { socketIoPort } from './socket-io-port.js';

const SYNC_LATENCY_MS = 150;
const PAGE = 200;
const clock = { status: 'running' as const, running: true, speed: 1, exerciseTime: 0, serverTime: 0, duration: 7_200_000 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


/** Every third event is for another team: the client never sees it, and its seqs have gaps. */
const visible = (seq: number) => seq % 3 !== 0;

class ProtocolServer {
  readonly log: EventMessage[] = [];
  readonly io: Server;
  private readonly http: HttpServer;
  readonly connections: Socket[] = [];

  constructor() {
    this.http = createServer();
    this.io = new Server(this.http);
    this.io.of('/exercise').on('connection', (socket) => {
      this.connections.push(socket);
      socket.emit('welcome', { exerciseId: 'ex-drops', role: 'player', teamId: 'north', seq: this.log.length, clock });
      socket.on('sync', ({ sinceSeq }: { sinceSeq: number }, ack: (reply: SyncAck & { ok: true }) => void) => {
        // The answer is read after the latency, from the log as committed then, as the TTX server does.
        setTimeout(() => {
          const after = this.log.slice(sinceSeq);
          const events: EventMessage[] = [];
          let covered = Math.min(sinceSeq, this.log.length);
          for (const event of after) {
            if (visible(event.seq)) {
              if (events.length === PAGE) return ack({ ok: true, events, seq: covered, more: true, clock });
              events.push(event);
            }
            covered = event.seq;
          }
          ack({ ok: true, events, seq: covered, more: false, clock });
        }, SYNC_LATENCY_MS);
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  /** Commits one batch of two events and sends each connected socket the ones it may see. */
  commitBatch(): void {
    const batch = [1, 2].map(() => {
      const seq = this.log.length + 1;
      const event = eventAt(seq, 'inject.released', releasedInject(`i${seq}`, ['north']));
      this.log.push(event);
      return event;
    });
    const shown = batch.filter((e) => visible(e.seq));
    if (shown.length > 0) this.io.of('/exercise').emit('events', shown);
  }

  /** Closes the transport under the socket, as a network drop does: the client reconnects on its own. */
  dropNewest(): void {
    this.connections[this.connections.length - 1]?.conn.close();
  }

  async close(): Promise<void> {
    await this.io.close();
  }
}

describe('exercise connection over real sockets that drop', () => {
  it('ends with exactly the events it may see, in order, after drops at random moments under sync latency', async () => {
    const server = new ProtocolServer();
    const url = await server.listen();
    const connection = new ExerciseConnection(socketIoPort({ token: 'player-token', exerciseId: 'ex-drops' }, url), { retryDelayMs: 200 });
    connection.start();
    const random = seededRandom(20_261_202);
    let committing = true;
    const commits = (async () => {
      while (committing) {
        server.commitBatch();
        await sleep(4);
      }
    })();
    try {
      // Each drop lands at a random moment after a connection: before, during or after its sync is answered.
      for (let drop = 0; drop < 6; drop += 1) {
        const connected = server.connections.length;
        const deadline = Date.now() + 5000;
        while (server.connections.length === connected && Date.now() < deadline) await sleep(5);
        await sleep(random() * SYNC_LATENCY_MS * 2);
        server.dropNewest();
      }
      const deadline = Date.now() + 5000;
      while (connection.getState().connection !== 'live' && Date.now() < deadline) await sleep(20);
      await sleep(300);
      committing = false;
      await commits;
      await sleep(200);
      const expected = server.log.filter((e) => visible(e.seq)).map((e) => e.seq);
      const held = connection.getState().log.events.map((e) => e.seq);
      expect(server.connections.length).toBeGreaterThanOrEqual(7);
      expect(connection.getState().connection).toBe('live');
      expect({ missing: expected.filter((seq) => !held.includes(seq)).length, held: held.length }).toEqual({ missing: 0, held: expected.length });
      expect(held).toEqual(expected);
    } finally {
      committing = false;
      connection.stop();
      await server.close();
    }
  }, 30_000);
});
