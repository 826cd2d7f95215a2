// The demo exercise: a first start on an empty database creates one exercise of the showcase scenario and prints
// its address and join codes once; later starts and TTX_DEMO=0 create none.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExerciseSummary, JoinResponse } from '@ttx/contracts';
import { loadConfig } from '../src/config/ttx-config.js';
import { startBanner } from '../src/start-banner.js';
import { databaseKinds, sqliteDatabase, startTestServer, type TestClient, type TestDatabase } from './support/test-server.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function exercisesOf(client: TestClient): Promise<ExerciseSummary[]> {
  const listed = await client.http<ExerciseSummary[]>('GET', '/api/exercises', undefined, await client.login());
  expect(listed.status).toBe(200);
  return listed.body;
}

describe.each(databaseKinds())('the demo exercise on $name', ({ create }) => {
  let database: TestDatabase;
  const clients: TestClient[] = [];

  beforeAll(() => {
    database = create();
    cpSync(path.join(repoRoot, 'exercises/grid-dark-winter'), path.join(database.dir, 'exercises/grid-dark-winter'), { recursive: true });
  });
  afterAll(async () => {
    for (const client of clients) await client.close().catch(() => undefined);
    await database.cleanup();
  });

  it('is created once, of grid-dark-winter, on a fresh database, with codes that open its seats', async () => {
    const first = await startTestServer(database, { TTX_DEMO: '1' });
    clients.push(first);
    const demo = first.server.demoExercise!;
    expect(demo).toMatchObject({ scenarioId: 'grid-dark-winter', controlPath: `/control/${demo.id}` });
    expect(demo.name).toMatch(/\(demo\)$/);
    const listed = await exercisesOf(first);
    expect(listed.map((e) => [e.id, e.name, e.scenarioId])).toEqual([[demo.id, demo.name, 'grid-dark-winter']]);

    const [team] = demo.teams;
    const player = await first.http<JoinResponse>('POST', '/api/join', { code: team!.code, name: 'Vale' });
    expect(player.body).toMatchObject({ exerciseId: demo.id, role: 'player', teamId: team!.teamId });
    const facilitator = await first.http<JoinResponse>('POST', '/api/join', { code: demo.facilitatorCode });
    expect(facilitator.body).toMatchObject({ exerciseId: demo.id, role: 'facilitator' });
    const observer = await first.http<JoinResponse>('POST', '/api/join', { code: demo.observerCode });
    expect(observer.body).toMatchObject({ exerciseId: demo.id, role: 'observer' });

    const banner = startBanner(first.server, loadConfig({ ...database.env, TTX_SECRET: 'x'.repeat(32), TTX_EXERCISES_DIR: path.join(database.dir, 'exercises') }));
    expect(banner).toContain(`Demo exercise: ${demo.name}`);
    expect(banner).toContain(`${first.url}/control/${demo.id}`);
    for (const seat of demo.teams) expect(banner).toMatch(new RegExp(`\\n {6}${seat.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +${seat.code}\\n`));
    expect(banner).toMatch(new RegExp(`\\n {6}Facilitator +${demo.facilitatorCode}\\n`));
    expect(banner).toMatch(new RegExp(`\\n {6}Observer +${demo.observerCode}\\n`));
    await first.close();
    clients.pop();

    const second = await startTestServer(database, { TTX_DEMO: '1' });
    clients.push(second);
    expect(second.server.demoExercise).toBeUndefined();
    expect((await exercisesOf(second)).map((e) => e.id)).toEqual([demo.id]);
    expect(startBanner(second.server, loadConfig({ TTX_SECRET: 'x'.repeat(32) }))).not.toContain('Demo exercise');
  });
});

describe('without the demo exercise', () => {
  const clients: TestClient[] = [];
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const client of clients) await client.close().catch(() => undefined);
    for (const database of databases) await database.cleanup();
  });

  it('creates none when TTX_DEMO=0', async () => {
    const database = sqliteDatabase();
    databases.push(database);
    const client = await startTestServer(database, { TTX_DEMO: '0' });
    clients.push(client);
    expect(client.server.demoExercise).toBeUndefined();
    expect(await exercisesOf(client)).toEqual([]);
  });

  it('falls back to the first valid scenario when grid-dark-winter is not in the library', async () => {
    const database = sqliteDatabase();
    databases.push(database);
    const client = await startTestServer(database, { TTX_DEMO: '1' });
    clients.push(client);
    expect(client.server.demoExercise?.scenarioId).toBe('wire-drill');
    expect((await exercisesOf(client)).map((e) => e.scenarioId)).toEqual(['wire-drill']);
  });

  it('refuses a TTX_DEMO other than 0 or 1 with a message that says which', () => {
    expect(() => loadConfig({ TTX_DEMO: 'maybe', TTX_SECRET: 'x'.repeat(32) })).toThrow(/TTX_DEMO: must be 0 \(no demo exercise\) or 1/);
  });
});
