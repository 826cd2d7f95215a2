#!/usr/bin/env node
// The server's heap with many ended exercises: `node --expose-gc tools/bench/bin/ended-memory.js [server dist] [exercises]
// [events]` (defaults apps/server/dist, 50, 2,000) starts the built server in this process on a fresh SQLite file,
// plays and ends the exercises, and prints the heap after a full collection: empty, once they have ended, once the
// server has let go of what it may, after a list, then after a restart (before and after a list), with the actors
// held and the time of the lists and of reading one ended exercise back. Build with `npx tsc -b apps/server`.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEnv } from './bench-env.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const [dist = path.join(root, 'apps/server/dist'), count = '50', size = '2000'] = process.argv.slice(2);
const PASSWORD = 'bench-admin-password';
if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc');

const dir = mkdtempSync(path.join(os.tmpdir(), 'ttx-ended-memory-'));
mkdirSync(path.join(dir, 'exercises'), { recursive: true });
cpSync(path.join(root, 'exercises/roe'), path.join(dir, 'exercises/roe'), { recursive: true });
cpSync(
  path.join(root, 'apps/server/test/fixtures/exercises/wire-drill'),
  path.join(dir, 'exercises/wire-drill'),
  { recursive: true },
);

const { startServer } = await import(path.resolve(dist, 'bootstrap.js'));
const { loadConfig } = await import(path.resolve(dist, 'config/ttx-config.js'));
const { ExercisesService } = await import(path.resolve(dist, 'exercises/exercises.service.js'));

async function start() {
  const config = loadConfig(benchEnv(dir, path.join(dir, 'data/ttx.sqlite'), PASSWORD, { TTX_AUTH_RATE_LIMIT: '100000' }));
  const server = await startServer(config, { logger: ['error'] });
  const http = async (method, route, body, token) => {
    const headers = {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body && { 'content-type': 'application/json' }),
    };
    const answer = await fetch(server.url + route, { method, headers, body: body && JSON.stringify(body) });
    const text = await answer.text();
    if (!answer.ok) throw new Error(`${method} ${route}: ${answer.status} ${text}`);
    return JSON.parse(text);
  };
  const { token } = await http('POST', '/api/auth/login', { username: 'admin', password: PASSWORD });
  const timed = async (method, route) => {
    const startedAt = performance.now();
    await http(method, route, undefined, token);
    return Math.round(performance.now() - startedAt);
  };
  const held = async () => (await http('GET', '/health')).exercises;
  return { server, http, token, timed, held, service: server.app.get(ExercisesService) };
}

/** Heap used after two full collections, in MB. */
function heapMb() {
  global.gc();
  global.gc();
  return Math.round(process.memoryUsage().heapUsed / 104857.6) / 10;
}

/** One exercise of the drill: `events` chat messages from one player (sent straight to its actor), then ended. */
async function playedAndEnded(s, events) {
  const created = await s.http('POST', '/api/exercises', { scenarioId: 'wire-drill' }, s.token);
  await s.http('POST', '/api/join', { code: created.joinCodes['sl-cert'], name: 'Ives' });
  await s.http('POST', `/api/exercises/${created.id}/start`, undefined, s.token);
  const { actor } = await s.service.get(created.id);
  const sender = { role: 'player', id: 'Ives', teamId: 'sl-cert' };
  for (let i = 0; i < events; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, events - i) }, (_, j) =>
      actor.submit({
        type: 'message.send',
        messageId: `m-${i + j}`,
        channelId: 'sl-room',
        teamId: 'sl-cert',
        text: `status ${i + j}: all quiet on the grid`,
        actor: sender,
      }),
    );
    const refused = (await Promise.all(batch)).find((outcome) => !outcome.ok);
    if (refused) throw new Error(`a message was refused: ${JSON.stringify(refused)}`);
  }
  await s.http('POST', `/api/exercises/${created.id}/end`, undefined, s.token);
  return created.id;
}

try {
  let s = await start();
  const first = { empty: heapMb() };
  const ids = [];
  for (let i = 0; i < Number(count); i += 1) ids.push(await playedAndEnded(s, Number(size)));
  // Each review is prepared as its exercise ends.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  Object.assign(first, { ended: heapMb(), held: await s.held() });
  // A build that lets ended exercises go does so for every one nobody has read in a while.
  s.service.evictEnded?.(Date.now() + 24 * 3_600_000);
  Object.assign(first, {
    letGo: heapMb(),
    heldThen: await s.held(),
    listMs: await s.timed('GET', '/api/exercises'),
  });
  Object.assign(first, { afterList: heapMb(), heldAfterList: await s.held() });
  console.log(JSON.stringify({ process: 'first', ...first }));
  await s.server.close();

  s = await start();
  const second = {
    started: heapMb(),
    held: await s.held(),
    firstListMs: await s.timed('GET', '/api/exercises'),
  };
  Object.assign(second, {
    secondListMs: await s.timed('GET', '/api/exercises'),
    afterList: heapMb(),
    heldAfterList: await s.held(),
  });
  Object.assign(second, {
    readBackMs: await s.timed('GET', `/api/exercises/${ids[0]}`),
    heldAfterReadBack: await s.held(),
  });
  console.log(JSON.stringify({ process: 'restarted', ...second }));
  await s.server.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
