// Times the after-action review of a stored exercise: from the server's SQLite file to the AAR model, and, as the
// floor, reading and parsing the same rows without building anything.
import type { ExerciseEvent } from '@ttx/engine';
import { buildAarModelAsync } from '@ttx/report';
import type { ActionCatalogue, RuleSet, Scenario } from '@ttx/scenario';
import sqlite3 from 'sqlite3';

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

export interface AarTiming {
  events: number;
  /** Reading the log and building the model, as the server's report route would. */
  ms: number;
  /** Reading and parsing the same rows only. */
  readMs: number;
  /** The longest stretch the build kept the event loop busy between two yields. */
  longestBlockMs: number;
}

export async function timeAar(file: string, exerciseId: string): Promise<AarTiming> {
  const readStarted = performance.now();
  const first = await readExercise(file, exerciseId);
  const readMs = performance.now() - readStarted;

  const started = performance.now();
  const { context, events } = await readExercise(file, exerciseId);
  let longestBlockMs = 0;
  let last = performance.now();
  await buildAarModelAsync(
    { scenario: context.scenario, catalogue: context.catalogue, ruleSet: context.ruleSet, events, generatedAt: Date.now() },
    {
      yieldToEventLoop: () =>
        new Promise((resolve) => {
          longestBlockMs = Math.max(longestBlockMs, performance.now() - last);
          setImmediate(() => {
            last = performance.now();
            resolve();
          });
        }),
    },
  );
  longestBlockMs = Math.max(longestBlockMs, performance.now() - last);
  return { events: first.events.length, ms: performance.now() - started, readMs, longestBlockMs };
}
