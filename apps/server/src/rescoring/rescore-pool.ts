// Runs re-scorings in a worker thread (piscina): one thread, a re-scoring over its time stopped with its thread and
// answered with RESCORE_TIMED_OUT; a second re-scoring of an exercise while one runs is refused with RESCORE_BUSY.
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { RESCORE_LIMITS } from '@ttx/contracts';
import type { RescoreResult } from '@ttx/report';
import { Piscina } from 'piscina';
import { TtxException } from '../common/ttx.exception.js';
import { builtWorkerScript } from '../common/worker-script.js';
import type { RescoreOutcome, RescoreTask } from './rescore-worker.js';

export interface RescorePoolOptions {
  /** How long a re-scoring may take, waiting for the thread included. */
  timeoutMs?: number;
}

export const RESCORE_POOL_OPTIONS = Symbol('RescorePoolOptions');

@Injectable()
export class RescorePool implements OnModuleDestroy {
  private readonly logger = new Logger('Rescoring');
  private pool: Piscina<RescoreTask, RescoreOutcome> | undefined;
  private readonly timeoutMs: number;
  /** Exercises with a re-scoring under way. */
  private readonly underWay = new Set<string>();

  constructor(@Inject(RESCORE_POOL_OPTIONS) options: RescorePoolOptions) {
    this.timeoutMs = options.timeoutMs ?? RESCORE_LIMITS.rescoreMs;
  }

  async rescore(task: RescoreTask): Promise<RescoreResult> {
    const { id } = task.exercise;
    if (this.underWay.has(id))
      throw new TtxException('RESCORE_BUSY', `Exercise ${id} is being re-scored already; ask again once that answer is in.`);
    this.underWay.add(id);
    let outcome: RescoreOutcome;
    try {
      outcome = await this.workers().run(task, { name: 'rescoreExercise', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw this.refusalOf(error);
    } finally {
      this.underWay.delete(id);
    }
    if (outcome.kind === 'invalid')
      throw new TtxException(
        'RULE_SET_INVALID',
        `The rule set cannot re-score this exercise: ${outcome.problems[0]}${outcome.problems.length > 1 ? ` (and ${outcome.problems.length - 1} more)` : ''}. Fix it and ask again.`,
        outcome.problems.slice(0, 20),
      );
    return outcome.result;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
    this.pool = undefined;
  }

  /** Started with the first re-scoring: a server nobody re-scores on keeps no thread for it. */
  private workers(): Piscina<RescoreTask, RescoreOutcome> {
    this.pool ??= new Piscina<RescoreTask, RescoreOutcome>({
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
    if (error instanceof Error && error.name === 'AbortError')
      return new TtxException(
        'RESCORE_TIMED_OUT',
        `The re-scoring took longer than ${this.timeoutMs / 1000} s and was stopped; try again when the server is less busy.`,
      );
    this.logger.error(`Re-scoring failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return new TtxException('INTERNAL', 'The re-scoring failed; try again, and report it if it persists.');
  }
}
