// Bad input: malformed and hostile payloads each get a coded error, the server stays up and the log is unchanged.
import { drillExercise, fire, type DrillExercise } from './support/exercise-setup.js';
import { sqliteDatabase, startTestServer, type LiveSocket, type TestClient, type TestDatabase } from './support/test-server.js';

interface Refusal {
  status?: number;
  body?: unknown;
  ok?: boolean;
  error?: { code: string; message: string };
}
type HostileCase = [name: string, code: string, attempt: (d: DrillExercise) => Promise<Refusal>];

const decision = (overrides: Record<string, unknown> = {}) => ({
  decisionId: `d-${Math.random().toString(36).slice(2)}`,
  injectId: 'd02-sl-intrusion',
  actions: [{ actionId: 'activate-hotline', targetId: 'northland-government' }],
  rationale: 'Talk first.',
  ...overrides,
});

describe('hostile and malformed input', () => {
  let database: TestDatabase;
  let client: TestClient;
  let drill: DrillExercise;
  let sl: LiveSocket;

  const http = (method: string, route: string, body?: unknown, token?: string, headers?: Record<string, string>) =>
    client.http(method, route, body, token, headers).then((r) => ({ status: r.status, ...(r.body as object) }) as Refusal);
  const logSeq = async () => (await client.http<{ seq: number }>('GET', `/api/exercises/${drill.id}/events?since=0`, undefined, drill.controller)).body.seq;

  beforeAll(async () => {
    database = sqliteDatabase();
    client = await startTestServer(database);
    drill = await drillExercise(client);
    await fire(client, drill, 'd02-sl-intrusion', 'd03-nl-brief');
    sl = drill.sockets.slGov;
    // One accepted decision, so that replays of its id can be tried.
    expect(await sl.send('decision.submit', decision({ decisionId: 'sl-accepted', injectId: undefined, actions: [{ actionId: 'share-indicators', targetId: 'southland-cert' }] }))).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await client.close();
    await database.cleanup();
  });

  const cases: HostileCase[] = [
    ['a decision that is a string', 'VALIDATION_FAILED', () => sl.send('decision.submit', 'activate-hotline')],
    ['a decision that is null', 'VALIDATION_FAILED', () => sl.send('decision.submit', null)],
    ['a decision without its client id', 'VALIDATION_FAILED', () => sl.send('decision.submit', decision({ decisionId: undefined }))],
    ['actions as a string', 'VALIDATION_FAILED', () => sl.send('decision.submit', decision({ actions: 'activate-hotline' }))],
    ['no actions', 'VALIDATION_FAILED', () => sl.send('decision.submit', decision({ actions: [] }))],
    ['eleven actions', 'VALIDATION_FAILED', () => sl.send('decision.submit', decision({ actions: Array.from({ length: 11 }, () => ({ actionId: 'activate-hotline' })) }))],
    ['an action id that is a number', 'VALIDATION_FAILED', () => sl.send('decision.submit', decision({ actions: [{ actionId: 42 }] }))],
    ['a rationale of 5,000 characters', 'VALIDATION_FAILED', () => sl.send('decision.submit', decision({ rationale: 'x'.repeat(5000) }))],
    ['a 20 kB payload', 'PAYLOAD_TOO_LARGE', () => sl.send('decision.submit', decision({ rationale: 'x'.repeat(20_000) }))],
    ['an unknown field', 'VALIDATION_FAILED', () => sl.send('decision.submit', { ...decision(), score: 100 })],
    ['a __proto__ key', 'VALIDATION_FAILED', () => sl.sendRaw('decision.submit', JSON.parse('{"__proto__": {"admin": true}, "decisionId": "p-1", "actions": [], "rationale": ""}'))],
    ['a client id with path characters', 'VALIDATION_FAILED', () => sl.send('decision.submit', decision({ decisionId: '../../etc/passwd' }))],
    ['an unknown action', 'UNKNOWN_ACTION', () => sl.send('decision.submit', decision({ actions: [{ actionId: 'nuke-everything' }] }))],
    ['an unknown inject', 'UNKNOWN_INJECT', () => sl.send('decision.submit', decision({ injectId: 'no-such-inject' }))],
    ["another team's prompt", 'INJECT_NOT_AUDIENCE', () => sl.send('decision.submit', decision({ injectId: 'd03-nl-brief', actions: [{ actionId: 'activate-hotline', targetId: 'southland-government' }] }))],
    ['deciding for another team', 'NOT_YOUR_TEAM', () => sl.send('decision.submit', decision({ teamId: 'nl-gov' }))],
    ['a target the prompt does not allow', 'TARGET_NOT_ALLOWED', () => sl.send('decision.submit', decision({ actions: [{ actionId: 'activate-hotline', targetId: 'southland-cert' }] }))],
    ["a client id replayed by another team", 'DUPLICATE_ID', () => drill.sockets.nlGov.send('decision.submit', decision({ decisionId: 'sl-accepted', injectId: 'd03-nl-brief', actions: [{ actionId: 'activate-hotline', targetId: 'southland-government' }] }))],
    ['two payloads in one message', 'VALIDATION_FAILED', () => sl.sendRaw('decision.submit', decision(), decision())],
    ['a message name the server does not know', 'VALIDATION_FAILED', () => sl.sendRaw('exercise.start', {})],
    ['a message on a channel the team is not in', 'NOT_A_CHANNEL_MEMBER', () => drill.sockets.slCert.send('message.send', { messageId: 'm-x', channelId: 'hotline', text: 'hello' })],
    ['a message on an unknown channel', 'UNKNOWN_CHANNEL', () => sl.send('message.send', { messageId: 'm-y', channelId: 'back-door', text: 'hello' })],
    ['an empty message', 'VALIDATION_FAILED', () => sl.send('message.send', { messageId: 'm-z', channelId: 'hotline', text: '' })],
    ['an observation from a player', 'FORBIDDEN_ROLE', () => sl.send('observation.record', { observationId: 'o-x', objectiveId: 'obj-channels', rating: 'P', note: '' })],
    ['an observation with a rating outside P/S/M/U', 'VALIDATION_FAILED', () => drill.sockets.facilitator.send('observation.record', { observationId: 'o-y', objectiveId: 'obj-channels', rating: 'A+', note: '' })],
    ['an observation of an unknown objective', 'UNKNOWN_OBJECTIVE', () => drill.sockets.facilitator.send('observation.record', { observationId: 'o-z', objectiveId: 'obj-none', rating: 'S', note: '' })],
    ['an improvement edit with nothing to change', 'VALIDATION_FAILED', () => drill.sockets.facilitator.send('improvement.edit', { itemId: 'i-1', changes: {} })],
    ['a sync from a negative seq', 'VALIDATION_FAILED', () => sl.send('sync', { sinceSeq: -1 })],
    ['a sync with a seq as text', 'VALIDATION_FAILED', () => sl.send('sync', { sinceSeq: '0; DROP TABLE exercise_events' })],
    ['malformed JSON over HTTP', 'VALIDATION_FAILED', () => http('POST', '/api/auth/login', '{"username": ', undefined, { 'content-type': 'application/json' })],
    ['an HTTP body over 64 kB', 'PAYLOAD_TOO_LARGE', (d) => http('POST', `/api/exercises/${d.id}/injects`, { title: 't', body: 'x'.repeat(70_000), channel: 'news', severity: 'SEV-1', audience: ['sl-gov'] }, d.controller)],
    ['a scenario id that is a number', 'VALIDATION_FAILED', (d) => http('POST', '/api/exercises', { scenarioId: 7 }, d.controller)],
    ['an unknown scenario', 'NOT_FOUND', (d) => http('POST', '/api/exercises', { scenarioId: 'no-such-scenario' }, d.controller)],
    ['a speed of 1,000', 'VALIDATION_FAILED', (d) => http('POST', `/api/exercises/${d.id}/speed`, { speed: 1000 }, d.controller)],
    ['firing an unknown inject', 'UNKNOWN_INJECT', (d) => http('POST', `/api/exercises/${d.id}/injects/no-such-inject/fire`, undefined, d.controller)],
    ['an ad-hoc inject to an unknown team', 'UNKNOWN_TEAM', (d) => http('POST', `/api/exercises/${d.id}/injects`, { title: 't', body: 'b', channel: 'news', severity: 'SEV-1', audience: ['ghost-team'] }, d.controller)],
    ['a score adjustment of 0', 'VALIDATION_FAILED', (d) => http('POST', `/api/exercises/${d.id}/adjustments`, { teamId: 'sl-gov', dimension: 'restraint', delta: 0, reason: 'none' }, d.controller)],
    ['a wrong join code', 'UNAUTHENTICATED', () => http('POST', '/api/join', { code: 'AAAA-BBBB-CCCC-DDDD-EEEE' })],
    ['a wrong password', 'UNAUTHENTICATED', () => http('POST', '/api/auth/login', { username: 'admin', password: 'guess' })],
    ['an unknown exercise', 'NOT_FOUND', (d) => http('GET', '/api/exercises/ex-nothing/events', undefined, d.controller)],
  ];

  it.each(cases)('answers %s with %s and writes nothing', async (_name, code, attempt) => {
    const before = await logSeq();
    const reply = await attempt(drill);
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe(code);
    expect(reply.error?.message.length).toBeGreaterThan(10);
    expect(await logSeq()).toBe(before);
  });

  it('acknowledges a retried decision again without writing it twice', async () => {
    const before = await logSeq();
    const retry = await sl.send('decision.submit', decision({ decisionId: 'sl-accepted', injectId: undefined, actions: [{ actionId: 'share-indicators', targetId: 'southland-cert' }] }));
    expect(retry).toMatchObject({ ok: true, duplicate: true });
    expect(await logSeq()).toBe(before);
  });

  it('refuses a flood of messages from one socket and stays up', async () => {
    const replies = await Promise.all(Array.from({ length: 80 }, () => drill.sockets.slCert.send('sync', { sinceSeq: 1_000_000 })));
    const codes = replies.map((r) => (r.ok ? 'ok' : r.error!.code));
    expect(codes).toContain('RATE_LIMITED');
    expect(codes.filter((c) => c !== 'ok' && c !== 'RATE_LIMITED')).toEqual([]);
    expect((await client.http('GET', '/health')).status).toBe(200);
  });

  it('refuses a decision after the end', async () => {
    expect((await client.http('POST', `/api/exercises/${drill.id}/end`, undefined, drill.controller)).status).toBe(200);
    const before = await logSeq();
    const late = await drill.sockets.nlGov.send('decision.submit', decision({ injectId: 'd03-nl-brief', actions: [{ actionId: 'activate-hotline', targetId: 'southland-government' }] }));
    expect(late).toMatchObject({ ok: false, error: { code: 'EXERCISE_ENDED' } });
    expect((await client.http('POST', `/api/exercises/${drill.id}/end`, undefined, drill.controller)).body).toMatchObject({ error: { code: 'EXERCISE_ENDED' } });
    expect(await logSeq()).toBe(before);
    expect((await client.http('GET', '/health')).status).toBe(200);
  });
});

describe('attempt limits on login and join', () => {
  it('refuses the attempts past the per-minute limit of each route with RATE_LIMITED', async () => {
    const database = sqliteDatabase();
    const client = await startTestServer(database, { TTX_AUTH_RATE_LIMIT: '3' });
    try {
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await client.http<{ error: { code: string } }>('POST', '/api/join', { code: `WRONG-${i}` });
        codes.push(r.body.error.code);
      }
      expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED', 'RATE_LIMITED']);
      const logins: number[] = [];
      for (let i = 0; i < 4; i++) logins.push((await client.http('POST', '/api/auth/login', { username: 'admin', password: 'nope' })).status);
      expect(logins).toEqual([401, 401, 401, 429]);
    } finally {
      await client.close();
      await database.cleanup();
    }
  });
});
