// The environment a benchmark script gives the built server: an ephemeral port on 127.0.0.1, the SQLite file and
// exercises folder it names, no demo exercise, and whatever limits the script raises.
import path from 'node:path';

export const BENCH_SECRET = 'bench-secret-that-is-long-enough-for-hmac-signing';

export function benchEnv(dir, database, password, extra = {}) {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${database}`,
    TTX_EXERCISES_DIR: path.join(dir, 'exercises'),
    TTX_WEB_DIR: path.join(dir, 'web'),
    TTX_ADMIN_PASSWORD: password,
    TTX_SECRET: BENCH_SECRET,
    TTX_DEMO: '0',
    ...extra,
  };
}
