// Refusals say what went wrong in words a user follows, and carry what a client needs to act on them.
import type { CreateExerciseResponse } from '@ttx/contracts';
import { createExercise, drillSuite, type DrillExercise, serverSuite } from './support/exercise-setup.js';
import type { TestClient } from './support/test-server.js';

describe('refusals', () => {
  const suite = drillSuite({ start: false });
  let client: TestClient;
  let drill: DrillExercise;
  let other: CreateExerciseResponse;

  beforeAll(async () => {
    ({ client, drill } = suite);
    other = await createExercise(client, drill.controller);
  });

  it("refuses a join token's socket that names another exercise, saying why, and never welcomes it", async () => {
    const refusal = await client.refusedConnection({ token: drill.tokens.slGov, exerciseId: other.id });
    expect(refusal.data).toEqual({
      code: 'FORBIDDEN_ROLE',
      message: 'Your token is for another exercise; join this one with its own code.',
    });
    const garbage = await client.refusedConnection({ token: drill.tokens.observer, exerciseId: 42 });
    expect(garbage.data).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    const own = await client.connect({ token: drill.tokens.slGov, exerciseId: drill.id });
    expect(await own.welcomed).toMatchObject({ exerciseId: drill.id, role: 'player', teamId: 'sl-gov' });
  });

  it('names the roles that may act in plain English, over HTTP and on the socket', async () => {
    const paused = await client.http<{ error: { code: string; message: string } }>(
      'POST',
      `/api/exercises/${drill.id}/start`,
      undefined,
      drill.tokens.observer,
    );
    expect(paused.body.error).toEqual({
      code: 'FORBIDDEN_ROLE',
      message: 'Only controllers may run the exercise; you are signed in as an observer.',
    });
    const events = await client.http<{ error: { message: string } }>(
      'GET',
      `/api/exercises/${drill.id}/msel`,
      undefined,
      drill.tokens.slGov,
    );
    expect(events.body.error.message).toBe(
      'Only controllers, facilitators or observers may do this; your token is for a player.',
    );
    const observation = await drill.sockets.slGov.send('observation.record', {
      observationId: 'o-1',
      objectiveId: 'obj-channels',
      rating: 'S',
      note: '',
    });
    expect(observation.error).toEqual({
      code: 'FORBIDDEN_ROLE',
      message: 'Only facilitators or controllers may record observations; you are signed in as a player.',
    });
    const decision = await drill.sockets.observer.decide('x', { action: 'activate-hotline' }, '');
    expect(decision.error?.message).toBe(
      'Only players or controllers may submit decisions; you are signed in as an observer.',
    );
  });

  it('says where a request body stops being JSON', async () => {
    const headers = { 'content-type': 'application/json' };
    const cases: [string, RegExp][] = [
      [
        '{"username": "admin",}',
        /^The request body is not valid JSON: expected double-quoted property name at character 22\.$/,
      ],
      ['{"username": ', /^The request body is not valid JSON: it ends before the JSON is complete\.$/],
      ['{username: 1}', /^The request body is not valid JSON: .+ at character 2\.$/],
    ];
    for (const [body, message] of cases) {
      const response = await client.http<{ error: { code: string; message: string } }>(
        'POST',
        '/api/exercises',
        body,
        drill.controller,
        headers,
      );
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.message).toMatch(message);
    }
  });
});

describe('refusals past the attempts limit', () => {
  const suite = serverSuite({ env: { TTX_AUTH_RATE_LIMIT: '2' } });

  it('tells a rate-limited caller how long to wait in a Retry-After header that matches the message', async () => {
    const { client } = suite;
    let response: Response | undefined;
    for (let i = 0; i < 3; i++)
      response = await fetch(`${client.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: `WRONG-${i}` }),
      });
    expect(response!.status).toBe(429);
    const { error } = (await response!.json()) as { error: { code: string; message: string } };
    const retryAfter = response!.headers.get('retry-after');
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect(error).toEqual({
      code: 'RATE_LIMITED',
      message: `Too many failed attempts from your address; wait ${retryAfter} seconds and try again.`,
    });
    const refused = await fetch(`${client.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(429);
  });
});
