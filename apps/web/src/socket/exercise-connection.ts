// One exercise's live link: folds every event it receives by seq, catches up with `sync` after any (re)connection
// from the seq its log is known complete up to, and keeps commands in an outbox so a retry after a dropped connection
// reuses its id.
import type { Ack, ErrorBody, EventMessage, RecordedAck, SyncAck, Welcome } from '@ttx/contracts';
import type { ActionChoice, AttributionConfidence, ImprovementItemEdit } from '@ttx/engine';
import type { HseepRating, MessagePurpose } from '@ttx/scenario';
import { emptyEventLog, mergeEvents, type EventLog } from '../exercise/event-log.js';
import { emptyExerciseView, ExerciseFold, type ExerciseView } from '../exercise/exercise-view.js';
import {
  commandsToSend,
  enqueueCommand,
  markAcknowledged,
  markInFlightWaiting,
  markRefused,
  markSending,
  markWaiting,
  settleRecorded,
  type Outbox,
} from '../exercise/outbox.js';

/** Codes after which reconnecting cannot help: the player must join (or log in) again, or close another tab. */
const REFUSALS: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'FORBIDDEN_ROLE', 'NOT_FOUND', 'TOKEN_EXPIRED', 'TOKEN_REVOKED', 'TOO_MANY_SOCKETS']);

export type ConnectionState = 'connecting' | 'catching-up' | 'live' | 'offline' | 'refused';

/** The part of a Socket.IO client the connection uses (a real socket, or a fake in specs). */
export interface SocketPort {
  readonly connected: boolean;
  onConnect(listener: () => void): void;
  onDisconnect(listener: (reason: string) => void): void;
  onConnectError(listener: (error: ErrorBody) => void): void;
  onWelcome(listener: (welcome: Welcome) => void): void;
  /** Each `events` message: one committed batch's events this socket may see, in seq order. */
  onEvents(listener: (events: EventMessage[]) => void): void;
  /** Emits with an ack; rejects when no ack comes within `timeoutMs`. */
  request<T extends object>(name: string, payload: unknown, timeoutMs: number): Promise<Ack<T>>;
  open(): void;
  close(): void;
}

export interface ExerciseConnectionState {
  connection: ConnectionState;
  refusal?: ErrorBody;
  log: EventLog;
  view: ExerciseView;
  outbox: Outbox;
  welcome?: Welcome;
  /** Server clock minus local clock (ms), from the last welcome or sync. */
  serverOffset: number;
  /** Events a reconnection's sync brought in, in order: what the user missed while offline. */
  caughtUp?: { events: EventMessage[]; at: number };
}

export interface ConnectionOptions {
  now?: () => number;
  newId?: () => string;
  ackTimeoutMs?: number;
  retryDelayMs?: number;
  schedule?: (run: () => void, delayMs: number) => void;
}

export interface DecisionInput {
  injectId?: string;
  actions: ActionChoice[];
  rationale: string;
  /** The team's stated confidence in an attribution it makes, when it states one. */
  confidence?: AttributionConfidence;
}

/** Client-generated ids: letters and digits, unique enough for one exercise. */
export function newClientId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return random.replace(/[^A-Za-z0-9-]/g, '');
}

export class ExerciseConnection {
  private state: ExerciseConnectionState = {
    connection: 'connecting',
    log: emptyEventLog,
    view: emptyExerciseView,
    outbox: [],
    serverOffset: 0,
  };
  private readonly listeners = new Set<() => void>();
  private everLive = false;
  private stopped = false;
  /** Counts connections: an answer or a retry belonging to an earlier one is ignored. */
  private connectionNo = 0;
  /** The one incremental fold of this exercise's events; `state.view` is its latest snapshot. */
  private fold = new ExerciseFold();
  /** The log holds every event this client may see up to this seq: the last sync answer's, then the live stream's. */
  private cursor = 0;
  /** Live batches received on this connection before its sync is answered; applied after the answer. */
  private held: EventMessage[][] | undefined = [];
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly ackTimeoutMs: number;
  private readonly retryDelayMs: number;
  private readonly schedule: (run: () => void, delayMs: number) => void;

  constructor(
    private readonly socket: SocketPort,
    options: ConnectionOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? newClientId;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 8000;
    this.retryDelayMs = options.retryDelayMs ?? 1500;
    this.schedule = options.schedule ?? ((run, delay) => void setTimeout(run, delay));
  }

  getState = (): ExerciseConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(): void {
    this.socket.onConnect(() => {
      this.connectionNo += 1;
      this.held = [];
      void this.catchUp(this.connectionNo);
    });
    this.socket.onDisconnect(() => {
      // What was held back is not known to follow the cursor without a gap: the next sync brings it again.
      this.connectionNo += 1;
      this.held = [];
      this.update({ connection: 'offline', outbox: markInFlightWaiting(this.state.outbox) });
    });
    this.socket.onConnectError((error) => {
      if (REFUSALS.has(error.code)) {
        this.update({ connection: 'refused', refusal: error });
        this.socket.close();
      } else this.update({ connection: 'offline' });
    });
    this.socket.onWelcome((welcome) =>
      this.update({ welcome, serverOffset: welcome.clock.serverTime - this.now() }),
    );
    this.socket.onEvents((events) => {
      if (this.held) return void this.held.push(events);
      this.receive(events, false);
      this.advanceCursor(events);
    });
    this.socket.open();
  }

  stop(): void {
    this.stopped = true;
    this.socket.close();
  }

  /** Queues a decision under a new client id and sends it when connected; returns the id. */
  submitDecision(input: DecisionInput): string {
    const decisionId = this.newId();
    return this.enqueue('decision.submit', decisionId, { decisionId, ...input });
  }

  /** Queues a message, with the purpose chosen for it when there is one; returns its id. */
  sendMessage(channelId: string, text: string, purpose?: MessagePurpose): string {
    const messageId = this.newId();
    return this.enqueue('message.send', messageId, { messageId, channelId, text, ...(purpose !== undefined ? { purpose } : {}) });
  }

  recordObservation(objectiveId: string, rating: HseepRating, note: string): string {
    const observationId = this.newId();
    return this.enqueue('observation.record', observationId, { observationId, objectiveId, rating, note });
  }

  /** Edits (or, for an unknown id, adds) an improvement-plan item; each edit is its own command in the outbox. */
  editImprovement(itemId: string, changes: ImprovementItemEdit): string {
    return this.enqueue('improvement.edit', this.newId(), { itemId, changes });
  }

  dismissCaughtUp(): void {
    this.update({ caughtUp: undefined });
  }

  private enqueue(name: string, clientId: string, payload: object): string {
    this.update({ outbox: enqueueCommand(this.state.outbox, name, clientId, payload) });
    this.flush();
    return clientId;
  }

  private update(change: Partial<ExerciseConnectionState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }

  private receive(events: readonly EventMessage[], fromSync: boolean): EventMessage[] {
    const merged = mergeEvents(this.state.log, events);
    if (merged.added.length === 0) return [];
    // A batch from before the last event held means the log was reordered: fold it again, from its start.
    if (merged.reordered) this.fold = new ExerciseFold();
    for (const event of merged.reordered ? merged.log.events : merged.added) this.fold.absorb(event);
    const view = this.fold.snapshot();
    const recorded = new Set(merged.added.map(recordedClientId).filter((id): id is string => id !== undefined));
    this.update({ log: merged.log, view, outbox: settleRecorded(this.state.outbox, recorded) });
    if (!fromSync && this.state.connection === 'live') this.flush();
    return merged.added;
  }

  /** Live events on a connection whose sync is answered follow the cursor without a gap (one ordered stream). */
  private advanceCursor(events: readonly EventMessage[]): void {
    for (const event of events) if (event.seq > this.cursor) this.cursor = event.seq;
  }

  /** After every (re)connection: fetch, page by page, what this client may see after its cursor; then apply the live
   * batches held back meanwhile, and send what waits. */
  private async catchUp(connectionNo: number): Promise<void> {
    if (this.stopped || connectionNo !== this.connectionNo) return;
    this.update({ connection: 'catching-up' });
    try {
      const added: EventMessage[] = [];
      let clock: SyncAck['clock'] | undefined;
      for (let more = true; more; ) {
        const reply = await this.socket.request<SyncAck>('sync', { sinceSeq: this.cursor }, this.ackTimeoutMs);
        if (connectionNo !== this.connectionNo) return;
        if (!reply.ok) throw new Error(reply.error.message);
        added.push(...this.receive(reply.events, true));
        this.cursor = Math.max(this.cursor, reply.seq);
        clock = reply.clock;
        more = reply.more === true;
      }
      const held = this.held ?? [];
      this.held = undefined;
      const seenLive = new Set<number>();
      for (const batch of held) {
        this.receive(batch, true);
        this.advanceCursor(batch);
        for (const event of batch) seenLive.add(event.seq);
      }
      const missed = added.filter((event) => !seenLive.has(event.seq));
      const offset = clock ? clock.serverTime - this.now() : this.state.serverOffset;
      const caughtUp = this.everLive && missed.length > 0 ? { events: missed, at: this.now() } : this.state.caughtUp;
      this.everLive = true;
      this.update({ connection: 'live', serverOffset: offset, caughtUp });
      this.flush();
    } catch {
      if (connectionNo !== this.connectionNo) return;
      if (this.socket.connected && !this.stopped) this.schedule(() => void this.catchUp(connectionNo), this.retryDelayMs);
    }
  }

  private flush(): void {
    if (!this.socket.connected || this.state.connection !== 'live') return;
    for (const item of commandsToSend(this.state.outbox)) {
      this.update({ outbox: markSending(this.state.outbox, item.clientId) });
      this.socket.request<RecordedAck>(item.name, item.payload, this.ackTimeoutMs).then(
        (reply) => {
          this.update({
            outbox: reply.ok
              ? markAcknowledged(this.state.outbox, item.clientId)
              : markRefused(this.state.outbox, item.clientId, reply.error),
          });
        },
        () => {
          // No ack in time: the command may or may not be recorded; send it again with the same id.
          this.update({ outbox: markWaiting(this.state.outbox, item.clientId) });
          this.schedule(() => this.flush(), this.retryDelayMs);
        },
      );
    }
  }
}

/** The client id a recorded event carries, to settle the outbox entry that asked for it. */
function recordedClientId(event: EventMessage): string | undefined {
  switch (event.type) {
    case 'decision.submitted':
      return event.payload.decisionId;
    case 'message.sent':
      return event.payload.messageId;
    case 'observation.recorded':
      return event.payload.observationId;
    default:
      return undefined;
  }
}
