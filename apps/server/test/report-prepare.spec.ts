// The report worker is started ahead of the first report. When an exercise ends, it builds its final review at once,
// so that the report facilitators ask for at the hot wash is rendered from a review already held; what they then
// download is the library's report of the whole log, and a preparation that fails costs nothing but a log line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import { buildAarModel, renderAarJson } from '@ttx/report';
import { ExercisesService } from '../src/exercises/exercises.service.js';
import type { RenderedReport, ReportRequest } from '../src/reports/report-pool.js';
import { ReportsService } from '../src/reports/reports.service.js';
import { drillSuite } from './support/exercise-setup.js';
import { download } from './support/report-download.js';

describe('preparing the review when an exercise ends', () => {
  const suite = drillSuite();

  it('has the report worker started a moment after the server is up, before any report is asked for', async () => {
    const { worker } = suite.client.server.app.get(ReportsService);
    const deadline = Date.now() + 10_000;
    while (!worker.thread && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(worker.thread).toBeDefined();
    expect(worker.inFlight).toBe(0);
  });

  // Linux: the report worker's thread runs at nice 10 and the server's event loop (the process's main thread) at 0.
  // Elsewhere there is no /proc to read it from, and the worker keeps the server's priority.
  (existsSync('/proc/thread-self') ? it : it.skip)(
    "runs the report worker at a lower CPU priority than the server's event loop",
    async () => {
      const { worker } = suite.client.server.app.get(ReportsService);
      // A thread that ends between listing and reading has no nice value to count.
      const niceOf = (tid: string) => {
        try {
          return Number(
            readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
              .replace(/^.*\) /, '')
              .split(' ')[16],
          );
        } catch {
          return Number.NaN;
        }
      };
      const lowered = () => readdirSync('/proc/self/task').filter((tid) => niceOf(tid) === 10).length;
      await worker.restart('was stopped by the test');
      expect(lowered()).toBe(0);
      worker.warm();
      const deadline = Date.now() + 10_000;
      while (lowered() === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lowered()).toBe(1);
      expect(niceOf(String(process.pid))).toBe(0);
    },
  );

  it('asks the worker for the review of the ended log, lets the rendering go, and serves the same review after', async () => {
    const { client, drill } = suite;
    const { worker } = client.server.app.get(ReportsService);
    const asked: ReportRequest[] = [];
    const rendered: Promise<RenderedReport>[] = [];
    const original = worker.render.bind(worker);
    const render = jest.spyOn(worker, 'render').mockImplementation((request) => {
      asked.push(request);
      const report = original(request);
      rendered.push(report);
      return report;
    });
    try {
      const ended = await client.http('POST', `/api/exercises/${drill.id}/end`, undefined, drill.controller);
      expect(ended.status).toBe(200);
      while (asked.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
      const [prepared] = asked;
      expect(prepared.exerciseId).toBe(drill.id);
      expect(prepared.format).toBe('json');
      expect(prepared.teamId).toBeUndefined();
      expect(prepared.events[prepared.count - 1].type).toBe('exercise.ended');
      const report = await rendered[0];
      // Let go after its first chunk: the worker writes no more of the JSON.
      await new Promise((resolve) => setImmediate(resolve));
      expect(report.body.destroyed).toBe(true);
      for (let i = 0; i < 200 && worker.inFlight > 0; i += 1)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(worker.inFlight).toBe(0);

      const got = await download(client, drill.id, '?format=json', drill.controller);
      expect(got.status).toBe(200);
      const { scenario, catalogue, ruleSet } = actor.context;
      const seq = actor.events[actor.events.length - 1].seq;
      expect(got.text).toBe(
        renderAarJson(buildAarModel({ scenario, catalogue, ruleSet, events: actor.events, asOf: { seq } })),
      );
    } finally {
      render.mockRestore();
    }
  }, 60_000);

  it('logs a preparation that fails and leaves the next report to build the review', async () => {
    const { client, drill } = suite;
    const reports = client.server.app.get(ReportsService);
    const render = jest
      .spyOn(reports.worker, 'render')
      .mockRejectedValueOnce(new Error('the worker is gone'));
    try {
      await expect(reports.prepare(drill.id)).resolves.toBeUndefined();
    } finally {
      render.mockRestore();
    }
    expect((await download(client, drill.id, '?format=pdf', drill.controller)).status).toBe(200);
  }, 60_000);
});
