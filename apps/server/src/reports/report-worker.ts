// The report worker: holds the logs of the exercises whose reviews were asked for (the server says which; the worker
// reads what it lacks from the database, or the server sends it), builds each review once per log position, folding
// each event once across them, and renders it to bytes, so that neither the log's copy, the model (tens of MB at
// 100,000 events), its build, its rendering nor its garbage collection holds the server's loop.
import { readlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { ExerciseEvent } from '@ttx/engine';
import type { AarBuilder, AarModel, PdfFonts } from '@ttx/report';
import { reportFileName } from './report-files.js';
import { LogReader } from './report-log-reader.js';
import type { FromReportWorker, ReportContext, ReportRefusal, ReportWorkerData, ToReportWorker } from './report-worker-protocol.js';

type RenderRequest = Extract<ToReportWorker, { type: 'render' }>;

interface HeldLog {
  context: ReportContext;
  events: ExerciseEvent[];
  /** Read from the database up to this seq (the server may have sent some of it), and the reading under way. */
  readSeq: number;
  reading: Promise<void>;
  /** Folds the log once across reviews: a later position folds only the events since the last review. */
  builder?: AarBuilder;
  /** The staff's review of the newest log position asked for. */
  review?: { seq: number; model: AarModel };
}

/** Bytes go back in buffers of this size (the last one shorter), each transferred rather than copied. */
const CHUNK_BYTES = 1 << 20;

const port = parentPort;
if (!port) throw new Error('report-worker.js runs as a worker thread of the TTX server, not on its own.');

/** The nice value of the worker's thread: when every core is busy, the server's event loop (acks, fan-out, /health)
 * gets one before a report does. */
const REPORT_THREAD_NICE = 10;
try {
  // Linux names this thread's id in /proc/thread-self ("<pid>/task/<tid>"); setpriority on a thread id sets that
  // thread's priority alone.
  const tid = Number(readlinkSync('/proc/thread-self').split('/')[2]);
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, REPORT_THREAD_NICE);
} catch {
  // Elsewhere, or where lowering it is refused, the worker runs at the server's priority.
}
const logs = new Map<string, HeldLog>();
const { database } = (workerData ?? {}) as ReportWorkerData;
const reader = database ? new LogReader(database) : undefined;
// Loaded (about 0.3 s with pdfkit) as the thread starts, which the server has happen ahead of the first report.
const library = import('@ttx/report');
library.catch(() => undefined);
type Library = Awaited<typeof library>;
let pdfFonts: Promise<PdfFonts> | undefined;
/** Events asked of the server, gathered until its last message for them. */
const asks = new Map<number, { events: ExerciseEvent[]; resolve: (events: ExerciseEvent[]) => void; reject: (error: Error) => void }>();
let nextAsk = 1;
/** Renderings said to be ready: their chunks, each made or taken when the server pulls it. */
const sources = new Map<number, AsyncIterator<Uint8Array>>();
const encoder = new TextEncoder();

class Refusal extends Error {
  constructor(
    readonly code: ReportRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** Text and bytes gathered in buffers of about CHUNK_BYTES. */
class ChunkWriter {
  private full: Uint8Array[] = [];
  private buffer = new Uint8Array(CHUNK_BYTES);
  private used = 0;

  text(text: string): void {
    let rest = text;
    while (rest.length > 0) {
      const { read, written } = encoder.encodeInto(rest, this.buffer.subarray(this.used));
      this.used += written;
      rest = rest.slice(read);
      // Full, or too little room left for the next character.
      if (rest.length > 0) this.flush();
    }
  }

  bytes(bytes: Uint8Array): void {
    this.flush();
    // Only a buffer the view owns whole may be transferred: a Buffer can sit in Node's shared pool.
    this.full.push(bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice());
  }

  flush(): void {
    if (this.used === 0) return;
    this.full.push(this.buffer.subarray(0, this.used));
    this.buffer = new Uint8Array(CHUNK_BYTES);
    this.used = 0;
  }

  /** The buffers filled so far, handed over once. */
  take(): Uint8Array[] {
    const full = this.full;
    this.full = [];
    return full;
  }
}

/** The JSON (80 MB at 100,000 events) is written as it is pulled: a megabyte each time the server asks. */
async function* jsonChunks(lib: Library, model: AarModel): AsyncGenerator<Uint8Array> {
  const out = new ChunkWriter();
  for await (const text of lib.renderAarJsonChunks(model)) {
    out.text(text);
    yield* out.take();
  }
  out.flush();
  yield* out.take();
}

async function* listed(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

function send(message: FromReportWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

/** The events with after < seq <= upTo from the server's own log (the one rendering `requestId` is of). */
function lacking(requestId: number, after: number, upTo: number, error: string | undefined): Promise<ExerciseEvent[]> {
  const ask = nextAsk++;
  return new Promise((resolve, reject) => {
    asks.set(ask, { events: [], resolve, reject });
    send({ type: 'lacks', requestId, ask, after, upTo, ...(error !== undefined && { error }) });
  });
}

function supplied(message: Extract<ToReportWorker, { type: 'supplied' }>): void {
  const ask = asks.get(message.ask);
  if (!ask) return;
  for (const event of message.events) ask.events.push(event);
  if (!message.done) return;
  asks.delete(message.ask);
  if (message.unavailable) ask.reject(new Error('The server no longer has the log it was asked for.'));
  else ask.resolve(ask.events);
}

/** Reads the log up to `seq` from the database, after any reading under way; slices it cannot read exactly come from
 * the server, so the log is the one the server holds. */
function readUpTo(log: HeldLog, exerciseId: string, seq: number, requestId: number): Promise<void> {
  const read = log.reading.then(async () => {
    if (!reader || log.readSeq >= seq) return;
    for await (const slice of reader.slices(exerciseId, log.readSeq, seq)) {
      const events = slice.events ?? (await lacking(requestId, slice.after, slice.upTo, slice.error));
      for (const event of events) log.events.push(event);
      log.readSeq = slice.upTo;
    }
  });
  log.reading = read.catch(() => undefined);
  return read;
}

function staffReview(lib: Library, log: HeldLog, seq: number): AarModel {
  if (log.review?.seq === seq) return log.review.model;
  const { scenario, catalogue, ruleSet } = log.context;
  log.builder ??= new lib.AarBuilder({ scenario, catalogue, ruleSet });
  const model = log.builder.build(log.events, { seq });
  if (!log.review || log.review.seq <= seq) log.review = { seq, model };
  return model;
}

/** The staff's review, or a team's debrief once the scenario's feedback lets the team read it. */
function reviewFor(lib: Library, log: HeldLog, request: RenderRequest): AarModel {
  const model = staffReview(lib, log, request.seq);
  if (request.teamId === undefined) return model;
  // Findings withheld during play (feedback "findings-only" or "debrief") stay withheld until the end.
  if (!model.asOf.final && log.context.scenario.feedback !== 'immediate')
    throw new Refusal('DEBRIEF_NOT_ALLOWED', 'Your team debrief opens when the exercise ends; ask again once the controller has ended it.');
  const debrief = lib.buildTeamDebrief(model, request.teamId);
  if (!debrief.ok) throw new Refusal('FORBIDDEN_ROLE', debrief.error.message);
  return debrief.model;
}

/** DejaVu Sans and its bold, embedded in a PDF that prints scripts beyond WinAnsi: read with the first PDF, then kept. */
function fontsForPdf(): Promise<PdfFonts> {
  if (!pdfFonts) {
    const resolve = createRequire(import.meta.url).resolve;
    pdfFonts = Promise.all([readFile(resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')), readFile(resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))])
      .then(([regular, bold]) => ({ regular, bold }));
  }
  return pdfFonts;
}

/** Builds the review (refusals and failures before any byte is sent), renders all but JSON whole, and says so. */
async function render(request: RenderRequest): Promise<void> {
  const { requestId, exerciseId, format, table } = request;
  try {
    const log = logs.get(exerciseId);
    if (!log) throw new Error(`The log of exercise ${exerciseId} is not held.`);
    await readUpTo(log, exerciseId, request.seq, requestId);
    const lib = await library;
    const last = log.events.at(-1)?.seq ?? 0;
    if (last < request.seq) throw new Error(`The log of exercise ${exerciseId} is held up to event ${last}, not ${request.seq}.`);
    const model = reviewFor(lib, log, request);
    const fileName = reportFileName(model, exerciseId, format, table);
    if (format === 'json') {
      sources.set(requestId, jsonChunks(lib, model));
      send({ type: 'ready', requestId, fileName });
      return;
    }
    const out = new ChunkWriter();
    if (format === 'csv') out.text(table === 'timeline' ? lib.renderTimelineCsv(model) : lib.renderDecisionsCsv(model));
    else if (format === 'html') out.text(lib.renderAarHtml(model));
    else out.bytes(await lib.renderAarPdf(model, { fonts: await fontsForPdf() }));
    out.flush();
    const chunks = out.take();
    sources.set(requestId, listed(chunks));
    send({ type: 'ready', requestId, fileName, byteLength: chunks.reduce((n, c) => n + c.byteLength, 0) });
  } catch (error) {
    if (error instanceof Refusal) send({ type: 'refused', requestId, code: error.code, message: error.message });
    else send({ type: 'failed', requestId, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

async function pull(requestId: number): Promise<void> {
  const source = sources.get(requestId);
  try {
    if (!source) throw new Error(`Rendering ${requestId} has nothing left to pull.`);
    const next = await source.next();
    if (next.done) {
      sources.delete(requestId);
      send({ type: 'end', requestId });
    } else send({ type: 'chunk', requestId, bytes: next.value }, [next.value.buffer as ArrayBuffer]);
  } catch (error) {
    sources.delete(requestId);
    send({ type: 'failed', requestId, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

/** Closes the database connection, after the slice under way, and ends the thread. The server asks for this rather
 * than stopping the thread outright: a thread stopped while sqlite3 has work on the thread pool aborts the process. */
let closing: Promise<void> | undefined;
function close(code: number): Promise<void> {
  closing ??= (async () => {
    try {
      await reader?.close();
    } catch (error) {
      console.error(`The report worker could not close its database connection: ${(error as Error).message}`);
    }
    // Not from within a sqlite3 callback: ending the thread there aborts the process too.
    setImmediate(() => process.exit(code));
  })();
  return closing;
}

// A failure no rendering caught ends the thread the same way, after the connection is closed.
for (const kind of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(kind, (error: unknown) => {
    console.error('The report worker failed:', error);
    void close(1);
  });
}

port.on('message', (message: ToReportWorker) => {
  switch (message.type) {
    case 'close':
      void close(0);
      break;
    case 'hold':
      logs.set(message.exerciseId, { context: message.context, events: [], readSeq: 0, reading: Promise.resolve() });
      break;
    case 'append': {
      const log = logs.get(message.exerciseId);
      if (log) for (const event of message.events) log.events.push(event);
      break;
    }
    case 'supplied':
      supplied(message);
      break;
    case 'drop':
      logs.delete(message.exerciseId);
      break;
    case 'render':
      void render(message);
      break;
    case 'pull':
      void pull(message.requestId);
      break;
    case 'discard':
      void sources.get(message.requestId)?.return?.();
      sources.delete(message.requestId);
      break;
  }
});
