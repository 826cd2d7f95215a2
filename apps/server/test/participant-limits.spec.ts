// One participant may not write without bound: sockets per token are capped, a token's sockets share one message
// rate, a team's tokens share one write rate, and a team's part of the log is bounded.
import type { JoinResponse } from '@ttx/contracts';
import { drillExercise, type DrillExercise } from './support/exercise-setup.js';
import { type LiveSocket, sleep, sqliteDatabase, startTestServer, type TestClient, type TestDatabase } from './support/test-server.js';

type Reply = { ok: boolean; error?: { code: string; message: string } };

/** A drill server with its own limits (env), closed after the suite; `restart` starts the next process on its database. */
function limitedDrill(env: Record<string, string>): { readonly client: TestClient; readonly drill: DrillExercise; restart(): Promise<TestClient> } {
  const world: { database?: TestDatabase; client?: TestClient; drill?: DrillExercise } = {};
  beforeAll(async () => {
    world.database = sqliteDatabase();
    world.client = await startTestServer(world.database, env);
    world.drill = await drillExercise(world.client);
  }, 60_000);
  afterAll(async () => {
    await world.client?.close();
    await world.database?.cleanup();
  });
  return {
    get client() {
      return world.client!;
    },
    get drill() {
      return world.drill!;
    },
    async restart() {
      await world.client!.close();
      world.client = await startTestServer(world.database!, env);
      return world.client;
    },
  };
}

async function join(client: TestClient, code: string, name: string): Promise<string> {
  const joined = await client.http<JoinResponse>('POST', '/api/join', { code, name });
  if (joined.status !== 200) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
  return joined.body.token;
}

const logSeq = async (client: TestClient, drill: DrillExercise) =>
  (await client.http<{ seq: number }>('GET', `/api/exercises/${drill.id}/events?since=0`, undefined, drill.controller)).body.seq;
const codesOf = (replies: Reply[]) => replies.map((r) => (r.ok ? 'ok' : r.error!.code));
const chat = (socket: LiveSocket, i: number | string) => socket.send('message.send', { messageId: `m-${i}-${Math.random().toString(36).slice(2)}`, channelId: 'sl-room', text: `note ${i}` }) as Promise<Reply>;

describe('sockets per token', () => {
  const world = limitedDrill({});

  it('connects only 8 of 40 sockets opened with one token and refuses the rest with TOO_MANY_SOCKETS saying why', async () => {
    const token = await join(world.client, world.drill.codes.joinCodes['nl-gov']!, 'Many tabs');
    const attempts = await Promise.allSettled(Array.from({ length: 40 }, () => world.client.connect({ token })));
    const welcomed = attempts.filter((a) => a.status === 'fulfilled');
    const refused = attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason as Error & { data?: { code: string; message: string } }] : []));
    expect(welcomed).toHaveLength(8);
    expect(refused).toHaveLength(32);
    for (const error of refused) {
      expect(error.data?.code).toBe('TOO_MANY_SOCKETS');
      expect(error.message).toMatch(/already holds 8 live connections.*close a tab or device/);
    }
    // A closed connection frees its place for another, once the server has seen it close.
    (welcomed[0] as PromiseFulfilledResult<LiveSocket>).value.socket.disconnect();
    let again: LiveSocket | undefined;
    for (let i = 0; i < 50 && !again; i++) {
      again = await world.client.connect({ token }).catch(() => undefined);
      if (!again) await sleep(20);
    }
    expect(again).toBeDefined();
  });
});

describe('message rate per token', () => {
  // 5 a second with a burst of 10, so that 8 sockets of one token can exceed it at once.
  const world = limitedDrill({ TTX_TOKEN_MESSAGES_PER_SECOND: '5' });

  it("holds a token's sockets together to the token's rate, each socket well under its own", async () => {
    const token = await join(world.client, world.drill.codes.joinCodes['nl-gov']!, 'Eight tabs');
    const sockets = await Promise.all(Array.from({ length: 8 }, () => world.client.connect({ token })));
    const started = Date.now();
    const replies = (await Promise.all(sockets.flatMap((s) => Array.from({ length: 5 }, () => s.send('sync', { sinceSeq: 1_000_000 }))))) as Reply[];
    const seconds = (Date.now() - started) / 1000;
    const accepted = codesOf(replies).filter((c) => c === 'ok').length;
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(accepted).toBeLessThanOrEqual(10 + Math.ceil(5 * seconds));
    const refusals = replies.filter((r) => !r.ok);
    expect(refusals.length).toBe(40 - accepted);
    for (const r of refusals) {
      expect(r.error!.code).toBe('RATE_LIMITED');
      expect(r.error!.message).toMatch(/this token over all its connections: at most 5 a second; wait \d+ s/);
    }
    // Another token of the same team has its own bucket.
    const other = await world.client.connect({ token: await join(world.client, world.drill.codes.joinCodes['nl-gov']!, 'Colleague') });
    expect(await other.send('sync', { sinceSeq: 1_000_000 })).toMatchObject({ ok: true });
  });
});

describe('write rate per team', () => {
  // 6 a minute with a burst of 3: four members of one team sending two messages each exceed it together.
  const world = limitedDrill({ TTX_TEAM_WRITES_PER_MINUTE: '6' });

  it("holds a team's tokens together to the team's write rate, and leaves other teams and the staff their own", async () => {
    const { client, drill } = world;
    const members = await Promise.all(['Ana', 'Ben', 'Cas', 'Dee'].map(async (name) => client.connect({ token: await join(client, drill.codes.joinCodes['sl-gov']!, name) })));
    const before = await logSeq(client, drill);
    const replies = await Promise.all(members.flatMap((m, i) => [chat(m, `${i}a`), chat(m, `${i}b`)]));
    const accepted = codesOf(replies).filter((c) => c === 'ok').length;
    // The burst, and at most one more refilled while the eight were sent.
    expect(accepted).toBeGreaterThanOrEqual(3);
    expect(accepted).toBeLessThanOrEqual(4);
    for (const r of replies.filter((x) => !x.ok)) {
      expect(r.error!.code).toBe('RATE_LIMITED');
      expect(r.error!.message).toMatch(/Your team sends decisions and messages too fast: at most 6 a minute over all its members; wait \d+ s/);
    }
    expect(await logSeq(client, drill)).toBe(before + accepted);
    // A team member's reads are not writes; the other Southland team and the staff write on.
    expect(await members[0]!.send('sync', { sinceSeq: 1_000_000 })).toMatchObject({ ok: true });
    expect(await chat(drill.sockets.slCert, 'cert')).toMatchObject({ ok: true });
    expect(await chat(drill.sockets.staff, 'staff')).toMatchObject({ ok: true });
  });
});

describe("a team's part of the log", () => {
  const world = limitedDrill({ TTX_TEAM_LOG_LIMIT: '3' });

  it('refuses a team past its bound with TEAM_LOG_FULL and leaves the log unchanged, while other teams write on', async () => {
    const { client, drill } = world;
    const sl = drill.sockets.slGov;
    expect(codesOf(await Promise.all([chat(sl, 1), chat(sl, 2)]))).toEqual(['ok', 'ok']);
    const decided = (await sl.send('decision.submit', { decisionId: 'sl-third', actions: [{ actionId: 'share-indicators', targetId: 'southland-cert' }], rationale: 'Share first.' })) as Reply;
    expect(decided).toMatchObject({ ok: true });
    // Another member of the same team, on its own token, is held to the same bound.
    const colleague = await client.connect({ token: await join(client, drill.codes.joinCodes['sl-gov']!, 'Colleague') });
    const before = await logSeq(client, drill);
    const refused = (await Promise.all([
      chat(colleague, 4),
      sl.send('decision.submit', { decisionId: 'sl-fourth', actions: [{ actionId: 'share-indicators', targetId: 'southland-cert' }], rationale: 'Again.' }),
    ])) as Reply[];
    for (const r of refused) {
      expect(r).toMatchObject({ ok: false, error: { code: 'TEAM_LOG_FULL' } });
      expect(r.error!.message).toMatch(/Your team has recorded 3 decisions and messages in this exercise, the most one team may/);
    }
    expect(await logSeq(client, drill)).toBe(before);
    expect(await chat(drill.sockets.slCert, 'cert')).toMatchObject({ ok: true });
  });

  it('still refuses the full team after a restart, counting its entries from the stored log', async () => {
    const { drill } = world;
    const client = await world.restart();
    const sl = await client.connect({ token: drill.tokens.slGov });
    const before = await logSeq(client, drill);
    expect(await chat(sl, 'after-restart')).toMatchObject({ ok: false, error: { code: 'TEAM_LOG_FULL' } });
    expect(await logSeq(client, drill)).toBe(before);
    const cert = await client.connect({ token: drill.tokens.slCert });
    expect(await chat(cert, 'cert-after-restart')).toMatchObject({ ok: true });
  });
});

describe('participants per team', () => {
  const world = limitedDrill({ TTX_TEAM_PARTICIPANTS: '4' });

  it('refuses a join under a new name once the team holds its most participants, leaving the log unchanged, and lets its members join again', async () => {
    const { client, drill } = world;
    const code = drill.codes.joinCodes['sl-gov']!;
    // The drill joined Vale; three more names fill the team.
    for (const name of ['Ana', 'Ben', 'Cas']) await join(client, code, name);
    const before = await logSeq(client, drill);
    const refused = await client.http<{ error: { code: string; message: string } }>('POST', '/api/join', { code, name: 'Dee' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'TEAM_FULL',
      message: 'This team already has 4 participants, the most one team may; join under a name already in the team, or ask your controller.',
    });
    expect(await logSeq(client, drill)).toBe(before);
    expect((await client.http('POST', '/api/join', { code, name: 'Ben' })).status).toBe(200);
    expect((await client.http('POST', '/api/join', { code: drill.codes.joinCodes['nl-gov'], name: 'Dee' })).status).toBe(200);
  });
});
