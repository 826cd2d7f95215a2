// One validated configuration, read from the environment once at start.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allowedOriginsSchema, trustProxySchema, type TrustProxy } from './network-settings.js';
import { LIMITS } from '@ttx/contracts';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:<path> or postgres://user@host:port/db')
    .default('sqlite:data/ttx.sqlite'),
  /** PostgreSQL schema to use (tests give each run its own). */
  TTX_DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(),
  TTX_EXERCISES_DIR: z.string().default('exercises'),
  TTX_ADMIN_USER: z.string().min(1).max(64).default('admin'),
  TTX_ADMIN_PASSWORD: z
    .string()
    .min(8, 'must be at least 8 characters')
    // bcrypt reads 72 bytes: a longer password would be checked by its first 72 bytes only.
    .refine((p) => Buffer.byteLength(p) <= 72, 'must be at most 72 bytes (bcrypt ignores the rest)')
    .optional(),
  TTX_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TTX_WEB_DIR: z.string().default('apps/web/dist'),
  /** Lifetime of a controller's token, and of a join token, in seconds. */
  TTX_TOKEN_TTL: z.coerce.number().int().min(1).default(12 * 3600),
  TTX_JOIN_TOKEN_TTL: z.coerce.number().int().min(1).default(7 * 24 * 3600),
  /** Attempts allowed per minute and address on /api/join and /api/auth/login. */
  TTX_AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Which proxies may set X-Forwarded-For: `false`, `true`, a hop count, or a list of addresses and subnets. */
  TTX_TRUST_PROXY: trustProxySchema,
  /** Cross-site origins allowed on the API and the socket endpoint, comma-separated; the server's own origin always is. */
  TTX_ALLOWED_ORIGINS: allowedOriginsSchema,
  /** Seconds a client may take to send a whole request (headers and body). */
  TTX_REQUEST_TIMEOUT: z.coerce.number().int().min(1).max(3600).default(30),
  /** `0` starts on an empty database without the demo exercise. */
  TTX_DEMO: z.enum(['0', '1'], { error: 'must be 0 (no demo exercise) or 1' }).default('1'),
  /** Fault tests only: ms each `sync` answer waits before it is read, to widen its race with live events. */
  TTX_TEST_SYNC_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(0),
  /** How much one participant and one team may send (see LIMITS); the benchmark raises them. */
  TTX_SOCKETS_PER_TOKEN: z.coerce.number().int().min(1).default(LIMITS.socketsPerToken),
  TTX_TOKEN_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).default(LIMITS.tokenMessagesPerSecond),
  TTX_TEAM_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(LIMITS.teamWritesPerMinute),
  TTX_TEAM_LOG_LIMIT: z.coerce.number().int().min(1).default(LIMITS.teamLogEntries),
  TTX_TEAM_PARTICIPANTS: z.coerce.number().int().min(1).default(LIMITS.participantsPerTeam),
  /** Seconds of downtime after which a restarted server brings a running exercise back paused; 0 always pauses. */
  TTX_RESTART_PAUSE_AFTER: z.coerce.number().min(0, 'must be 0 or more seconds').max(86_400).default(10),
});

/** What one token and one team may send on the sockets of an exercise. */
export interface ParticipantLimits {
  socketsPerToken: number;
  tokenMessagesPerSecond: number;
  tokenBurst: number;
  teamWritesPerMinute: number;
  teamWriteBurst: number;
  teamLogEntries: number;
  participantsPerTeam: number;
}

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string };

export class TtxConfig {
  constructor(
    readonly port: number,
    readonly host: string,
    readonly database: DatabaseConfig,
    readonly exercisesDir: string,
    readonly adminUser: string,
    readonly adminPassword: string | undefined,
    readonly secret: string,
    readonly webDir: string,
    readonly tokenTtlSeconds: number,
    readonly joinTokenTtlSeconds: number,
    readonly authRateLimit: number,
    /** Create a demo exercise when the database holds none. */
    readonly demoExercise: boolean,
    readonly trustProxy: TrustProxy = false,
    readonly allowedOrigins: readonly string[] = [],
    readonly requestTimeoutSeconds = 30,
    readonly testSyncDelayMs = 0,
    readonly participantLimits: ParticipantLimits = defaultParticipantLimits(),
    /** Downtime (ms) after which a restart brings a running exercise back paused (0: always). */
    readonly restartPauseAfterMs = 10_000,
  ) {}
}

export class ConfigError extends Error {}

/** Reads and checks the configuration; `env` is `process.env` in production and a plain object in tests. */
export function loadConfig(env: Record<string, string | undefined>): TtxConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`The configuration is not valid:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const database: DatabaseConfig = e.DATABASE_URL.startsWith('sqlite:')
    ? { kind: 'sqlite', file: path.resolve(e.DATABASE_URL.slice('sqlite:'.length)) }
    : { kind: 'postgres', url: e.DATABASE_URL, schema: e.TTX_DATABASE_SCHEMA };
  // Several processes on one PostgreSQL must sign with one key, and a key in a local file would differ per host.
  if (database.kind === 'postgres' && !e.TTX_SECRET)
    throw new ConfigError('The configuration is not valid:\n  TTX_SECRET: must be set when DATABASE_URL is PostgreSQL (every server process signs tokens with it)');
  const dataDir = database.kind === 'sqlite' ? path.dirname(database.file) : path.resolve('data');
  return new TtxConfig(
    e.PORT,
    e.HOST,
    database,
    path.resolve(e.TTX_EXERCISES_DIR),
    e.TTX_ADMIN_USER,
    e.TTX_ADMIN_PASSWORD,
    e.TTX_SECRET ?? persistedSecret(dataDir),
    path.resolve(e.TTX_WEB_DIR),
    e.TTX_TOKEN_TTL,
    e.TTX_JOIN_TOKEN_TTL,
    e.TTX_AUTH_RATE_LIMIT,
    e.TTX_DEMO === '1',
    e.TTX_TRUST_PROXY,
    e.TTX_ALLOWED_ORIGINS,
    e.TTX_REQUEST_TIMEOUT,
    e.TTX_TEST_SYNC_DELAY_MS,
    {
      socketsPerToken: e.TTX_SOCKETS_PER_TOKEN,
      tokenMessagesPerSecond: e.TTX_TOKEN_MESSAGES_PER_SECOND,
      tokenBurst: e.TTX_TOKEN_MESSAGES_PER_SECOND * 2,
      teamWritesPerMinute: e.TTX_TEAM_WRITES_PER_MINUTE,
      teamWriteBurst: Math.max(1, Math.floor(e.TTX_TEAM_WRITES_PER_MINUTE / 2)),
      teamLogEntries: e.TTX_TEAM_LOG_LIMIT,
      participantsPerTeam: e.TTX_TEAM_PARTICIPANTS,
    },
    Math.round(e.TTX_RESTART_PAUSE_AFTER * 1000),
  );
}

function defaultParticipantLimits(): ParticipantLimits {
  const { socketsPerToken, tokenMessagesPerSecond, tokenBurst, teamWritesPerMinute, teamWriteBurst, teamLogEntries, participantsPerTeam } = LIMITS;
  return { socketsPerToken, tokenMessagesPerSecond, tokenBurst, teamWritesPerMinute, teamWriteBurst, teamLogEntries, participantsPerTeam };
}

/** A random signing secret kept beside the database, so tokens survive restarts. */
function persistedSecret(dataDir: string): string {
  const file = path.join(dataDir, 'ttx-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
