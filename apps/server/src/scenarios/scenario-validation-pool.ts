// Runs validations in a worker thread (piscina): one at a time, a few waiting, each bounded in time and memory; a
// validation over its time is stopped with its thread and answered with a coded error, never left to the event loop.
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { LIMITS, type ValidateScenarioResponse } from '@ttx/contracts';
import { Piscina } from 'piscina';
import { TtxException } from '../common/ttx.exception.js';
import { builtWorkerScript } from '../common/worker-script.js';
import type { ValidationOutcome, ValidationTask } from './validation-worker.js';

export interface ValidationPoolOptions {
  /** The worker script; the built validation-worker.js found beside this module unless given. */
  script?: URL;
  /** Validations that may wait while one runs. */
  queue?: number;
  /** How long a validation may take, waiting included. */
  timeoutMs?: number;
  /** Heap a worker may use: a file that needs more fails with SCENARIO_TOO_LARGE instead of swelling the server. */
  heapMb?: number;
}

export const VALIDATION_POOL_OPTIONS = Symbol('ValidationPoolOptions');

@Injectable()
export class ScenarioValidationPool implements OnModuleDestroy {
  private readonly logger = new Logger('Scenarios');
  private pool: Piscina<ValidationTask, ValidationOutcome> | undefined;
  private readonly timeoutMs: number;
  private readonly queue: number;
  /** Validations running or waiting. */
  private underWay = 0;

  constructor(@Inject(VALIDATION_POOL_OPTIONS) private readonly options: ValidationPoolOptions) {
    this.timeoutMs = options.timeoutMs ?? LIMITS.validationMs;
    this.queue = options.queue ?? LIMITS.validationQueue;
  }

  async validate(task: ValidationTask): Promise<ValidateScenarioResponse> {
    // Counted here rather than by piscina, whose queue limit does not count tasks waiting for a thread to start.
    if (this.underWay >= 1 + this.queue)
      throw new TtxException(
        'VALIDATION_BUSY',
        `${this.underWay} validations are under way or waiting; try again in a few seconds.`,
      );
    let outcome: ValidationOutcome;
    this.underWay += 1;
    try {
      outcome = await this.workers().run(task, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw this.refusalOf(error);
    } finally {
      this.underWay -= 1;
    }
    if (outcome.kind === 'too-large') throw new TtxException('SCENARIO_TOO_LARGE', `${outcome.message}.`);
    return outcome.response;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
    this.pool = undefined;
  }

  /** Started with the first validation: a server nobody validates on keeps no thread for it. */
  private workers(): Piscina<ValidationTask, ValidationOutcome> {
    this.pool ??= new Piscina<ValidationTask, ValidationOutcome>({
      filename: (
        this.options.script ?? builtWorkerScript(import.meta.url, 'scenarios', 'validation-worker.js')
      ).href,
      name: 'validateUploads',
      minThreads: 0,
      // One thread: on a small machine a second would take the core the exercise runs on.
      maxThreads: 1,
      idleTimeout: 60_000,
      // Lower priority than the event loop's thread, which must keep answering while a validation runs.
      niceIncrement: 10,
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.heapMb ?? 512,
        maxYoungGenerationSizeMb: 32,
        stackSizeMb: 4,
      },
    });
    return this.pool;
  }

  private refusalOf(error: unknown): TtxException {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown } | null)?.code;
    if (error instanceof Error && error.name === 'AbortError')
      return new TtxException(
        'VALIDATION_TIMED_OUT',
        `The validation took longer than ${this.timeoutMs / 1000} s and was stopped; check smaller files, or fewer at once.`,
      );
    if (code === 'ERR_WORKER_OUT_OF_MEMORY')
      return new TtxException(
        'SCENARIO_TOO_LARGE',
        'The files need more memory to check than a validation may use; check smaller files, or fewer at once.',
      );
    this.logger.error(`Validation failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
    return new TtxException('INTERNAL', 'The validation failed; try again, and report it if it persists.');
  }
}
