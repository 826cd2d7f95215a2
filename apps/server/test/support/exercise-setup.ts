// Sets up a wire-drill exercise with every team and staff role connected, as most suites need.
import type { CreateExerciseResponse, JoinResponse } from '@ttx/contracts';
import { ExercisesService } from '../../src/exercises/exercises.service.js';
import { type LiveSocket, sqliteDatabase, startTestServer, type TestClient, type TestDatabase } from './test-server.js';

export interface DrillExercise {
  id: string;
  controller: string;
  codes: CreateExerciseResponse;
  tokens: { slGov: string; slCert: string; nlGov: string; observer: string; facilitator: string };
  sockets: { staff: LiveSocket; slGov: LiveSocket; slCert: LiveSocket; nlGov: LiveSocket; observer: LiveSocket; facilitator: LiveSocket };
}

export async function drillExercise(client: TestClient, options: { start?: boolean } = {}): Promise<DrillExercise> {
  const controller = await client.login();
  const created = await client.http<CreateExerciseResponse>('POST', '/api/exercises', { scenarioId: 'wire-drill' }, controller);
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const codes = created.body;
  const join = async (code: string, name: string) => {
    const joined = await client.http<JoinResponse>('POST', '/api/join', { code, name });
    if (joined.status !== 200) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
    return joined.body.token;
  };
  const tokens = {
    slGov: await join(codes.joinCodes['sl-gov']!, 'Vale'),
    slCert: await join(codes.joinCodes['sl-cert']!, 'Ives'),
    nlGov: await join(codes.joinCodes['nl-gov']!, 'Roe'),
    observer: await join(codes.observerCode, 'Observer'),
    facilitator: await join(codes.facilitatorCode, 'Evaluator'),
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
    const fired = await client.http('POST', `/api/exercises/${drill.id}/injects/${injectId}/fire`, undefined, drill.controller);
    if (fired.status !== 200) throw new Error(`fire ${injectId} failed: ${JSON.stringify(fired.body)}`);
  }
}

/** Pauses the drill and gives it a long log fast: `count` chat messages (`bulk-0`…) from sl-cert straight to the
 * exercise, past the per-socket flood limit. */
export async function pausedWithMessages(client: TestClient, drill: DrillExercise, count: number, text: (i: number) => string): Promise<void> {
  await client.http('POST', `/api/exercises/${drill.id}/pause`, undefined, drill.controller);
  const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
  const sender = { role: 'player' as const, id: 'Ives', teamId: 'sl-cert' };
  const sent = await Promise.all(
    Array.from({ length: count }, (_, i) => actor.submit({ type: 'message.send', messageId: `bulk-${i}`, channelId: 'sl-room', teamId: 'sl-cert', text: text(i), actor: sender })),
  );
  const refused = sent.find((s) => !s.ok);
  if (refused) throw new Error(`a bulk message was refused: ${JSON.stringify(refused)}`);
}

/** A suite's server on a fresh SQLite file with the drill exercise, set up before the suite's own `beforeAll` hooks
 * (call it first in the `describe`) and closed after its tests. */
export function drillSuite(options: { start?: boolean; env?: Record<string, string> } = {}): { readonly client: TestClient; readonly drill: DrillExercise } {
  let database: TestDatabase | undefined;
  let client: TestClient | undefined;
  let drill: DrillExercise | undefined;
  beforeAll(async () => {
    database = sqliteDatabase();
    client = await startTestServer(database, options.env);
    drill = await drillExercise(client, options);
  }, 60_000);
  afterAll(async () => {
    await client?.close();
    await database?.cleanup();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the drill suite is not set up yet: use it inside tests and hooks');
    return value;
  };
  return {
    get client() {
      return ready(client);
    },
    get drill() {
      return ready(drill);
    },
  };
}
