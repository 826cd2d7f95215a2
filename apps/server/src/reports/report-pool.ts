// The server's side of the report worker (piscina, one thread): sends it the JSON slices of an exercise's log it lacks,
// and streams back each rendering once the review is built; a worker that fails, or says nothing for too long while a
// report waits on it, is stopped and replaced, and its reports answered with a coded error (or cut off mid-body).
import { Readable } from 'node:stream';
import {
  type ReadableStreamDefaultReader,
  type ReadableStreamReadResult,
  TransformStream,
} from 'node:stream/web';
import type { Worker } from 'node:worker_threads';
import { Logger } from '@nestjs/common';
import type { ExerciseEvent } from '@ttx/engine';
import { Piscina } from 'piscina';
import { TtxException } from '../common/ttx.exception.js';
import { builtWorkerScript } from '../common/worker-script.js';
import { type JsonSlice, transferableSlices } from '../database/event-log-sql.js';
import type { ReportContext, ReportOutcome, ReportTask } from './report-worker.js';

export interface ReportRequest extends Pick<
  ReportTask,
  'exerciseId' | 'context' | 'teamId' | 'format' | 'table' | 'part'
> {
  /** The exercise's committed log, which only ever grows: the report covers its first `count` events. */
  events: readonly ExerciseEvent[];
  count: number;
}

/** A rendering whose review is built: its bytes come as `body` is read. */
export interface RenderedReport {
  fileName: string;
  byteLength?: number;
  body: Readable;
}

export interface ReportPoolOptions {
  /** The events with after < seq <= upTo as the database writes them, in slices. */
  readSlices: (exerciseId: string, after: number, upTo: number) => Promise<JsonSlice[]>;
  fileName: (request: ReportRequest) => string;
  /** A report the worker says nothing of for this long is taken as a hung worker, which is replaced. */
  stallMs?: number;
}

const FAILED = 'The report could not be built; ask again in a moment.';
const SHUTTING_DOWN = 'The server is shutting down; try again in a moment.';

export class ReportPool {
  private readonly logger = new Logger('Reports');
  private pool: Piscina<ReportTask, ReportOutcome> | undefined;
  /** How far the worker holds each exercise's log, as last heard, and the reading under way (sent in order). */
  private readonly held = new Map<string, { seq: number; turn: Promise<unknown> }>();
  private readonly stallMs: number;
  private underWay = 0;
  private closed = false;

  constructor(private readonly options: ReportPoolOptions) {
    this.stallMs = options.stallMs ?? 120_000;
  }

  /** The worker thread, once started (tests stop it to see the next report start another). */
  get thread(): Worker | undefined {
    return this.pool?.threads[0];
  }

  /** Reports the worker has in hand: building, or writing until read or let go. */
  get inFlight(): number {
    return this.underWay;
  }

  /** Starts the worker ahead of the first report, so that the report need not wait for the thread and the library. */
  warm(): void {
    if (this.closed) return;
    try {
      this.pool ??= new Piscina<ReportTask, ReportOutcome>({
        filename: builtWorkerScript(import.meta.url, 'reports', 'report-worker.js').href,
        minThreads: 1,
        // One thread: on a small machine a second would take the core the exercises run on.
        maxThreads: 1,
        // A report streaming to a slow client does not hold up the next one.
        concurrentTasksPerWorker: 8,
        idleTimeout: Number.POSITIVE_INFINITY,
      });
    } catch (error) {
      this.logger.error(`The report worker does not start: ${(error as Error).message}`);
      throw new TtxException('INTERNAL', FAILED);
    }
  }

  async render(request: ReportRequest): Promise<RenderedReport> {
    if (this.closed) throw new TtxException('INTERNAL', SHUTTING_DOWN);
    this.warm();
    const seq = request.count > 0 ? request.events[request.count - 1]!.seq : 0;
    try {
      let outcome = await this.ask(request, seq);
      if (outcome.kind === 'behind') outcome = await this.ask(request, seq, outcome.holds);
      if (outcome.kind === 'behind')
        throw new Error(`The worker lost the log of ${request.exerciseId} twice.`);
      if (outcome.kind === 'refused') throw new TtxException(outcome.code, outcome.message);
      return { fileName: this.options.fileName(request), body: outcome.body };
    } catch (error) {
      throw this.refusalOf(error);
    }
  }

  /** Stops the worker, failing its reports; the next report starts another. */
  async restart(why: string): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    this.held.clear();
    if (!pool) return;
    if (!this.closed) this.logger.warn(`The report worker ${why}; the next report starts another.`);
    await pool.destroy();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.restart('is stopped with the server');
  }

  /** Sends the slices the worker lacks with the report, and resolves once the first byte is in (or the task ended). */
  private async ask(
    request: ReportRequest,
    seq: number,
    from?: number,
  ): Promise<Exclude<ReportOutcome, { kind: 'written' }> | { kind: 'body'; body: Readable }> {
    const { exerciseId, context, teamId, format, table, part } = request;
    const pool = this.pool!;
    const log = this.held.get(exerciseId) ?? { seq: 0, turn: Promise.resolve() };
    this.held.set(exerciseId, log);
    if (from !== undefined) log.seq = from;
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    const abort = new AbortController();
    // Read and handed over in the order asked, so that each task continues the log the one before left.
    const dispatched = log.turn.then(async () => {
      const after = Math.min(log.seq, seq);
      const slices = await this.options.readSlices(exerciseId, after, seq);
      log.seq = Math.max(log.seq, seq);
      const run = pool.run(
        {
          exerciseId,
          context,
          after,
          slices,
          seq,
          ...(teamId !== undefined && { teamId }),
          format,
          table,
          ...(part !== undefined && { part }),
          body: writable,
        },
        // The slices' bytes move to the worker rather than being copied on this thread (tens of MB at 100k events).
        { transferList: [writable as never, ...(transferableSlices(slices) as never[])], signal: abort.signal },
      );
      this.underWay += 1;
      const settled = () => void (this.underWay -= 1);
      run.then(settled, settled);
      return { run };
    });
    log.turn = dispatched.catch(() => undefined);
    const task: Promise<ReportOutcome> = dispatched.then(({ run }) => run);
    task.catch(() => undefined);
    const reader = readable.getReader();
    const first = this.watched(reader.read(), abort);
    first.catch(() => undefined);
    const got = await Promise.race([first, task.then((outcome) => ({ outcome }))]);
    if ('value' in got && got.value) return { kind: 'body', body: this.body(got.value, reader, task, abort) };
    // Refused, or behind, or a rendering shorter than its first read: the task says which.
    const outcome = await this.watched(task, abort);
    if (outcome.kind !== 'written') return outcome;
    const read = await first;
    if (read.done) throw new Error('The report worker wrote nothing.');
    return { kind: 'body', body: this.body(read.value, reader, task, abort) };
  }

  /** The rendering's bytes as the response reads them; the stall timer runs only while the worker owes a chunk. */
  private body(
    first: Uint8Array,
    reader: ReadableStreamDefaultReader<Uint8Array>,
    task: Promise<ReportOutcome>,
    abort: AbortController,
  ): Readable {
    const ended = task.then(() => new Promise<never>(() => undefined));
    const chunks = async function* (pool: ReportPool): AsyncGenerator<Buffer> {
      try {
        for (let next: ReadableStreamReadResult<Uint8Array> = { done: false, value: first }; !next.done;) {
          yield Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
          next = await pool.watched(Promise.race([reader.read(), ended]), abort);
        }
        await task;
      } catch (error) {
        throw new Error(pool.refusalOf(error).message, { cause: error });
      }
    };
    const body = Readable.from(chunks(this), { objectMode: false });
    // The response handles a body that fails; one nobody reads yet must not take the process down with it.
    body.on('error', () => undefined);
    // Read to its end or let go (a client gone, a HEAD request): the worker stops writing it.
    body.once('close', () => void reader.cancel().catch(() => undefined));
    return body;
  }

  /** `waited`, with the worker stopped (and replaced) if it comes to nothing within the stall time. */
  private watched<T>(waited: Promise<T>, abort: AbortController): Promise<T> {
    const timer = setTimeout(() => {
      this.logger.error(
        `The report worker sent nothing for ${this.stallMs} ms while rendering a report, and was stopped.`,
      );
      abort.abort();
    }, this.stallMs);
    timer.unref();
    return waited.finally(() => clearTimeout(timer));
  }

  private refusalOf(error: unknown): TtxException {
    if (error instanceof TtxException) return error;
    if (this.closed) return new TtxException('INTERNAL', SHUTTING_DOWN);
    this.logger.error(
      `The report worker could not render a report: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return new TtxException('INTERNAL', FAILED);
  }
}

export type { ReportContext };
