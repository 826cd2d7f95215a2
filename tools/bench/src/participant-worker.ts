// A process of simulated participants: socket.io-client connections over websocket that time inject receipts,
// submit decisions as fast as their acks come back, drop and resync. Driven by the benchmark over fork IPC.
import { io, type Socket } from 'socket.io-client';
import type {
  ConnectReply,
  DecideReply,
  FanoutReply,
  FleetReply,
  FleetRequest,
  IntegrityReply,
  ParticipantAuth,
  RejoinReply,
  RoundNotice,
} from './fleet-protocol.js';
import { BENCH_INJECT_PREFIX } from './fleet-protocol.js';

interface ReceivedEvent {
  seq: number;
  type: string;
  at: number;
  payload?: { injectId?: unknown };
}

interface AckReply {
  ok: boolean;
  duplicate?: boolean;
  error?: { code: string; message: string };
  events?: ReceivedEvent[];
  seq?: number;
  more?: boolean;
}

class Participant {
  socket: Socket | undefined;
  teamId: string | undefined;
  lastSeq = 0;
  /** Where the next sync starts (docs/protocol.md): the last sync answer's seq, then live events once it is applied. */
  cursor = 0;
  /** Whether this connection's live stream follows the cursor without a gap (its sync answered, or its welcome). */
  synced = false;
  welcomeSeq = 0;
  readonly seen = new Set<number>();
  readonly injects = new Set<string>();
  duplicates = 0;
  outOfOrder = 0;

  constructor(readonly auth: ParticipantAuth) {}

  /** Takes an event from the live stream or a sync answer; the same seq from both is one event. */
  take(event: ReceivedEvent, live: boolean): void {
    if (this.seen.has(event.seq)) {
      if (live) this.duplicates += 1;
      return;
    }
    if (live && event.seq < this.lastSeq) this.outOfOrder += 1;
    this.seen.add(event.seq);
    this.lastSeq = Math.max(this.lastSeq, event.seq);
    if (this.synced) this.cursor = Math.max(this.cursor, event.seq);
    const injectId = event.payload?.injectId;
    if (event.type === 'inject.released' && typeof injectId === 'string') this.injects.add(injectId);
  }
}

let url = '';
let participants: Participant[] = [];
const latencies = new Map<string, number[]>();

function send(message: FleetReply | RoundNotice): void {
  process.send?.(message);
}

function openSocket(participant: Participant, timeoutMs: number, onWelcome?: (socket: Socket) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/exercise`, {
      auth: { ...participant.auth },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: timeoutMs,
    });
    participant.socket = socket;
    participant.synced = false;
    const timer = setTimeout(() => reject(new Error('no welcome within the timeout')), timeoutMs);
    // TTX sends each committed batch as one `events` array; the bare server one `event` per inject (the same
    // single inject either way in a fan-out round). A receipt is timed when the message holding the event arrives.
    const receive = (event: ReceivedEvent, receivedAt: number) => {
      participant.take(event, true);
      const injectId = event.payload?.injectId;
      if (event.type !== 'inject.released' || typeof injectId !== 'string' || !injectId.startsWith(BENCH_INJECT_PREFIX)) return;
      const list = latencies.get(injectId) ?? [];
      list.push(receivedAt - event.at);
      latencies.set(injectId, list);
      if (list.length === participants.length) send({ kind: 'received-all', injectId });
    };
    socket.on('events', (events: ReceivedEvent[]) => {
      const receivedAt = Date.now();
      for (const event of events) receive(event, receivedAt);
    });
    socket.on('event', (event: ReceivedEvent) => receive(event, Date.now()));
    socket.once('welcome', (welcome: { teamId?: string; seq?: number }) => {
      clearTimeout(timer);
      participant.teamId = welcome.teamId;
      participant.welcomeSeq = welcome.seq ?? 0;
      onWelcome?.(socket);
      resolve();
    });
    socket.once('connect_error', (error: Error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Runs `work` over every item with at most `limit` in flight. */
async function inWaves<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

async function connect(request: Extract<FleetRequest, { kind: 'connect' }>): Promise<ConnectReply> {
  url = request.url;
  participants = request.auth.map((auth) => new Participant(auth));
  latencies.clear();
  const errors: string[] = [];
  let failed = 0;
  const started = Date.now();
  // A first connection follows the log from its welcome on: the bench wants the events released from then.
  const fromWelcome = (p: Participant) => () => {
    p.cursor = p.welcomeSeq;
    p.synced = true;
  };
  await inWaves(participants, request.concurrency, (p) =>
    openSocket(p, request.timeoutMs).then(fromWelcome(p), (error: Error) => {
      failed += 1;
      if (errors.length < 5) errors.push(error.message);
    }),
  );
  return { connected: participants.length - failed, failed, errors, ms: Date.now() - started };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function decide(request: Extract<FleetRequest, { kind: 'decide' }>): Promise<DecideReply> {
  const reply: DecideReply = { acked: 0, duplicates: 0, refused: {}, latencies: [], ms: 0 };
  const started = Date.now();
  const deadline = started + request.durationMs;
  const gap = 1000 / request.maxPerSecond;
  const deciders = participants.filter((p) => p.socket?.connected).slice(0, request.participants);
  await Promise.all(
    deciders.map(async (participant, index) => {
      const choices = request.choices[participant.teamId ?? ''] ?? [];
      if (choices.length === 0) return;
      for (let n = 0; Date.now() < deadline; n += 1) {
        const sent = Date.now();
        const choice = choices[n % choices.length]!;
        const payload = { decisionId: `${request.prefix}-${index}-${n}`, actions: [choice], rationale: 'bench' };
        let ack: AckReply;
        try {
          ack = (await participant.socket!.timeout(30_000).emitWithAck('decision.submit', payload)) as AckReply;
        } catch {
          ack = { ok: false, error: { code: 'ACK_TIMEOUT', message: 'no ack within 30 s' } };
        }
        const took = Date.now() - sent;
        if (ack.ok) {
          reply.acked += 1;
          if (ack.duplicate) reply.duplicates += 1;
          reply.latencies.push(took);
        } else {
          const code = ack.error?.code ?? 'UNKNOWN';
          reply.refused[code] = (reply.refused[code] ?? 0) + 1;
        }
        if (took < gap) await sleep(gap - took);
      }
    }),
  );
  reply.ms = Date.now() - started;
  return reply;
}

async function rejoin(request: Extract<FleetRequest, { kind: 'rejoin' }>): Promise<RejoinReply> {
  const errors: string[] = [];
  let failed = 0;
  let synced = 0;
  const started = Date.now();
  latencies.clear();
  await inWaves(participants, request.concurrency, async (participant) => {
    try {
      await openSocket(participant, request.timeoutMs);
      // Paged answers: ask again from the seq each covers until none follow.
      for (let more = true; more; ) {
        const ack = (await participant.socket!.timeout(request.timeoutMs).emitWithAck('sync', { sinceSeq: participant.cursor })) as AckReply;
        if (!ack.ok) throw new Error(`sync refused: ${ack.error?.code ?? 'UNKNOWN'}`);
        for (const event of ack.events ?? []) participant.take(event, false);
        participant.cursor = Math.max(participant.cursor, ack.seq ?? participant.lastSeq);
        more = ack.more === true;
      }
      participant.synced = true;
      synced += 1;
    } catch (error) {
      failed += 1;
      if (errors.length < 5) errors.push((error as Error).message);
    }
  });
  const ms = Date.now() - started;
  const incomplete = participants.filter((p) => request.expected.some((injectId) => !p.injects.has(injectId))).length;
  return { ms, synced, failed, incomplete, errors };
}

function integrity(): IntegrityReply {
  let duplicates = 0;
  let outOfOrder = 0;
  for (const p of participants) {
    duplicates += p.duplicates;
    outOfOrder += p.outOfOrder;
  }
  return { participants: participants.length, duplicates, outOfOrder };
}

function disconnectAll(): void {
  for (const p of participants) {
    p.socket?.removeAllListeners();
    p.socket?.disconnect();
    p.socket = undefined;
  }
}

async function answer(request: FleetRequest): Promise<FleetReply> {
  try {
    switch (request.kind) {
      case 'connect':
        return { id: request.id, ok: true, result: await connect(request) };
      case 'fanout-report': {
        const result: FanoutReply = { rounds: Object.fromEntries(latencies) };
        latencies.clear();
        return { id: request.id, ok: true, result };
      }
      case 'decide':
        return { id: request.id, ok: true, result: await decide(request) };
      case 'drop':
        disconnectAll();
        return { id: request.id, ok: true, result: {} };
      case 'rejoin':
        return { id: request.id, ok: true, result: await rejoin(request) };
      case 'integrity':
        return { id: request.id, ok: true, result: integrity() };
      case 'disconnect':
        disconnectAll();
        participants = [];
        return { id: request.id, ok: true, result: {} };
    }
  } catch (error) {
    return { id: request.id, ok: false, message: (error as Error).message };
  }
}

process.on('message', (request: FleetRequest) => {
  void answer(request).then(send);
});
process.on('disconnect', () => {
  disconnectAll();
  process.exit(0);
});
