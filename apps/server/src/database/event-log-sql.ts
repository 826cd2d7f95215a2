// SQL that reads an exercise's log as JSON text built by the database: one array per seq range, each event's object
// with the keys in the order the row path gives them (seq, type, at, exerciseTime, audience, actor when set, payload).
import type { DataSource } from 'typeorm';

export interface EventLogSql {
  /** `[exerciseId]` → one row `{ first, last }`: the lowest and highest seq, or nulls. */
  seqRange: string;
  /** `[exerciseId, after, upTo]` → one row `{ events, rows }`: the JSON array of the events with after < seq <= upTo,
   * in seq order on PostgreSQL and in key order on SQLite (null if none could be written as JSON), and how many rows
   * there are. An event the database cannot write exactly
   * is left out of the array, so a caller that finds fewer events than rows reads those rows itself. */
  slice: string;
}

/** Audience, actor and payload are stored as JSON texts and go into the object as they are. */
function eventObject(quote: (column: string) => string, number: (column: string) => string): string {
  return [
    `'{"seq":' || ${number('seq')}`,
    `',"type":' || ${quote('type')}`,
    `',"at":' || ${number('at')}`,
    `',"exerciseTime":' || ${number('exercise_time')}`,
    `',"audience":' || audience`,
    `CASE WHEN actor IS NULL OR actor = '' THEN '' ELSE ',"actor":' || actor END`,
    `',"payload":' || payload || '}'`,
  ].join(' || ');
}

export function eventLogSqlFor(dataSource: DataSource, table: string): EventLogSql {
  if (dataSource.options.type === 'postgres') {
    const event = eventObject(
      (c) => `to_json(${c})::text`,
      (c) => `${c}::text`,
    );
    return {
      seqRange: `SELECT min(seq) AS first, max(seq) AS last FROM ${table} WHERE exercise_id = $1`,
      slice: `SELECT '[' || string_agg(${event}, ',' ORDER BY seq) || ']' AS events, count(*) AS rows FROM ${table} WHERE exercise_id = $1 AND seq > $2 AND seq <= $3`,
    };
  }
  // SQLite writes a REAL with 15 significant digits, which may not be the stored double: only integers go as text.
  const event = `CASE WHEN typeof(seq) = 'integer' AND typeof(at) = 'integer' AND typeof(exercise_time) = 'integer' THEN ${eventObject(
    (c) => `json_quote(${c})`,
    (c) => c,
  )} END`;
  return {
    seqRange: `SELECT min(seq) AS first, max(seq) AS last FROM ${table} WHERE exercise_id = ?`,
    // In the key's order, not sorted again (the caller checks it).
    slice: `SELECT '[' || group_concat(${event}, ',') || ']' AS events, count(*) AS rows FROM ${table} WHERE exercise_id = ? AND seq > ? AND seq <= ?`,
  };
}
