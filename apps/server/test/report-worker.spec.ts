// GET /api/exercises/:id/report on a 10,000-event log: the report worker leaves the server answering /health and
// fanning out injects while it builds, gives byte for byte what the library gives for the same log, answers
// concurrent requests, and is replaced when it fails under a request; a body failing late cuts the connection off.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { jest } from '@jest/globals';
import {
  type AarModel,
  buildAarModel,
  buildTeamDebrief,
  renderAarHtml,
  renderAarJson,
  renderAarPdf,
  renderDecisionsCsv,
  renderTimelineCsv,
} from '@ttx/report';
import { ExercisesService } from '../src/exercises/exercises.service.js';
import { ReportsService } from '../src/reports/reports.service.js';
import { drillExercise, fire, type DrillExercise, pausedWithMessages } from './support/exercise-setup.js';
import { download, model } from './support/report-download.js';
import {
  sqliteDatabase,
  startTestServer,
  type TestClient,
  type TestDatabase,
} from './support/test-server.js';

/** The fonts the report worker embeds when a report prints characters beyond WinAnsi. */
const fontFile = (name: string) =>
  readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`));
const fonts = { regular: fontFile('DejaVuSans.ttf'), bold: fontFile('DejaVuSans-Bold.ttf') };

describe('building a large report', () => {
  let database: TestDatabase;
  let client: TestClient;
  let drill: DrillExercise;

  /** The staff's review as the library builds it in this process, from the server's own log. */
  async function libraryModel(seq: number): Promise<AarModel> {
    const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
    const { scenario, catalogue, ruleSet } = actor.context;
    return buildAarModel({ scenario, catalogue, ruleSet, events: actor.events, asOf: { seq } });
  }

  /** One more event in the (paused) log, so that the next report has a review to build. */
  async function oneMoreMessage(n: number): Promise<void> {
    const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
    const sent = await actor.submit({
      type: 'message.send',
      messageId: `more-${n}`,
      channelId: 'sl-room',
      teamId: 'sl-cert',
      text: `one more ${n}`,
      actor: { role: 'player', id: 'Ives', teamId: 'sl-cert' },
    });
    expect(sent.ok).toBe(true);
  }

  beforeAll(async () => {
    database = sqliteDatabase();
    client = await startTestServer(database);
    drill = await drillExercise(client);
    await pausedWithMessages(client, drill, 10_000, (i) => `status report ${i}`);
    // Let this process's own clients take in the fan-out first, so that only the server is measured below.
    const { staff, observer, facilitator, slGov, slCert } = drill.sockets;
    for (const socket of [staff, observer, facilitator, slGov, slCert])
      await socket.waitFor((e) => e.type === 'message.sent' && e.payload.messageId === 'bulk-9999', 60_000);
  }, 120_000);
  afterAll(async () => {
    await client.close();
    await database.cleanup();
  });

  it('leaves the server answering /health and fanning out injects while it builds', async () => {
    let longestStall = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
    }, 5);
    const startedAt = performance.now();
    let reportDoneAt = 0;
    const report = download(client, drill.id, '?format=json', drill.controller).then((got) => {
      reportDoneAt = performance.now();
      return got;
    });
    let injectAt = 0;
    const fanOut = drill.sockets.nlGov.released('d06-late', 30_000).then((event) => {
      injectAt = performance.now();
      return event;
    });
    await fire(client, drill, 'd06-late');
    const health = await client.http<{ status: string }>('GET', '/health');
    const healthAt = performance.now();
    const inject = await fanOut;
    const got = await report;
    clearInterval(probe);

    expect(got.status).toBe(200);
    const aar = JSON.parse(got.text) as AarModel;
    expect(aar.timeline.entries.length).toBeGreaterThan(10_000);
    // The report is of the log as it stood when asked: the inject committed during the build is not in it.
    expect(aar.asOf.seq).toBeLessThan(inject.seq);
    expect(health.body.status).toBe('ok');
    // The report took long enough for the comparison to mean something (/health answers in a few ms), and the others
    // did not wait for it.
    expect(reportDoneAt - startedAt).toBeGreaterThan(100);
    expect(healthAt).toBeLessThan(reportDoneAt);
    expect(injectAt).toBeLessThan(reportDoneAt);
    // Built in the worker: no single stretch held this loop for more than a fraction of the build.
    expect(longestStall).toBeLessThan((reportDoneAt - startedAt) / 2);

    // The timeline CSV streamed from the worker is exactly the library's rendering.
    const now = await model(client, drill.id, drill.controller);
    expect(now.asOf.seq).toBe(inject.seq);
    const csv = await download(client, drill.id, '?format=csv&table=timeline', drill.controller);
    expect(csv.text).toBe(renderTimelineCsv(now));
    expect((await download(client, drill.id, '?format=csv', drill.controller)).text).toBe(
      renderDecisionsCsv(now),
    );
  }, 120_000);

  it('renders in the report worker, byte for byte, what the library renders from the same log', async () => {
    await oneMoreMessage(1);
    const json = await download(client, drill.id, '?format=json', drill.controller);
    const seq = (JSON.parse(json.text) as AarModel).asOf.seq;
    const expected = await libraryModel(seq);
    expect(expected.timeline.entries.length).toBeGreaterThan(10_000);
    expect(json.text).toBe(renderAarJson(expected));
    expect((await download(client, drill.id, '?format=html', drill.controller)).text).toBe(
      renderAarHtml(expected),
    );
    expect(
      (await download(client, drill.id, '?format=pdf', drill.controller)).bytes.equals(
        Buffer.from(await renderAarPdf(expected, { fonts })),
      ),
    ).toBe(true);
    const debrief = buildTeamDebrief(expected, 'sl-cert');
    if (!debrief.ok) throw new Error(debrief.error.message);
    expect((await download(client, drill.id, '?format=json', drill.tokens.slCert)).text).toBe(
      renderAarJson(debrief.model),
    );
  }, 60_000);

  it('answers concurrent requests for the same exercise, each in full', async () => {
    await oneMoreMessage(2);
    const queries: [string, string][] = [
      ['?format=json', drill.controller],
      ['?format=json', drill.tokens.observer],
      ['?format=pdf', drill.controller],
      ['?format=csv&table=timeline', drill.tokens.facilitator],
      ['?format=json', drill.tokens.slCert],
      ['?format=html', drill.controller],
    ];
    const got = await Promise.all(queries.map(([query, token]) => download(client, drill.id, query, token)));
    expect(got.map((g) => g.status)).toEqual(queries.map(() => 200));
    const expected = await libraryModel((JSON.parse(got[0]!.text) as AarModel).asOf.seq);
    expect([got[0]!.text, got[1]!.text]).toEqual([renderAarJson(expected), renderAarJson(expected)]);
    expect(got[2]!.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(got[3]!.text).toBe(renderTimelineCsv(expected));
    expect((JSON.parse(got[4]!.text) as AarModel).audience).toEqual({ kind: 'team', teamId: 'sl-cert' });
    expect(got[5]!.text).toBe(renderAarHtml(expected));
    // A HEAD request reads no body: the rendering it started is let go, not left waiting in the worker.
    const head = await fetch(`${client.url}/api/exercises/${drill.id}/report?format=json`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${drill.controller}` },
    });
    expect(head.status).toBe(200);
    const { worker } = client.server.app.get(ReportsService);
    for (let i = 0; i < 200 && worker.inFlight > 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(worker.inFlight).toBe(0);
  }, 60_000);

  it('answers a body that fails before its first byte with a coded error, and cuts one off that fails later', async () => {
    const { worker } = client.server.app.get(ReportsService);
    const failing = (first: Buffer | undefined) =>
      Readable.from(
        (async function* () {
          if (first) yield first;
          throw new Error('The report could not be built; ask again in a moment.');
        })(),
      );
    const render = jest.spyOn(worker, 'render');
    try {
      render.mockResolvedValueOnce({ fileName: 'x.pdf', byteLength: 100, body: failing(undefined) });
      const early = await download(client, drill.id, '?format=pdf', drill.controller);
      expect([
        early.status,
        early.headers.get('content-type'),
        early.headers.get('content-disposition'),
      ]).toEqual([500, 'application/json; charset=utf-8', null]);
      expect(JSON.parse(early.text).error).toEqual({
        code: 'INTERNAL',
        message: 'The report could not be built; ask again in a moment.',
      });
      render.mockResolvedValueOnce({
        fileName: 'x.pdf',
        byteLength: 100,
        body: failing(Buffer.from('%PDF-')),
      });
      await expect(download(client, drill.id, '?format=pdf', drill.controller)).rejects.toThrow();
    } finally {
      render.mockRestore();
    }
    expect((await download(client, drill.id, '?format=csv', drill.controller)).status).toBe(200);
  }, 60_000);

  it('stops a worker while it reads the log, again and again, without harm to the server', async () => {
    const { worker } = client.server.app.get(ReportsService);
    for (let round = 0; round < 10; round += 1) {
      await worker.restart('was stopped by the test');
      const asked = download(client, drill.id, '?format=json', drill.controller);
      while (worker.inFlight === 0) await new Promise((resolve) => setImmediate(resolve));
      // Somewhere in the reading of the log's two slices (a server shutting down, or a stalled worker, stops it so).
      await new Promise((resolve) => setTimeout(resolve, round * 25));
      await worker.restart('was stopped by the test');
      // Answered with a coded error, or cut off if its bytes had started to go out.
      expect([200, 500, 'cut off']).toContain(
        await asked.then(
          (answer) => answer.status,
          () => 'cut off',
        ),
      );
    }
    expect((await client.http('GET', '/health')).status).toBe(200);
  }, 60_000);

  it('answers a request whose worker fails under it with a coded error, and the next request starts another worker', async () => {
    const { worker } = client.server.app.get(ReportsService);
    // A fresh worker reads the whole log from the database, two slices, for the next report.
    await worker.restart('was stopped by the test');
    await oneMoreMessage(3);
    const asked = download(client, drill.id, '?format=pdf', drill.controller);
    while (worker.inFlight === 0) await new Promise((resolve) => setImmediate(resolve));
    const failing = worker.thread!;
    const exited = new Promise((resolve) => failing.once('exit', resolve));
    // The thread dies under the request (as one out of memory would).
    await failing.terminate();
    await exited;
    const failed = await asked;
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.text).error).toEqual({
      code: 'INTERNAL',
      message: 'The report could not be built; ask again in a moment.',
    });

    const again = await download(client, drill.id, '?format=json', drill.controller);
    expect(again.status).toBe(200);
    expect(worker.thread).toBeDefined();
    expect(worker.thread).not.toBe(failing);
    expect(again.text).toBe(renderAarJson(await libraryModel((JSON.parse(again.text) as AarModel).asOf.seq)));
  }, 60_000);
});
