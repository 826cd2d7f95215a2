// Runs re-scorings and bundles in a worker thread (piscina): one thread, a task over its time stopped with its thread
// and answered with RESCORE_TIMED_OUT; a second re-scoring of an exercise while one runs is refused with RESCORE_BUSY.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { RESCORE_LIMITS } from '@ttx/contracts';
import type { ExerciseEvent } from '@ttx/engine';
import { Piscina } from 'piscina';
import { TtxException } from '../common/ttx.exception.js';
import { builtWorkerScript } from '../common/worker-script.js';
import type { JsonSlice } from '../database/event-log-sql.js';
import type { BundleOutcome, LogTask, RescoreOutcome, RescoreTask } from './rescore-worker.js';

/** Where a task's log comes from: the database's JSON slices, or the events as held when a slice cannot be read. */
export interface LogSource {
  slices(): Promise<JsonSlice[]>;
  events(): ExerciseEvent[];
}

export interface RescorePoolOptions {
  /** How long a re-scoring or a bundle may take, waiting for the thread included. */
  timeoutMs?: number;
}

export const RESCORE_POOL_OPTIONS = Symbol('RescorePoolOptions');

type TaskName = 'rescoreExercise' | 'writeBundle';

@Injectable()
export class RescorePool implements OnModuleDestroy {
  private readonly logger = new Logger('Rescoring');
  private pool: Piscina<LogTask, RescoreOutcome | BundleOutcome> | undefined;
  private readonly timeoutMs: number;
  /** Exercises with a re-scoring under way. */
  private readonly underWay = new Set<string>();

  constructor(@Inject(RESCORE_POOL_OPTIONS) options: RescorePoolOptions) {
    this.timeoutMs = options.timeoutMs ?? RESCORE_LIMITS.rescoreMs;
  }

  /** The result (`RescoreResult`) as JSON bytes, written in the worker. */
  async rescore(source: LogSource, task: Omit<RescoreTask, 'log'>): Promise<Uint8Array> {
    const { id } = task.exercise;
    if (this.underWay.has(id))
      throw new TtxException('RESCORE_BUSY', `Exercise ${id} is being re-scored already; ask again once that answer is in.`);
    this.underWay.add(id);
    let outcome: Exclude<RescoreOutcome, { kind: 'unreadable' }>;
    try {
      outcome = await this.withLog<RescoreOutcome>('rescoreExercise', source, task);
    } finally {
      this.underWay.delete(id);
    }
    if (outcome.kind === 'invalid')
      throw new TtxException(
        'RULE_SET_INVALID',
        `The rule set cannot re-score this exercise: ${outcome.problems[0]}${outcome.problems.length > 1 ? ` (and ${outcome.problems.length - 1} more)` : ''}. Fix it and ask again.`,
        outcome.problems.slice(0, 20),
      );
    return outcome.json;
  }

  /** The bundle as JSON bytes, written in the worker. */
  async bundle(source: LogSource, task: Omit<LogTask, 'log'>): Promise<Uint8Array> {
    return (await this.withLog<BundleOutcome>('writeBundle', source, task)).json;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
    this.pool = undefined;
  }

  /** Runs the task on the database's slices; on the events as held when a slice cannot be read exactly. */
  private async withLog<T extends RescoreOutcome | BundleOutcome>(
    name: TaskName,
    source: LogSource,
    task: Omit<LogTask, 'log'>,
  ): Promise<Exclude<T, { kind: 'unreadable' }>> {
    const first = await this.runOnSlices<T>(name, task, await source.slices());
    if (first.kind !== 'unreadable') return first as Exclude<T, { kind: 'unreadable' }>;
    const again = await this.run<T>(name, { ...task, log: { events: source.events() } });
    if (again.kind === 'unreadable') throw new TtxException('INTERNAL', 'The exercise\'s log could not be read; report it.');
    return again as Exclude<T, { kind: 'unreadable' }>;
  }

  private async runOnSlices<T>(name: TaskName, task: Omit<LogTask, 'log'>, slices: readonly JsonSlice[]): Promise<T> {
    const { port1, port2 } = new MessageChannel();
    const result = this.run<T>(name, { ...task, log: { port: port2, slices: slices.length } }, [port2]);
    result.catch(() => undefined);
    // One slice a message, the event loop given back between them: cloning 40 MB at once holds it for ~0.1 s.
    for (const slice of slices) {
      port1.postMessage(slice);
      await new Promise((resolve) => setImmediate(resolve));
    }
    try {
      return await result;
    } finally {
      port1.close();
    }
  }

  private async run<T>(name: TaskName, task: LogTask, transferList: MessagePort[] = []): Promise<T> {
    try {
      return (await this.workers().run(task, { name, signal: AbortSignal.timeout(this.timeoutMs), transferList: transferList as never })) as T;
    } catch (error) {
      throw this.refusalOf(error);
    }
  }

  /** Started with the first task: a server nobody re-scores on keeps no thread for it. */
  private workers(): Piscina<LogTask, RescoreOutcome | BundleOutcome> {
    this.pool ??= new Piscina<LogTask, RescoreOutcome | BundleOutcome>({
      filename: builtWorkerScript(import.meta.url, 'rescoring', 'rescore-worker.js').href,
      minThreads: 0,
      // One thread: on a small machine a second would take the core the exercises run on.
      maxThreads: 1,
      idleTimeout: 60_000,
      // Lower priority than the event loop's thread, which must keep answering while a re-scoring runs.
      niceIncrement: 10,
    });
    return this.pool;
  }

  private refusalOf(error: unknown): TtxException {
    if (error instanceof TtxException) return error;
    if (error instanceof Error && error.name === 'AbortError')
      return new TtxException(
        'RESCORE_TIMED_OUT',
        `The re-scoring took longer than ${this.timeoutMs / 1000} s and was stopped; try again when the server is less busy.`,
      );
    this.logger.error(`Re-scoring failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return new TtxException('INTERNAL', 'The re-scoring failed; try again, and report it if it persists.');
  }
}
