// The report worker is sent an exercise's log as the JSON slices the database writes (as the event store reads a log
// at start), and only the slices it lacks: the reports are byte for byte the library's from the server's own log, on
// SQLite and PostgreSQL, a later report reads only the new events, and no read is left open on SQLite.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { jest } from '@jest/globals';
import { type AarModel, buildAarModel, renderAarJson, renderAarPdf } from '@ttx/report';
import { DataSource } from 'typeorm';
import { ExercisesService } from '../src/exercises/exercises.service.js';
import { ReportsService } from '../src/reports/reports.service.js';
import { drillExercise, type DrillExercise, pausedWithMessages } from './support/exercise-setup.js';
import { download } from './support/report-download.js';
import { databaseKinds, startTestServer, type TestClient, type TestDatabase } from './support/test-server.js';

/** The fonts the report worker embeds when a report prints characters beyond WinAnsi. */
const fontFile = (name: string) =>
  readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`));
const fonts = { regular: fontFile('DejaVuSans.ttf'), bold: fontFile('DejaVuSans-Bold.ttf') };

// Two slices of 5,000 seqs and part of a third.
const MESSAGES = 10_500;

describe.each(databaseKinds())('the report worker given the log on $name', ({ name, create }) => {
  let database: TestDatabase;
  let client: TestClient;
  let drill: DrillExercise;
  /** The [after, upTo] of every slice of the log read since it was emptied. */
  const sliceReads: [number, number][] = [];
  /** How each slice read came back: UTF-8 bytes the server moves to the worker, or a text it copies there. */
  const sliceForms = new Set<string>();

  async function libraryModel(seq: number): Promise<AarModel> {
    const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
    const { scenario, catalogue, ruleSet } = actor.context;
    return buildAarModel({ scenario, catalogue, ruleSet, events: actor.events, asOf: { seq } });
  }

  async function oneMoreMessage(messageId: string): Promise<void> {
    const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
    const sent = await actor.submit({
      type: 'message.send',
      messageId,
      channelId: 'sl-room',
      teamId: 'sl-cert',
      text: messageId,
      actor: { role: 'player', id: 'Ives', teamId: 'sl-cert' },
    });
    expect(sent.ok).toBe(true);
  }

  beforeAll(async () => {
    database = create();
    client = await startTestServer(database);
    drill = await drillExercise(client);
    await pausedWithMessages(client, drill, MESSAGES, (i) => `status "${i}" \\ é 🛰️`);
    const dataSource = client.server.app.get(DataSource);
    const query = dataSource.query.bind(dataSource);
    jest.spyOn(dataSource, 'query').mockImplementation(((sql: string, parameters?: unknown[]) => {
      if (/seq > .* AND seq <= /.test(sql) && parameters?.[0] === drill.id)
        sliceReads.push([Number(parameters[1]), Number(parameters[2])]);
      const rows = query(sql, parameters);
      if (/seq > .* AND seq <= /.test(sql))
        void rows.then((r: { events?: unknown }[]) => r.forEach((row) => sliceForms.add(row.events instanceof Uint8Array ? 'bytes' : typeof row.events)), () => undefined);
      return rows;
    }) as typeof dataSource.query);
  }, 120_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await client.close();
    await database.cleanup();
  });

  it('gives the whole log, and the report is the library’s', async () => {
    await client.server.app.get(ReportsService).worker.restart('was stopped by the test');
    sliceReads.length = 0;
    sliceForms.clear();
    const json = await download(client, drill.id, '?format=json', drill.controller);
    expect(json.status).toBe(200);
    const seq = (JSON.parse(json.text) as AarModel).asOf.seq;
    expect(seq).toBeGreaterThan(MESSAGES);
    const expected = await libraryModel(seq);
    expect(json.text).toBe(renderAarJson(expected));
    expect(sliceReads).toEqual([
      [0, 5000],
      [5000, 10000],
      [10000, seq],
    ]);
    // SQLite writes each slice as a BLOB, whose bytes go to the worker by transfer; pg as text.
    expect([...sliceForms]).toEqual([name === 'SQLite' ? 'bytes' : 'string']);
    expect(
      (await download(client, drill.id, '?format=pdf', drill.controller)).bytes.equals(
        Buffer.from(await renderAarPdf(expected, { fonts })),
      ),
    ).toBe(true);
    // The PDF of the same log position read nothing more.
    expect(sliceReads).toHaveLength(3);
  }, 60_000);

  it('gives a later report only the events since the last one', async () => {
    const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
    const before = actor.events.at(-1)!.seq;
    await oneMoreMessage('one-more');
    sliceReads.length = 0;
    sliceForms.clear();
    const json = await download(client, drill.id, '?format=json', drill.controller);
    expect(sliceReads).toEqual([[before, before + 1]]);
    expect(json.text).toBe(renderAarJson(await libraryModel(before + 1)));
  }, 60_000);

  it('gives a new worker the whole log again', async () => {
    await client.server.app.get(ReportsService).worker.restart('was stopped by the test');
    await oneMoreMessage('after-restart');
    sliceReads.length = 0;
    const json = await download(client, drill.id, '?format=csv&table=timeline', drill.controller);
    expect(json.status).toBe(200);
    // The server's note of what the worker held went with it: read from the start.
    expect(sliceReads[0]).toEqual([0, 5000]);
  }, 60_000);

  (name === 'SQLite' ? it : it.skip)(
    'leaves no read open on SQLite: the server’s next checkpoint empties the WAL',
    async () => {
      await oneMoreMessage('before-read');
      expect((await download(client, drill.id, '?format=csv', drill.controller)).status).toBe(200);
      await oneMoreMessage('after-read');
      const [checkpoint] = await client.server.app.get(DataSource).query('PRAGMA wal_checkpoint(TRUNCATE)');
      expect(checkpoint).toEqual({ busy: 0, log: 0, checkpointed: 0 });
    },
    60_000,
  );

  (name === 'SQLite' ? it : it.skip)(
    'answers a log the database cannot write exactly (a REAL time) with a coded error',
    async () => {
      await client.server.app
        .get(DataSource)
        .query(`UPDATE exercise_events SET at = at + 0.5 WHERE exercise_id = ? AND seq = 7000`, [drill.id]);
      await client.server.app.get(ReportsService).worker.restart('was stopped by the test');
      const json = await download(client, drill.id, '?format=json', drill.controller);
      expect(json.status).toBe(500);
      expect(JSON.parse(json.text).error).toEqual({
        code: 'INTERNAL',
        message: 'The report could not be built; ask again in a moment.',
      });
    },
    60_000,
  );
});
