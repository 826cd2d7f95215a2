// The production artifact as `npm start` runs it (apps/server/dist/ttx-server.js and the bundle beside it): it
// answers /health, a participant's socket, the API docs and a report (both loaded on first use, outside the bundle);
// once running it leaves V8's code cache beside the bundle, and the next start uses that cache as it is.
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureServerBuilt, REPO_ROOT, SERVER_ENTRY } from '../src/server-process.js';
import { FaultWorld, Participant, sleep } from './support/fault-harness.js';

const DIST = path.join(REPO_ROOT, 'apps/server/dist');
const CACHE_NAME = /^ttx-server\.bundle\.[0-9a-f]{16}\.v8cache$/;

function codeCaches(): string[] {
  return readdirSync(DIST).filter((name) => CACHE_NAME.test(name));
}

async function until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await sleep(100);
  }
}

describe('the bundled production server', () => {
  let world: FaultWorld;
  beforeAll(async () => {
    ensureServerBuilt();
    for (const name of codeCaches()) rmSync(path.join(DIST, name), { force: true });
    world = await FaultWorld.start('fault-drill');
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it('is what the bench and fault suites start', () => {
    expect(path.relative(REPO_ROOT, SERVER_ENTRY)).toBe(path.join('apps', 'server', 'dist', 'ttx-server.js'));
  });

  it('serves /health, a participant socket, the API docs and a report', async () => {
    const health = await world.api.call<{ status: string }>('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');

    const { admin, exercise, tokens } = await world.openExercise({ seats: { 'sl-gov': 'bundle check' } });
    const player = new Participant(world.server.url, tokens['sl-gov']);
    await player.join();
    const answer = await player.send('decision.submit', {
      decisionId: 'bundle-1',
      actions: [{ actionId: 'activate-hotline', targetId: 'northland-government' }],
      rationale: 'bundle',
    });
    expect(answer.ok).toBe(true);
    player.drop();

    const docs = await world.api.call<{ openapi?: string; paths?: Record<string, unknown> }>(
      'GET',
      '/api/docs-json',
    );
    expect(docs.status).toBe(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    expect(Object.keys(docs.body.paths ?? {})).toContain('/api/exercises/{id}/report');

    const report = await world.api.call<{ exercise?: { id?: string } }>(
      'GET',
      `/api/exercises/${exercise.id}/report?format=json`,
      undefined,
      admin,
    );
    expect(report.status).toBe(200);
    expect(JSON.stringify(report.body)).toContain(exercise.id);
  });

  it('validates in its worker thread: 60,000 keys refused at the node limit, thousands of problems cut to 200', async () => {
    const admin = await world.api.login();
    const keys = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, i) => `${prefix}${i}: ${i}`).join('\n');
    const yaml = { 'content-type': 'text/yaml', 'x-file-name': 'many-keys.yaml' };
    const tooLarge = await world.api.call<{ error: { code: string; message: string } }>(
      'POST',
      '/api/scenarios/validate',
      keys(60_000, 'k'),
      admin,
      yaml,
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error).toMatchObject({
      code: 'SCENARIO_TOO_LARGE',
      message: expect.stringMatching(/^many-keys\.yaml:25000:9: .*limit "nodes"/),
    });
    const many = await world.api.call<{ problems: unknown[]; omittedProblems: number }>(
      'POST',
      '/api/scenarios/validate',
      keys(5_000, 'field'),
      admin,
      yaml,
    );
    expect(many.status).toBe(200);
    expect([many.body.problems.length, many.body.omittedProblems]).toEqual([200, 4_811]);
  });

  it('writes the code cache once running, and the next start runs from it without writing it again', async () => {
    const [cache] = await until(
      () => (codeCaches().length > 0 ? codeCaches() : undefined),
      15_000,
      'no code cache was written',
    );
    const written = statSync(path.join(DIST, cache!));
    expect(written.size).toBeGreaterThan(1_000_000);

    await world.server.stop();
    await world.restart();
    expect((await world.api.call('GET', '/health')).status).toBe(200);
    // A rejected cache is rewritten two seconds after the start: the same file, untouched, means V8 took it.
    await sleep(4000);
    expect(codeCaches()).toEqual([cache]);
    const after = statSync(path.join(DIST, cache!));
    expect([after.ino, after.mtimeMs]).toEqual([written.ino, written.mtimeMs]);
  });
});
