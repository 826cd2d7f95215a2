// What the benchmark process and its participant processes say to each other over the fork IPC channel.

/** How one participant authenticates: a TTX token (with the exercise for controllers) or anything for bare Socket.IO. */
export interface ParticipantAuth {
  token: string;
  exerciseId?: string;
}

/** One action of a decision, chosen per team so that the engine accepts it. */
export interface DecisionChoice {
  actionId: string;
  targetId?: string;
}

export type FleetRequest =
  | { id: number; kind: 'connect'; url: string; auth: ParticipantAuth[]; concurrency: number; timeoutMs: number }
  | { id: number; kind: 'fanout-report' }
  | {
      id: number;
      kind: 'decide';
      participants: number;
      durationMs: number;
      maxPerSecond: number;
      prefix: string;
      choices: Record<string, DecisionChoice[]>;
    }
  | { id: number; kind: 'drop' }
  | { id: number; kind: 'rejoin'; concurrency: number; timeoutMs: number; expected: string[] }
  | { id: number; kind: 'integrity' }
  | { id: number; kind: 'disconnect' };

export interface ConnectReply {
  connected: number;
  failed: number;
  errors: string[];
  ms: number;
}

export interface FanoutReply {
  /** Receipt latencies (receipt − release, ms) per inject id, one entry per participant that received it. */
  rounds: Record<string, number[]>;
}

export interface DecideReply {
  acked: number;
  duplicates: number;
  refused: Record<string, number>;
  latencies: number[];
  ms: number;
}

export interface RejoinReply {
  /** From the first reconnection attempt until the last participant's sync was answered. */
  ms: number;
  synced: number;
  failed: number;
  /** Participants that, after sync, miss one of the expected injects. */
  incomplete: number;
  errors: string[];
}

export interface IntegrityReply {
  participants: number;
  /** Events received twice on one connection, and events received out of seq order. */
  duplicates: number;
  outOfOrder: number;
}

export type FleetReply =
  | { id: number; ok: true; result: ConnectReply | FanoutReply | DecideReply | RejoinReply | IntegrityReply | Record<string, never> }
  | { id: number; ok: false; message: string };

/** Sent unasked when every participant of the process holds the inject `injectId`. */
export interface RoundNotice {
  kind: 'received-all';
  injectId: string;
}

/** The inject ids the benchmark sends start with this, so participants know which receipts to time. */
export const BENCH_INJECT_PREFIX = 'bench-';
