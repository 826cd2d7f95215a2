// Namespace /exercise: authenticates the handshake, puts each socket in the rooms its role allows, runs every command
// through the one command pipeline (ExercisesService.request), answers through the ack, and pushes each committed batch to whoever may see it.
import { Inject, Logger, type OnModuleDestroy, UseInterceptors } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  type Ack,
  CLIENT_MESSAGE_SCHEMAS,
  type ConnectErrorData,
  type EventMessage,
  exerciseIdSchema,
  LIMITS,
  parseMessage,
  type RecordedAck,
  type SessionEnded,
  SOCKET_NAMESPACE,
  type SyncAck,
  syncRequestSchema,
} from '@ttx/contracts';
import type { ExerciseEvent, SeenEvent } from '@ttx/engine';
import type { Namespace } from 'socket.io';
import { JoinCodeGenerations } from '../auth/join-code-generations.service.js';
import { EVERYONE, Roles } from '../auth/roles.decorator.js';
import { TokenService, type Viewer } from '../auth/token.service.js';
import { errorBodyOf } from '../common/error-mapping.js';
import { failureAck } from '../common/socket-ack.js';
import { orThrow, TtxException } from '../common/ttx.exception.js';
import { TtxConfig } from '../config/ttx-config.js';
import type { RequestedCommand } from '../exercises/command-requests.js';
import type { CommandOutcome } from '../exercises/exercise-actor.js';
import { clockViewOf, eventMessageOf } from '../exercises/exercise-views.js';
import { ExercisesService } from '../exercises/exercises.service.js';
import { deliveriesOf } from './batch-delivery.js';
import { emitHeldBack, writeFlushesWhole } from './coalesced-writes.js';
import { FloodLimiter } from './flood-limiter.js';
import { ParticipantQuotas } from './participant-quotas.js';
import { type ExerciseSocket, rooms } from './socket-data.js';
import { SocketPolicyInterceptor } from './socket-policy.interceptor.js';
import { TeamLogBudget } from './team-log-budget.js';
import { atWallClock } from './wall-clock-timer.js';

type AckFn = (reply: unknown) => void;
/** The messages that add to a team's part of the log. */
const TEAM_WRITES: ReadonlySet<string> = new Set(['decision.submit', 'message.send']);

@WebSocketGateway({ namespace: SOCKET_NAMESPACE, maxHttpBufferSize: 256 * 1024 })
@UseInterceptors(SocketPolicyInterceptor)
export class ExerciseGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<ExerciseSocket>, OnModuleDestroy {
  private readonly logger = new Logger('Gateway');
  private namespace?: Namespace;
  private unsubscribe?: () => void;
  private unsubscribeReissued?: () => void;
  private unsubscribeTeamLog?: () => void;
  private readonly quotas: ParticipantQuotas;
  private readonly teamLog: TeamLogBudget;

  constructor(
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(ExercisesService) private readonly exercises: ExercisesService,
    @Inject(JoinCodeGenerations) private readonly generations: JoinCodeGenerations,
    @Inject(TtxConfig) config: TtxConfig,
  ) {
    this.quotas = new ParticipantQuotas(config.participantLimits);
    this.teamLog = new TeamLogBudget(config.participantLimits.teamLogEntries);
  }

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    namespace.use((socket, next) => {
      this.authenticate(socket as ExerciseSocket).then(
        () => {
          socket.once('disconnect', () => this.sessionClosed(socket as ExerciseSocket));
          next();
          // Socket.IO drops a handshake whose client left meanwhile without a disconnect: free its place then.
          setImmediate(() => socket.connected || this.sessionClosed(socket as ExerciseSocket));
        },
        (error: unknown) => {
          const body: ConnectErrorData = errorBodyOf(error);
          next(Object.assign(new Error(body.message), { data: body }));
        },
      );
    });
    this.unsubscribe = this.exercises.onCommitted((exerciseId, events, context) => this.fanOut(exerciseId, events, context.scenario.teams.map((t) => t.id)));
    this.unsubscribeTeamLog = this.exercises.onCommitted((exerciseId, events) => this.teamLog.committed(exerciseId, events));
    this.unsubscribeReissued = this.generations.onReissued((exerciseId) => this.endRevokedSessions(exerciseId));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    this.unsubscribeTeamLog?.();
    this.unsubscribeReissued?.();
    this.namespace?.disconnectSockets(true);
  }

  async handleConnection(socket: ExerciseSocket): Promise<void> {
    const { viewer, exerciseId } = socket.data;
    if (!viewer) return void socket.disconnect(true);
    this.scheduleExpiry(socket);
    writeFlushesWhole(socket);
    socket.use(([name, ...args], next) => this.admit(socket, String(name), args, next));
    // The busiest message skips Nest's per-message pipeline (rxjs, interceptor): the same command pipeline, the same coded acks.
    socket.on('decision.submit', (body: unknown, ack?: (reply: Ack<RecordedAck>) => void) => {
      // Without an ack callback the decision is still recorded and the answer dropped, as Nest's handlers do.
      const reply = typeof ack === 'function' ? ack : () => undefined;
      this.record(socket, 'decision.submit', body).then(reply, (error: unknown) => reply(failureAck(error)));
    });
    const joined = [rooms.everyone(exerciseId)];
    if (viewer.role === 'player' && viewer.teamId) joined.push(rooms.team(exerciseId, viewer.teamId));
    else if (viewer.role !== 'player') joined.push(rooms.staff(exerciseId));
    else joined.push(rooms.teamless(exerciseId));
    await socket.join(joined);
    const { actor } = await this.exercises.get(exerciseId);
    socket.emit('welcome', {
      exerciseId,
      role: viewer.role,
      ...(viewer.teamId ? { teamId: viewer.teamId } : {}),
      seq: actor.committedSeq,
      clock: clockViewOf(actor.context, actor.current, Date.now()),
    });
  }

  // Commands are authorised by the command pipeline (ExercisesService.request), as over HTTP.
  @SubscribeMessage('message.send')
  @Roles(...EVERYONE)
  sendMessage(@ConnectedSocket() socket: ExerciseSocket, @MessageBody() body: unknown): Promise<Ack<RecordedAck>> {
    return this.record(socket, 'message.send', body);
  }

  @SubscribeMessage('observation.record')
  @Roles(...EVERYONE)
  recordObservation(@ConnectedSocket() socket: ExerciseSocket, @MessageBody() body: unknown): Promise<Ack<RecordedAck>> {
    return this.record(socket, 'observation.record', body);
  }

  @SubscribeMessage('improvement.edit')
  @Roles(...EVERYONE)
  editImprovement(@ConnectedSocket() socket: ExerciseSocket, @MessageBody() body: unknown): Promise<Ack<RecordedAck>> {
    return this.record(socket, 'improvement.edit', body);
  }

  @SubscribeMessage('sync')
  @Roles('player', 'observer', 'facilitator', 'controller')
  async sync(@ConnectedSocket() socket: ExerciseSocket, @MessageBody() body: unknown): Promise<Ack<SyncAck>> {
    const { sinceSeq, limit } = orThrow(parseMessage(syncRequestSchema, body));
    const { viewer, exerciseId } = socket.data;
    return { ok: true, ...(await this.exercises.syncFor(viewer, exerciseId, sinceSeq, limit)) };
  }

  private async record(socket: ExerciseSocket, type: RequestedCommand, body: unknown): Promise<Ack<RecordedAck>> {
    const { viewer, exerciseId } = socket.data;
    const teamEntry = viewer.role === 'player' && viewer.teamId && TEAM_WRITES.has(type);
    const release = teamEntry ? this.teamLog.reserve(exerciseId, viewer.teamId!, (await this.exercises.get(exerciseId)).actor.events) : undefined;
    let outcome: CommandOutcome;
    try {
      outcome = await this.exercises.request(viewer, exerciseId, type, body);
    } finally {
      release?.();
    }
    if (!outcome.ok) return { ok: false, error: outcome.error };
    return { ok: true, seq: outcome.seq, ...(outcome.duplicate ? { duplicate: true } : {}) };
  }

  private async authenticate(socket: ExerciseSocket): Promise<void> {
    const auth = (socket.handshake.auth ?? {}) as { token?: unknown; exerciseId?: unknown };
    const viewer: Viewer = this.tokens.verify(auth.token);
    let exerciseId = viewer.exerciseId;
    // A join token is bound to its exercise: naming another one is refused as HTTP refuses it.
    if (exerciseId && auth.exerciseId !== undefined && auth.exerciseId !== exerciseId)
      throw new TtxException('FORBIDDEN_ROLE', 'Your token is for another exercise; join this one with its own code.');
    if (!exerciseId) {
      const named = parseMessage(exerciseIdSchema, auth.exerciseId);
      if (!named.ok) throw new TtxException('VALIDATION_FAILED', 'Name the exercise in the handshake: auth: {token, exerciseId}.');
      exerciseId = named.value;
    }
    await this.exercises.get(exerciseId);
    await this.generations.load(exerciseId);
    const revoked = this.generations.revocationOf(viewer);
    if (revoked) throw revoked;
    const tokenKey = String(auth.token).slice(String(auth.token).lastIndexOf('.') + 1);
    socket.data.releaseSocket = this.quotas.openSocket(tokenKey);
    socket.data.tokenKey = tokenKey;
    socket.data.viewer = viewer;
    socket.data.exerciseId = exerciseId;
    socket.data.limiter = new FloodLimiter(LIMITS.socketMessagesPerSecond, LIMITS.socketBurst, Date.now());
  }

  /** TOKEN_EXPIRED or TOKEN_REVOKED when the socket's token no longer holds: checked on every message. */
  private sessionEndOf(socket: ExerciseSocket, now: number): TtxException | undefined {
    const { viewer } = socket.data;
    if (viewer.expiresAt !== undefined && viewer.expiresAt <= now)
      return new TtxException('TOKEN_EXPIRED', 'Your session has expired: log in, or join again with your code.');
    return this.generations.revocationOf(viewer);
  }

  /** Tells the client why, then closes the socket. */
  private endSession(socket: ExerciseSocket, reason: TtxException): void {
    const ended: SessionEnded = { code: reason.code === 'TOKEN_REVOKED' ? 'TOKEN_REVOKED' : 'TOKEN_EXPIRED', message: reason.message };
    socket.emit('session.ended', ended);
    socket.disconnect(true);
  }

  private scheduleExpiry(socket: ExerciseSocket): void {
    const { expiresAt } = socket.data.viewer;
    if (expiresAt === undefined) return;
    socket.data.expiryTimer = atWallClock(expiresAt, () => {
      const ended = this.sessionEndOf(socket, Date.now());
      if (ended && socket.connected) this.endSession(socket, ended);
    });
  }

  private sessionClosed(socket: ExerciseSocket): void {
    socket.data.expiryTimer?.cancel();
    socket.data.releaseSocket?.();
  }

  /** After new codes: every socket joined with the old ones is told and closed now, not at its next message. */
  private endRevokedSessions(exerciseId: string): void {
    for (const id of this.namespace?.adapter.rooms.get(rooms.everyone(exerciseId)) ?? []) {
      const socket = this.namespace?.sockets.get(id) as ExerciseSocket | undefined;
      const revoked = socket?.data.viewer ? this.generations.revocationOf(socket.data.viewer) : undefined;
      if (socket && revoked) this.endSession(socket, revoked);
    }
  }

  /** Refuses floods, oversized payloads and unknown messages before any handler sees them. */
  private admit(socket: ExerciseSocket, name: string, args: unknown[], next: (err?: Error) => void): void {
    const ack = typeof args[args.length - 1] === 'function' ? (args[args.length - 1] as AckFn) : undefined;
    const refuse = (error: TtxException) => ack?.(failureAck(error));
    const now = Date.now();
    const ended = this.sessionEndOf(socket, now);
    if (ended) {
      refuse(ended);
      return this.endSession(socket, ended);
    }
    if (!socket.data.limiter.take(now))
      return refuse(new TtxException('RATE_LIMITED', `Too many messages: at most ${LIMITS.socketMessagesPerSecond} a second; slow down and retry.`));
    const tokenRefusal = this.quotas.messageRefusal(socket.data.tokenKey, now);
    if (tokenRefusal) return refuse(tokenRefusal);
    if (!Object.hasOwn(CLIENT_MESSAGE_SCHEMAS, name))
      return refuse(new TtxException('VALIDATION_FAILED', `There is no message "${name.slice(0, 64)}"; see docs/protocol.md.`));
    const { teamId, role } = socket.data.viewer;
    const teamRefusal = role === 'player' && teamId && TEAM_WRITES.has(name) ? this.quotas.teamWriteRefusal(socket.data.exerciseId, teamId, now) : undefined;
    if (teamRefusal) return refuse(teamRefusal);
    const payload = ack ? args.slice(0, -1) : args;
    if (payload.length > 1) return refuse(new TtxException('VALIDATION_FAILED', 'Send one payload object per message.'));
    let size: number;
    try {
      size = Buffer.byteLength(JSON.stringify(payload[0] ?? null));
    } catch {
      return refuse(new TtxException('VALIDATION_FAILED', 'The payload is not JSON.'));
    }
    if (size > LIMITS.socketMessageBytes)
      return refuse(new TtxException('PAYLOAD_TOO_LARGE', `The message is ${size} bytes; at most ${LIMITS.socketMessageBytes} are accepted.`));
    next();
  }

  /** Each socket gets one `events` message per committed batch: the batch's events it may see, in seq order. */
  private fanOut(exerciseId: string, events: readonly ExerciseEvent[], teamIds: readonly string[]): void {
    const namespace = this.namespace;
    if (!namespace) return;
    const sizeOf = (room: string) => namespace.adapter.rooms.get(room)?.size ?? 0;
    const deliveries = deliveriesOf(exerciseId, events, teamIds, sizeOf);
    if (deliveries.length === 0) return;
    // Each event is shaped once however many messages carry it.
    const messages = new Map<SeenEvent, EventMessage>();
    const messageOf = (event: SeenEvent) => {
      let message = messages.get(event);
      if (!message) messages.set(event, (message = eventMessageOf(event)));
      return message;
    };
    emitHeldBack(namespace, rooms.everyone(exerciseId), () => {
      for (const { to, except, events: visible } of deliveries) {
        const target = except ? namespace.to(to).except(except) : namespace.to(to);
        target.emit('events', visible.map(messageOf));
      }
    });
  }
}
