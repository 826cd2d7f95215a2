// Attempt limits count failures, per address and per code or user name, and read the address through trusted
// proxies only: a classroom behind one address joins, a guesser is stopped, and one guesser does not lock out a proxy.
import type { CreateExerciseResponse } from '@ttx/contracts';
import { loadConfig } from '../src/config/ttx-config.js';
import {
  ADMIN_PASSWORD,
  sqliteDatabase,
  startTestServer,
  TEST_SECRET,
  type TestClient,
  type TestDatabase,
} from './support/test-server.js';

type Answer = { status: number; body: { error?: { code: string; message: string } } };

async function withServer(
  env: Record<string, string>,
  run: (client: TestClient, codes: CreateExerciseResponse) => Promise<void>,
): Promise<void> {
  const database: TestDatabase = sqliteDatabase();
  const client = await startTestServer(database, env);
  try {
    const controller = await client.login();
    const created = await client.http<CreateExerciseResponse>(
      'POST',
      '/api/exercises',
      { scenarioId: 'wire-drill' },
      controller,
    );
    await run(client, created.body);
  } finally {
    await client.close();
    await database.cleanup();
  }
}

const join = (client: TestClient, code: string, name: string, headers: Record<string, string> = {}) =>
  client.http('POST', '/api/join', { code, name }, undefined, headers) as Promise<Answer>;

describe('join and login attempt limits', () => {
  it('lets 30 participants behind one address join within a minute under a limit of 20', async () => {
    await withServer({ TTX_AUTH_RATE_LIMIT: '20' }, async (client, codes) => {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++)
        statuses.push((await join(client, codes.joinCodes['sl-gov']!, `Student ${i}`)).status);
      expect(statuses).toEqual(Array(30).fill(200));
    });
  });

  it('lets a whole team join at once with its one code under a limit of 20', async () => {
    await withServer({ TTX_AUTH_RATE_LIMIT: '20' }, async (client, codes) => {
      const joins = await Promise.all(
        Array.from({ length: 30 }, (_, i) => join(client, codes.joinCodes['sl-cert']!, `Analyst ${i}`)),
      );
      expect(joins.map((j) => j.status)).toEqual(Array(30).fill(200));
    });
  });

  it('bounds a burst of parallel wrong passwords by the limit', async () => {
    await withServer({ TTX_AUTH_RATE_LIMIT: '3' }, async (client) => {
      const burst = await Promise.all(
        Array.from({ length: 10 }, () =>
          client.http('POST', '/api/auth/login', { username: 'admin', password: 'guess' }),
        ),
      );
      expect(burst.filter((b) => b.status === 401)).toHaveLength(3);
      expect(burst.filter((b) => b.status === 429)).toHaveLength(7);
    });
  });

  it('stops an address after its failed attempts, even for a valid code, and tells it how long to wait', async () => {
    await withServer({ TTX_AUTH_RATE_LIMIT: '3' }, async (client, codes) => {
      const wrong: string[] = [];
      for (let i = 0; i < 3; i++)
        wrong.push((await join(client, `WRONG-CODE-${i}`, 'Guesser')).body.error!.code);
      expect(wrong).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
      const valid = await join(client, codes.joinCodes['sl-gov']!, 'Late');
      expect(valid.status).toBe(429);
      expect(valid.body.error!.message).toMatch(
        /^Too many failed attempts from your address; wait \d+ seconds and try again\.$/,
      );
    });
  });

  it('counts the address from X-Forwarded-For through a trusted proxy, so one guesser does not block the room', async () => {
    await withServer({ TTX_AUTH_RATE_LIMIT: '5', TTX_TRUST_PROXY: 'loopback' }, async (client, codes) => {
      for (let i = 0; i < 5; i++)
        expect(
          (await join(client, `WRONG-CODE-${i}`, 'Guesser', { 'x-forwarded-for': '203.0.113.7' })).status,
        ).toBe(401);
      expect(
        (await join(client, 'WRONG-CODE-X', 'Guesser', { 'x-forwarded-for': '203.0.113.7' })).status,
      ).toBe(429);
      expect(
        (await join(client, codes.joinCodes['nl-gov']!, 'Roe', { 'x-forwarded-for': '198.51.100.20' }))
          .status,
      ).toBe(200);
    });
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    await withServer({ TTX_AUTH_RATE_LIMIT: '3' }, async (client) => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await join(client, `WRONG-CODE-${i}`, 'Guesser', { 'x-forwarded-for': `192.0.2.${i}` })).status,
        );
      expect(statuses).toEqual([401, 401, 401, 429]);
    });
  });

  it('stops one code tried too often from many addresses', async () => {
    await withServer({ TTX_AUTH_RATE_LIMIT: '3', TTX_TRUST_PROXY: 'loopback' }, async (client) => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await join(client, 'ABCD-EFGH-JKLM-NPQR-STUV', 'Guesser', { 'x-forwarded-for': `192.0.2.${i}` }))
            .status,
        );
      expect(statuses).toEqual([401, 401, 401, 429]);
      const refused = await join(client, 'abcd efgh jklm npqr stuv', 'Guesser', {
        'x-forwarded-for': '192.0.2.99',
      });
      expect(refused.body.error!.message).toMatch(
        /^Too many failed attempts with this code; wait \d+ seconds/,
      );
    });
  });

  it('limits wrong passwords per user name across addresses, and not a controller who logs in many times', async () => {
    await withServer({ TTX_AUTH_RATE_LIMIT: '3', TTX_TRUST_PROXY: 'loopback' }, async (client) => {
      for (let i = 0; i < 5; i++)
        expect(
          (await client.http('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD }))
            .status,
        ).toBe(200);
      const wrong: number[] = [];
      for (let i = 0; i < 4; i++)
        wrong.push(
          (
            await client.http(
              'POST',
              '/api/auth/login',
              { username: 'admin', password: 'not-it' },
              undefined,
              { 'x-forwarded-for': `192.0.2.${i}` },
            )
          ).status,
        );
      expect(wrong).toEqual([401, 401, 401, 429]);
      const refused = (await client.http(
        'POST',
        '/api/auth/login',
        { username: 'admin', password: ADMIN_PASSWORD },
        undefined,
        { 'x-forwarded-for': '198.51.100.1' },
      )) as Answer;
      expect(refused.body.error!.message).toMatch(
        /^Too many failed attempts for this user name; wait \d+ seconds/,
      );
    });
  });

  it('reads TTX_TRUST_PROXY as off, every hop, a hop count or a list of addresses and subnets', () => {
    const read = (value: string) =>
      loadConfig({ TTX_SECRET: TEST_SECRET, TTX_TRUST_PROXY: value }).trustProxy;
    expect(loadConfig({ TTX_SECRET: TEST_SECRET }).trustProxy).toBe(false);
    expect(read('false')).toBe(false);
    expect(read('true')).toBe(true);
    expect(read('2')).toBe(2);
    expect(read('loopback, 10.0.0.0/8, fd00::/8, 192.168.1.10')).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.168.1.10',
    ]);
    expect(() => read('10.0.0.0/33,proxy.example')).toThrow(
      /TTX_TRUST_PROXY: .*not understood: 10\.0\.0\.0\/33, proxy\.example/,
    );
  });
});
