// The report worker reads an exercise's log from the database itself, as the JSON slices the event store reads at
// start, instead of the server copying the log over to it: the server sends nothing of the log, the reports are byte
// for byte the library's from the server's own log, and a slice the database cannot write exactly (a REAL time on
// SQLite) is the one the server sends, from its log, as is the whole log when the worker cannot open the database.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { jest } from '@jest/globals';
import type { ExerciseEvent } from '@ttx/engine';
import { type AarModel, buildAarModel, renderAarJson, renderAarPdf } from '@ttx/report';
import { DataSource } from 'typeorm';
import { ExercisesService } from '../src/exercises/exercises.service.js';
import { ReportWorkerClient } from '../src/reports/report-worker-client.js';
import type { ToReportWorker } from '../src/reports/report-worker-protocol.js';
import { ReportsService } from '../src/reports/reports.service.js';
import { drillExercise, type DrillExercise, pausedWithMessages } from './support/exercise-setup.js';
import { download } from './support/report-download.js';
import { databaseKinds, startTestServer, type TestClient, type TestDatabase } from './support/test-server.js';

/** The fonts the report worker embeds when a report prints characters beyond WinAnsi. */
const fontFile = (name: string) => readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`));
const fonts = { regular: fontFile('DejaVuSans.ttf'), bold: fontFile('DejaVuSans-Bold.ttf') };

// Two slices of 5,000 seqs and part of a third.
const MESSAGES = 10_500;

describe.each(databaseKinds())('the report worker reading the log on $name', ({ name, create }) => {
  let database: TestDatabase;
  let client: TestClient;
  let drill: DrillExercise;
  const posted: ToReportWorker[] = [];

  async function libraryModel(seq: number): Promise<AarModel> {
    const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
    const { scenario, catalogue, ruleSet } = actor.context;
    return buildAarModel({ scenario, catalogue, ruleSet, events: actor.events, asOf: { seq } });
  }

  /** The seqs of the events the server sent the worker in messages of `type` since `posted` was emptied. */
  function sentSeqs(type: 'append' | 'supplied'): number[] {
    return posted.flatMap((m) => (m.type === type ? m.events.map((e: ExerciseEvent) => e.seq) : []));
  }

  beforeAll(async () => {
    database = create();
    client = await startTestServer(database);
    drill = await drillExercise(client);
    await pausedWithMessages(client, drill, MESSAGES, (i) => `status "${i}" \\ é 🛰️`);
    const original = Worker.prototype.postMessage;
    jest.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, message: unknown, transfer?: Parameters<Worker['postMessage']>[1]) {
      posted.push(message as ToReportWorker);
      return original.call(this, message, transfer);
    });
  }, 120_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await client.close();
    await database.cleanup();
  });

  it('reads the whole log itself: the server sends none of it, and the report is the library’s', async () => {
    posted.length = 0;
    const json = await download(client, drill.id, '?format=json', drill.controller);
    expect(json.status).toBe(200);
    const seq = (JSON.parse(json.text) as AarModel).asOf.seq;
    expect(seq).toBeGreaterThan(MESSAGES);
    const expected = await libraryModel(seq);
    expect(json.text).toBe(renderAarJson(expected));
    expect((await download(client, drill.id, '?format=pdf', drill.controller)).bytes.equals(Buffer.from(await renderAarPdf(expected, { fonts })))).toBe(true);
    expect(posted.map((m) => m.type).filter((t) => t !== 'pull')).toEqual(['hold', 'render', 'render']);
  }, 60_000);

  (name === 'SQLite' ? it : it.skip)('leaves no read open on SQLite: the server’s next checkpoint empties the WAL', async () => {
    const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
    const message = (messageId: string) => actor.submit({ type: 'message.send', messageId, channelId: 'sl-room', teamId: 'sl-cert', text: messageId, actor: { role: 'player', id: 'Ives', teamId: 'sl-cert' } });
    // The worker reads the new event (from the WAL), then the server writes another.
    expect((await message('before-read')).ok).toBe(true);
    expect((await download(client, drill.id, '?format=csv', drill.controller)).status).toBe(200);
    expect((await message('after-read')).ok).toBe(true);
    const [checkpoint] = await client.server.app.get(DataSource).query('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(checkpoint).toEqual({ busy: 0, log: 0, checkpointed: 0 });
  }, 60_000);

  (name === 'SQLite' ? it : it.skip)('takes a slice the database cannot write exactly from the server’s log', async () => {
    const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
    const last = actor.events.at(-1)!.seq;
    // A REAL time (the engine writes whole milliseconds) in the second slice: SQLite's text of it may not be exact.
    await client.server.app.get(DataSource).query(`UPDATE exercise_events SET at = at + 0.5 WHERE exercise_id = ? AND seq = 7000`, [drill.id]);
    // A new worker reads the log from the start.
    const { worker } = client.server.app.get(ReportsService);
    await worker.restart('was stopped by the test');
    posted.length = 0;
    const json = await download(client, drill.id, '?format=json', drill.controller);
    expect(json.status).toBe(200);
    expect(json.text).toBe(renderAarJson(await libraryModel(last)));
    expect(sentSeqs('append')).toEqual([]);
    expect(sentSeqs('supplied')).toEqual(Array.from({ length: 5000 }, (_, i) => 5001 + i));
  }, 60_000);

  (name === 'SQLite' ? it : it.skip)('has the server send the whole log when the worker cannot open the database', async () => {
    const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
    const { scenario, catalogue, ruleSet } = actor.context;
    const unreachable = new ReportWorkerClient({ database: { kind: 'sqlite', file: `${database.dir}/no-such-folder/ttx.sqlite`, table: 'exercise_events' } });
    try {
      posted.length = 0;
      const events = actor.events;
      const report = await unreachable.render({ exerciseId: drill.id, context: { scenario, catalogue, ruleSet }, events, count: events.length, format: 'json', table: 'decisions' });
      const chunks: Buffer[] = [];
      for await (const chunk of report.body) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).toString('utf8')).toBe(renderAarJson(await libraryModel(events.at(-1)!.seq)));
      expect(sentSeqs('supplied')).toEqual(events.map((e) => e.seq));
    } finally {
      await unreachable.close();
    }
  }, 60_000);
});
