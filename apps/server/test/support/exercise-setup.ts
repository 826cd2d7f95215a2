// The suites' servers, and the wire-drill exercise with every team and staff role connected that most suites need.
import type { CreateExerciseResponse, JoinResponse } from '@ttx/contracts';
import { ExercisesService } from '../../src/exercises/exercises.service.js';
import {
  type LiveSocket,
  sqliteDatabase,
  startTestServer,
  type TestClient,
  type TestDatabase,
} from './test-server.js';

export interface DrillExercise {
  id: string;
  controller: string;
  codes: CreateExerciseResponse;
  tokens: { slGov: string; slCert: string; nlGov: string; observer: string; facilitator: string };
  sockets: {
    staff: LiveSocket;
    slGov: LiveSocket;
    slCert: LiveSocket;
    nlGov: LiveSocket;
    observer: LiveSocket;
    facilitator: LiveSocket;
  };
}

/** Creates an exercise of `scenarioId` as `controller`. */
export async function createExercise(
  client: TestClient,
  controller: string,
  scenarioId = 'wire-drill',
): Promise<CreateExerciseResponse> {
  const created = await client.http<CreateExerciseResponse>(
    'POST',
    '/api/exercises',
    { scenarioId },
    controller,
  );
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  return created.body;
}

/** Joins with an access code under a participant's name. */
export async function join(client: TestClient, code: string, name: string): Promise<JoinResponse> {
  const joined = await client.http<JoinResponse>('POST', '/api/join', { code, name });
  if (joined.status !== 200) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
  return joined.body;
}

export async function drillExercise(
  client: TestClient,
  options: { start?: boolean } = {},
): Promise<DrillExercise> {
  const controller = await client.login();
  const codes = await createExercise(client, controller);
  const token = async (code: string, name: string) => (await join(client, code, name)).token;
  const tokens = {
    slGov: await token(codes.joinCodes['sl-gov']!, 'Vale'),
    slCert: await token(codes.joinCodes['sl-cert']!, 'Ives'),
    nlGov: await token(codes.joinCodes['nl-gov']!, 'Roe'),
    observer: await token(codes.observerCode, 'Observer'),
    facilitator: await token(codes.facilitatorCode, 'Evaluator'),
  };
  const sockets = {
    staff: await client.connect({ token: controller, exerciseId: codes.id }),
    slGov: await client.connect({ token: tokens.slGov }),
    slCert: await client.connect({ token: tokens.slCert }),
    nlGov: await client.connect({ token: tokens.nlGov }),
    observer: await client.connect({ token: tokens.observer }),
    facilitator: await client.connect({ token: tokens.facilitator }),
  };
  if (options.start !== false) {
    const started = await client.http('POST', `/api/exercises/${codes.id}/start`, undefined, controller);
    if (started.status !== 200) throw new Error(`start failed: ${JSON.stringify(started.body)}`);
  }
  return { id: codes.id, controller, codes, tokens, sockets };
}

/** Fires injects now rather than waiting for their time. */
export async function fire(client: TestClient, drill: DrillExercise, ...injectIds: string[]): Promise<void> {
  for (const injectId of injectIds) {
    const fired = await client.http(
      'POST',
      `/api/exercises/${drill.id}/injects/${injectId}/fire`,
      undefined,
      drill.controller,
    );
    if (fired.status !== 200) throw new Error(`fire ${injectId} failed: ${JSON.stringify(fired.body)}`);
  }
}

/** Pauses the drill and gives it a long log fast: `count` chat messages (`bulk-0`…) from sl-cert straight to the
 * exercise, past the per-socket flood limit. */
export async function pausedWithMessages(
  client: TestClient,
  drill: DrillExercise,
  count: number,
  text: (i: number) => string,
): Promise<void> {
  await client.http('POST', `/api/exercises/${drill.id}/pause`, undefined, drill.controller);
  const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
  const sender = { role: 'player' as const, id: 'Ives', teamId: 'sl-cert' };
  const sent = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      actor.submit({
        type: 'message.send',
        messageId: `bulk-${i}`,
        channelId: 'sl-room',
        teamId: 'sl-cert',
        text: text(i),
        actor: sender,
      }),
    ),
  );
  const refused = sent.find((s) => !s.ok);
  if (refused) throw new Error(`a bulk message was refused: ${JSON.stringify(refused)}`);
}

const ready = <T>(value: T | undefined, suite: string): T => {
  if (value === undefined)
    throw new Error(`the ${suite} suite is not set up yet: use it inside tests and hooks`);
  return value;
};

export interface ServerSuiteOptions {
  /** Where the server keeps its data (default: a fresh SQLite file). */
  database?: () => TestDatabase;
  /** Adds to the server's environment. */
  env?: Record<string, string>;
  /** Prepares the data folder (exercises, web client) before the server starts. */
  folder?: (dir: string) => void;
}

/** A suite's server on a fresh database, started before the suite's own `beforeAll` hooks (call it first in the
 * `describe`) and closed after its tests. */
export function serverSuite(options: ServerSuiteOptions = {}): {
  readonly client: TestClient;
  readonly database: TestDatabase;
} {
  let database: TestDatabase | undefined;
  let client: TestClient | undefined;
  beforeAll(async () => {
    database = (options.database ?? sqliteDatabase)();
    options.folder?.(database.dir);
    client = await startTestServer(database, options.env);
  }, 60_000);
  afterAll(async () => {
    await client?.close();
    await database?.cleanup();
  });
  return {
    get client() {
      return ready(client, 'server');
    },
    get database() {
      return ready(database, 'server');
    },
  };
}

/** A `serverSuite` with the drill exercise (started unless `start` is false) and all its seats connected. */
export function drillSuite(options: ServerSuiteOptions & { start?: boolean } = {}): {
  readonly client: TestClient;
  readonly database: TestDatabase;
  readonly drill: DrillExercise;
} {
  const server = serverSuite(options);
  let drill: DrillExercise | undefined;
  beforeAll(async () => {
    drill = await drillExercise(server.client, options);
  }, 60_000);
  return {
    get client() {
      return server.client;
    },
    get database() {
      return server.database;
    },
    get drill() {
      return ready(drill, 'drill');
    },
  };
}

/** A suite whose tests restart the server on one database: `start` runs a server on it (the previous one closed or
 * not, as the test chooses); every server started is closed and the database removed after the suite, or after each
 * test with `perTest`, when each test gets a fresh database. */
export function restartSuite(
  options: { database?: () => TestDatabase; folder?: (dir: string) => void; perTest?: boolean } = {},
): { readonly database: TestDatabase; start(env?: Record<string, string>): Promise<TestClient> } {
  let database: TestDatabase | undefined;
  let clients: TestClient[] = [];
  const [setUp, tearDown] = options.perTest ? [beforeEach, afterEach] : [beforeAll, afterAll];
  setUp(() => {
    database = (options.database ?? sqliteDatabase)();
    options.folder?.(database.dir);
  });
  tearDown(async () => {
    for (const client of clients) await client.close().catch(() => undefined);
    clients = [];
    await database?.cleanup();
  });
  return {
    get database() {
      return ready(database, 'restart');
    },
    async start(env = {}) {
      const client = await startTestServer(ready(database, 'restart'), env);
      clients.push(client);
      return client;
    },
  };
}
