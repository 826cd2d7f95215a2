// Downtime must not cost teams anything: after a long outage, or one a seen prompt's deadline fell inside, the
// exercise comes back paused where its clock stood when the server went down; after another short one, what fell
// due is released late with its whole deadline.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EventMessage, ExerciseDetail, ScoresResponse } from '@ttx/contracts';
import { drillExercise, type DrillExercise, restartSuite } from './support/exercise-setup.js';
import { type LiveSocket, sleep, type TestClient } from './support/test-server.js';

const SPEED = 60;
const SECOND = 1000;
/** At speed 60, d02 (out at 00:01) must be answered by 00:04 and d03 (due 00:03) by 00:06: one wall second a minute. */
const D03_DUE = 180_000;
const D03_ALLOWED = 180_000;

/** The wire drill with deadlines short enough to pass during a few seconds of downtime. */
function withShortDeadlines(dir: string): void {
  const file = path.join(dir, 'exercises/wire-drill/scenario.yaml');
  let text = readFileSync(file, 'utf8');
  const edit = (from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`the wire drill has no ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  };
  edit(
    '      deadline: "00:30"\n  - id: d03-nl-brief\n    at: "00:01"',
    '      deadline: "00:03"\n  - id: d03-nl-brief\n    at: "00:03"',
  );
  edit('      deadline: "00:30"', '      deadline: "00:03"');
  writeFileSync(file, text);
}

/** sl-gov's answer to d02: call Northland on the hotline. */
const callNorthland = (socket: LiveSocket, decisionId: string) =>
  socket.send('decision.submit', {
    decisionId,
    injectId: 'd02-sl-intrusion',
    actions: [{ actionId: 'activate-hotline', targetId: 'northland-government' }],
    rationale: 'Call them.',
  });

describe('restart after downtime on SQLite', () => {
  const suite = restartSuite({ perTest: true, folder: withShortDeadlines });

  /** Runs the drill on a first server until d02 is out and `beforeOutage` is done, closes it, keeps it down for at
   * least two seconds and until the wall time `upAt` gives, then starts a second server and reads its log and detail. */
  async function outage(
    pauseAfterSeconds: string,
    upAt: (startedAt: number, d02: EventMessage) => number,
    beforeOutage: (drill: DrillExercise) => Promise<void> = async () => undefined,
  ) {
    const env = { TTX_RESTART_PAUSE_AFTER: pauseAfterSeconds };
    const first = await suite.start(env);
    const drill = await drillExercise(first);
    const d02 = await drill.sockets.slGov.released('d02-sl-intrusion');
    await beforeOutage(drill);
    const startedAt = await startedAtOf(first, drill);
    await first.close();
    const closedAt = Date.now();
    await sleep(Math.max(2 * SECOND, upAt(startedAt, d02) - Date.now()));
    const second = await suite.start(env);
    const restartedAt = Date.now();
    const log = await eventsOf(second, drill.id, drill.controller);
    const detail = await second.http<ExerciseDetail>(
      'GET',
      `/api/exercises/${drill.id}`,
      undefined,
      drill.controller,
    );
    return { drill, d02, startedAt, closedAt, restartedAt, second, log, detail };
  }

  it('comes back paused, with the reason, where the clock stood when a long outage began; nobody misses a prompt', async () => {
    // d02's deadline (00:04), d03's time (00:03) and its deadline (00:06) all pass while the server is down.
    const { drill, startedAt, closedAt, second, log, detail } = await outage(
      '1',
      (startedAt) => startedAt + 7.5 * SECOND,
    );
    expect(detail.body.clock).toMatchObject({
      status: 'paused',
      running: false,
      pauseReason: 'server-restart',
    });
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
    expect(log.some((e) => e.type === 'inject.released' && e.payload.injectId === 'd03-nl-brief')).toBe(
      false,
    );

    // A player reconnecting sees why the clock stands; once the controller resumes, d02 can still be answered.
    const slGov = await second.connect({ token: drill.tokens.slGov });
    expect((await slGov.welcomed).clock).toMatchObject({ status: 'paused', pauseReason: 'server-restart' });
    expect(
      (await second.http('POST', `/api/exercises/${drill.id}/resume`, undefined, drill.controller)).status,
    ).toBe(200);
    expect(await callNorthland(slGov, 'sl-after-outage')).toMatchObject({ ok: true });
    await expectNoSilencePenalty(second, drill);
  });

  it('releases a prompt that fell due in a short outage late, with its deadline extended, and misses nothing', async () => {
    const { drill, second, log, detail } = await outage(
      '60',
      (startedAt) => startedAt + 7.5 * SECOND,
      async (drill) =>
        expect(await callNorthland(drill.sockets.slGov, 'sl-before-outage')).toMatchObject({ ok: true }),
    );
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
    const ack = await nlGov.decide('nl-after-outage', { inject: 'd03-nl-brief', action: 'request-consultations', target: 'southland-government' }, 'Talk.');
    expect(ack).toMatchObject({ ok: true });
    await expectNoSilencePenalty(second, drill);
  });

  it("comes back paused after a short outage that a seen prompt's deadline fell inside, so the team keeps the rest of its time", async () => {
    // sl-gov has read d02 (out at 00:01, due by 00:04) and not answered yet when the server goes down.
    const deadlineOf = (d02: EventMessage) =>
      d02.type === 'inject.released' ? d02.payload.decision!.deadline! : 0;
    // Far shorter than the 60 s threshold, but d02's deadline passes while the server is down.
    const { drill, d02, closedAt, restartedAt, second, log, detail } = await outage(
      '60',
      (startedAt, d02) => startedAt + deadlineOf(d02) / SPEED + 1.5 * SECOND,
    );
    const deadline = deadlineOf(d02);
    expect(restartedAt - closedAt).toBeLessThan(60 * SECOND);
    expect(log.filter((e) => e.type === 'inject.deadline-missed')).toEqual([]);
    const paused = log.at(-1)!;
    expect(paused.type === 'exercise.paused' && paused.payload.reason).toBe('server-restart');
    // The clock stands where it was when the server went down, before d02's deadline.
    expect(paused.exerciseTime).toBeLessThan(deadline);
    expect(detail.body.clock).toMatchObject({
      status: 'paused',
      running: false,
      pauseReason: 'server-restart',
    });

    // Resumed, sl-gov answers d02 within what was left of its time: no penalty for the outage.
    const slGov = await second.connect({ token: drill.tokens.slGov });
    await slGov.welcomed;
    expect(
      (await second.http('POST', `/api/exercises/${drill.id}/resume`, undefined, drill.controller)).status,
    ).toBe(200);
    expect(await callNorthland(slGov, 'sl-after-short-outage')).toMatchObject({ ok: true });
    const after = await eventsOf(second, drill.id, drill.controller);
    const decided = after.find(
      (e) => e.type === 'decision.submitted' && e.payload.decisionId === 'sl-after-short-outage',
    );
    expect(decided?.exerciseTime).toBeLessThan(deadline);
    expect(after.filter((e) => e.type === 'inject.deadline-missed')).toEqual([]);
    await expectNoSilencePenalty(second, drill);
  });
});

/** Every finding came from a decision: none scores a deadline that passed in silence. */
async function expectNoSilencePenalty(client: TestClient, drill: DrillExercise): Promise<void> {
  const scores = await client.http<ScoresResponse>(
    'GET',
    `/api/exercises/${drill.id}/scores`,
    undefined,
    drill.controller,
  );
  expect(scores.status).toBe(200);
  const fromSilence = scores.body.teams.flatMap((t) => t.findings.filter((f) => f.decisionId === undefined));
  expect(fromSilence).toEqual([]);
}

async function startedAtOf(client: TestClient, drill: DrillExercise): Promise<number> {
  const log = await eventsOf(client, drill.id, drill.controller);
  return log.find((e) => e.type === 'exercise.started')!.at;
}

async function eventsOf(client: TestClient, id: string, token: string): Promise<EventMessage[]> {
  const response = await client.http<{ events: EventMessage[] }>(
    'GET',
    `/api/exercises/${id}/events?since=0`,
    undefined,
    token,
  );
  if (response.status !== 200) throw new Error(`events: ${response.status}`);
  return response.body.events;
}
