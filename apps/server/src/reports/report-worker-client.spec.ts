// The report worker's client against stand-in workers: each log sent once and only its new events after that, at
// most the kept number of logs held, and a worker that exits, throws, stalls or refuses answered with a coded error
// while the next report starts a fresh worker.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExerciseEvent } from '@ttx/engine';
import { TtxException } from '../common/ttx.exception.js';
import { type RenderedReport, type ReportRequest, ReportWorkerClient, reportWorkerScript } from './report-worker-client.js';
import type { ReportContext } from './report-worker-protocol.js';

// Answers each rendering with what it holds, in three chunks, and ends when asked to close; a team id of "exit",
// "throw", "hang", "busy" (which never gives its thread back), "fail", "refuse", "exit-streaming" or "hang-streaming"
// misbehaves.
const STAND_IN = `
import { parentPort } from 'node:worker_threads';
const logs = new Map();
const holds = {};
const ready = new Map();
const discarded = [];
parentPort.on('message', (m) => {
  if (m.type === 'hold') { logs.set(m.exerciseId, []); holds[m.exerciseId] = (holds[m.exerciseId] ?? 0) + 1; }
  else if (m.type === 'append') logs.get(m.exerciseId).push(...m.events.map((e) => e.seq));
  else if (m.type === 'drop') logs.delete(m.exerciseId);
  else if (m.type === 'discard') { discarded.push(m.requestId); ready.delete(m.requestId); }
  else if (m.type === 'close') process.exit(0);
  else if (m.type === 'pull') {
    const chunks = ready.get(m.requestId);
    if (chunks === 'exit') process.exit(4);
    if (chunks === 'hang') return;
    const bytes = chunks.shift();
    if (!bytes) return parentPort.postMessage({ type: 'end', requestId: m.requestId });
    parentPort.postMessage({ type: 'chunk', requestId: m.requestId, bytes }, [bytes.buffer]);
  }
  else if (m.type === 'render') {
    if (m.teamId === 'exit') process.exit(3);
    if (m.teamId === 'throw') throw new Error('the renderer broke');
    if (m.teamId === 'hang') return;
    if (m.teamId === 'busy') for (;;);
    if (m.teamId === 'fail') return parentPort.postMessage({ type: 'failed', requestId: m.requestId, message: 'no such table' });
    if (m.teamId === 'refuse') return parentPort.postMessage({ type: 'refused', requestId: m.requestId, code: 'DEBRIEF_NOT_ALLOWED', message: 'Not yet.' });
    const text = JSON.stringify({ held: [...logs.keys()], seqs: logs.get(m.exerciseId), holds, discarded, seq: m.seq, requestId: m.requestId });
    const chunks = [text.slice(0, 5), text.slice(5, 9), text.slice(9)].map((part) => new TextEncoder().encode(part));
    ready.set(m.requestId, m.teamId === 'exit-streaming' ? 'exit' : m.teamId === 'hang-streaming' ? 'hang' : chunks);
    parentPort.postMessage({ type: 'ready', requestId: m.requestId, fileName: m.exerciseId + '.' + m.format, ...(m.format === 'json' ? {} : { byteLength: text.length }) });
  }
});
`;

// Reads the log itself (it was started with a database): asks the server for seqs 3 up to the seq rendered, and for
// seq 1 on behalf of a rendering the server does not know, then answers with what it was sent.
const READING_STAND_IN = `
import { parentPort, workerData } from 'node:worker_threads';
const appended = [];
const supplied = { 1: [], 2: [] };
const messages = { 1: 0, 2: 0 };
const done = new Set();
let unavailable = false;
let render;
let bytes;
parentPort.on('message', (m) => {
  if (m.type === 'append') appended.push(...m.events.map((e) => e.seq));
  else if (m.type === 'close') process.exit(0);
  else if (m.type === 'render') {
    render = m;
    parentPort.postMessage({ type: 'lacks', requestId: m.requestId, ask: 1, after: 2, upTo: m.seq });
    parentPort.postMessage({ type: 'lacks', requestId: m.requestId + 100, ask: 2, after: 0, upTo: 1 });
  } else if (m.type === 'supplied') {
    supplied[m.ask].push(...m.events.map((e) => e.seq));
    messages[m.ask] += 1;
    if (m.unavailable) unavailable = true;
    if (m.done) done.add(m.ask);
    if (done.size < 2) return;
    bytes = new TextEncoder().encode(JSON.stringify({ database: workerData.database, appended, supplied, messages, unavailable }));
    parentPort.postMessage({ type: 'ready', requestId: render.requestId, fileName: 'x.json' });
  } else if (m.type === 'pull') {
    if (!bytes) return parentPort.postMessage({ type: 'end', requestId: m.requestId });
    parentPort.postMessage({ type: 'chunk', requestId: m.requestId, bytes }, [bytes.buffer]);
    bytes = undefined;
  }
});
`;

interface Echo {
  held: string[];
  seqs: number[];
  holds: Record<string, number>;
  discarded: number[];
  seq: number;
  requestId: number;
}

const context = { scenario: { id: 's' }, catalogue: { actions: [] }, ruleSet: { id: 'r' } } as unknown as ReportContext;

function log(count: number, firstSeq = 1): ExerciseEvent[] {
  return Array.from({ length: count }, (_, i) => ({ seq: firstSeq + i, type: 'message.sent', at: 0, exerciseTime: 0, audience: { kind: 'all' }, payload: {} }) as unknown as ExerciseEvent);
}

function request(exerciseId: string, events: readonly ExerciseEvent[], extra: Partial<ReportRequest> = {}): ReportRequest {
  return { exerciseId, context, events, count: events.length, format: 'json', table: 'decisions', ...extra };
}

async function bodyOf(report: RenderedReport): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of report.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function echo(client: ReportWorkerClient, asked: ReportRequest): Promise<Echo> {
  const report = await client.render(asked);
  const bytes = await bodyOf(report);
  expect([report.fileName, report.byteLength]).toEqual([`${asked.exerciseId}.${asked.format}`, asked.format === 'json' ? undefined : bytes.byteLength]);
  return JSON.parse(bytes.toString('utf8')) as Echo;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TtxException)) throw new Error(`expected a coded error, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe('the report worker client', () => {
  let dir: string;
  let script: URL;
  let client: ReportWorkerClient;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ttx-report-worker-'));
    writeFileSync(path.join(dir, 'stand-in.mjs'), STAND_IN);
    script = pathToFileURL(path.join(dir, 'stand-in.mjs'));
  });
  afterEach(() => client.close());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sends a log once, then only the events the worker lacks, in slices, and never past the count asked for', async () => {
    client = new ReportWorkerClient({ script, eventsPerMessage: 7 });
    const events = log(30);
    expect(await echo(client, request('ex-a', events, { count: 20 }))).toMatchObject({ seqs: log(20).map((e) => e.seq), seq: 20 });
    events.push(...log(5, 31));
    const grown = await echo(client, request('ex-a', events));
    expect(grown.seqs).toEqual(events.map((e) => e.seq));
    expect(grown).toMatchObject({ seq: 35, holds: { 'ex-a': 1 } });
    // A report of an earlier position of the log sends nothing and is of that position.
    expect(await echo(client, request('ex-a', events, { count: 10 }))).toMatchObject({ seq: 10, seqs: grown.seqs });
    // A log read afresh (another array, same events) continues where the worker is.
    const reread = await echo(client, request('ex-a', log(36)));
    expect(reread.seqs).toEqual(log(36).map((e) => e.seq));
  });

  it('has concurrent reports of one exercise append in order, each of its own position', async () => {
    client = new ReportWorkerClient({ script, eventsPerMessage: 3 });
    const events = log(10);
    const first = echo(client, request('ex-a', events));
    events.push(...log(10, 11));
    const [a, b] = await Promise.all([first, echo(client, request('ex-a', events))]);
    expect([a.seq, b.seq]).toEqual([10, 20]);
    expect(b.seqs).toEqual(events.map((e) => e.seq));
  });

  it('keeps the logs of the last exercises asked for, and none under a report still under way', async () => {
    client = new ReportWorkerClient({ script, keptExercises: 2 });
    for (const id of ['ex-a', 'ex-b', 'ex-c']) await echo(client, request(id, log(3)));
    expect((await echo(client, request('ex-c', log(3)))).held).toEqual(['ex-b', 'ex-c']);
    // ex-a comes back: it is sent whole again, and ex-b, now the oldest, is dropped.
    const back = await echo(client, request('ex-a', log(4)));
    expect(back).toMatchObject({ held: ['ex-c', 'ex-a'], seqs: [1, 2, 3, 4], holds: { 'ex-a': 2, 'ex-b': 1, 'ex-c': 1 } });
    const hung = refusal(client.render(request('ex-b', log(2), { teamId: 'hang' })));
    await echo(client, request('ex-d', log(2)));
    expect((await echo(client, request('ex-e', log(2)))).held).toEqual(['ex-b', 'ex-e']);
    await client.close();
    expect(await hung).toMatchObject({ code: 'INTERNAL' });
  });

  it('passes a refusal on with its code, and a failed rendering as INTERNAL', async () => {
    client = new ReportWorkerClient({ script });
    expect(await refusal(client.render(request('ex-a', log(2), { teamId: 'refuse' })))).toEqual({ code: 'DEBRIEF_NOT_ALLOWED', message: 'Not yet.' });
    expect(await refusal(client.render(request('ex-a', log(2), { teamId: 'fail' })))).toEqual({ code: 'INTERNAL', message: 'The report could not be built; ask again in a moment.' });
    // Formats rendered whole come with their length.
    expect((await echo(client, request('ex-a', log(2), { format: 'csv' }))).holds).toEqual({ 'ex-a': 1 });
  });

  it.each(['exit', 'throw'])('fails the reports under way when the worker dies (%s), and starts another for the next', async (how) => {
    client = new ReportWorkerClient({ script });
    await echo(client, request('ex-a', log(5)));
    const first = client.thread;
    const other = refusal(client.render(request('ex-b', log(3), { teamId: 'hang' })));
    expect(await refusal(client.render(request('ex-a', log(6), { teamId: how })))).toEqual({ code: 'INTERNAL', message: 'The report could not be built; ask again in a moment.' });
    expect(await other).toMatchObject({ code: 'INTERNAL' });
    const again = await echo(client, request('ex-a', log(6)));
    expect(client.thread).toBeDefined();
    expect(client.thread).not.toBe(first);
    // The new worker holds nothing: the whole log is sent again.
    expect(again).toMatchObject({ held: ['ex-a'], seqs: [1, 2, 3, 4, 5, 6], holds: { 'ex-a': 1 } });
  });

  it('cuts a body off when the worker dies or stalls while it is read, and tells the worker of a body left unread', async () => {
    client = new ReportWorkerClient({ script, stallMs: 200 });
    for (const how of ['exit-streaming', 'hang-streaming']) {
      const report = await client.render(request('ex-a', log(2), { teamId: how }));
      await expect(bodyOf(report)).rejects.toThrow('The report could not be built; ask again in a moment.');
      expect(client.inFlight).toBe(0);
    }
    const unread = await client.render(request('ex-a', log(2)));
    expect(client.inFlight).toBe(1);
    unread.body.destroy();
    expect(client.inFlight).toBe(0);
    const next = await echo(client, request('ex-a', log(2)));
    expect(next.discarded).toEqual([next.requestId - 1]);
  });

  // A stalled worker that can still answer ends by itself when asked to close (code 0); one that never gives its
  // thread back is stopped outright after the grace time (code 1).
  it.each([
    ['hang', 0],
    ['busy', 1],
  ])('stops a worker that says nothing of a rendering for the stall time (%s), failing it', async (how, code) => {
    client = new ReportWorkerClient({ script, stallMs: 200, closeGraceMs: 300 });
    const stalled = refusal(client.render(request('ex-a', log(2), { teamId: how })));
    const first = client.thread!;
    const exitCode = new Promise((resolve) => first.once('exit', resolve));
    expect(await stalled).toMatchObject({ code: 'INTERNAL' });
    expect(await exitCode).toBe(code);
    expect((await echo(client, request('ex-a', log(2)))).seqs).toEqual([1, 2]);
    expect(client.thread).not.toBe(first);
  });

  it('asks the worker to close when the server shuts down, and waits until it has ended', async () => {
    client = new ReportWorkerClient({ script });
    await echo(client, request('ex-a', log(2)));
    const first = client.thread!;
    const exitCode = new Promise((resolve) => first.once('exit', resolve));
    await client.close();
    expect(first.threadId).toBe(-1);
    expect(await exitCode).toBe(0);
  });

  it('sends a worker that reads the log itself none of it, only the slices it asks for, from the log of the rendering', async () => {
    const reading = path.join(dir, 'reading-stand-in.mjs');
    writeFileSync(reading, READING_STAND_IN);
    const database = { kind: 'sqlite', file: path.join(dir, 'ttx.sqlite'), table: '"exercise_events"' } as const;
    client = new ReportWorkerClient({ script: pathToFileURL(reading), eventsPerMessage: 4, database });
    const report = await client.render(request('ex-a', log(20), { count: 12 }));
    expect(JSON.parse((await bodyOf(report)).toString('utf8'))).toEqual({
      database,
      appended: [],
      // Seqs 3 to 12 (the report's position, not the log's end), four to a message; none for an unknown rendering.
      supplied: { 1: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 2: [] },
      messages: { 1: 3, 2: 1 },
      unavailable: true,
    });
  });

  it('starts the worker ahead of the first report when warmed, which then uses it; never once closed', async () => {
    client = new ReportWorkerClient({ script });
    expect(client.thread).toBeUndefined();
    client.warm();
    const warmed = client.thread;
    expect(warmed).toBeDefined();
    client.warm();
    expect(client.thread).toBe(warmed);
    expect((await echo(client, request('ex-a', log(2)))).seqs).toEqual([1, 2]);
    expect(client.thread).toBe(warmed);
    await client.close();
    client.warm();
    expect(client.thread).toBeUndefined();
  });

  it('refuses reports once closed', async () => {
    client = new ReportWorkerClient({ script });
    await client.close();
    expect(await refusal(client.render(request('ex-a', log(1))))).toMatchObject({ code: 'INTERNAL' });
  });
});

describe('the report worker script', () => {
  it('is the build of the worker beside the client, also when the client runs from its TypeScript source', () => {
    const source = pathToFileURL(path.resolve(import.meta.dirname, 'report-worker-client.ts')).href;
    expect(reportWorkerScript(source).pathname).toBe(path.resolve(import.meta.dirname, '../../dist/reports/report-worker.js'));
  });

  it('is found in reports/ beside a server bundled into one file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ttx-bundle-'));
    try {
      mkdirSync(path.join(dir, 'reports'));
      writeFileSync(path.join(dir, 'reports/report-worker.js'), '');
      expect(reportWorkerScript(pathToFileURL(path.join(dir, 'ttx-server.js')).href).pathname).toBe(path.join(dir, 'reports/report-worker.js'));
      expect(() => reportWorkerScript(pathToFileURL(path.join(dir, 'elsewhere/ttx-server.js')).href)).toThrow(/report worker is not built/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
