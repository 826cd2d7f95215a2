// One live exercise: serializes its commands, holds its folded state, appends their events durably in short
// batches (commands that arrive together share one transaction), acks only after commit, then fans the events out,
// and keeps one timer armed for the next moment the clock has work to do.
import { Logger } from '@nestjs/common';
import type { EngineError, ExerciseContext, ExerciseEvent, ExerciseState, IssuedCommand } from '@ttx/engine';
import { catchUpCostsTeams, createEngine, EscalationBook, nextWakeAt, ScoreBook } from '@ttx/engine';

export type Engine = ReturnType<typeof createEngine>;

export type CommandOutcome =
  | { ok: true; events: ExerciseEvent[]; seq: number; duplicate: boolean }
  | { ok: false; error: EngineError | { code: 'INTERNAL'; message: string } };

interface Pending {
  command: IssuedCommand;
  resolve: (outcome: CommandOutcome) => void;
}

export interface ActorPorts {
  /** Durably appends a batch's events (and the status after it) in one transaction. */
  append(exerciseId: string, events: readonly ExerciseEvent[], state: ExerciseState): Promise<void>;
  /** Called with each committed batch, in order. */
  committed(exerciseId: string, events: readonly ExerciseEvent[]): void;
  /** Runs a command that reached this actor after it was retired on the exercise as it is held now. */
  resubmit(command: IssuedCommand): Promise<CommandOutcome>;
  now(): number;
}

const MAX_BATCH = 1000;
const MAX_TIMER_MS = 2 ** 31 - 1;
const IDLE_RETRY_MS = 250;
const CLOCK_ACTOR = { role: 'controller', id: 'clock' } as const;

export class ExerciseActor {
  private readonly engine: Engine;
  private state: ExerciseState;
  private readonly log: ExerciseEvent[];
  /** Read views of the committed log, each event folded into them once as it commits. */
  readonly scores = new ScoreBook();
  readonly escalation = new EscalationBook();
  private queue: Pending[] = [];
  private draining: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Let go of while idle: its log is all in the database, and a later command goes to the exercise read back. */
  private retired = false;
  /** Set when the last tick released nothing, so a wake time already past cannot spin the timer. */
  private idleTick = false;
  private readonly logger: Logger;

  constructor(
    readonly exerciseId: string,
    readonly context: ExerciseContext,
    events: ExerciseEvent[],
    private readonly ports: ActorPorts,
  ) {
    this.engine = createEngine(context);
    this.log = events;
    this.state = this.engine.initialState();
    // One pass over the log rebuilds the state and the read views.
    for (const event of events) {
      this.state = this.engine.apply(this.state, event);
      this.addToViews(event);
    }
    this.logger = new Logger(`Exercise ${exerciseId}`);
  }

  get current(): ExerciseState {
    return this.state;
  }

  /** The committed log only: a batch's events join it once their transaction has committed. */
  get events(): readonly ExerciseEvent[] {
    return this.log;
  }

  /** Seq of the last committed event; `current.seq` runs ahead of it while a batch is being written. */
  get committedSeq(): number {
    return this.log.length > 0 ? this.log[this.log.length - 1]!.seq : 0;
  }

  /** Decides and folds a command without writing it: only for a new exercise, whose first events the caller
   * commits together with the exercise itself and then hands back through `adoptCommitted`. */
  decideDetached(command: IssuedCommand, now: number): ReturnType<Engine['decide']> {
    const result = this.engine.decide(this.state, command, now);
    if (result.ok) for (const event of result.events) this.state = this.engine.apply(this.state, event);
    return result;
  }

  adoptCommitted(events: readonly ExerciseEvent[]): void {
    this.commit(events);
    this.armTimer();
  }

  /** No command queued or being committed: every event it holds is in the database. */
  get idle(): boolean {
    return this.queue.length === 0 && this.draining === undefined;
  }

  /** Lets go of an idle actor (false when it is busy): its timer is stopped, and a command still handed to it is
   * passed on through `resubmit`, so that no two actors ever write the same exercise's log. */
  retire(): boolean {
    if (!this.idle || this.stopped) return false;
    this.retired = true;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    return true;
  }

  /** Adds durably written events to the log and to the read views. */
  private commit(events: readonly ExerciseEvent[]): void {
    for (const event of events) {
      this.log.push(event);
      this.addToViews(event);
    }
  }

  private addToViews(event: ExerciseEvent): void {
    this.scores.absorb(event);
    this.escalation.absorb(event);
  }

  /** Queues a command; resolves once its events are committed (or it is refused). */
  submit(command: IssuedCommand): Promise<CommandOutcome> {
    if (this.retired) return this.ports.resubmit(command);
    if (this.stopped)
      return Promise.resolve({
        ok: false,
        error: { code: 'INTERNAL', message: 'The server is shutting down; try again in a moment.' },
      });
    return new Promise((resolve) => {
      this.queue.push({ command, resolve });
      // Commands arriving in the same tick join one batch.
      if (!this.draining) this.draining = Promise.resolve().then(() => this.drain());
    });
  }

  /** Releases whatever fell due while nobody was looking (after a restart), then keeps the timer armed. */
  tick(): Promise<CommandOutcome> {
    return this.submit({ type: 'clock.tick', actor: { ...CLOCK_ACTOR } });
  }

  /**
   * After a restart. The outage began when the server last vouched for the clock (`clockSeenAt`) or at the last
   * committed event, whichever is later. Down longer than `pauseAfterMs` (0: always), or when running on would miss
   * a prompt teams already had or end the exercise, a running exercise comes back paused where its clock stood then;
   * otherwise the tick releases what fell due, late, with deadlines extended.
   */
  recoverFromOutage(clockSeenAt: number | null | undefined, pauseAfterMs: number): Promise<CommandOutcome> {
    const now = this.ports.now();
    const downSince = Math.min(now, Math.max(clockSeenAt ?? 0, this.log.at(-1)?.at ?? 0));
    const long = pauseAfterMs === 0 || now - downSince > pauseAfterMs;
    if (this.state.status === 'running' && (long || catchUpCostsTeams(this.context, this.state, now))) {
      return this.submit({ type: 'clock.pause-for-outage', downSince, actor: { ...CLOCK_ACTOR } });
    }
    return this.tick();
  }

  /** Stops the timer and waits for queued commands to be committed. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.runBatch(batch);
      }
    } finally {
      this.draining = undefined;
      this.armTimer();
    }
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    const now = this.ports.now();
    const outcomes: CommandOutcome[] = [];
    const fresh: ExerciseEvent[] = [];
    for (const pending of batch) {
      let result: ReturnType<Engine['decide']>;
      try {
        result = this.engine.decide(this.state, pending.command, now);
      } catch (error) {
        this.logger.error(
          `decide(${pending.command.type}) threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        result = {
          ok: false,
          error: { code: 'INVALID_COMMAND', message: 'The command could not be carried out.' },
        };
      }
      if (!result.ok) {
        outcomes.push({ ok: false, error: result.error });
        continue;
      }
      for (const event of result.events) this.state = this.engine.apply(this.state, event);
      fresh.push(...result.events);
      outcomes.push({
        ok: true,
        events: result.events,
        seq: this.state.seq,
        duplicate: result.duplicate === true,
      });
    }
    this.idleTick = fresh.length === 0 && batch.every((p) => p.command.type === 'clock.tick');
    if (fresh.length > 0) {
      try {
        await this.ports.append(this.exerciseId, fresh, this.state);
      } catch (error) {
        // Nothing of the batch is durable: fold the committed log again and refuse the whole batch.
        this.logger.error(
          `could not append ${fresh.length} events: ${error instanceof Error ? error.message : String(error)}`,
        );
        this.state = this.engine.replay(this.log);
        const refusal: CommandOutcome = {
          ok: false,
          error: { code: 'INTERNAL', message: 'The exercise log could not be written; try again.' },
        };
        for (const pending of batch) pending.resolve(refusal);
        return;
      }
      this.commit(fresh);
    }
    batch.forEach((pending, i) => pending.resolve(outcomes[i]!));
    if (fresh.length > 0) this.ports.committed(this.exerciseId, fresh);
  }

  private armTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped) return;
    const now = this.ports.now();
    const wake = nextWakeAt(this.context, this.state, now);
    if (wake === undefined || wake === null) return;
    const due = Math.max(0, wake - now);
    const delay = Math.min(due === 0 && this.idleTick ? IDLE_RETRY_MS : due, MAX_TIMER_MS);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.tick();
    }, delay);
  }
}
