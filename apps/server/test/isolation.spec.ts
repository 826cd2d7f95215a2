// Isolation: what each role may see and do, and which tokens are refused.
import type { EventMessage } from '@ttx/contracts';
import { TokenService } from '../src/auth/token.service.js';
import { loadConfig } from '../src/config/ttx-config.js';
import { drillExercise, drillSuite, fire, type DrillExercise } from './support/exercise-setup.js';
import { sleep, TEST_SECRET, type TestClient } from './support/test-server.js';

const injectIds = (events: EventMessage[]) =>
  events.flatMap((e) => (e.type === 'inject.released' ? [e.payload.injectId] : []));

describe('isolation between teams and roles', () => {
  const suite = drillSuite();
  let client: TestClient;
  let drill: DrillExercise;

  beforeAll(async () => {
    ({ client, drill } = suite);
    await fire(client, drill, 'd02-sl-intrusion', 'd03-nl-brief', 'd04-cert-advisory');
    const { slGov, slCert } = drill.sockets;
    expect(
      await slGov.decide('sl-1', { inject: 'd02-sl-intrusion', action: 'private-demarche', target: 'northland-government' }, 'A quiet word first.'),
    ).toMatchObject({ ok: true });
    expect(
      await slCert.send('message.send', {
        messageId: 'm-1',
        channelId: 'sl-room',
        text: 'Indicators are in.',
      }),
    ).toMatchObject({ ok: true });
    await drill.sockets.staff.waitFor((e) => e.type === 'message.sent');
    await drill.sockets.slGov.released('d05-after-decision');
    await sleep(300);
  });

  it("never sends a team another team's private injects, messages or findings", () => {
    const { slGov, slCert, nlGov, staff } = drill.sockets;
    expect(injectIds(nlGov.events)).not.toEqual(expect.arrayContaining(['d02-sl-intrusion']));
    expect(injectIds(nlGov.events)).toContain('d03-nl-brief');
    expect(injectIds(nlGov.events)).not.toContain('d04-cert-advisory');
    expect(injectIds(nlGov.events)).not.toContain('d05-after-decision');
    expect(injectIds(slGov.events)).not.toContain('d03-nl-brief');
    expect(injectIds(slCert.events)).toEqual(['d01-briefing', 'd04-cert-advisory']);
    expect(nlGov.types()).not.toContain('message.sent');
    expect(nlGov.types()).not.toContain('decision.submitted');
    expect(nlGov.types()).not.toContain('findings.recorded');
    expect(slGov.types()).toContain('message.sent');
    expect(slGov.types()).toContain('findings.recorded');
    expect(slCert.types()).not.toContain('findings.recorded');
    expect(injectIds(staff.events).sort()).toEqual([
      'd01-briefing',
      'd02-sl-intrusion',
      'd03-nl-brief',
      'd04-cert-advisory',
      'd05-after-decision',
    ]);
  });

  it("gives a player only its team's events over HTTP and sync", async () => {
    const viaHttp = await client.http<{ events: EventMessage[] }>(
      'GET',
      `/api/exercises/${drill.id}/events?since=0`,
      undefined,
      drill.tokens.nlGov,
    );
    expect(viaHttp.status).toBe(200);
    expect(injectIds(viaHttp.body.events)).toEqual(['d01-briefing', 'd03-nl-brief']);
    const viaSync = await drill.sockets.nlGov.send('sync', { sinceSeq: 0 });
    expect(viaSync.ok).toBe(true);
    expect(injectIds(viaSync.events as EventMessage[])).toEqual(['d01-briefing', 'd03-nl-brief']);
    const scores = await client.http<{ teams: { teamId: string }[] }>(
      'GET',
      `/api/exercises/${drill.id}/scores`,
      undefined,
      drill.tokens.nlGov,
    );
    expect(scores.body.teams.map((t) => t.teamId)).toEqual(['nl-gov']);
  });

  it('lets an observer see every event but not act', async () => {
    const { observer } = drill.sockets;
    expect(injectIds(observer.events).sort()).toEqual([
      'd01-briefing',
      'd02-sl-intrusion',
      'd03-nl-brief',
      'd04-cert-advisory',
      'd05-after-decision',
    ]);
    const refused = await observer.decide('obs-1', { action: 'activate-hotline' }, '');
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
    expect(
      await observer.send('message.send', { messageId: 'obs-m', channelId: 'hotline', text: 'hello' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ROLE' },
    });
    expect(
      await observer.send('observation.record', {
        observationId: 'o-1',
        objectiveId: 'obj-channels',
        rating: 'S',
        note: '',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ROLE' },
    });
    const start = await client.http(
      'POST',
      `/api/exercises/${drill.id}/pause`,
      undefined,
      drill.tokens.observer,
    );
    expect(start).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN_ROLE' } } });
  });

  it('lets a facilitator record observations but not run the exercise', async () => {
    const ack = await drill.sockets.facilitator.send('observation.record', {
      observationId: 'o-2',
      objectiveId: 'obj-channels',
      rating: 'S',
      note: 'Used the demarche.',
    });
    expect(ack).toMatchObject({ ok: true });
    const fired = await client.http(
      'POST',
      `/api/exercises/${drill.id}/injects/d06-late/fire`,
      undefined,
      drill.tokens.facilitator,
    );
    expect(fired).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_ROLE' } } });
  });

  it('refuses a player that tries to start, pause, fire or adjust scores', async () => {
    for (const route of [
      'start',
      'pause',
      'resume',
      'end',
      'injects/d06-late/fire',
      'injects/d06-late/hold',
    ]) {
      const response = await client.http(
        'POST',
        `/api/exercises/${drill.id}/${route}`,
        undefined,
        drill.tokens.slGov,
      );
      expect(response).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN_ROLE' } } });
    }
    const adjust = await client.http(
      'POST',
      `/api/exercises/${drill.id}/adjustments`,
      { teamId: 'sl-gov', dimension: 'restraint', delta: 50, reason: 'me' },
      drill.tokens.slGov,
    );
    expect(adjust).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_ROLE' } } });
    const msel = await client.http('GET', `/api/exercises/${drill.id}/msel`, undefined, drill.tokens.slGov);
    expect(msel).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_ROLE' } } });
  });

  it("refuses a player's token on another exercise", async () => {
    const other = await drillExercise(client, { start: false });
    const read = await client.http(
      'GET',
      `/api/exercises/${other.id}/events?since=0`,
      undefined,
      drill.tokens.slGov,
    );
    expect(read).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_ROLE' } } });
    const detail = await client.http('GET', `/api/exercises/${other.id}`, undefined, drill.tokens.nlGov);
    expect(detail.status).toBe(403);
    const listed = await client.http<{ id: string }[]>(
      'GET',
      '/api/exercises',
      undefined,
      drill.tokens.slGov,
    );
    expect(listed.body.map((e) => e.id)).toEqual([drill.id]);
  });

  it('refuses expired, forged and malformed tokens over HTTP and on the socket, saying why', async () => {
    const config = loadConfig({
      TTX_SECRET: TEST_SECRET,
      DATABASE_URL: `sqlite:${suite.database.dir}/data/ttx.sqlite`,
    });
    const expired = new TokenService(config).issue(
      { role: 'controller', name: 'admin' },
      60,
      Date.now() - 3_600_000,
    ).token;
    const forgerConfig = loadConfig({
      TTX_SECRET: 'another-secret-another-secret-another-secret',
      DATABASE_URL: `sqlite:${suite.database.dir}/data/ttx.sqlite`,
    });
    const forged = new TokenService(forgerConfig).issue({ role: 'controller', name: 'admin' }, 3600).token;
    const tampered = drill.tokens.slGov.replace(/^ttx1\.([^.]+)\./, (_m, body: string) => {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
      return `ttx1.${Buffer.from(JSON.stringify({ ...claims, role: 'controller' })).toString('base64url')}.`;
    });
    const cases: [string, RegExp][] = [
      [expired, /expired/],
      [forged, /not issued by this server/],
      [tampered, /not issued by this server/],
      ['not-a-token', /malformed/],
    ];
    for (const [token, why] of cases) {
      const response = await client.http<{ error: { code: string; message: string } }>(
        'GET',
        '/api/exercises',
        undefined,
        token,
      );
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
      expect(response.body.error.message).toMatch(why);
      const refusal = await client.refusedConnection({ token, exerciseId: drill.id });
      expect(refusal.data).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(refusal.message).toMatch(why);
    }
    expect((await client.refusedConnection({})).data).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await client.refusedConnection({ token: drill.controller })).data).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(
      (await client.refusedConnection({ token: drill.controller, exerciseId: 'ex-missing' })).data,
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});
