#!/usr/bin/env node
// Re-scoring on the server (a measurement, not a timed test): starts the built server on a fresh SQLite file, gives
// a Dark Winter exercise a log of about 100,000 events (players' decisions and chat, through the exercise's own command
// path), then times GET /bundle and POST /rescore while /health is asked every 20 ms, and reports the slowest /health
// answer during each (asked from a thread of its own). Run: npm run build && node tools/bench/bin/rescore-server.js [events]
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { benchEnv } from './bench-env.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { startServer } = await import(path.join(root, 'apps/server/dist/bootstrap.js'));
const { loadConfig } = await import(path.join(root, 'apps/server/dist/config/ttx-config.js'));
const { ExercisesService } = await import(path.join(root, 'apps/server/dist/exercises/exercises.service.js'));

const target = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(path.join(tmpdir(), 'ttx-rescore-bench-'));
cpSync(path.join(root, 'exercises'), path.join(dir, 'exercises'), { recursive: true });
const variant = readFileSync(path.join(root, 'exercises/roe/default.yaml'), 'utf8')
  .replace('id: default', 'id: bench-variant')
  .replace(/weight: (\d+)/g, (_, w) => `weight: ${Number(w) * 2}`);
writeFileSync(path.join(dir, 'exercises/roe/bench-variant.yaml'), variant);
const password = 'bench-controller-password';
const config = loadConfig(benchEnv(dir, path.join(dir, 'ttx.sqlite'), password, { TTX_AUTH_RATE_LIMIT: '1000', TTX_TEAM_LOG_LIMIT: '1000000' }));
const server = await startServer(config, { logger: ['error'] });
const ms = (n) => `${n.toFixed(0)} ms`;

async function http(method, route, body, token) {
  const headers = { ...(token && { authorization: `Bearer ${token}` }), ...(body && { 'content-type': 'application/json' }) };
  const response = await fetch(server.url + route, { method, headers, ...(body && { body: JSON.stringify(body) }) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, bytes, json: () => JSON.parse(new TextDecoder().decode(bytes)) };
}

// The probe runs in a thread of its own, so that what this process does with the answers is not counted.
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
let running = true;
let slowest = 0;
parentPort.on('message', () => (running = false));
(async () => {
  while (running) {
    const t = performance.now();
    await fetch(workerData + '/health');
    slowest = Math.max(slowest, performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  parentPort.postMessage(slowest);
})();
`;

/** The slowest /health answer while `work` runs, asked every 20 ms from another thread. */
async function withHealthProbe(work) {
  const probe = new Worker(PROBE, { eval: true, workerData: server.url });
  const slowest = new Promise((resolve) => probe.once('message', resolve));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const t = performance.now();
  const value = await work();
  const wall = performance.now() - t;
  probe.postMessage('stop');
  const result = { value, wall, slowest: await slowest };
  await probe.terminate();
  return result;
}

try {
  const { token } = (await http('POST', '/api/auth/login', { username: 'admin', password })).json();
  const created = (await http('POST', '/api/exercises', { scenarioId: 'grid-dark-winter' }, token)).json();
  await http('POST', `/api/exercises/${created.id}/start`, {}, token);
  const { actor } = await server.app.get(ExercisesService).get(created.id);
  const { scenario, catalogue } = actor.context;
  const t0 = performance.now();
  let n = 0;
  while (actor.events.length < target) {
    const batch = [];
    for (let i = 0; i < 500; i += 1, n += 1) {
      const team = scenario.teams[n % scenario.teams.length];
      const player = { role: 'player', id: `${team.id}-lead`, teamId: team.id };
      if (n % 3 === 0) {
        const action = catalogue.actions[n % catalogue.actions.length];
        const target = scenario.targets.find((t) => action.targets.includes(t.kind));
        const choice = { actionId: action.id, ...(target && { targetId: target.id }) };
        batch.push(actor.submit({ type: 'decision.submit', decisionId: `d${n}`, teamId: team.id, actions: [choice], rationale: `Move ${n}`, actor: player }));
      } else {
        const channel = scenario.channels.find((c) => c.members.includes(team.id));
        if (channel) batch.push(actor.submit({ type: 'message.send', messageId: `m${n}`, channelId: channel.id, teamId: team.id, text: `Update ${n}`, actor: player }));
      }
    }
    await Promise.all(batch);
  }
  const counts = {};
  for (const e of actor.events) counts[e.type] = (counts[e.type] ?? 0) + 1;
  console.log(`log of ${actor.events.length} events recorded in ${ms(performance.now() - t0)}: ${Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const idle = await withHealthProbe(() => new Promise((resolve) => setTimeout(resolve, 1000)));
  console.log(`load average ${loadavg()[0].toFixed(2)}; slowest /health over 1 s with nothing asked ${ms(idle.slowest)}`);
  for (let round = 1; round <= 2; round += 1) {
    const bundle = await withHealthProbe(() => http('GET', `/api/exercises/${created.id}/bundle`, undefined, token));
    console.log(`round ${round}: GET bundle ${bundle.value.status} ${(bundle.value.bytes.byteLength / 1e6).toFixed(1)} MB in ${ms(bundle.wall)}, slowest /health ${ms(bundle.slowest)}`);
    const rescored = await withHealthProbe(() => http('POST', `/api/exercises/${created.id}/rescore`, { ruleSetId: 'bench-variant' }, token));
    const result = rescored.value.json();
    console.log(`round ${round}: POST rescore ${rescored.value.status} in ${ms(rescored.wall)}, ${(rescored.value.bytes.byteLength / 1e6).toFixed(1)} MB (${result.changes?.length} findings differ), slowest /health ${ms(rescored.slowest)}`);
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
