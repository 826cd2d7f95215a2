// A whole exercise over the wire: create, join, start, injects on time, decisions scored, pause, resume, end.
import type { JoinResponse } from '@ttx/contracts';
import { createExercise, serverSuite } from './support/exercise-setup.js';
import { databaseKinds, sleep, type TestClient } from './support/test-server.js';

describe.each(databaseKinds())('an exercise over HTTP and Socket.IO on $name', ({ create }) => {
  const suite = serverSuite({ database: create });
  let client: TestClient;

  beforeAll(() => {
    ({ client } = suite);
  });

  it('runs from creation to the end: injects arrive on time, decisions are acknowledged and scored', async () => {
    const controller = await client.login();
    const { id, joinCodes, observerCode } = await createExercise(client, controller);
    expect(Object.keys(joinCodes).sort()).toEqual(['nl-gov', 'sl-cert', 'sl-gov']);
    expect(joinCodes['sl-gov']).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);

    const join = async (code: string, name: string) =>
      (await client.http<JoinResponse>('POST', '/api/join', { code, name })).body;
    const sl = await join(joinCodes['sl-gov']!, 'Minister Vale');
    const nl = await join(joinCodes['nl-gov']!, 'Chancellor Roe');
    const observer = await join(observerCode, 'Evaluator');
    expect(sl).toMatchObject({ exerciseId: id, role: 'player', teamId: 'sl-gov' });
    expect(observer).toMatchObject({ exerciseId: id, role: 'observer' });

    const staffSocket = await client.connect({ token: controller, exerciseId: id });
    const slSocket = await client.connect({ token: sl.token });
    const nlSocket = await client.connect({ token: nl.token });

    const started = await client.http<{ ok: boolean; seq: number }>(
      'POST',
      `/api/exercises/${id}/start`,
      undefined,
      controller,
    );
    expect(started.status).toBe(200);
    const startedAt = Date.now();

    // At speed 60, "00:01" is one second of wall time after the start.
    const intrusion = await slSocket.released('d02-sl-intrusion', 5000);
    expect(intrusion.exerciseTime).toBe(60_000);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(900);
    await nlSocket.released('d03-nl-brief', 5000);

    const ack = await slSocket.decide('sl-decision-1', { inject: 'd02-sl-intrusion', action: 'activate-hotline', target: 'northland-government' }, 'Talk before anything else.');
    expect(ack).toMatchObject({ ok: true });
    expect(typeof ack.seq).toBe('number');

    const decided = await staffSocket.waitFor((e) => e.type === 'decision.submitted');
    expect(decided.payload).toMatchObject({ decisionId: 'sl-decision-1', teamId: 'sl-gov' });
    const findings = await slSocket.waitFor((e) => e.type === 'findings.recorded');
    expect(findings.payload).toMatchObject({ teamId: 'sl-gov', decisionId: 'sl-decision-1' });
    // The condition on sl-gov's decision releases the follow-up at once.
    await slSocket.released('d05-after-decision');

    const retry = await slSocket.decide('sl-decision-1', { inject: 'd02-sl-intrusion', action: 'activate-hotline', target: 'northland-government' }, 'Talk before anything else.');
    expect(retry).toMatchObject({ ok: true, duplicate: true });

    expect((await client.http('POST', `/api/exercises/${id}/pause`, undefined, controller)).status).toBe(200);
    const paused = await client.http<{ clock: { running: boolean; exerciseTime: number } }>(
      'GET',
      `/api/exercises/${id}`,
      undefined,
      controller,
    );
    expect(paused.body.clock.running).toBe(false);
    await sleep(1200);
    const stillPaused = await client.http<{ clock: { exerciseTime: number } }>(
      'GET',
      `/api/exercises/${id}`,
      undefined,
      controller,
    );
    expect(stillPaused.body.clock.exerciseTime).toBe(paused.body.clock.exerciseTime);
    expect(
      staffSocket.events.some(
        (e) => e.type === 'inject.released' && e.payload.injectId === 'd04-cert-advisory',
      ),
    ).toBe(paused.body.clock.exerciseTime >= 300_000);

    expect((await client.http('POST', `/api/exercises/${id}/resume`, undefined, controller)).status).toBe(
      200,
    );
    const advisory = await staffSocket.released('d04-cert-advisory', 8000);
    expect(advisory.exerciseTime).toBe(300_000);

    const ended = await client.http<{ ok: boolean }>(
      'POST',
      `/api/exercises/${id}/end`,
      undefined,
      controller,
    );
    expect(ended.status).toBe(200);
    await slSocket.waitFor((e) => e.type === 'exercise.ended');

    const log = await client.http<{ events: { seq: number; type: string }[]; seq: number }>(
      'GET',
      `/api/exercises/${id}/events?since=0`,
      undefined,
      controller,
    );
    expect(log.body.events.map((e) => e.seq)).toEqual(Array.from({ length: log.body.seq }, (_, i) => i + 1));
    // Every socket received its events in seq order without gaps in what it may see.
    for (const socket of [staffSocket, slSocket, nlSocket]) {
      const seqs = socket.events.map((e) => e.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    }
    // The controller's socket saw every event committed after its welcome.
    const welcome = await staffSocket.welcomed;
    expect(staffSocket.events.map((e) => e.seq)).toEqual(
      log.body.events.map((e) => e.seq).filter((s) => s > welcome.seq),
    );
  });
});
