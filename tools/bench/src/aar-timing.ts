// Times the after-action review of a stored exercise through the server's report route, and, as the floor, reading
// and parsing the same rows from the SQLite file without building anything.
import type { ExerciseEvent } from '@ttx/engine';
import type { ActionCatalogue, RuleSet, Scenario } from '@ttx/scenario';
import sqlite3 from 'sqlite3';
import type { TtxApi } from './ttx-api.js';

interface EventRow {
  seq: number;
  type: string;
  at: number;
  exercise_time: number;
  audience: string;
  actor: string | null;
  payload: string;
}

function all<T>(db: sqlite3.Database, sql: string, params: unknown[]): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
}

async function readExercise(file: string, exerciseId: string): Promise<{ context: { scenario: Scenario; catalogue: ActionCatalogue; ruleSet: RuleSet }; events: ExerciseEvent[] }> {
  const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
  try {
    const [row] = await all<{ context: string }>(db, 'SELECT context FROM exercises WHERE id = ?', [exerciseId]);
    if (!row) throw new Error(`exercise ${exerciseId} is not in ${file}`);
    const rows = await all<EventRow>(db, 'SELECT seq, type, at, exercise_time, audience, actor, payload FROM exercise_events WHERE exercise_id = ? ORDER BY seq', [exerciseId]);
    const events = rows.map(
      (r) =>
        ({
          seq: r.seq,
          type: r.type,
          at: Number(r.at),
          exerciseTime: Number(r.exercise_time),
          audience: JSON.parse(r.audience) as unknown,
          ...(r.actor ? { actor: JSON.parse(r.actor) as unknown } : {}),
          payload: JSON.parse(r.payload) as unknown,
        }) as ExerciseEvent,
    );
    return { context: JSON.parse(row.context) as { scenario: Scenario; catalogue: ActionCatalogue; ruleSet: RuleSet }, events };
  } finally {
    db.close();
  }
}

export interface ReportTiming {
  /** Request → last byte of the report, from the server's report route. */
  ms: number;
  bytes: number;
}

/** Times `GET /api/exercises/:id/report?format=…` until its whole body has arrived. */
export async function timeReport(api: TtxApi, token: string, exerciseId: string, format: 'json' | 'pdf'): Promise<ReportTiming> {
  const started = performance.now();
  const response = await fetch(`${api.url}/api/exercises/${exerciseId}/report?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
  const body = new Uint8Array(await response.arrayBuffer());
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`the ${format} report answered ${response.status}: ${new TextDecoder().decode(body.slice(0, 300))}`);
  return { ms, bytes: body.byteLength };
}

/** The floor under the report: reading and parsing the exercise's rows from the SQLite file, nothing built. */
export async function timeRowRead(file: string, exerciseId: string): Promise<{ events: number; ms: number }> {
  const started = performance.now();
  const { events } = await readExercise(file, exerciseId);
  return { events: events.length, ms: performance.now() - started };
}
