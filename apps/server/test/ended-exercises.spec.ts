// Only live exercises stay in memory: the list comes from the database, an ended exercise is let go once nobody
// reads it and is read back exactly on demand (detail, events, report, codes, commands), and a restart loads only
// the exercises that have not ended.
import type {
  CommandResponse,
  CreateExerciseResponse,
  EventMessage,
  EventsResponse,
  ExerciseDetail,
  ExerciseSummary,
  HealthResponse,
  JoinResponse,
} from '@ttx/contracts';
import type { AarModel } from '@ttx/report';
import { ExercisesService } from '../src/exercises/exercises.service.js';
import { model } from './support/report-download.js';
import { databaseKinds, startTestServer, type TestClient, type TestDatabase } from './support/test-server.js';

const ENDED = 4;
/** Later than any idle bound: every ended exercise nobody is using is let go. */
const MUCH_LATER = 24 * 3_600_000;

interface Seen {
  detail: Omit<ExerciseDetail, 'clock'> & { clock: Omit<ExerciseDetail['clock'], 'serverTime'> };
  events: EventMessage[];
  report: AarModel;
}

const serviceOf = (client: TestClient) => client.server.app.get(ExercisesService);

/** An exercise of the drill with a decision, its findings, messages and an observation in its log; ended unless told. */
async function playedExercise(
  client: TestClient,
  controller: string,
  options: { end: boolean },
): Promise<string> {
  const created = (
    await client.http<CreateExerciseResponse>(
      'POST',
      '/api/exercises',
      { scenarioId: 'wire-drill' },
      controller,
    )
  ).body;
  const join = async (code: string, name: string) =>
    (await client.http<JoinResponse>('POST', '/api/join', { code, name })).body;
  await join(created.joinCodes['sl-gov']!, 'Vale');
  await join(created.joinCodes['sl-cert']!, 'Ives');
  await client.http('POST', `/api/exercises/${created.id}/start`, undefined, controller);
  await client.http(
    'POST',
    `/api/exercises/${created.id}/injects/d02-sl-intrusion/fire`,
    undefined,
    controller,
  );
  const { actor } = await serviceOf(client).get(created.id);
  const outcomes = await Promise.all([
    actor.submit({
      type: 'decision.submit',
      decisionId: `decision-${created.id}`,
      injectId: 'd02-sl-intrusion',
      teamId: 'sl-gov',
      actions: [{ actionId: 'activate-hotline', targetId: 'northland-government' }],
      rationale: 'Call them first.',
      actor: { role: 'player', id: 'Vale', teamId: 'sl-gov' },
    }),
    ...Array.from({ length: 30 }, (_, i) =>
      actor.submit({
        type: 'message.send',
        messageId: `m-${i}`,
        channelId: 'sl-room',
        teamId: 'sl-cert',
        text: `status ${i}`,
        actor: { role: 'player', id: 'Ives', teamId: 'sl-cert' },
      }),
    ),
  ]);
  if (!outcomes.every((o) => o.ok))
    throw new Error(`a command was refused: ${JSON.stringify(outcomes.find((o) => !o.ok))}`);
  if (options.end) await client.http('POST', `/api/exercises/${created.id}/end`, undefined, controller);
  // Evaluation goes on after the end.
  const adjusted = await client.http(
    'POST',
    `/api/exercises/${created.id}/adjustments`,
    { teamId: 'sl-gov', dimension: 'restraint', delta: 5, reason: 'Used the hotline at once.' },
    controller,
  );
  if (adjusted.status !== 200) throw new Error(`adjustment refused: ${JSON.stringify(adjusted.body)}`);
  return created.id;
}

async function allEvents(client: TestClient, id: string, token: string): Promise<EventMessage[]> {
  const events: EventMessage[] = [];
  for (let since = 0, more = true; more;) {
    const page = (
      await client.http<EventsResponse>(
        'GET',
        `/api/exercises/${id}/events?since=${since}&limit=50`,
        undefined,
        token,
      )
    ).body;
    events.push(...page.events);
    since = page.seq;
    more = page.more === true;
  }
  return events;
}

async function seen(client: TestClient, id: string, token: string): Promise<Seen> {
  const { clock, ...detail } = (
    await client.http<ExerciseDetail>('GET', `/api/exercises/${id}`, undefined, token)
  ).body;
  const { serverTime: _now, ...still } = clock;
  return {
    detail: { ...detail, clock: still },
    events: await allEvents(client, id, token),
    report: await model(client, id, token),
  };
}

const heldCount = async (client: TestClient) =>
  (await client.http<HealthResponse>('GET', '/health')).body.exercises;

describe.each(databaseKinds())('ended exercises on $name', ({ create }) => {
  let database: TestDatabase;
  let client: TestClient;
  let controller: string;
  let liveId: string;
  let endedIds: string[];
  const before = new Map<string, Seen>();
  let listed: ExerciseSummary[];

  beforeAll(async () => {
    database = create();
    client = await startTestServer(database, { TTX_RESTART_PAUSE_AFTER: '600' });
    controller = await client.login();
    liveId = await playedExercise(client, controller, { end: false });
    endedIds = [];
    for (let i = 0; i < ENDED; i += 1) endedIds.push(await playedExercise(client, controller, { end: true }));
    for (const id of [liveId, ...endedIds]) before.set(id, await seen(client, id, controller));
    listed = (await client.http<ExerciseSummary[]>('GET', '/api/exercises', undefined, controller)).body;
  }, 120_000);
  afterAll(async () => {
    await client?.close();
    await database?.cleanup();
  });

  it('lists every exercise with its status and last seq from the database', () => {
    expect(listed.map((e) => e.id).sort()).toEqual([liveId, ...endedIds].sort());
    for (const summary of listed) {
      const { detail } = before.get(summary.id)!;
      // The live exercise's clock may have released an inject since it was read.
      const seq = summary.id === liveId ? Math.max(detail.seq, summary.seq) : detail.seq;
      expect(summary).toEqual({
        id: detail.id,
        name: detail.name,
        scenarioId: 'wire-drill',
        scenarioTitle: detail.scenarioTitle,
        status: detail.status,
        createdAt: detail.createdAt,
        seq,
      });
    }
    expect(listed.find((e) => e.id === liveId)!.status).toBe('running');
    expect(listed.filter((e) => e.status === 'ended')).toHaveLength(ENDED);
  });

  it('lets ended exercises go once nobody reads them, and lists them without reading them back', async () => {
    const service = serviceOf(client);
    const { actor: liveActor } = await service.get(liveId);
    expect(service.evictEnded(Date.now() + MUCH_LATER)).toBeGreaterThan(0);
    for (const id of endedIds) expect(service.holds(id)).toBe(false);
    expect(await heldCount(client)).toBe(1);

    const again = (await client.http<ExerciseSummary[]>('GET', '/api/exercises', undefined, controller)).body;
    expect(again.filter((e) => e.id !== liveId)).toEqual(listed.filter((e) => e.id !== liveId));
    expect(again.find((e) => e.id === liveId)!.seq).toBe((await service.get(liveId)).actor.committedSeq);
    expect(await heldCount(client)).toBe(1);
    // The live exercise is the same actor, still running and taking commands.
    expect((await service.get(liveId)).actor).toBe(liveActor);
    for (const command of ['pause', 'resume']) {
      const answer = await client.http<CommandResponse>(
        'POST',
        `/api/exercises/${liveId}/${command}`,
        undefined,
        controller,
      );
      expect(answer.status).toBe(200);
    }
    before.set(liveId, await seen(client, liveId, controller));
  });

  it('reads an ended exercise back exactly: detail, every event, the review', async () => {
    for (const id of endedIds) {
      expect(serviceOf(client).holds(id)).toBe(false);
      expect(await seen(client, id, controller)).toEqual(before.get(id));
    }
  });

  it('holds a bounded number of ended exercises however many are read back', async () => {
    const service = serviceOf(client);
    service.evictEnded(Date.now() + MUCH_LATER);
    for (const id of endedIds) await client.http('GET', `/api/exercises/${id}`, undefined, controller);
    // Past the bound the least recently read goes, on the turn after its load.
    await new Promise((resolve) => setImmediate(resolve));
    const held = endedIds.filter((id) => service.holds(id));
    expect(held.length).toBeLessThan(ENDED);
    expect(held).toContain(endedIds[ENDED - 1]);
    expect(service.holds(liveId)).toBe(true);
  });

  it('passes a command that reaches a let-go exercise to the one read back, so its log stays one sequence', async () => {
    const service = serviceOf(client);
    const id = endedIds[0]!;
    const { actor: old } = await service.get(id);
    service.evictEnded(Date.now() + MUCH_LATER);
    expect(service.holds(id)).toBe(false);
    const outcome = await old.submit({
      type: 'observation.record',
      observationId: 'obs-after-end',
      objectiveId: 'obj-channels',
      rating: 'S',
      note: 'Hotline used first.',
      actor: { role: 'facilitator', id: 'Evaluator' },
    });
    expect(outcome.ok).toBe(true);
    const events = await allEvents(client, id, controller);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'observation.recorded')).toHaveLength(1);
    expect((await service.get(id)).actor).not.toBe(old);
    before.set(id, await seen(client, id, controller));
    // New join codes for an exercise read back work as for a live one.
    service.evictEnded(Date.now() + MUCH_LATER);
    const codes = await client.http<{ observerCode: string }>(
      'POST',
      `/api/exercises/${endedIds[1]}/codes`,
      undefined,
      controller,
    );
    expect(codes.status).toBe(201);
    expect(
      (await client.http('POST', '/api/join', { code: codes.body.observerCode, name: 'Late observer' }))
        .status,
    ).toBe(200);
  });

  it('after a restart holds only the live exercise, lists all, and reads the ended ones back exactly', async () => {
    await client.close();
    client = await startTestServer(database, { TTX_RESTART_PAUSE_AFTER: '600' });
    controller = await client.login();
    expect(await heldCount(client)).toBe(1);
    const afterRestart = (
      await client.http<ExerciseSummary[]>('GET', '/api/exercises', undefined, controller)
    ).body;
    expect(afterRestart.map((e) => e.id)).toEqual(listed.map((e) => e.id));
    expect(await heldCount(client)).toBe(1);
    for (const id of endedIds) expect(await seen(client, id, controller)).toEqual(before.get(id));
    const live = await client.http<ExerciseDetail>('GET', `/api/exercises/${liveId}`, undefined, controller);
    expect(live.body.clock.running).toBe(true);
    expect(live.body.seq).toBeGreaterThanOrEqual(before.get(liveId)!.detail.seq);
  });
});
