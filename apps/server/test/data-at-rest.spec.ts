// What TTX keeps and shows: private database files, a signing secret that is never left to one host's disk when
// several share PostgreSQL, passwords checked in full, and each player's view of who is on the other teams.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ExerciseDetail } from '@ttx/contracts';
import { ConfigError, loadConfig } from '../src/config/ttx-config.js';
import { drillExercise } from './support/exercise-setup.js';
import { sqliteDatabase, startTestServer, TEST_SECRET } from './support/test-server.js';

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe('data at rest', () => {
  it('creates the data folder 0700 and the database, its -wal and -shm files and the secret 0600', async () => {
    const database = sqliteDatabase();
    const client = await startTestServer(database, { TTX_SECRET: 'persisted' });
    try {
      // A written exercise, so the write-ahead log holds something.
      await drillExercise(client);
      const file = path.join(database.dir, 'data/ttx.sqlite');
      expect(modeOf(path.dirname(file))).toBe('700');
      expect(
        [file, `${file}-wal`, `${file}-shm`, path.join(database.dir, 'data/ttx-secret')].map(modeOf),
      ).toEqual(['600', '600', '600', '600']);
    } finally {
      await client.close();
      await database.cleanup();
    }
  });

  it('refuses to start on PostgreSQL without TTX_SECRET rather than keep a secret on one host', () => {
    const start = () => loadConfig({ DATABASE_URL: 'postgres://ttx@db.example:5432/ttx' });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/TTX_SECRET: must be set when DATABASE_URL is PostgreSQL/);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://ttx@db.example:5432/ttx', TTX_SECRET: TEST_SECRET }).secret,
    ).toBe(TEST_SECRET);
  });

  it('refuses an admin password longer than the 72 bytes bcrypt reads', () => {
    // 36 two-byte letters: 36 characters, 72 bytes, accepted; one more is refused.
    expect(loadConfig({ TTX_SECRET: TEST_SECRET, TTX_ADMIN_PASSWORD: 'é'.repeat(36) }).adminPassword).toBe(
      'é'.repeat(36),
    );
    expect(() => loadConfig({ TTX_SECRET: TEST_SECRET, TTX_ADMIN_PASSWORD: 'é'.repeat(37) })).toThrow(
      /TTX_ADMIN_PASSWORD: must be at most 72 bytes/,
    );
  });
});

describe('passwords and participant names', () => {
  it('refuses a login password past 72 bytes instead of checking its first 72 only', async () => {
    const database = sqliteDatabase();
    const password = 'p'.repeat(72);
    const client = await startTestServer(database, { TTX_ADMIN_PASSWORD: password });
    try {
      const login = (pw: string) =>
        client.http<{ error?: { code: string; message: string } }>('POST', '/api/auth/login', {
          username: 'admin',
          password: pw,
        });
      expect((await login(password)).status).toBe(200);
      const longer = await login(`${password}-anything`);
      expect(longer.status).toBe(400);
      expect(longer.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'Passwords are at most 72 bytes (UTF-8); this one is longer, so it cannot be right.',
      });
    } finally {
      await client.close();
      await database.cleanup();
    }
  });

  it("shows a player their own team's participants only, and staff every team's", async () => {
    const database = sqliteDatabase();
    const client = await startTestServer(database);
    try {
      const drill = await drillExercise(client);
      const participants = async (token: string) => {
        const { body } = await client.http<ExerciseDetail>(
          'GET',
          `/api/exercises/${drill.id}`,
          undefined,
          token,
        );
        return Object.fromEntries(body.teams.map((t) => [t.id, t.participants]));
      };
      expect(await participants(drill.tokens.slGov)).toEqual({
        'sl-gov': ['Vale'],
        'sl-cert': [],
        'nl-gov': [],
      });
      expect(await participants(drill.tokens.nlGov)).toEqual({
        'sl-gov': [],
        'sl-cert': [],
        'nl-gov': ['Roe'],
      });
      const all = { 'sl-gov': ['Vale'], 'sl-cert': ['Ives'], 'nl-gov': ['Roe'] };
      expect(await participants(drill.tokens.observer)).toEqual(all);
      expect(await participants(drill.controller)).toEqual(all);
    } finally {
      await client.close();
      await database.cleanup();
    }
  });
});
