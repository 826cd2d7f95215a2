// Starts the production server (with the built web client) as a child process on a free port and a fresh SQLite file.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const ADMIN_PASSWORD = 'e2e-controller-password';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
  log(): string;
}

function freePort(): Promise<number> {
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

function build(label: string, args: string[]): void {
  const run = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`Building ${label} failed (exit ${run.status}).`);
}

/** Builds the web client and the server when their output is missing (CI builds them first). */
export function ensureBuilt(): void {
  if (!existsSync(path.join(repoRoot, 'apps/web/dist/index.html')) || process.env.TTX_E2E_REBUILD === '1')
    build('the web client', [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', 'apps/web', '--logLevel', 'warn']);
  if (!existsSync(path.join(repoRoot, 'apps/server/dist/ttx-server.bundle.cjs'))) {
    build('the server', [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-b', 'apps/server']);
    build('the server bundle', [path.join(repoRoot, 'tools/scripts/bundle-server.js')]);
  }
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer /health within 90 s:\n${output()}`);
}

export async function startServer(): Promise<RunningServer> {
  ensureBuilt();
  const dir = mkdtempSync(path.join(tmpdir(), 'ttx-e2e-'));
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [path.join(repoRoot, 'apps/server/dist/ttx-server.js')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${path.join(dir, 'ttx.sqlite')}`,
      TTX_ADMIN_PASSWORD: ADMIN_PASSWORD,
      TTX_SECRET: 'e2e-secret-that-is-long-enough-for-the-server-check',
      TTX_AUTH_RATE_LIMIT: '1000',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
