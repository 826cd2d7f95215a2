// Times the after-action review of a stored exercise through the server's report route while a probe in its own
// thread asks /health over and over (the longest answer is the longest the report held the server's event loop),
// and, as the floor, reading and parsing the same rows from the SQLite file without building anything.
import type { ExerciseEvent } from '@ttx/engine';
import type { ActionCatalogue, RuleSet, Scenario } from '@ttx/scenario';
import { Worker } from 'node:worker_threads';
import sqlite3 from 'sqlite3';
import type { TtxApi } from './ttx-api.js';

interface EventRow {
  seq: number;
  type: string;
  at: number;
  exercise_time: number;
  audience: string;
  actor: string | null;
  payload: string;
}

function all<T>(db: sqlite3.Database, sql: string, params: unknown[]): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
}

async function readExercise(file: string, exerciseId: string): Promise<{ context: { scenario: Scenario; catalogue: ActionCatalogue; ruleSet: RuleSet }; events: ExerciseEvent[] }> {
  const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
  try {
    const [row] = await all<{ context: string }>(db, 'SELECT context FROM exercises WHERE id = ?', [exerciseId]);
    if (!row) throw new Error(`exercise ${exerciseId} is not in ${file}`);
    const rows = await all<EventRow>(db, 'SELECT seq, type, at, exercise_time, audience, actor, payload FROM exercise_events WHERE exercise_id = ? ORDER BY seq', [exerciseId]);
    const events = rows.map(
      (r) =>
        ({
          seq: r.seq,
          type: r.type,
          at: Number(r.at),
          exerciseTime: Number(r.exercise_time),
          audience: JSON.parse(r.audience) as unknown,
          ...(r.actor ? { actor: JSON.parse(r.actor) as unknown } : {}),
          payload: JSON.parse(r.payload) as unknown,
        }) as ExerciseEvent,
    );
    return { context: JSON.parse(row.context) as { scenario: Scenario; catalogue: ActionCatalogue; ruleSet: RuleSet }, events };
  } finally {
    db.close();
  }
}

export interface ReportTiming {
  /** Request → last byte of the report, from the server's report route. */
  ms: number;
  bytes: number;
  /** The slowest `GET /health` answer while the report was on its way: how long the event loop was held at most. */
  maxBlockMs: number;
  /** /health answers received meanwhile. */
  probes: number;
}

const PROBE_EVERY_MS = 10;

// The probe runs in a thread of its own, so that taking in an 80 MB report here does not delay its answers.
const PROBE_SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
let running = true;
parentPort.once('message', () => { running = false; });
(async () => {
  let maxMs = 0;
  let count = 0;
  while (running) {
    const started = performance.now();
    const response = await fetch(workerData.url + '/health');
    await response.arrayBuffer();
    const took = performance.now() - started;
    if (response.status !== 200) throw new Error('/health answered ' + response.status + ' while the report was built');
    if (count === 0) parentPort.postMessage({ type: 'started' });
    else maxMs = Math.max(maxMs, took);
    count += 1;
    if (took < workerData.everyMs) await new Promise((resolve) => setTimeout(resolve, workerData.everyMs - took));
  }
  parentPort.postMessage({ type: 'stopped', maxMs, count: count - 1 });
})().catch((error) => parentPort.postMessage({ type: 'failed', message: String(error && error.message) }));
`;

type ProbeMessage = { type: 'started' } | { type: 'stopped'; maxMs: number; count: number } | { type: 'failed'; message: string };

export interface HealthProbe {
  /** Resolves once the probe has had its first answer (which is not counted: it opens the connection). */
  started: Promise<void>;
  stop(): Promise<{ maxMs: number; count: number }>;
}

/** Asks `GET /health` one request after another, a new one every `everyMs` (10 ms) at most, until stopped. */
export function healthProbe(url: string, everyMs = PROBE_EVERY_MS): HealthProbe {
  const worker = new Worker(PROBE_SCRIPT, { eval: true, workerData: { url, everyMs } });
  let started!: () => void;
  const startedPromise = new Promise<void>((resolve) => (started = resolve));
  const result = new Promise<{ maxMs: number; count: number }>((resolve, reject) => {
    worker.on('message', (message: ProbeMessage) => {
      if (message.type === 'started') started();
      else if (message.type === 'stopped') resolve(message);
      else reject(new Error(message.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the /health probe stopped with code ${code}`)));
  });
  // A probe that fails is reported by stop(); until then its failure must not count as unhandled.
  result.catch(() => undefined);
  const failedOrStarted = Promise.race([startedPromise, result.then(() => undefined)]);
  let stopped: Promise<{ maxMs: number; count: number }> | undefined;
  return {
    started: failedOrStarted,
    stop: () => {
      stopped ??= (async () => {
        worker.postMessage('stop');
        try {
          return await result;
        } finally {
          await worker.terminate();
        }
      })();
      return stopped;
    },
  };
}

/** The slowest /health answer over `ms` with nothing else asked of the server: the probe's own floor. */
export async function idleBlock(api: TtxApi, ms = 1000): Promise<number> {
  const probe = healthProbe(api.url);
  await probe.started;
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (await probe.stop()).maxMs;
}

/** Times `GET /api/exercises/:id/report?format=…` until its whole body has arrived, probing /health meanwhile. */
export async function timeReport(api: TtxApi, token: string, exerciseId: string, format: 'json' | 'pdf'): Promise<ReportTiming> {
  const probe = healthProbe(api.url);
  await probe.started;
  const started = performance.now();
  let got: { status: number; head: Uint8Array; bytes: number; ms: number };
  try {
    const response = await fetch(`${api.url}/api/exercises/${exerciseId}/report?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
    // Counted as it comes rather than gathered: joining 80 MB here would hold up this process, not the server.
    let bytes = 0;
    let head = new Uint8Array(0);
    for await (const chunk of response.body ?? []) {
      if (head.byteLength < 300) head = new Uint8Array([...head, ...chunk.subarray(0, 300 - head.byteLength)]);
      bytes += chunk.byteLength;
    }
    got = { status: response.status, head, bytes, ms: performance.now() - started };
  } finally {
    // Stopped whatever the report answers, so that a failed report leaves no probe running.
    await probe.stop().catch(() => undefined);
  }
  const probed = await probe.stop();
  if (got.status !== 200) throw new Error(`the ${format} report answered ${got.status}: ${new TextDecoder().decode(got.head)}`);
  return { ms: got.ms, bytes: got.bytes, maxBlockMs: probed.maxMs, probes: probed.count };
}

/** The floor under the report: reading and parsing the exercise's rows from the SQLite file, nothing built. */
export async function timeRowRead(file: string, exerciseId: string): Promise<{ events: number; ms: number }> {
  const started = performance.now();
  const { events } = await readExercise(file, exerciseId);
  return { events: events.length, ms: performance.now() - started };
}
