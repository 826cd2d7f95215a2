// The platform around exercises: scenarios, validation, health, API docs, the web client and the schema migrations.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ScenarioDetail, ScenarioSummary, ValidateScenarioResponse } from '@ttx/contracts';
import { createDataSource, MIGRATIONS } from '../src/database/data-source.js';
import { serverSuite } from './support/exercise-setup.js';
import { sqliteDatabase, type TestClient, type TestDatabase, writeWebClient } from './support/test-server.js';

describe('the platform routes', () => {
  const suite = serverSuite({
    folder: (dir) => writeWebClient(dir, { 'assets/app.js': 'console.log("ttx")' }),
  });
  let database: TestDatabase;
  let client: TestClient;
  let controller: string;

  beforeAll(async () => {
    ({ client, database } = suite);
    controller = await client.login();
  });

  it('lists the scenarios loaded from the exercises folder and gives one with its catalogue', async () => {
    const list = await client.http<ScenarioSummary[]>('GET', '/api/scenarios', undefined, controller);
    expect(list.body.map((s) => s.id)).toEqual(['wire-drill']);
    expect(list.body[0]).toMatchObject({ ruleSetId: 'default', injectCount: 6, duration: 7_200_000 });
    const one = await client.http<ScenarioDetail>('GET', '/api/scenarios/wire-drill', undefined, controller);
    expect(one.body.scenario.teams.map((t) => t.id)).toEqual(['sl-gov', 'sl-cert', 'nl-gov']);
    expect(one.body.catalogue.actions.some((a) => a.id === 'activate-hotline')).toBe(true);
    expect((await client.http('GET', '/api/scenarios/nothing-here', undefined, controller)).status).toBe(404);
    expect((await client.http('GET', '/api/scenarios')).status).toBe(401);
  });

  it('validates an uploaded scenario as YAML, multipart or JSON and returns positioned problems', async () => {
    const broken =
      'schemaVersion: 1\nid: broken\nversion: "1.0"\ntitle: Broken\nsummary: s\nduration: "01:00"\nrules: default\nstates: []\n';
    const asYaml = await client.http<ValidateScenarioResponse>(
      'POST',
      '/api/scenarios/validate',
      broken,
      controller,
      {
        'content-type': 'text/yaml',
        'x-file-name': 'broken.yaml',
      },
    );
    expect(asYaml.status).toBe(200);
    expect(asYaml.body.valid).toBe(false);
    expect(asYaml.body.problems.length).toBeGreaterThan(0);
    expect(asYaml.body.problems[0]!.text).toMatch(/^broken\.yaml:\d+:\d+: /);

    const form = new FormData();
    form.append('file', new Blob([broken], { type: 'text/yaml' }), 'upload.yaml');
    const multipart = await fetch(`${client.url}/api/scenarios/validate`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${controller}` },
    });
    const viaForm = (await multipart.json()) as ValidateScenarioResponse;
    expect(viaForm.problems.map((p) => p.message)).toEqual(asYaml.body.problems.map((p) => p.message));

    const fixture = readFileSync(path.join(database.dir, 'exercises/wire-drill/scenario.yaml'), 'utf8');
    const valid = await client.http<ValidateScenarioResponse>(
      'POST',
      '/api/scenarios/validate',
      { files: [{ path: 'drill.yaml', text: fixture }] },
      controller,
    );
    expect(valid.body).toEqual({ valid: true, problems: [], scenarios: ['wire-drill'] });
  });

  it('answers /health, serves the API docs and the web client with its fallback', async () => {
    expect(await client.http('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const docs = await fetch(`${client.url}/api/docs`);
    expect([docs.status, await docs.text()]).toEqual([200, expect.stringContaining('swagger-ui')]);
    expect((await fetch(`${client.url}/api/docs/swagger-ui.css`)).headers.get('content-type')).toMatch(/css/);
    const openApi = (await (await fetch(`${client.url}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, { summary?: string; tags?: string[]; security?: unknown[] }>>;
    };
    expect(openApi.paths['/api/exercises/{id}/start']?.post).toMatchObject({
      summary: expect.stringMatching(/\w/),
      tags: [expect.any(String)],
      security: [{ bearer: [] }],
    });
    expect(openApi.paths['/health']?.get?.summary).toMatch(/\w/);
    const spa = await fetch(`${client.url}/control/ex-anything`);
    expect(await spa.text()).toContain('<title>TTX</title>');
    expect(await (await fetch(`${client.url}/assets/app.js`)).text()).toContain('ttx');
    expect((await client.http('GET', '/api/nothing')).body).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('the schema migrations', () => {
  it('apply and revert cleanly', async () => {
    const database = sqliteDatabase();
    const dataSource = createDataSource({ kind: 'sqlite', file: path.join(database.dir, 'migrate.sqlite') });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
      const tables = async () =>
        (
          (await dataSource.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'migrations' ORDER BY name",
          )) as { name: string }[]
        ).map((t) => t.name);
      expect(await tables()).toEqual(['access_codes', 'exercise_events', 'exercises', 'users']);
      const exerciseColumns = async () =>
        ((await dataSource.query('PRAGMA table_info(exercises)')) as { name: string }[]).map((c) => c.name);
      expect(await exerciseColumns()).toContain('clock_seen_at');
      // Undone one by one, newest first: the exercises table loses clock_seen_at before the first schema drops it.
      let withoutClockSeenAt = false;
      for (let i = 0; i < MIGRATIONS.length; i += 1) {
        await dataSource.undoLastMigration();
        if ((await tables()).includes('exercises') && !(await exerciseColumns()).includes('clock_seen_at'))
          withoutClockSeenAt = true;
      }
      expect(withoutClockSeenAt).toBe(true);
      expect(await tables()).toEqual([]);
    } finally {
      await dataSource.destroy();
      await database.cleanup();
    }
  });
});
