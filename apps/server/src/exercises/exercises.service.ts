// Exercises: creation, the live actors that run them, recovery after a restart, and what each viewer may read.
// Only exercises that have not ended are held for good; an ended one is read back from the database when asked for
// and let go again once nobody has read it for a while.
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type {
  AccessCodes,
  CommandResponse,
  CreateExerciseRequest,
  CreateExerciseResponse,
  EventsResponse,
  ExerciseDetail,
  ExerciseSummary,
  JoinResponse,
  MselResponse,
  ScoresResponse,
  SyncAck,
} from '@ttx/contracts';
import { idSchema, LIMITS, parseMessage } from '@ttx/contracts';
import {
  type ExerciseContext,
  type ExerciseEvent,
  type ExerciseStatus,
  eventNamesFrom,
  eventWords,
  mselOf,
  roleRefusalOf,
  type Role,
} from '@ttx/engine';
import { DataSource, Not } from 'typeorm';
import { JoinCodeGenerations } from '../auth/join-code-generations.service.js';
import { TokenService, type Viewer } from '../auth/token.service.js';
import { TtxConfig } from '../config/ttx-config.js';
import { orThrow, TtxException } from '../common/ttx.exception.js';
import { AccessCodeEntity } from '../database/access-code.entity.js';
import { ExerciseEntity } from '../database/exercise.entity.js';
import { WriteQueue } from '../database/write-queue.service.js';
import { ScenarioLibrary } from '../scenarios/scenario-library.service.js';
import { commandOf, COMMAND_REQUESTS, type RequestedCommand } from './command-requests.js';
import { hashAccessCode, newAccessCode, newExerciseId } from './access-codes.js';
import { eventsPageJsonOf, eventsPageOf } from './events-page.js';
import { EventStore } from './event-store.service.js';
import { type CommandOutcome, ExerciseActor } from './exercise-actor.js';
import { PageTurns } from './page-turns.js';
import { clockViewOf, detailOf, eventMessageOf, type ExerciseRecord } from './exercise-views.js';

/** How often the server records that it still runs the clocks: after a crash, an outage began at most this long before. */
const CLOCK_SEEN_EVERY_MS = 1000;
/** An ended exercise nobody has asked for in this long is let go (its review is built within seconds of its end). */
const ENDED_IDLE_MS = 60_000;
/** Ended exercises held at once at most, the least recently read let go first: as many as the report worker keeps. */
const ENDED_HELD = 3;
const EVICT_EVERY_MS = 10_000;

export type CommittedListener = (
  exerciseId: string,
  events: readonly ExerciseEvent[],
  context: ExerciseContext,
) => void;

export interface LiveExercise {
  record: ExerciseRecord;
  actor: ExerciseActor;
  /** When it was last asked for (`get`): an ended exercise is let go once this is long past. */
  usedAt: number;
}

@Injectable()
export class ExercisesService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Exercises');
  private readonly live = new Map<string, LiveExercise>();
  private readonly loading = new Map<string, Promise<LiveExercise>>();
  private readonly listeners = new Set<CommittedListener>();
  private readonly pageTurns = new PageTurns();
  private clockSeenTimer: NodeJS.Timeout | undefined;
  private evictTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(TtxConfig) private readonly config: TtxConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WriteQueue) private readonly writes: WriteQueue,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ScenarioLibrary) private readonly library: ScenarioLibrary,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(JoinCodeGenerations) private readonly generations: JoinCodeGenerations,
  ) {}

  /** Subscribes to every committed batch of every exercise, in commit order. */
  onCommitted(listener: CommittedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Rebuilds every exercise that has not ended from its log. One that was running comes back paused when the server
   * was down longer than TTX_RESTART_PAUSE_AFTER; otherwise its clock catches up at once.
   */
  async onApplicationBootstrap(): Promise<void> {
    const rows = await this.dataSource
      .getRepository(ExerciseEntity)
      .find({ where: { status: Not('ended') }, select: { id: true, clockSeenAt: true } });
    for (const { id, clockSeenAt } of rows) {
      const exercise = await this.get(id);
      const outcome = await exercise.actor.recoverFromOutage(clockSeenAt, this.config.restartPauseAfterMs);
      const paused = outcome.ok ? outcome.events.find((e) => e.type === 'exercise.paused') : undefined;
      if (paused?.type === 'exercise.paused') {
        const words = eventWords(paused, eventNamesFrom({}));
        this.logger.log(
          `${id}: ${words} (longer than TTX_RESTART_PAUSE_AFTER, or a deadline or the end passed meanwhile); a controller resumes it.`,
        );
      }
    }
    if (rows.length > 0) this.logger.log(`Resumed ${rows.length} exercise(s) from their logs.`);
    this.clockSeenTimer = setInterval(() => void this.recordClockSeen(), CLOCK_SEEN_EVERY_MS);
    this.clockSeenTimer.unref();
    this.evictTimer = setInterval(() => this.evictEnded(Date.now()), EVICT_EVERY_MS);
    this.evictTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.clockSeenTimer);
    clearInterval(this.evictTimer);
    await Promise.all([...this.live.values()].map((e) => e.actor.stop()));
    // A clean stop vouches for the clocks up to now: the outage begins here, not at the last beat.
    await this.recordClockSeen();
  }

  /** Records that the server still runs the clock of every running exercise (where an outage would begin). */
  private async recordClockSeen(): Promise<void> {
    if (![...this.live.values()].some((e) => e.actor.current.status === 'running')) return;
    const now = Date.now();
    try {
      await this.writes.transaction((m) =>
        m.update(ExerciseEntity, { status: 'running' }, { clockSeenAt: now }),
      );
    } catch (error) {
      this.logger.warn(
        `could not record the clocks' heartbeat: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Exercises held in memory: every one not ended, and the ended ones read lately. */
  get liveCount(): number {
    return this.live.size;
  }

  /** Whether the exercise is held in memory now (not whether it exists). */
  holds(id: string): boolean {
    return this.live.has(id);
  }

  /**
   * Lets go of every ended exercise nobody has asked for since `now − ENDED_IDLE_MS`, and of the least recently read
   * beyond the ENDED_HELD most recent; one with a command under way is kept until the next round. The next `get` reads
   * it back from the database. Returns how many were let go.
   */
  evictEnded(now: number): number {
    const ended = [...this.live.values()]
      .filter((e) => e.actor.current.status === 'ended')
      .sort((a, b) => b.usedAt - a.usedAt);
    let evicted = 0;
    ended.forEach((exercise, rank) => {
      if ((rank >= ENDED_HELD || now - exercise.usedAt >= ENDED_IDLE_MS) && exercise.actor.retire()) {
        this.live.delete(exercise.record.id);
        evicted += 1;
      }
    });
    return evicted;
  }

  async create(viewer: Viewer, request: CreateExerciseRequest): Promise<CreateExerciseResponse> {
    const context = this.library.contextFor(request.scenarioId);
    const id = newExerciseId();
    const name = request.name ?? context.scenario.title;
    const now = Date.now();
    const record: ExerciseRecord = {
      id,
      name,
      scenarioId: context.scenario.id,
      scenarioTitle: context.scenario.title.slice(0, 200),
      createdAt: now,
    };
    const actor = this.newActor(id, context, []);
    const created = actor.decideDetached(
      { type: 'exercise.create', exerciseId: id, name, actor: { role: 'controller', id: viewer.name } },
      now,
    );
    if (!created.ok) throw TtxException.from(created.error);
    const { codes, rows } = accessCodesFor(id, context, now);
    await this.writes.transaction(async (m) => {
      await m.insert(ExerciseEntity, {
        ...record,
        status: 'created',
        context: JSON.stringify({
          scenario: context.scenario,
          catalogue: context.catalogue,
          ruleSet: context.ruleSet,
        }),
        createdBy: viewer.name,
        lastSeq: 0,
      });
      await m.insert(AccessCodeEntity, rows);
      await this.store.appendWith(m, id, created.events, actor.current.status);
    });
    actor.adoptCommitted(created.events);
    this.generations.created(id, now);
    this.live.set(id, { record, actor, usedAt: now });
    this.logger.log(`Created exercise ${id} of scenario ${context.scenario.id}.`);
    return { id, ...codes };
  }

  /** New join codes for every role of an exercise; the old ones, and every token joined with them, stop working. */
  async regenerateCodes(id: string): Promise<AccessCodes> {
    const { actor } = await this.get(id);
    // The codes' issue time is the generation their tokens carry.
    const generation = await this.generations.nextFor(id);
    const { codes, rows } = accessCodesFor(id, actor.context, generation);
    await this.writes.transaction(async (m) => {
      await m.delete(AccessCodeEntity, { exerciseId: id });
      await m.insert(AccessCodeEntity, rows);
    });
    this.generations.reissued(id, generation);
    return codes;
  }

  /** From the exercises' rows alone, which every committed batch brings up to date (status and last seq) in its own
   * transaction: no exercise is loaded to list it. */
  async list(viewer: Viewer): Promise<ExerciseSummary[]> {
    const where = viewer.exerciseId ? { id: viewer.exerciseId } : {};
    const rows = await this.dataSource.getRepository(ExerciseEntity).find({
      where,
      order: { createdAt: 'DESC' },
      select: {
        id: true,
        name: true,
        scenarioId: true,
        scenarioTitle: true,
        createdAt: true,
        status: true,
        lastSeq: true,
      },
    });
    return rows.map((row) => ({ ...recordOf(row), status: row.status as ExerciseStatus, seq: row.lastSeq }));
  }

  async detail(viewer: Viewer, id: string): Promise<ExerciseDetail> {
    const { record, actor } = await this.get(id);
    return { ...detailOf(record, actor.context, actor.current, viewer, Date.now()), seq: actor.committedSeq };
  }

  /**
   * The one path of every command a client sends, over HTTP or the socket: authorise it (the command table's roles),
   * check its body and path ids, then let the exercise's actor decide and commit it; committed events go out to every
   * socket that may see them. A refusal before the engine is thrown as a coded error; the engine's is returned.
   */
  async request(
    viewer: Viewer,
    id: string,
    type: RequestedCommand,
    body: unknown,
    params: Readonly<Record<string, string>> = {},
  ): Promise<CommandOutcome> {
    const actor = actorOf(viewer);
    const forbidden = roleRefusalOf(actor, type);
    if (forbidden) throw TtxException.from(forbidden);
    const checked = orThrow(parseMessage(COMMAND_REQUESTS[type].body, body ?? {}));
    for (const [name, value] of Object.entries(params)) {
      const ok = parseMessage(idSchema, value);
      if (!ok.ok) throw new TtxException('VALIDATION_FAILED', `The request was refused: ${name}: ${ok.error.issues?.join('; ')}.`);
    }
    const exercise = await this.get(id);
    return exercise.actor.submit({ ...commandOf(type, checked, params), actor });
  }

  /** `request`, answered as HTTP answers a command: its committed events, or the refusal thrown. */
  async run(
    viewer: Viewer,
    id: string,
    type: RequestedCommand,
    body?: unknown,
    params?: Readonly<Record<string, string>>,
  ): Promise<CommandResponse> {
    return responseOf(await this.request(viewer, id, type, body, params));
  }

  /** One page of the committed events after `since` the viewer may see, and the seq the page covers. */
  async eventsFor(
    viewer: Viewer,
    id: string,
    since: number,
    limit: number = LIMITS.eventsPageDefault,
  ): Promise<EventsResponse> {
    const { actor } = await this.get(id);
    // The log is read when the page's turn comes: what is committed by then is in it.
    return this.pageTurns.build(() =>
      eventsPageOf(actor.events, engineViewerOf(viewer), since, { limit, maxBytes: LIMITS.eventsPageBytes }),
    );
  }

  /** The same page as `eventsFor`, as the JSON text of the HTTP answer. */
  async eventsJsonFor(
    viewer: Viewer,
    id: string,
    since: number,
    limit: number = LIMITS.eventsPageDefault,
  ): Promise<string> {
    const { actor } = await this.get(id);
    return this.pageTurns.build(() =>
      eventsPageJsonOf(actor.events, engineViewerOf(viewer), since, {
        limit,
        maxBytes: LIMITS.eventsPageBytes,
      }),
    );
  }

  /** A `sync` answer: one page as for `GET /events`, with the clock; delayed in fault tests to widen its race with live events. */
  async syncFor(viewer: Viewer, id: string, since: number, limit?: number): Promise<SyncAck> {
    if (this.config.testSyncDelayMs > 0)
      await new Promise((resolve) => setTimeout(resolve, this.config.testSyncDelayMs));
    const page = await this.eventsFor(viewer, id, since, limit);
    const { actor } = await this.get(id);
    return { ...page, clock: clockViewOf(actor.context, actor.current, Date.now()) };
  }

  async msel(id: string): Promise<MselResponse> {
    const { actor } = await this.get(id);
    return mselOf(actor.context, actor.current, Date.now());
  }

  /** Scores from the findings the viewer may see: every team for staff, its own for a player. */
  async scores(viewer: Viewer, id: string): Promise<ScoresResponse> {
    const { actor } = await this.get(id);
    if (viewer.role === 'player') {
      return {
        teams: viewer.teamId !== undefined ? [actor.scores.scoreSeenByTeam(viewer.teamId)] : [],
        escalation: {},
        escalationPeak: {},
      };
    }
    const teams = actor.scores.scores(actor.context.scenario.teams.map((t) => t.id));
    return {
      teams,
      escalation: actor.escalation.levelsByPair(),
      escalationPeak: actor.escalation.peaksByPair(),
    };
  }

  async join(code: string, participant: string | undefined): Promise<JoinResponse> {
    const access = await this.dataSource
      .getRepository(AccessCodeEntity)
      .findOneBy({ codeHash: hashAccessCode(code) });
    if (!access)
      throw new TtxException(
        'UNAUTHENTICATED',
        'This code does not open any exercise; check it with your controller.',
      );
    const role = access.role as Exclude<Role, 'controller'>;
    const name = participant ?? role;
    const { actor } = await this.get(access.exerciseId);
    if (role === 'player' && access.teamId) {
      const joined = actor.current.participants[access.teamId] ?? [];
      const cap = this.config.participantLimits.participantsPerTeam;
      // Each new name is an event in the log: one code may not add them without bound.
      if (joined.length >= cap && !joined.includes(name.trim()))
        throw new TtxException(
          'TEAM_FULL',
          `This team already has ${cap} participants, the most one team may; join under a name already in the team, or ask your controller.`,
        );
      // A late joiner still gets a token to follow the exercise; the engine decides whether the join is recorded.
      await actor.submit({
        type: 'team.join',
        teamId: access.teamId,
        participant: name,
        actor: { role, id: name, teamId: access.teamId },
      });
    }
    const viewer: Viewer = {
      role,
      name,
      exerciseId: access.exerciseId,
      ...(access.teamId ? { teamId: access.teamId } : {}),
      codeGeneration: access.createdAt,
    };
    const { token, expiresAt } = this.tokens.issue(viewer, this.config.joinTokenTtlSeconds);
    return {
      token,
      exerciseId: access.exerciseId,
      role,
      ...(access.teamId ? { teamId: access.teamId } : {}),
      expiresAt,
    };
  }

  /** The exercise, rebuilt from its log on first use (an ended one again after it was let go). */
  get(id: string): Promise<LiveExercise> {
    const ready = this.live.get(id);
    if (ready) {
      ready.usedAt = Date.now();
      return Promise.resolve(ready);
    }
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.load(id).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  private async load(id: string): Promise<LiveExercise> {
    const row =
      typeof id === 'string' && id.length <= 64
        ? await this.dataSource.getRepository(ExerciseEntity).findOneBy({ id })
        : null;
    if (!row)
      throw new TtxException(
        'NOT_FOUND',
        `There is no exercise "${String(id).slice(0, 64)}"; GET /api/exercises lists them.`,
      );
    const context = JSON.parse(row.context) as ExerciseContext;
    context.scoring = this.library.scoringModel();
    const events = await this.store.load(id);
    const exercise: LiveExercise = {
      record: recordOf(row),
      actor: this.newActor(id, context, events),
      usedAt: Date.now(),
    };
    this.live.set(id, exercise);
    // Past the bound on ended exercises held, the least recently read goes; on a later turn, after the callers
    // awaiting this load (and any other) have used what they got.
    if (exercise.actor.current.status === 'ended') setImmediate(() => this.evictEnded(Date.now()));
    return exercise;
  }

  private newActor(id: string, context: ExerciseContext, events: ExerciseEvent[]): ExerciseActor {
    return new ExerciseActor(id, context, events, {
      append: (exerciseId, batch, state) => this.store.append(exerciseId, batch, state.status),
      committed: (exerciseId, batch) => {
        for (const listener of this.listeners) listener(exerciseId, batch, context);
      },
      resubmit: async (command) => (await this.get(id)).actor.submit(command),
      now: () => Date.now(),
    });
  }
}

function recordOf(row: ExerciseEntity): ExerciseRecord {
  return {
    id: row.id,
    name: row.name,
    scenarioId: row.scenarioId,
    scenarioTitle: row.scenarioTitle,
    createdAt: row.createdAt,
  };
}

export function actorOf(viewer: Viewer): { role: Role; id: string; teamId?: string } {
  return { role: viewer.role, id: viewer.name, ...(viewer.teamId ? { teamId: viewer.teamId } : {}) };
}

export function engineViewerOf(viewer: Viewer): { role: Role; teamId?: string } {
  return { role: viewer.role, ...(viewer.teamId ? { teamId: viewer.teamId } : {}) };
}

export function responseOf(outcome: CommandOutcome): CommandResponse {
  if (!outcome.ok) throw TtxException.from(outcome.error);
  return {
    ok: true,
    seq: outcome.seq,
    events: outcome.events.map(eventMessageOf),
    ...(outcome.duplicate ? { duplicate: true } : {}),
  };
}

function accessCodesFor(
  exerciseId: string,
  context: ExerciseContext,
  now: number,
): { codes: AccessCodes; rows: AccessCodeEntity[] } {
  const rows: AccessCodeEntity[] = [];
  const issue = (role: Exclude<Role, 'controller'>, teamId: string | null): string => {
    const code = newAccessCode();
    rows.push({ codeHash: hashAccessCode(code), exerciseId, role, teamId, createdAt: now });
    return code;
  };
  const joinCodes: Record<string, string> = {};
  for (const team of context.scenario.teams) joinCodes[team.id] = issue('player', team.id);
  return {
    codes: { joinCodes, facilitatorCode: issue('facilitator', null), observerCode: issue('observer', null) },
    rows,
  };
}
