// The report worker (a piscina thread, run by report-pool.ts): keeps the logs of the last few exercises asked for, the
// server sending only the JSON slices it lacks, folds each event once across reviews, and writes each rendering to a
// stream the server reads, so that neither the model (tens of MB at 100,000 events), its build, its rendering nor its
// garbage collection holds the server's event loop.
import { readlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import type { WritableStream } from 'node:stream/web';
import type { ReportFormat, ReportPart, ReportTable } from '@ttx/contracts';
import type { ExerciseEvent } from '@ttx/engine';
import type { AarBuilder, AarModel, DebriefRefusal, PdfFonts } from '@ttx/report';
import type { ActionCatalogue, RuleSet, Scenario } from '@ttx/scenario';
import { type JsonSlice, sliceEvents } from '../database/event-log-sql.js';

export interface ReportContext {
  scenario: Scenario;
  catalogue: ActionCatalogue;
  ruleSet: RuleSet;
}

export interface ReportTask {
  exerciseId: string;
  context: ReportContext;
  /** `slices` hold the events with after < seq <= seq, read from the database in order. */
  after: number;
  slices: JsonSlice[];
  seq: number;
  /** A player team's own debrief instead of the staff's review. */
  teamId?: string;
  format: ReportFormat;
  table: ReportTable;
  /** One part of the review (JSON) instead of the whole. */
  part?: ReportPart;
  /** Where the rendering's bytes go; nothing is written when the review is refused. */
  body: WritableStream<Uint8Array>;
}

export type ReportOutcome =
  | { kind: 'written' }
  | ({ kind: 'refused' } & DebriefRefusal)
  /** The worker holds the exercise's log only up to `holds` (it was started again, or let the log go): send from there. */
  | { kind: 'behind'; holds: number };

interface HeldLog {
  events: ExerciseEvent[];
  builder: AarBuilder;
  /** The staff's review of the newest log position asked for. */
  review?: { seq: number; model: AarModel };
}

/** Exercises whose logs (and latest review) are kept, so that a refreshing review screen costs one build per new
 * event rather than one per request. */
const KEPT_EXERCISES = 3;
/** Bytes are written in buffers of this size, so that no one message between the threads is large. */
const CHUNK_BYTES = 1 << 20;
/** When every core is busy, the server's event loop gets one before a report does. */
const REPORT_THREAD_NICE = 10;

try {
  // Linux names this thread's id in /proc/thread-self ("<pid>/task/<tid>"); setpriority on it sets this thread alone.
  const tid = Number(readlinkSync('/proc/thread-self').split('/')[2]);
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, REPORT_THREAD_NICE);
} catch {
  // Elsewhere, or where lowering it is refused, the worker runs at the server's priority.
}

// Loaded (about 0.1 s; pdfkit with the first PDF) as the thread starts, which the server has happen ahead of the first
// report.
const library = await import('@ttx/report');
const logs = new Map<string, HeldLog>();
const encoder = new TextEncoder();
let pdfFonts: Promise<PdfFonts> | undefined;

/** The log of the task's exercise with its slices added, or undefined when they do not continue what is held. */
function heldLog(task: ReportTask): HeldLog | undefined {
  const { exerciseId, context } = task;
  let log = logs.get(exerciseId);
  logs.delete(exerciseId);
  log ??= task.after === 0 ? { events: [], builder: new library.AarBuilder(context) } : undefined;
  if (!log) return undefined;
  logs.set(exerciseId, log);
  for (const [id] of logs) if (logs.size > KEPT_EXERCISES) logs.delete(id);
  if ((log.events.at(-1)?.seq ?? 0) < task.after) return undefined;
  for (const slice of task.slices) {
    const events = sliceEvents(slice);
    if (!events)
      throw new Error(
        `The log of exercise ${exerciseId} holds an event the database cannot write as JSON exactly.`,
      );
    const last = log.events.at(-1)?.seq ?? 0;
    for (const event of events) if (event.seq > last) log.events.push(event);
  }
  return log;
}

function staffReview(log: HeldLog, seq: number): AarModel {
  if (log.review?.seq === seq) return log.review.model;
  const model = log.builder.build(log.events, { seq });
  if (!log.review || log.review.seq <= seq) log.review = { seq, model };
  return model;
}

/** DejaVu Sans and its bold, embedded in a PDF that prints scripts beyond WinAnsi: read with the first PDF, then kept. */
function fontsForPdf(): Promise<PdfFonts> {
  const resolve = createRequire(import.meta.url).resolve;
  pdfFonts ??= Promise.all(
    ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((name) =>
      readFile(resolve(`dejavu-fonts-ttf/ttf/${name}`)),
    ),
  ).then(([regular, bold]) => ({ regular: regular!, bold: bold! }));
  return pdfFonts;
}

/** The rendering's bytes, a buffer at a time: JSON (80 MB at 100,000 events) as it is written, the others whole. */
async function* renderingOf(model: AarModel, { format, table, part }: ReportTask): AsyncGenerator<Uint8Array> {
  if (format === 'pdf') {
    const bytes = await library.renderAarPdf(model, { fonts: await fontsForPdf() });
    for (let at = 0; at < bytes.byteLength; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
    return;
  }
  const texts =
    format === 'json'
      ? library.renderAarJsonChunks(part === undefined ? model : library.reviewPart(model, part), { chunkChars: CHUNK_BYTES })
      : [
          format === 'html'
            ? library.renderAarHtml(model)
            : table === 'timeline'
              ? library.renderTimelineCsv(model)
              : library.renderDecisionsCsv(model),
        ];
  for (const text of texts) {
    for (let at = 0; at < text.length; at += CHUNK_BYTES)
      yield encoder.encode(text.slice(at, at + CHUNK_BYTES));
  }
}

/** Builds the review of the log up to `task.seq` (refusals before any byte) and writes its rendering to `task.body`. */
export default async function renderReport(task: ReportTask): Promise<ReportOutcome> {
  const writer = task.body.getWriter();
  const log = heldLog(task);
  if (!log) {
    await writer.close();
    return { kind: 'behind', holds: logs.get(task.exerciseId)?.events.at(-1)?.seq ?? 0 };
  }
  const held = log.events.at(-1)?.seq ?? 0;
  if (held < task.seq)
    throw new Error(`The log of exercise ${task.exerciseId} is held up to event ${held}, not ${task.seq}.`);
  let model = staffReview(log, task.seq);
  if (task.teamId !== undefined) {
    const debrief = library.debriefFor(model, task.context.scenario, task.teamId);
    if (!debrief.ok) {
      await writer.close();
      return { kind: 'refused', ...debrief.refusal };
    }
    model = debrief.model;
  }
  let letGo = false;
  const sent = (written: Promise<void>) =>
    written.catch((error: unknown) => ((letGo = true), Promise.reject(error)));
  try {
    for await (const bytes of renderingOf(model, task)) {
      await sent(writer.ready);
      await sent(writer.write(bytes));
    }
    await writer.close();
  } catch (error) {
    // The server let the rendering go (its client left): nothing more to write.
    if (letGo) return { kind: 'written' };
    await writer.abort(error);
    throw error;
  }
  return { kind: 'written' };
}
