// The fault suites' world: the built server as a child process on a temp SQLite file, a controller over HTTP, and
// participants that keep every event by seq across drops, reconnections and server restarts.
import type { CreateExerciseResponse, EventMessage } from '@ttx/contracts';
import { io, type Socket } from 'socket.io-client';
import {
  benchFolder,
  ensureServerBuilt,
  freePort,
  removeFolder,
  ServerProcess,
} from '../../src/server-process.js';
import { TtxApi } from '../../src/ttx-api.js';

export interface AckAnswer {
  ok: boolean;
  seq?: number;
  more?: boolean;
  duplicate?: boolean;
  error?: { code: string; message: string; issues?: string[] };
  events?: EventMessage[];
}

export class FaultWorld {
  server: ServerProcess;
  readonly api: TtxApi;

  private constructor(
    readonly scenario: string,
    readonly dir: string,
    readonly port: number,
    readonly env: Record<string, string>,
  ) {
    this.server = ServerProcess.spawn({ dir, port, env });
    this.api = new TtxApi(this.server.url);
  }

  /** `env` adds to the server's environment (e.g. TTX_TEST_SYNC_DELAY_MS), on every restart too. */
  static async start(scenario: string, env: Record<string, string> = {}): Promise<FaultWorld> {
    ensureServerBuilt();
    const world = new FaultWorld(scenario, benchFolder([scenario]), await freePort(), env);
    await world.server.ready();
    return world;
  }

  /** Starts the server again on the same database and port. */
  async restart(): Promise<number> {
    this.server = ServerProcess.spawn({ dir: this.dir, port: this.port, env: this.env });
    return this.server.ready();
  }

  async close(): Promise<void> {
    await this.server.stop();
    removeFolder(this.dir);
  }

  /** Logs the controller in, creates an exercise of the world's scenario, starts it unless `started` is false, and
   * joins each of `seats` (a team id, or `observer` for the observer code) under its participant's name. */
  async openExercise<S extends string = never>({
    started = true,
    seats = {} as Record<S, string>,
  }: { started?: boolean; seats?: Record<S, string> } = {}): Promise<{
    admin: string;
    exercise: CreateExerciseResponse;
    tokens: Record<S, string>;
  }> {
    const admin = await this.api.login();
    const exercise = await this.api.createExercise(admin, this.scenario);
    if (started) await this.api.control(admin, exercise.id, 'start');
    const tokens = {} as Record<S, string>;
    for (const [seat, name] of Object.entries(seats) as [S, string][]) {
      const code = seat === 'observer' ? exercise.observerCode : exercise.joinCodes[seat];
      if (code === undefined) throw new Error(`${this.scenario} has no team ${seat}`);
      tokens[seat] = (await this.api.join(code, name)).token;
    }
    return { admin, exercise, tokens };
  }
}

/** A suite's fault world, started before the suite's own `beforeAll` hooks (call it first in the `describe`) and
 * closed after its tests. */
export function faultSuite(
  scenario: string,
  env: Record<string, string> = {},
): { readonly world: FaultWorld } {
  let world: FaultWorld | undefined;
  beforeAll(async () => {
    world = await FaultWorld.start(scenario, env);
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });
  return {
    get world() {
      if (!world) throw new Error('the fault world is not started yet: use it inside tests and hooks');
      return world;
    },
  };
}

/** A participant following docs/protocol.md "Sync and reconnection" as the web client does: after every
 * (re)connection it syncs page by page from its cursor, holds live batches back until the sync is answered, and
 * advances the cursor only over events known complete. */
export class Participant {
  socket: Socket | undefined;
  readonly events = new Map<number, EventMessage>();
  /** Live events for a seq already held that came after this connection's sync was applied. */
  liveDuplicates = 0;
  /** Events applied below the last one applied: zero when the log only ever grows at its end. */
  outOfOrder = 0;
  /** Highest seq held. */
  lastSeq = 0;
  /** Where the next sync starts: the last sync answer's seq, then the live stream's once that answer is applied. */
  cursor = 0;
  /** Syncs answered and connections made, for the suites' own accounting. */
  syncs = 0;
  connections = 0;
  private held: EventMessage[][] | undefined;
  /** Rejects the pending join when the connection is dropped first. */
  private abandon: (() => void) | undefined;

  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  /** Connects; resolves once this connection's sync is answered and applied (rejects if it drops first). */
  join(timeoutMs = 10_000): Promise<void> {
    const socket = io(`${this.url}/exercise`, {
      auth: { token: this.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: timeoutMs,
    });
    this.socket = socket;
    this.held = [];
    this.connections += 1;
    socket.on('events', (events: EventMessage[]) => {
      if (this.socket !== socket) return;
      if (this.held) return void this.held.push(events);
      for (const event of events) {
        if (this.events.has(event.seq)) this.liveDuplicates += 1;
        this.keep(event);
        this.cursor = Math.max(this.cursor, event.seq);
      }
    });
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no welcome')), timeoutMs);
      this.abandon = () => {
        clearTimeout(timer);
        reject(new Error('dropped before the sync was applied'));
      };
      socket.once('welcome', () => {
        clearTimeout(timer);
        this.catchUp(socket, timeoutMs).then(resolve, reject);
      });
      socket.once('connect_error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** Whether the current connection's sync has been answered and applied. */
  get live(): boolean {
    return this.socket !== undefined && this.held === undefined;
  }

  private async catchUp(socket: Socket, timeoutMs: number): Promise<void> {
    for (let more = true; more;) {
      const answer = (await socket
        .timeout(timeoutMs)
        .emitWithAck('sync', { sinceSeq: this.cursor })) as AckAnswer;
      if (this.socket !== socket) throw new Error('dropped during the sync');
      if (!answer.ok) throw new Error(`sync refused: ${JSON.stringify(answer.error)}`);
      for (const event of answer.events ?? []) this.keep(event);
      this.cursor = Math.max(this.cursor, answer.seq ?? 0);
      more = answer.more === true;
    }
    const held = this.held ?? [];
    this.held = undefined;
    for (const batch of held) for (const event of batch) this.keep(event);
    this.cursor = Math.max(this.cursor, ...held.flat().map((e) => e.seq));
    this.syncs += 1;
    this.abandon = undefined;
  }

  private keep(event: EventMessage): void {
    if (this.events.has(event.seq)) return;
    if (event.seq < this.lastSeq) this.outOfOrder += 1;
    this.events.set(event.seq, event);
    this.lastSeq = Math.max(this.lastSeq, event.seq);
  }

  drop(): void {
    this.abandon?.();
    this.abandon = undefined;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = undefined;
    this.held = undefined;
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

export { seededRandom } from '@ttx/engine';
