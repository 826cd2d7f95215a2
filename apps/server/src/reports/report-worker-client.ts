// The server's side of the report worker: starts it ahead of the first report (or with it) and again after it dies,
// keeps it holding the logs of the last few exercises asked for (which it reads from the database itself; without
// one, or for a slice the database cannot write exactly, the server sends the events it lacks, in slices, the event
// loop given back between them), and streams each rendering's bytes, pulled a chunk at a time once the review is built; a
// worker that dies or stalls fails its requests with a coded error (or cuts off a body under way), never the server.
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { Logger } from '@nestjs/common';
import type { ReportFormat, ReportTable } from '@ttx/contracts';
import type { ExerciseEvent } from '@ttx/engine';
import { TtxException } from '../common/ttx.exception.js';
import type { LogDatabase } from './report-log-reader.js';
import type { FromReportWorker, ReportContext, ReportWorkerData, ToReportWorker } from './report-worker-protocol.js';

export interface ReportRequest {
  exerciseId: string;
  context: ReportContext;
  /** The exercise's committed log, which only ever grows: the report covers its first `count` events. */
  events: readonly ExerciseEvent[];
  count: number;
  /** A player team's own debrief instead of the staff's review. */
  teamId?: string;
  format: ReportFormat;
  table: ReportTable;
}

/** A rendering whose review is built: its bytes come as `body` is read. */
export interface RenderedReport {
  fileName: string;
  /** Known for the formats rendered whole; JSON is written as it is read. */
  byteLength?: number;
  body: Readable;
}

export interface ReportWorkerOptions {
  /** The worker script; the built report-worker.js found by `reportWorkerScript` unless given. */
  script?: URL;
  /** Exercises whose logs the worker keeps (those with a report under way are kept as well). */
  keptExercises?: number;
  /** Events per message: structured cloning 1,000 events takes a few milliseconds. */
  eventsPerMessage?: number;
  /** The database the worker reads logs from; without it the server sends them. */
  database?: LogDatabase;
  /** A rendering the worker says nothing of for this long is taken as a hung worker, which is replaced. */
  stallMs?: number;
  /** A worker asked to close that has not ended after this long (one stuck in a computation cannot answer) is stopped
   * outright. */
  closeGraceMs?: number;
}

interface HeldLog {
  /** The seq of the last event sent, and how many were sent. */
  sentSeq: number;
  sentCount: number;
  /** Reports using this log now: it is not dropped under them. */
  users: number;
  /** The sending so far, so that concurrent requests append in order. */
  sending: Promise<void>;
}

/** A rendering asked for: first its promise, then, once the worker has it whole, its body. */
interface Pending {
  /** The log the rendering is of, to send slices of that the worker cannot read. */
  events: readonly ExerciseEvent[];
  timer: NodeJS.Timeout | undefined;
  resolve: (report: RenderedReport) => void;
  reject: (error: TtxException) => void;
  body?: ReportBody;
}

/** Chunks asked for ahead of the reader: one on its way while the last is written. */
const PULLS_AHEAD = 2;

/** A ready rendering's bytes, pulled from the worker a chunk (about 1 MB) at a time as the response takes them, so
 * that the server never holds a whole report (which would make the garbage collector stop the loop to free it). */
class ReportBody extends Readable {
  private asked = 0;
  private received = 0;
  private ended = false;

  constructor(
    private readonly pull: () => void,
    private readonly discard: () => void,
  ) {
    super();
    // The response handles a body that fails; one nobody reads yet must not take the process down with it.
    this.on('error', () => undefined);
  }

  get pulling(): boolean {
    return !this.ended && this.asked > this.received;
  }

  get complete(): boolean {
    return this.ended;
  }

  override _read(): void {
    while (!this.ended && this.asked - this.received < PULLS_AHEAD) {
      this.asked += 1;
      this.pull();
    }
  }

  deliver(bytes: Uint8Array): void {
    this.received += 1;
    this.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  endOfChunks(): void {
    this.ended = true;
    this.push(null);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.ended) this.discard();
    callback(error);
  }
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const FAILED = 'The report could not be built; ask again in a moment.';

/**
 * The built worker script: beside this module (dist/reports/), or in reports/ when the server is bundled into one
 * file in dist/; from the TypeScript sources (the test runner) the build's copy in dist/.
 */
export function reportWorkerScript(moduleUrl: string = import.meta.url): URL {
  const at = moduleUrl.lastIndexOf('/src/');
  const built = moduleUrl.endsWith('.ts') && at >= 0 ? `${moduleUrl.slice(0, at)}/dist/${moduleUrl.slice(at + 5, -3)}.js` : moduleUrl;
  const candidates = ['./report-worker.js', './reports/report-worker.js'].map((relative) => new URL(relative, built));
  const found = candidates.find((url) => existsSync(url));
  if (!found) throw new Error(`The report worker is not built: none of ${candidates.map((url) => url.pathname).join(', ')} exists.`);
  return found;
}

/** The first index of `events` whose seq is past `seq` (events are in seq order). */
function indexAfter(events: readonly ExerciseEvent[], seq: number, hint: number): number {
  if (hint <= events.length && (hint === 0 ? seq === 0 : events[hint - 1].seq === seq)) return hint;
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (events[mid].seq <= seq) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class ReportWorkerClient {
  private readonly logger = new Logger('Reports');
  private readonly keptExercises: number;
  private readonly eventsPerMessage: number;
  private readonly stallMs: number;
  private readonly closeGraceMs: number;
  private worker: Worker | undefined;
  private readonly held = new Map<string, HeldLog>();
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 1;
  private closed = false;

  constructor(private readonly options: ReportWorkerOptions = {}) {
    this.keptExercises = options.keptExercises ?? 3;
    this.eventsPerMessage = options.eventsPerMessage ?? 1000;
    this.stallMs = options.stallMs ?? 120_000;
    this.closeGraceMs = options.closeGraceMs ?? 5_000;
  }

  /** The running worker thread, if any (tests stop it to see the next report start another). */
  get thread(): Worker | undefined {
    return this.worker;
  }

  /** Renderings asked of the worker and not answered yet. */
  get inFlight(): number {
    return this.pending.size;
  }

  async render(request: ReportRequest): Promise<RenderedReport> {
    if (this.closed) throw new TtxException('INTERNAL', 'The server is shutting down; try again in a moment.');
    const worker = this.started();
    const log = this.hold(worker, request);
    try {
      const { exerciseId, events, count, teamId, format, table } = request;
      const seq = this.options.database ? (count > 0 ? events[count - 1].seq : 0) : await this.sendLog(worker, request, log);
      return await this.ask(worker, { type: 'render', requestId: this.nextRequestId++, exerciseId, seq, ...(teamId !== undefined && { teamId }), format, table }, events);
    } finally {
      log.users -= 1;
      if (this.worker === worker) this.dropUnused(worker);
    }
  }

  /** Starts the worker ahead of the first report, so that the report need not wait for the thread and the report
   * library (a third of a second or so) to load. A worker that cannot start is left to the first report to report. */
  warm(): void {
    if (this.closed || this.worker) return;
    try {
      this.started();
    } catch {
      // Logged by started(); the first report tries again and answers with the error.
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.restart('the server is shutting down');
  }

  /** Stops the running worker, failing its renderings; the next report starts another. */
  async restart(why: string): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.lost(worker, why);
    await this.stop(worker);
  }

  /** Asks the worker to close its database connection and end, and stops it outright only if it has not within the
   * grace time. A worker thread stopped outright while sqlite3 has work on the thread pool (a slice being read) aborts
   * the whole process (node-sqlite3 issue 1666). */
  private async stop(worker: Worker): Promise<void> {
    if (worker.threadId === -1) return; // ended already
    const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const outright = setTimeout(() => void worker.terminate(), this.closeGraceMs);
    worker.postMessage({ type: 'close' } satisfies ToReportWorker);
    await ended;
    clearTimeout(outright);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      const workerData: ReportWorkerData = this.options.database ? { database: this.options.database } : {};
      worker = new Worker(this.options.script ?? reportWorkerScript(), { workerData });
    } catch (error) {
      this.logger.error(`The report worker does not start: ${(error as Error).message}`);
      throw new TtxException('INTERNAL', FAILED);
    }
    // The server's own handles keep the process alive; an idle worker must not hold up its exit.
    worker.unref();
    worker.on('message', (message: FromReportWorker) => this.receive(worker, message));
    worker.on('error', (error) => this.lost(worker, `failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => this.lost(worker, `exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  /** Marks the exercise's log as used (newest) and has the worker hold it, dropping the oldest unused beyond the limit. */
  private hold(worker: Worker, request: ReportRequest): HeldLog {
    let log = this.held.get(request.exerciseId);
    if (log) this.held.delete(request.exerciseId);
    else {
      log = { sentSeq: 0, sentCount: 0, users: 0, sending: Promise.resolve() };
      this.post(worker, { type: 'hold', exerciseId: request.exerciseId, context: request.context });
    }
    this.held.set(request.exerciseId, log);
    log.users += 1;
    this.dropUnused(worker);
    return log;
  }

  private dropUnused(worker: Worker): void {
    for (const [exerciseId, log] of this.held) {
      if (this.held.size <= this.keptExercises) return;
      if (log.users > 0) continue;
      this.held.delete(exerciseId);
      this.post(worker, { type: 'drop', exerciseId });
    }
  }

  /** Sends the events of the request's log the worker lacks; resolves with the seq the report is of. */
  private sendLog(worker: Worker, request: ReportRequest, log: HeldLog): Promise<number> {
    const { exerciseId, events, count } = request;
    const seq = count > 0 ? events[count - 1].seq : 0;
    const sent = log.sending.then(async () => {
      let start = indexAfter(events, log.sentSeq, log.sentCount);
      while (start < count) {
        if (this.worker !== worker) throw new TtxException('INTERNAL', FAILED);
        const end = Math.min(count, start + this.eventsPerMessage);
        this.post(worker, { type: 'append', exerciseId, events: events.slice(start, end) });
        log.sentCount = end;
        log.sentSeq = events[end - 1].seq;
        start = end;
        if (start < count) await yieldToEventLoop();
      }
    });
    log.sending = sent.catch(() => undefined);
    return sent.then(() => seq);
  }

  private ask(worker: Worker, message: Extract<ToReportWorker, { type: 'render' }>, events: readonly ExerciseEvent[]): Promise<RenderedReport> {
    if (this.worker !== worker) return Promise.reject(new TtxException('INTERNAL', FAILED));
    return new Promise((resolve, reject) => {
      const pending: Pending = { events, timer: undefined, resolve, reject };
      this.pending.set(message.requestId, pending);
      this.watch(worker, pending);
      this.post(worker, message);
    });
  }

  /** (Re)arms the stall timer of a rendering while the worker owes it something: the rendering, or a pulled chunk. */
  private watch(worker: Worker, pending: Pending): void {
    clearTimeout(pending.timer);
    pending.timer = undefined;
    if (pending.body && !pending.body.pulling) return;
    pending.timer = setTimeout(() => {
      this.lost(worker, `sent nothing for ${this.stallMs} ms while rendering a report, and was stopped`);
      void this.stop(worker);
    }, this.stallMs);
    pending.timer.unref();
  }

  private post(worker: Worker, message: ToReportWorker): void {
    worker.postMessage(message);
  }

  /** Sends the events with after < seq <= upTo the worker asked for, from the log of the rendering that needs them. */
  private async supply(worker: Worker, message: Extract<FromReportWorker, { type: 'lacks' }>): Promise<void> {
    const { ask, after, upTo, error } = message;
    const events = this.pending.get(message.requestId)?.events;
    if (!events) {
      this.post(worker, { type: 'supplied', ask, events: [], done: true, unavailable: true });
      return;
    }
    if (error !== undefined) this.logger.warn(`The report worker reads part of a log through the server: ${error}`);
    let start = indexAfter(events, after, 0);
    const end = indexAfter(events, upTo, 0);
    do {
      if (this.worker !== worker) return;
      const stop = Math.min(end, start + this.eventsPerMessage);
      this.post(worker, { type: 'supplied', ask, events: events.slice(start, stop), done: stop === end });
      start = stop;
      if (start < end) await yieldToEventLoop();
    } while (start < end);
  }

  private receive(worker: Worker, message: FromReportWorker): void {
    if (message.type === 'lacks') {
      void this.supply(worker, message);
      return;
    }
    const { requestId } = message;
    const pending = this.pending.get(requestId);
    if (!pending) return;
    const finish = () => {
      clearTimeout(pending.timer);
      this.pending.delete(requestId);
    };
    switch (message.type) {
      case 'ready': {
        const body = new ReportBody(
          () => {
            this.post(worker, { type: 'pull', requestId });
            this.watch(worker, pending);
          },
          () => {
            finish();
            if (this.worker === worker) this.post(worker, { type: 'discard', requestId });
          },
        );
        pending.body = body;
        this.watch(worker, pending);
        pending.resolve({ fileName: message.fileName, ...(message.byteLength !== undefined && { byteLength: message.byteLength }), body });
        return;
      }
      case 'chunk':
        pending.body?.deliver(message.bytes);
        if (pending.body) this.watch(worker, pending);
        return;
      case 'end':
        finish();
        pending.body?.endOfChunks();
        return;
      case 'refused':
        finish();
        pending.reject(new TtxException(message.code, message.message));
        return;
      case 'failed':
        finish();
        this.logger.error(`The report worker could not render a report: ${message.message}`);
        if (pending.body) pending.body.destroy(new Error(FAILED));
        else pending.reject(new TtxException('INTERNAL', FAILED));
        return;
    }
  }

  /** The worker is gone (or going): its renderings fail, and the next report starts a new one with no logs. */
  private lost(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.held.clear();
    if (!this.closed) this.logger.error(`The report worker ${why}; the next report starts another.`);
    const failed = [...this.pending.values()];
    this.pending.clear();
    const message = this.closed ? 'The server is shutting down; try again in a moment.' : FAILED;
    for (const pending of failed) {
      clearTimeout(pending.timer);
      // A report whose bytes have started to go out is cut off: the response is destroyed, not ended.
      if (pending.body) pending.body.destroy(new Error(message));
      else pending.reject(new TtxException('INTERNAL', message));
    }
  }
}
