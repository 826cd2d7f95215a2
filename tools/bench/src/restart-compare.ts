// Times restarts of one or more server builds on copies of a folder kept by `bench --keep`, alternating the builds:
// spawn → the exercise answers with its clock running, and the server's CPU time (user + system) at that moment,
// which stays comparable when the machine is shared. An entry is a build's main.js or its ttx-server.js (bundled).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { ADMIN_PASSWORD, freePort, processCpuMs, REPO_ROOT, removeFolder } from './server-process.js';

const SECRET = 'bench-secret-that-is-long-enough-for-hmac-signing';

export interface RestartTiming {
  build: string;
  healthMs: number;
  runningMs: number;
  cpuMs: number;
  load: number;
}

function liveExercise(file: string): Promise<{ id: string; events: number }> {
  const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
  return new Promise((resolve, reject) =>
    db.get("SELECT id, last_seq FROM exercises WHERE status != 'ended' ORDER BY last_seq DESC", (error, row: { id: string; last_seq: number } | undefined) => {
      db.close();
      if (error || !row) reject(error ?? new Error(`no live exercise in ${file}`));
      else resolve({ id: row.id, events: Number(row.last_seq) });
    }),
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

async function timeRestart(entry: string, folder: string, exerciseId: string, holdMs = 0): Promise<Omit<RestartTiming, 'build' | 'load'>> {
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
      TTX_DEMO: '0',
    },
  });
  try {
    const healthMs = await until(async () => ((await fetch(`${url}/health`)).ok ? Date.now() - startedAt : undefined), 120_000);
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const runningMs = await until(async () => {
      const answer = await fetch(`${url}/api/exercises/${exerciseId}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await answer.json()) as { clock?: { running?: boolean } };
      return answer.ok && body.clock?.running ? Date.now() - startedAt : undefined;
    }, 120_000);
    const cpuMs = processCpuMs(child.pid ?? 0);
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    return { healthMs, runningMs, cpuMs };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    removeFolder(dir);
  }
}

// The production entry writes V8's code cache two seconds after it runs: a warm-up start stays up that long.
const WARM_HOLD_MS = 4000;

/** `node tools/bench/bin/restart-compare.js <kept folder> <server entry>… [--rounds N] [--warm]` */
export async function compareRestarts(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  const roundsAt = args.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 3;
  const warmAt = args.indexOf('--warm');
  const warm = warmAt >= 0;
  if (warm) args.splice(warmAt, 1);
  const [folder, ...entries] = args;
  if (!folder || entries.length === 0) {
    console.error('usage: restart-compare <folder kept by bench --keep> <server entry>… [--rounds N] [--warm: one untimed start each first, long enough to leave its code cache]');
    return 2;
  }
  const exercise = await liveExercise(path.join(folder, 'data/ttx.sqlite'));
  console.log(`exercise ${exercise.id}, ${exercise.events} events`);
  if (warm) for (const entry of entries) await timeRestart(path.resolve(entry), folder, exercise.id, WARM_HOLD_MS);
  for (let round = 1; round <= rounds; round += 1) {
    for (const entry of entries) {
      const timing = await timeRestart(path.resolve(entry), folder, exercise.id);
      console.log(`${entry}: /health ${timing.healthMs} ms, running ${timing.runningMs} ms, server CPU ${timing.cpuMs} ms, load ${os.loadavg()[0]!.toFixed(2)}`);
    }
  }
  return 0;
}
