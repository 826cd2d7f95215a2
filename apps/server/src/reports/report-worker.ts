// The report worker: holds the logs of the exercises whose reviews were asked for (the server says which, and sends
// only what it lacks), builds each review once per log position, and renders it to bytes, so that neither the
// model (tens of MB at 100,000 events), its build, its rendering nor its garbage collection holds the server's loop.
import { parentPort } from 'node:worker_threads';
import type { ExerciseEvent } from '@ttx/engine';
import { type AarModel, buildAarModel, buildTeamDebrief, renderAarHtml, renderAarJsonChunks, renderAarPdf, renderDecisionsCsv, renderTimelineCsv } from '@ttx/report';
import { reportFileName } from './report-files.js';
import type { FromReportWorker, ReportContext, ReportRefusal, ToReportWorker } from './report-worker-protocol.js';

type RenderRequest = Extract<ToReportWorker, { type: 'render' }>;

interface HeldLog {
  context: ReportContext;
  events: ExerciseEvent[];
  /** The staff's review of the newest log position asked for. */
  review?: { seq: number; model: AarModel };
}

/** Bytes go back in buffers of this size (the last one shorter), each transferred rather than copied. */
const CHUNK_BYTES = 1 << 20;

const port = parentPort;
if (!port) throw new Error('report-worker.js runs as a worker thread of the TTX server, not on its own.');
const logs = new Map<string, HeldLog>();
/** Renderings said to be ready, with the chunks not pulled yet. */
const rendered = new Map<number, Uint8Array[]>();
const encoder = new TextEncoder();

class Refusal extends Error {
  constructor(
    readonly code: ReportRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** Text and bytes of one rendering, gathered in buffers of about CHUNK_BYTES. */
class ChunkWriter {
  readonly chunks: Uint8Array[] = [];
  byteLength = 0;
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
    this.add(bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice());
  }

  flush(): void {
    if (this.used === 0) return;
    const filled = this.buffer.subarray(0, this.used);
    this.buffer = new Uint8Array(CHUNK_BYTES);
    this.used = 0;
    this.add(filled);
  }

  private add(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.byteLength += bytes.byteLength;
  }
}

function send(message: FromReportWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

function staffReview(log: HeldLog, seq: number): AarModel {
  if (log.review?.seq === seq) return log.review.model;
  const { scenario, catalogue, ruleSet } = log.context;
  const model = buildAarModel({ scenario, catalogue, ruleSet, events: log.events, asOf: { seq } });
  if (!log.review || log.review.seq <= seq) log.review = { seq, model };
  return model;
}

/** The staff's review, or a team's debrief once the scenario's feedback lets the team read it. */
function reviewFor(log: HeldLog, request: RenderRequest): AarModel {
  const model = staffReview(log, request.seq);
  if (request.teamId === undefined) return model;
  // Findings withheld during play (feedback "findings-only" or "debrief") stay withheld until the end.
  if (!model.asOf.final && log.context.scenario.feedback !== 'immediate')
    throw new Refusal('DEBRIEF_NOT_ALLOWED', 'Your team debrief opens when the exercise ends; ask again once the controller has ended it.');
  const debrief = buildTeamDebrief(model, request.teamId);
  if (!debrief.ok) throw new Refusal('FORBIDDEN_ROLE', debrief.error.message);
  return debrief.model;
}

async function render(request: RenderRequest): Promise<void> {
  const { requestId, exerciseId, format, table } = request;
  try {
    const log = logs.get(exerciseId);
    if (!log) throw new Error(`The log of exercise ${exerciseId} is not held.`);
    const last = log.events.at(-1)?.seq ?? 0;
    if (last < request.seq) throw new Error(`The log of exercise ${exerciseId} is held up to event ${last}, not ${request.seq}.`);
    const model = reviewFor(log, request);
    const out = new ChunkWriter();
    switch (format) {
      case 'json':
        for await (const text of renderAarJsonChunks(model)) out.text(text);
        break;
      case 'csv':
        out.text(table === 'timeline' ? renderTimelineCsv(model) : renderDecisionsCsv(model));
        break;
      case 'html':
        out.text(renderAarHtml(model));
        break;
      case 'pdf':
        out.bytes(await renderAarPdf(model));
        break;
    }
    out.flush();
    if (out.chunks.length === 0) out.bytes(new Uint8Array(0));
    rendered.set(requestId, out.chunks);
    send({ type: 'ready', requestId, fileName: reportFileName(model, exerciseId, format, table), byteLength: out.byteLength, chunks: out.chunks.length });
  } catch (error) {
    if (error instanceof Refusal) send({ type: 'refused', requestId, code: error.code, message: error.message });
    else send({ type: 'failed', requestId, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

port.on('message', (message: ToReportWorker) => {
  switch (message.type) {
    case 'hold':
      logs.set(message.exerciseId, { context: message.context, events: [] });
      break;
    case 'append': {
      const log = logs.get(message.exerciseId);
      if (log) for (const event of message.events) log.events.push(event);
      break;
    }
    case 'drop':
      logs.delete(message.exerciseId);
      break;
    case 'render':
      void render(message);
      break;
    case 'pull': {
      const chunks = rendered.get(message.requestId);
      const bytes = chunks?.shift();
      if (!chunks || !bytes) {
        send({ type: 'failed', requestId: message.requestId, message: `Rendering ${message.requestId} has no chunk left to pull.` });
        break;
      }
      if (chunks.length === 0) rendered.delete(message.requestId);
      send({ type: 'chunk', requestId: message.requestId, bytes }, [bytes.buffer as ArrayBuffer]);
      break;
    }
    case 'discard':
      rendered.delete(message.requestId);
      break;
  }
});
