// The storage baseline: bare sqlite3 (WAL, synchronous=NORMAL) with N concurrent writers, each inserting one row
// and waiting for its commit before the next, and every insert waiting at the same moment committed in one
// transaction. Run as its own process: `node bare-sqlite-writer.js <file> <writers> <durationMs>`; prints JSON.
import sqlite3 from 'sqlite3';

export interface BareSqliteResult {
  rowsPerSecond: number;
  rows: number;
  commitP99: number;
}

function run(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
}

async function main(): Promise<void> {
  const [file, writersArg, durationArg] = process.argv.slice(2);
  const writers = Number(writersArg ?? 1000);
  const durationMs = Number(durationArg ?? 10_000);
  const db = new sqlite3.Database(file!);
  await run(db, 'PRAGMA journal_mode = WAL');
  await run(db, 'PRAGMA synchronous = NORMAL');
  await run(db, 'CREATE TABLE IF NOT EXISTS events (exercise_id TEXT, seq INTEGER, type TEXT, at INTEGER, payload TEXT, PRIMARY KEY (exercise_id, seq))');

  // A payload about the size of a recorded decision.
  const payload = JSON.stringify({ decisionId: 'x'.repeat(36), teamId: 'sl-gov', actions: [{ actionId: 'activate-hotline', targetId: 'northland-government' }], rationale: 'bench' });
  let seq = 0;
  let pending: { seq: number; resolve: () => void }[] = [];
  let committing = false;

  const commit = async (): Promise<void> => {
    committing = true;
    while (pending.length > 0) {
      const batch = pending.splice(0, 1000);
      await run(db, 'BEGIN');
      for (let i = 0; i < batch.length; i += 100) {
        const rows = batch.slice(i, i + 100);
        await run(db, `INSERT INTO events VALUES ${rows.map(() => '(?,?,?,?,?)').join(',')}`, rows.flatMap((r) => ['bench', r.seq, 'decision.submitted', Date.now(), payload]));
      }
      await run(db, 'COMMIT');
      for (const r of batch) r.resolve();
    }
    committing = false;
  };
  const insert = (): Promise<void> =>
    new Promise((resolve) => {
      pending.push({ seq: ++seq, resolve });
      if (!committing) void Promise.resolve().then(commit);
    });

  const latencies: number[] = [];
  const started = Date.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (Date.now() < deadline) {
        const t = Date.now();
        await insert();
        latencies.push(Date.now() - t);
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  pending = [];
  db.close();
  const sorted = [...latencies].sort((a, b) => a - b);
  const result: BareSqliteResult = {
    rows: latencies.length,
    rowsPerSecond: latencies.length / elapsed,
    commitP99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

void main();
