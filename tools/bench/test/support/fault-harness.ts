// The fault suites' world: the built server as a child process on a temp SQLite file, a controller over HTTP, and
// participants that keep every event by seq across drops, reconnections and server restarts.
import type { EventMessage } from '@ttx/contracts';
import { io, type Socket } from 'socket.io-client';
import { benchFolder, ensureServerBuilt, freePort, removeFolder, ServerProcess } from '../../src/server-process.js';
import { TtxApi } from '../../src/ttx-api.js';

export interface AckAnswer {
  ok: boolean;
  seq?: number;
  duplicate?: boolean;
  error?: { code: string; message: string; issues?: string[] };
  events?: EventMessage[];
}

export class FaultWorld {
  server: ServerProcess;
  readonly api: TtxApi;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {
    this.server = ServerProcess.spawn({ dir, port });
    this.api = new TtxApi(this.server.url);
  }

  static async start(scenario: string): Promise<FaultWorld> {
    ensureServerBuilt();
    const world = new FaultWorld(benchFolder([scenario]), await freePort());
    await world.server.ready();
    return world;
  }

  /** Starts the server again on the same database and port. */
  async restart(): Promise<number> {
    this.server = ServerProcess.spawn({ dir: this.dir, port: this.port });
    return this.server.ready();
  }

  async close(): Promise<void> {
    await this.server.stop();
    removeFolder(this.dir);
  }
}

/** A participant as the web client behaves: keeps events by seq, and after every (re)connection syncs from its last. */
export class Participant {
  socket: Socket | undefined;
  readonly events = new Map<number, EventMessage>();
  /** Events the live stream delivered for a seq already held. */
  liveDuplicates = 0;
  lastSeq = 0;

  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  /** Connects and syncs; resolves once the sync is answered. */
  async join(timeoutMs = 10_000): Promise<void> {
    const socket = io(`${this.url}/exercise`, { auth: { token: this.token }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: timeoutMs });
    this.socket = socket;
    socket.on('events', (events: EventMessage[]) => {
      for (const event of events) {
        if (this.events.has(event.seq)) this.liveDuplicates += 1;
        this.keep(event);
      }
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no welcome')), timeoutMs);
      socket.once('welcome', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('connect_error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    const answer = (await socket.timeout(timeoutMs).emitWithAck('sync', { sinceSeq: this.lastSeq })) as AckAnswer;
    if (!answer.ok) throw new Error(`sync refused: ${JSON.stringify(answer.error)}`);
    for (const event of answer.events ?? []) this.keep(event);
  }

  private keep(event: EventMessage): void {
    this.events.set(event.seq, event);
    this.lastSeq = Math.max(this.lastSeq, event.seq);
  }

  drop(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = undefined;
  }

  send(name: string, payload: unknown, timeoutMs = 10_000): Promise<AckAnswer> {
    if (!this.socket) return Promise.reject(new Error('not connected'));
    return this.socket.timeout(timeoutMs).emitWithAck(name, payload) as Promise<AckAnswer>;
  }

  /** The held events in seq order. */
  ordered(): EventMessage[] {
    return [...this.events.values()].sort((a, b) => a.seq - b.seq);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small seeded generator (mulberry32), so random drops repeat run after run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
