// The Socket.IO protocol of namespace /exercise: what clients send (each answered through its ack) and what the
// server pushes. docs/protocol.md walks through it with examples.
import { z } from 'zod';
import { COMMAND_TABLE, type Actor, type EventType, type Role, type SeenPayloads } from '@ttx/engine';
import type { Ack, ErrorBody } from './errors.js';
import type { ClockView } from './http.js';
import { LIMITS } from './limits.js';

export const SOCKET_NAMESPACE = '/exercise';

/** One event of the log as a client receives it: the audience stays on the server, and a player gets an escalation
 * change without its cause unless its own team caused it (libs/engine/src/event-redaction.ts). */
export type EventMessage = {
  [T in EventType]: { seq: number; type: T; at: number; exerciseTime: number; actor?: Actor; payload: SeenPayloads[T] };
}[EventType];

// ---------------------------------------------------------------- client → server
// The commands a socket sends carry exactly the fields of the engine's command (libs/engine/src/command-table.ts).

/** A team's decision. A player's `teamId` defaults to its own team; a controller names the team it decides for. */
export const decisionSubmitSchema = COMMAND_TABLE['decision.submit'].schema;
export type DecisionSubmit = z.infer<typeof decisionSubmitSchema>;

/** A message on a channel. A player's `teamId` defaults to its own team; a controller without one speaks as the white cell. */
export const messageSendSchema = COMMAND_TABLE['message.send'].schema;
export type MessageSend = z.infer<typeof messageSendSchema>;

export const observationRecordSchema = COMMAND_TABLE['observation.record'].schema;
export type ObservationRecord = z.infer<typeof observationRecordSchema>;

export const improvementEditSchema = COMMAND_TABLE['improvement.edit'].schema;
export type ImprovementEdit = z.infer<typeof improvementEditSchema>;

export const syncRequestSchema = z.strictObject({
  /** The last seq the client holds (0 for none). */
  sinceSeq: z.number().int().min(0),
  /** Most events in the answer (default and maximum as for `GET /events`). */
  limit: z.number().int().min(1).max(LIMITS.eventsPageMax).optional(),
});
export type SyncRequest = z.infer<typeof syncRequestSchema>;

/** What a recorded command acks: the log's last seq after it, and whether it was an idempotent retry. */
export interface RecordedAck {
  seq: number;
  duplicate?: boolean;
}
export interface SyncAck {
  /** The events after `sinceSeq` the socket may see, in order, one page of them. */
  events: EventMessage[];
  /** Seq of the last committed event this answer covers: the cursor to sync from next. */
  seq: number;
  /** True when the answer stopped at its page limit: sync again from `seq`. */
  more?: boolean;
  clock: ClockView;
}

/** Schema of each client → server message, by event name. */
export const CLIENT_MESSAGE_SCHEMAS = {
  'decision.submit': decisionSubmitSchema,
  'message.send': messageSendSchema,
  'observation.record': observationRecordSchema,
  'improvement.edit': improvementEditSchema,
  sync: syncRequestSchema,
} as const;
export type ClientMessageName = keyof typeof CLIENT_MESSAGE_SCHEMAS;

/** Roles allowed to send each message: a command's are the engine's. */
export const CLIENT_MESSAGE_ROLES: Record<ClientMessageName, readonly Role[]> = {
  'decision.submit': COMMAND_TABLE['decision.submit'].roles,
  'message.send': COMMAND_TABLE['message.send'].roles,
  'observation.record': COMMAND_TABLE['observation.record'].roles,
  'improvement.edit': COMMAND_TABLE['improvement.edit'].roles,
  sync: ['player', 'observer', 'facilitator', 'controller'],
};

export interface ClientToServerEvents {
  'decision.submit': (payload: DecisionSubmit, ack: (reply: Ack<RecordedAck>) => void) => void;
  'message.send': (payload: MessageSend, ack: (reply: Ack<RecordedAck>) => void) => void;
  'observation.record': (payload: ObservationRecord, ack: (reply: Ack<RecordedAck>) => void) => void;
  'improvement.edit': (payload: ImprovementEdit, ack: (reply: Ack<RecordedAck>) => void) => void;
  sync: (payload: SyncRequest, ack: (reply: Ack<SyncAck>) => void) => void;
}

// ---------------------------------------------------------------- server → client
/** Sent once on connection, before any `events`. */
export interface Welcome {
  exerciseId: string;
  role: Role;
  teamId?: string;
  /** Seq of the last committed event in the log; `sync {sinceSeq}` to catch up. */
  seq: number;
  clock: ClockView;
}

export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  /**
   * The events of one committed batch that the socket may see, in seq order: one message per socket per batch, each
   * event once. Seqs skip the events the socket may not see; merge with `sync` answers by seq.
   */
  events: (events: EventMessage[]) => void;
  /** Sent just before the server closes a socket whose token expired or whose join code was replaced: join again. */
  'session.ended': (ended: SessionEnded) => void;
}

/** Why the server ended a socket's session; the socket is disconnected right after. */
export interface SessionEnded {
  code: 'TOKEN_EXPIRED' | 'TOKEN_REVOKED';
  message: string;
}

/** Names the server sends on /exercise; a client sending one is refused as an unknown message. */
export const SERVER_MESSAGE_NAMES = ['welcome', 'events', 'session.ended'] as const satisfies readonly (keyof ServerToClientEvents)[];
export type ServerMessageName = (typeof SERVER_MESSAGE_NAMES)[number];

/**
 * The handshake carries `auth: {token}`. A refused connection gets `connect_error` whose `message` is the error
 * message and whose `data` is the ErrorBody (code UNAUTHENTICATED).
 */
export interface HandshakeAuth {
  token: string;
  /** Required with a controller's token (which is not bound to one exercise); ignored otherwise. */
  exerciseId?: string;
}
export type ConnectErrorData = ErrorBody;
