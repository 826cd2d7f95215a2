// Tokens hold only as long as they should: new join codes end the old codes' tokens over HTTP and on live sockets,
// and a socket whose token expires is told so and closed, idle or not.
import type { AccessCodes, SessionEnded } from '@ttx/contracts';
import { drillExercise, drillSuite, join, restartSuite } from './support/exercise-setup.js';
import { type LiveSocket, sleep } from './support/test-server.js';

/** Resolves with the socket's `session.ended` and the reason it was then disconnected for. */
function sessionEnd(live: LiveSocket): Promise<{ ended: SessionEnded; reason: string }> {
  return new Promise((resolve, reject) => {
    let ended: SessionEnded | undefined;
    const timer = setTimeout(() => reject(new Error('the session was not ended')), 10_000);
    live.socket.on('session.ended', (body) => (ended = body));
    live.socket.on('disconnect', (reason) => {
      clearTimeout(timer);
      if (ended) resolve({ ended, reason });
      else reject(new Error(`disconnected (${reason}) without session.ended`));
    });
  });
}

describe('new join codes', () => {
  const suite = drillSuite();

  it("end the old codes' live sockets at once with TOKEN_REVOKED, and refuse their tokens over HTTP and at the handshake", async () => {
    const { client, drill } = suite;
    const player = drill.sockets.slGov;
    const facilitator = drill.sockets.facilitator;
    const ends = [sessionEnd(player), sessionEnd(facilitator)];
    const reissued = await client.http<AccessCodes>(
      'POST',
      `/api/exercises/${drill.id}/codes`,
      undefined,
      drill.controller,
    );
    expect(reissued.status).toBe(201);
    for (const { ended, reason } of await Promise.all(ends)) {
      expect(ended).toEqual({
        code: 'TOKEN_REVOKED',
        message:
          'Your join code was replaced by new codes: join again with the new code from your controller.',
      });
      expect(reason).toBe('io server disconnect');
    }
    const overHttp = await client.http<{ error: { code: string; message: string } }>(
      'GET',
      `/api/exercises/${drill.id}`,
      undefined,
      drill.tokens.slGov,
    );
    expect(overHttp.status).toBe(401);
    expect(overHttp.body.error).toMatchObject({
      code: 'TOKEN_REVOKED',
      message: expect.stringMatching(/join again with the new code/),
    });
    expect((await client.refusedConnection({ token: drill.tokens.slGov })).data).toMatchObject({
      code: 'TOKEN_REVOKED',
    });
    // The controller's own socket stays, and the new code works.
    expect(await drill.sockets.staff.send('sync', { sinceSeq: 1_000_000 })).toMatchObject({ ok: true });
    const fresh = await join(client, reissued.body.joinCodes['sl-gov']!, 'Vale');
    const again = await client.connect({ token: fresh.token });
    expect(await again.send('sync', { sinceSeq: 1_000_000 })).toMatchObject({ ok: true });
    expect((await client.http('GET', `/api/exercises/${drill.id}`, undefined, fresh.token)).status).toBe(200);
  });
});

describe('expired tokens', () => {
  const suite = drillSuite({ env: { TTX_JOIN_TOKEN_TTL: '2' } });

  it('end a socket at its token expiry with TOKEN_EXPIRED, idle or busy, and record nothing it sends afterwards', async () => {
    const { client, drill } = suite;
    const joined = await join(client, drill.codes.joinCodes['nl-gov']!, 'Short stay');
    const busy = await client.connect({ token: joined.token });
    const idle = await client.connect({ token: joined.token });
    const ends = [sessionEnd(busy), sessionEnd(idle)];
    const replies: { ok: boolean; code?: string }[] = [];
    // The busy socket keeps chatting across its expiry; every word after it must be refused or never sent.
    let stop = false;
    const chatting = (async () => {
      for (let i = 0; !stop && i < 200; i++) {
        const reply = (await busy
          .send('message.send', { messageId: `word-${i}`, channelId: 'hotline', text: `word ${i}` })
          .catch(() => ({ ok: false, error: { code: 'NO_ACK', message: '' } }))) as {
          ok: boolean;
          error?: { code: string };
        };
        replies.push({ ok: reply.ok, code: reply.error?.code });
        if (!reply.ok && reply.error?.code !== 'RATE_LIMITED') break;
        await sleep(100);
      }
    })();
    for (const { ended, reason } of await Promise.all(ends)) {
      expect(ended).toEqual({
        code: 'TOKEN_EXPIRED',
        message: 'Your session has expired: log in, or join again with your code.',
      });
      expect(reason).toBe('io server disconnect');
    }
    stop = true;
    await chatting;
    const recorded = replies.filter((r) => r.ok);
    expect(recorded.length).toBeGreaterThan(0);
    expect(replies.filter((r) => !r.ok).every((r) => r.code === 'TOKEN_EXPIRED' || r.code === 'NO_ACK')).toBe(
      true,
    );
    const words = (
      await client.http<{ events: { type: string; at: number; payload: { messageId?: string } }[] }>(
        'GET',
        `/api/exercises/${drill.id}/events?since=0`,
        undefined,
        drill.controller,
      )
    ).body.events.filter((e) => e.type === 'message.sent' && e.payload.messageId?.startsWith('word-'));
    expect(words).toHaveLength(recorded.length);
    // Each word was admitted before the expiry; its commit follows within moments.
    for (const word of words) expect(word.at).toBeLessThan(joined.expiresAt + 1000);
    expect((await client.http('GET', `/api/exercises/${drill.id}`, undefined, joined.token)).status).toBe(
      401,
    );
  });
});

describe('revocation across a restart', () => {
  const suite = restartSuite();

  it("keeps the old codes' tokens refused and the new codes' tokens accepted by the next process on the same database", async () => {
    const first = await suite.start();
    const drill = await drillExercise(first);
    const codes = (
      await first.http<AccessCodes>('POST', `/api/exercises/${drill.id}/codes`, undefined, drill.controller)
    ).body;
    const fresh = await join(first, codes.joinCodes['sl-gov']!, 'Vale');
    await first.close();

    const second = await suite.start();
    const old = await second.http<{ error: { code: string } }>(
      'GET',
      `/api/exercises/${drill.id}`,
      undefined,
      drill.tokens.slGov,
    );
    expect(old.status).toBe(401);
    expect(old.body.error.code).toBe('TOKEN_REVOKED');
    expect((await second.refusedConnection({ token: drill.tokens.nlGov })).data).toMatchObject({
      code: 'TOKEN_REVOKED',
    });
    expect((await second.http('GET', `/api/exercises/${drill.id}`, undefined, fresh.token)).status).toBe(200);
    const socket = await second.connect({ token: fresh.token });
    expect(await socket.send('sync', { sinceSeq: 1_000_000 })).toMatchObject({ ok: true });
  });
});
