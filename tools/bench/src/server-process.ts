// The real, built TTX server as a child process on a temporary folder: started, timed, measured, killed, restarted
// on the same database.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root, from src/ (tests) and dist/ (the compiled benchmark) alike. */
export const REPO_ROOT = path.resolve(here, '../../..');
/** The production entry, as `npm start` runs it: the bundled server with its code cache. */
export const SERVER_ENTRY = path.join(REPO_ROOT, 'apps/server/dist/ttx-server.js');
const SERVER_BUNDLE = path.join(REPO_ROOT, 'apps/server/dist/ttx-server.bundle.cjs');
export const ADMIN_PASSWORD = 'bench-admin-password';
const SECRET = 'bench-secret-that-is-long-enough-for-hmac-signing';

/** Compiles the server when its build is missing or stale (`tsc -b` is a no-op when it is up to date) and bundles
 * it as the build target does. */
export function ensureServerBuilt(): void {
  const steps = [
    ['tsc -b apps/server', [path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'apps/server']],
    ['tools/scripts/bundle-server.js', [path.join(REPO_ROOT, 'tools/scripts/bundle-server.js')]],
  ] as const;
  for (const [name, args] of steps) {
    const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`The server does not build (${name}):\n${result.stdout}${result.stderr}`);
  }
  if (!existsSync(SERVER_ENTRY) || !existsSync(SERVER_BUNDLE)) throw new Error(`The build did not produce ${SERVER_ENTRY} and ${SERVER_BUNDLE}`);
}

/** User + system CPU of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A temp folder holding the real rules of engagement and the named fixture scenarios of tools/bench/fixtures. */
export function benchFolder(scenarios: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ttx-bench-'));
  const exercises = path.join(dir, 'exercises');
  mkdirSync(exercises, { recursive: true });
  cpSync(path.join(REPO_ROOT, 'exercises/roe'), path.join(exercises, 'roe'), { recursive: true });
  for (const name of scenarios) {
    cpSync(path.join(REPO_ROOT, 'tools/bench/fixtures/exercises', name), path.join(exercises, name), { recursive: true });
  }
  return dir;
}

export function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A port that was free a moment ago; kept across restarts so clients reconnect to the same address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcessOptions {
  dir: string;
  port: number;
  /** Writes a V8 CPU profile into this folder when the process exits. */
  cpuProfileDir?: string;
  env?: Record<string, string>;
  /** Another build's ttx-server.js, to compare builds on the same folder (default: this tree's). */
  entry?: string;
}

export class ServerProcess {
  private exited: Promise<number | null>;
  private output = '';

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly startedAt: number,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Spawns `node apps/server/dist/ttx-server.js` on `dir`'s database and exercises; resolves at once (see `ready`). */
  static spawn(options: ServerProcessOptions): ServerProcess {
    const execArgv = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
    const startedAt = Date.now();
    const child = spawn(process.execPath, [...execArgv, options.entry ?? SERVER_ENTRY], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        PORT: String(options.port),
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${path.join(options.dir, 'data/ttx.sqlite')}`,
        TTX_EXERCISES_DIR: path.join(options.dir, 'exercises'),
        TTX_WEB_DIR: path.join(options.dir, 'web'),
        TTX_ADMIN_PASSWORD: ADMIN_PASSWORD,
        TTX_SECRET: SECRET,
        TTX_AUTH_RATE_LIMIT: '100000',
        // The bench shares one token per team among up to 125 sockets that decide as fast as acks allow: far past the
        // per-token, per-team and team-log limits a real exercise is held to, so they are raised here.
        TTX_SOCKETS_PER_TOKEN: '100000',
        TTX_TOKEN_MESSAGES_PER_SECOND: '1000000',
        TTX_TEAM_WRITES_PER_MINUTE: '100000000',
        TTX_TEAM_LOG_LIMIT: '100000000',
        TTX_TEAM_PARTICIPANTS: '100000',
        // No demo exercise: the suites count exercises, and its clock would share the measured process.
        TTX_DEMO: '0',
        ...options.env,
      },
    });
    return new ServerProcess(child, `http://127.0.0.1:${options.port}`, startedAt);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** What the process printed last (for error messages). */
  get log(): string {
    return this.output;
  }

  /** Waits until /health answers 200; returns ms since spawn. */
  async ready(timeoutMs = 30_000): Promise<number> {
    const deadline = this.startedAt + timeoutMs;
    let exitCode: number | null | undefined;
    void this.exited.then((code) => (exitCode = code));
    while (Date.now() < deadline) {
      if (exitCode !== undefined) throw new Error(`the server exited with ${exitCode}:\n${this.output}`);
      try {
        const response = await fetch(`${this.url}/health`);
        if (response.status === 200) return Date.now() - this.startedAt;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`the server did not answer /health within ${timeoutMs} ms:\n${this.output}`);
  }

  /** Resident memory of the server process, in bytes (from /proc). */
  rssBytes(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM and wait for a clean exit (SIGKILL after `graceMs`). */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
