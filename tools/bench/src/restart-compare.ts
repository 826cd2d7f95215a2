// Times restarts of one or more server builds on copies of a folder kept by `bench --keep`, alternating the builds:
// spawn → the exercise answers with its clock running, and the server's CPU time (user + system) at that moment,
// which stays comparable when the machine is shared. An entry is a build's main.js or its ttx-server.js (bundled).
// With `--reports` each timed start then fetches the exercise's first after-action reports (report-compare.ts).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import {
  type ReportFormat,
  type ReportsPlan,
  type ReportsTiming,
  reportsLine,
  type RunRow,
  runTable,
  timeReports,
} from './report-compare.js';
import { ADMIN_PASSWORD, freePort, processCpuMs, REPO_ROOT, removeFolder } from './server-process.js';

const SECRET = 'bench-secret-that-is-long-enough-for-hmac-signing';

export interface RestartTiming {
  build: string;
  healthMs: number;
  runningMs: number;
  cpuMs: number;
  load: number;
}

/** The kept folder's unfinished exercise with the longest log. */
export function liveExercise(file: string): Promise<{ id: string; events: number }> {
  const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
  return new Promise((resolve, reject) =>
    db.get(
      "SELECT id, last_seq FROM exercises WHERE status != 'ended' ORDER BY last_seq DESC",
      (error, row: { id: string; last_seq: number } | undefined) => {
        db.close();
        if (error || !row) reject(error ?? new Error(`no live exercise in ${file}`));
        else resolve({ id: row.id, events: Number(row.last_seq) });
      },
    ),
  );
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`not ready within ${timeoutMs} ms`);
}

interface RestartRun {
  holdMs?: number;
  /** Asks the running server for its first reports. */
  reports?: ReportsPlan;
}

async function timeRestart(
  entry: string,
  folder: string,
  exerciseId: string,
  run: RestartRun = {},
): Promise<Omit<RestartTiming, 'build' | 'load'> & { reports?: ReportsTiming }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ttx-restart-'));
  cpSync(folder, dir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const startedAt = Date.now();
  const child = spawn(process.execPath, [entry], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${path.join(dir, 'data/ttx.sqlite')}`,
      TTX_EXERCISES_DIR: path.join(dir, 'exercises'),
      TTX_WEB_DIR: path.join(dir, 'web'),
      TTX_ADMIN_PASSWORD: ADMIN_PASSWORD,
      TTX_SECRET: SECRET,
      TTX_AUTH_RATE_LIMIT: '100000',
      // A kept folder's exercise was "down" since it was kept: restarts are timed back to running, not to the pause
      // a real outage that long brings.
      TTX_RESTART_PAUSE_AFTER: '86400',
      TTX_DEMO: '0',
    },
  });
  try {
    const healthMs = await until(
      async () => ((await fetch(`${url}/health`)).ok ? Date.now() - startedAt : undefined),
      120_000,
    );
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const runningMs = await until(async () => {
      const answer = await fetch(`${url}/api/exercises/${exerciseId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await answer.json()) as { clock?: { running?: boolean } };
      return answer.ok && body.clock?.running ? Date.now() - startedAt : undefined;
    }, 120_000);
    const cpuMs = processCpuMs(child.pid ?? 0);
    await new Promise((resolve) => setTimeout(resolve, run.holdMs ?? 0));
    if (!run.reports) return { healthMs, runningMs, cpuMs };
    return {
      healthMs,
      runningMs,
      cpuMs,
      reports: await timeReports(url, token, child.pid ?? 0, exerciseId, run.reports),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    removeFolder(dir);
  }
}

// The production entry writes V8's code cache two seconds after it runs: a warm-up start stays up that long.
const WARM_HOLD_MS = 4000;

const USAGE =
  'usage: restart-compare <folder kept by bench --keep> <server entry>… [--rounds N] [--warm: one untimed start each first, long enough to leave its code cache]' +
  ' [--reports: once running, time the first JSON, PDF and JSON again reports] [--order json|pdf: the format asked first with --reports]' +
  ' [--end: with --reports, end the exercise first, so that the server prepares its review as it ends]';

function takeFlag(args: string[], name: string): boolean {
  const at = args.indexOf(name);
  if (at >= 0) args.splice(at, 1);
  return at >= 0;
}

function takeValue(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? (args.splice(at, 2)[1] ?? '') : undefined;
}

/** Each entry as given, numbered when the same build is given more than once (to tell its places in the alternation apart). */
function buildLabels(entries: string[]): string[] {
  const repeated = new Set(entries).size < entries.length;
  return entries.map((entry, i) => (repeated ? `${entry} #${i + 1}` : entry));
}

/** `node tools/bench/bin/restart-compare.js <kept folder> <server entry>… [--rounds N] [--warm] [--reports [--order json|pdf] [--end]]` */
export async function compareRestarts(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  const roundsText = takeValue(args, '--rounds');
  const rounds = roundsText === undefined ? 3 : Number(roundsText);
  const warm = takeFlag(args, '--warm');
  const reports = takeFlag(args, '--reports');
  const order = takeValue(args, '--order');
  const end = takeFlag(args, '--end');
  const [folder, ...entries] = args;
  if (!folder || entries.length === 0 || entries.some((entry) => entry.startsWith('--'))) {
    console.error(USAGE);
    return 2;
  }
  if (!Number.isInteger(rounds) || rounds < 1) {
    console.error(`--rounds takes a whole number above 0, not "${roundsText}"`);
    return 2;
  }
  if (order !== undefined && (!reports || (order !== 'json' && order !== 'pdf'))) {
    console.error(
      `--order takes json or pdf, with --reports (got "${order}"${reports ? '' : ' without --reports'})`,
    );
    return 2;
  }
  if (end && !reports) {
    console.error('--end goes with --reports');
    return 2;
  }
  const plan: ReportsPlan | undefined = reports
    ? { first: (order as ReportFormat | undefined) ?? 'json', end }
    : undefined;
  const exercise = await liveExercise(path.join(folder, 'data/ttx.sqlite'));
  console.log(`exercise ${exercise.id}, ${exercise.events} events`);
  if (warm)
    for (const entry of entries)
      await timeRestart(path.resolve(entry), folder, exercise.id, { holdMs: WARM_HOLD_MS });
  const labels = buildLabels(entries);
  const rows: RunRow[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    for (const [i, entry] of entries.entries()) {
      const timing = await timeRestart(
        path.resolve(entry),
        folder,
        exercise.id,
        plan ? { reports: plan } : {},
      );
      const load = os.loadavg()[0]!;
      console.log(
        `${entry}: /health ${timing.healthMs} ms, running ${timing.runningMs} ms, server CPU ${timing.cpuMs} ms, load ${load.toFixed(2)}`,
      );
      if (timing.reports) console.log(reportsLine(timing.reports));
      rows.push({
        build: labels[i]!,
        round,
        healthMs: timing.healthMs,
        runningMs: timing.runningMs,
        startCpuMs: timing.cpuMs,
        load,
        ...(timing.reports ? { reports: timing.reports } : {}),
      });
    }
  }
  if (plan) console.log(`\n${runTable(rows, plan)}`);
  return 0;
}
