// Downtime must not cost teams anything: after a long outage, or one a seen prompt's deadline fell inside, the
// exercise comes back paused where its clock stood when the server went down; after another short one, what fell
// due is released late with its whole deadline.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EventMessage, ExerciseDetail, ScoresResponse } from '@ttx/contracts';
import { drillExercise, type DrillExercise } from './support/exercise-setup.js';
import { sleep, sqliteDatabase, startTestServer, type TestClient, type TestDatabase } from './support/test-server.js';

const SPEED = 60;
const SECOND = 1000;
/** At speed 60, d02 (out at 00:01) must be answered by 00:04 and d03 (due 00:03) by 00:06: one wall second a minute. */
const D03_DUE = 180_000;
const D03_ALLOWED = 180_000;

/** The wire drill with deadlines short enough to pass during a few seconds of downtime. */
function withShortDeadlines(database: TestDatabase): void {
  const file = path.join(database.dir, 'exercises/wire-drill/scenario.yaml');
  let text = readFileSync(file, 'utf8');
  const edit = (from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`the wire drill has no ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  };
  edit('      deadline: "00:30"\n  - id: d03-nl-brief\n    at: "00:01"', '      deadline: "00:03"\n  - id: d03-nl-brief\n    at: "00:03"');
  edit('      deadline: "00:30"', '      deadline: "00:03"');
  writeFileSync(file, text);
}

describe('restart after downtime on SQLite', () => {
  let database: TestDatabase;
  let clients: TestClient[] = [];
  const start = async (pauseAfterSeconds: string) => {
    const client = await startTestServer(database, { TTX_RESTART_PAUSE_AFTER: pauseAfterSeconds });
    clients.push(client);
    return client;
  };

  beforeEach(() => {
    database = sqliteDatabase();
    withShortDeadlines(database);
  });
  afterEach(async () => {
    for (const client of clients) await client.close().catch(() => undefined);
    clients = [];
    await database.cleanup();
  });

  it('comes back paused, with the reason, where the clock stood when a long outage began; nobody misses a prompt', async () => {
    const first = await start('1');
    const drill = await drillExercise(first);
    await drill.sockets.slGov.released('d02-sl-intrusion');
    const startedAt = await startedAtOf(first, drill);
    await first.close();
    const closedAt = Date.now();
    // d02's deadline (00:04), d03's time (00:03) and its deadline (00:06) all pass while the server is down.
    await sleep(Math.max(2 * SECOND, startedAt + 7.5 * SECOND - Date.now()));

    const second = await start('1');
    const log = await eventsOf(second, drill.id, drill.controller);
    const detail = await second.http<ExerciseDetail>('GET', `/api/exercises/${drill.id}`, undefined, drill.controller);
    expect(detail.body.clock).toMatchObject({ status: 'paused', running: false, pauseReason: 'server-restart' });
    const paused = log.at(-1)!;
    expect(paused.type === 'exercise.paused' && paused.payload.reason).toBe('server-restart');
    const downSince = paused.type === 'exercise.paused' ? paused.payload.downSince! : 0;
    // A clean stop records the heartbeat last: the outage began when the first server closed.
    expect(downSince).toBeGreaterThan(closedAt - 1500);
    expect(downSince).toBeLessThanOrEqual(closedAt);
    expect(paused.at).toBeGreaterThan(closedAt + 2 * SECOND);
    // No exercise time passed during the outage: the clock stands where it showed at downSince.
    expect(Math.abs(paused.exerciseTime - (downSince - startedAt) * SPEED)).toBeLessThanOrEqual(SPEED);
    expect(detail.body.clock.exerciseTime).toBe(paused.exerciseTime);
    expect(log.filter((e) => e.type === 'inject.deadline-missed')).toEqual([]);
    expect(log.some((e) => e.type === 'inject.released' && e.payload.injectId === 'd03-nl-brief')).toBe(false);

    // A player reconnecting sees why the clock stands; once the controller resumes, d02 can still be answered.
    const slGov = await second.connect({ token: drill.tokens.slGov });
    expect((await slGov.welcomed).clock).toMatchObject({ status: 'paused', pauseReason: 'server-restart' });
    expect((await second.http('POST', `/api/exercises/${drill.id}/resume`, undefined, drill.controller)).status).toBe(200);
    const ack = await slGov.send('decision.submit', {
      decisionId: 'sl-after-outage',
      injectId: 'd02-sl-intrusion',
      actions: [{ actionId: 'activate-hotline', targetId: 'northland-government' }],
      rationale: 'Call them.',
    });
    expect(ack).toMatchObject({ ok: true });
    await expectNoSilencePenalty(second, drill);
  });

  it('releases a prompt that fell due in a short outage late, with its deadline extended, and misses nothing', async () => {
    const first = await start('60');
    const drill = await drillExercise(first);
    await drill.sockets.slGov.released('d02-sl-intrusion');
    const answered = await drill.sockets.slGov.send('decision.submit', {
      decisionId: 'sl-before-outage',
      injectId: 'd02-sl-intrusion',
      actions: [{ actionId: 'activate-hotline', targetId: 'northland-government' }],
      rationale: 'Call them.',
    });
    expect(answered).toMatchObject({ ok: true });
    const startedAt = await startedAtOf(first, drill);
    await first.close();
    await sleep(Math.max(2 * SECOND, startedAt + 7.5 * SECOND - Date.now()));

    const second = await start('60');
    const log = await eventsOf(second, drill.id, drill.controller);
    const detail = await second.http<ExerciseDetail>('GET', `/api/exercises/${drill.id}`, undefined, drill.controller);
    expect(detail.body.clock).toMatchObject({ status: 'running', running: true });
    expect(detail.body.clock.pauseReason).toBeUndefined();
    const d03 = log.find((e) => e.type === 'inject.released' && e.payload.injectId === 'd03-nl-brief');
    expect(d03?.exerciseTime).toBe(D03_DUE);
    const released = d03?.type === 'inject.released' ? d03.payload : undefined;
    // Released after the deadline it would have had: it gets its whole allowance from the moment it came out.
    expect(released?.lateBy).toBeGreaterThan(D03_ALLOWED);
    expect(released?.decision?.deadline).toBe(D03_DUE + released!.lateBy! + D03_ALLOWED);
    expect(log.filter((e) => e.type === 'inject.deadline-missed')).toEqual([]);

    const nlGov = await second.connect({ token: drill.tokens.nlGov });
    const ack = await nlGov.send('decision.submit', {
      decisionId: 'nl-after-outage',
      injectId: 'd03-nl-brief',
      actions: [{ actionId: 'request-consultations', targetId: 'southland-government' }],
      rationale: 'Talk.',
    });
    expect(ack).toMatchObject({ ok: true });
    await expectNoSilencePenalty(second, drill);
  });

  it('comes back paused after a short outage that a seen prompt\'s deadline fell inside, so the team keeps the rest of its time', async () => {
    const first = await start('60');
    const drill = await drillExercise(first);
    // sl-gov has read d02 (out at 00:01, due by 00:04) and not answered yet when the server goes down.
    const seen = await drill.sockets.slGov.released('d02-sl-intrusion');
    const deadline = seen.type === 'inject.released' ? seen.payload.decision!.deadline! : 0;
    const startedAt = await startedAtOf(first, drill);
    await first.close();
    const closedAt = Date.now();
    // Far shorter than the 60 s threshold, but d02's deadline passes while the server is down.
    await sleep(Math.max(2 * SECOND, startedAt + deadline / SPEED + 1.5 * SECOND - Date.now()));

    const second = await start('60');
    const restartedAt = Date.now();
    expect(restartedAt - closedAt).toBeLessThan(60 * SECOND);
    const log = await eventsOf(second, drill.id, drill.controller);
    expect(log.filter((e) => e.type === 'inject.deadline-missed')).toEqual([]);
    const paused = log.at(-1)!;
    expect(paused.type === 'exercise.paused' && paused.payload.reason).toBe('server-restart');
    // The clock stands where it was when the server went down, before d02's deadline.
    expect(paused.exerciseTime).toBeLessThan(deadline);
    const detail = await second.http<ExerciseDetail>('GET', `/api/exercises/${drill.id}`, undefined, drill.controller);
    expect(detail.body.clock).toMatchObject({ status: 'paused', running: false, pauseReason: 'server-restart' });

    // Resumed, sl-gov answers d02 within what was left of its time: no penalty for the outage.
    const slGov = await second.connect({ token: drill.tokens.slGov });
    await slGov.welcomed;
    expect((await second.http('POST', `/api/exercises/${drill.id}/resume`, undefined, drill.controller)).status).toBe(200);
    const ack = await slGov.send('decision.submit', {
      decisionId: 'sl-after-short-outage',
      injectId: 'd02-sl-intrusion',
      actions: [{ actionId: 'activate-hotline', targetId: 'northland-government' }],
      rationale: 'Call them.',
    });
    expect(ack).toMatchObject({ ok: true });
    const after = await eventsOf(second, drill.id, drill.controller);
    const decided = after.find((e) => e.type === 'decision.submitted' && e.payload.decisionId === 'sl-after-short-outage');
    expect(decided?.exerciseTime).toBeLessThan(deadline);
    expect(after.filter((e) => e.type === 'inject.deadline-missed')).toEqual([]);
    await expectNoSilencePenalty(second, drill);
  });
});

/** Every finding came from a decision: none scores a deadline that passed in silence. */
async function expectNoSilencePenalty(client: TestClient, drill: DrillExercise): Promise<void> {
  const scores = await client.http<ScoresResponse>('GET', `/api/exercises/${drill.id}/scores`, undefined, drill.controller);
  expect(scores.status).toBe(200);
  const fromSilence = scores.body.teams.flatMap((t) => t.findings.filter((f) => f.decisionId === undefined));
  expect(fromSilence).toEqual([]);
}

async function startedAtOf(client: TestClient, drill: DrillExercise): Promise<number> {
  const log = await eventsOf(client, drill.id, drill.controller);
  return log.find((e) => e.type === 'exercise.started')!.at;
}

async function eventsOf(client: TestClient, id: string, token: string): Promise<EventMessage[]> {
  const response = await client.http<{ events: EventMessage[] }>('GET', `/api/exercises/${id}/events?since=0`, undefined, token);
  if (response.status !== 200) throw new Error(`events: ${response.status}`);
  return response.body.events;
}
