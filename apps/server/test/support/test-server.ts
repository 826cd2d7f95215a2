// Starts a real TTX server on port 0 over a real database, and talks to it as clients do: fetch and socket.io-client.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientToServerEvents, EventMessage, ServerToClientEvents, Welcome } from '@ttx/contracts';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { startServer, type RunningServer } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/ttx-config.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
export const ADMIN_PASSWORD = 'correct-horse-battery';
export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hmac-signing';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Where a test's data lives: a temp folder with the exercises library, and a SQLite file or a PostgreSQL schema. */
export interface TestDatabase {
  dir: string;
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/** A fresh temp folder holding the real rules of engagement and the wire-drill scenario. */
export function testFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ttx-server-'));
  const exercises = path.join(dir, 'exercises');
  mkdirSync(path.join(exercises, 'roe'), { recursive: true });
  mkdirSync(path.join(exercises, 'wire-drill'), { recursive: true });
  for (const file of readdirSync(path.join(repoRoot, 'exercises/roe'))) {
    copyFileSync(path.join(repoRoot, 'exercises/roe', file), path.join(exercises, 'roe', file));
  }
  copyFileSync(
    path.join(here, '../fixtures/exercises/wire-drill/scenario.yaml'),
    path.join(exercises, 'wire-drill/scenario.yaml'),
  );
  return dir;
}

/** A built web client in the folder's `web/`: its index page (titled TTX) and any `assets` by their path. */
export function writeWebClient(dir: string, assets: Record<string, string> = {}): void {
  const files = { 'index.html': '<!doctype html><title>TTX</title>', ...assets };
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, 'web', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

export function sqliteDatabase(): TestDatabase {
  const dir = testFolder();
  return {
    dir,
    env: { DATABASE_URL: `sqlite:${path.join(dir, 'data/ttx.sqlite')}` },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh schema in the PostgreSQL named by TTX_TEST_POSTGRES_URL, dropped afterwards. */
export function postgresDatabase(url: string): TestDatabase {
  const dir = testFolder();
  const schema = `ttx_test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  return {
    dir,
    env: { DATABASE_URL: url, TTX_DATABASE_SCHEMA: schema },
    cleanup: async () => {
      const admin = new DataSource({ type: 'postgres', url });
      await admin.initialize();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The databases the persistence and flow suites run on: SQLite always, PostgreSQL when configured. */
export function databaseKinds(): { name: string; create: () => TestDatabase }[] {
  const kinds = [{ name: 'SQLite', create: sqliteDatabase }];
  const url = process.env.TTX_TEST_POSTGRES_URL;
  if (url) kinds.push({ name: 'PostgreSQL', create: () => postgresDatabase(url) });
  return kinds;
}

export class TestClient {
  private readonly sockets: ClientSocket[] = [];

  constructor(
    readonly server: RunningServer,
    readonly database: TestDatabase,
  ) {}

  get url(): string {
    return this.server.url;
  }

  async http<T = unknown>(
    method: string,
    route: string,
    body?: unknown,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (token) (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
    if (body !== undefined) {
      if (typeof body === 'string') init.body = body;
      else {
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
    }
    const response = await fetch(this.url + route, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T };
  }

  async login(): Promise<string> {
    const { status, body } = await this.http<{ token: string }>('POST', '/api/auth/login', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    if (status !== 200) throw new Error(`login failed: ${status} ${JSON.stringify(body)}`);
    return body.token;
  }

  /** Connects to /exercise and resolves after `welcome`, collecting every event its `events` messages carry. */
  async connect(auth: { token: string; exerciseId?: string }): Promise<LiveSocket> {
    const socket: ClientSocket = io(`${this.url}/exercise`, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    this.sockets.push(socket);
    const live = new LiveSocket(socket);
    await live.welcomed;
    return live;
  }

  /** Connects expecting a refusal; resolves with the connect_error. */
  refusedConnection(
    auth: Record<string, unknown>,
  ): Promise<{ message: string; data?: { code: string; message: string } }> {
    const socket = io(`${this.url}/exercise`, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    this.sockets.push(socket as ClientSocket);
    return new Promise((resolve, reject) => {
      socket.on('connect_error', (error: Error & { data?: { code: string; message: string } }) =>
        resolve({ message: error.message, data: error.data }),
      );
      socket.on('welcome', () => reject(new Error('the connection was accepted')));
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.disconnect();
    await this.server.close();
  }
}

export class LiveSocket {
  readonly events: EventMessage[] = [];
  /** Each `events` message as it came: one per committed batch with something this socket may see. */
  readonly batches: EventMessage[][] = [];
  readonly welcomed: Promise<Welcome>;
  private waiters: (() => void)[] = [];

  constructor(readonly socket: ClientSocket) {
    this.welcomed = new Promise((resolve, reject) => {
      socket.on('welcome', resolve);
      socket.on('connect_error', reject);
    });
    socket.on('events', (batch) => {
      this.batches.push(batch);
      this.events.push(...batch);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  types(): string[] {
    return this.events.map((e) => e.type);
  }

  /** Resolves with the first received event matching `predicate`, waiting up to `timeoutMs`. */
  async waitFor(predicate: (e: EventMessage) => boolean, timeoutMs = 10_000): Promise<EventMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no matching event within ${timeoutMs} ms; got ${this.types().join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  released(injectId: string, timeoutMs?: number): Promise<EventMessage> {
    return this.waitFor((e) => e.type === 'inject.released' && e.payload.injectId === injectId, timeoutMs);
  }

  /** Emits a message and resolves with its ack. */
  send<K extends keyof ClientToServerEvents>(
    name: K,
    payload: unknown,
  ): Promise<{ ok: boolean; error?: { code: string; message: string }; [key: string]: unknown }> {
    return (this.socket as unknown as Socket).timeout(10_000).emitWithAck(name, payload) as never;
  }

  /** Submits a decision of one action (aimed at `target` when given), answering `inject` when given. */
  decide(
    decisionId: string,
    choice: { action: string; target?: string; inject?: string },
    rationale: string,
    extra: Record<string, unknown> = {},
  ): ReturnType<LiveSocket['send']> {
    const { action, target, inject } = choice;
    return this.send('decision.submit', {
      decisionId,
      ...(inject !== undefined && { injectId: inject }),
      actions: [{ actionId: action, ...(target !== undefined && { targetId: target }) }],
      rationale,
      ...extra,
    });
  }

  /** Emits with any event name and any arguments, as a hostile client could. */
  sendRaw(
    name: string,
    ...args: unknown[]
  ): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
    return (this.socket as unknown as Socket).timeout(10_000).emitWithAck(name, ...args) as never;
  }
}

/** `TTX_SECRET: 'persisted'` leaves the secret unset, so the server keeps one beside its database. */
export async function startTestServer(
  database: TestDatabase,
  env: Record<string, string> = {},
): Promise<TestClient> {
  const settings: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    TTX_EXERCISES_DIR: path.join(database.dir, 'exercises'),
    TTX_ADMIN_PASSWORD: ADMIN_PASSWORD,
    TTX_SECRET: TEST_SECRET,
    TTX_WEB_DIR: path.join(database.dir, 'web'),
    TTX_AUTH_RATE_LIMIT: '1000',
    // Suites count their own exercises; the demo exercise has its own spec.
    TTX_DEMO: '0',
    ...database.env,
    ...env,
  };
  if (settings.TTX_SECRET === 'persisted') delete settings.TTX_SECRET;
  const config = loadConfig(settings);
  const server = await startServer(config, { logger: ['error'] });
  return new TestClient(server, database);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
