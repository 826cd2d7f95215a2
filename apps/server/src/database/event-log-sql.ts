// SQL that reads an exercise's log as JSON text built by the database: one array per seq range, each event's object
// with the keys in the order the row path gives them (seq, type, at, exerciseTime, audience, actor when set, payload).
// Built from the driver kind and table name alone, so that the report worker can read a log without TypeORM.
import type { ExerciseEvent } from '@ttx/engine';

export type EventLogDriver = 'sqlite' | 'postgres';

export interface EventLogSql {
  /** `[exerciseId]` → one row `{ first, last }`: the lowest and highest seq, or nulls. */
  seqRange: string;
  /** `[exerciseId, after, upTo]` → one row `{ events, rows }`: the JSON array of the events with after < seq <= upTo,
   * in seq order on PostgreSQL and in key order on SQLite (null if none could be written as JSON), and how many rows
   * there are. An event the database cannot write exactly
   * is left out of the array, so a caller that finds fewer events than rows reads those rows itself. */
  slice: string;
  /** `slice` with the array as UTF-8 bytes where the driver gives them without a text in between (SQLite's BLOB), so
   * that the server hands them to the report worker by transfer instead of copying the text. */
  sliceBytes: string;
}

/** One slice of the log as the database writes it: a JSON array text (null if no row could be written) and the
 * number of rows it covers (pg gives counts as strings). */
export interface JsonSlice {
  events: string | Uint8Array | null;
  rows: number | string;
}

/** Seqs per JSON slice: about 2 MB of text each at 100,000 events. */
export const SEQS_PER_SLICE = 5000;

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

/** `table` as raw SQL names it (quoted, with its schema if any). */
export function eventLogSql(driver: EventLogDriver, table: string): EventLogSql {
  if (driver === 'postgres') {
    const event = eventObject(
      (c) => `to_json(${c})::text`,
      (c) => `${c}::text`,
    );
    return {
      seqRange: `SELECT min(seq) AS first, max(seq) AS last FROM ${table} WHERE exercise_id = $1`,
      slice: `SELECT '[' || string_agg(${event}, ',' ORDER BY seq) || ']' AS events, count(*) AS rows FROM ${table} WHERE exercise_id = $1 AND seq > $2 AND seq <= $3`,
      // pg writes a bytea as hex text and decodes it on the main thread: the text is the cheaper way there.
      sliceBytes: `SELECT '[' || string_agg(${event}, ',' ORDER BY seq) || ']' AS events, count(*) AS rows FROM ${table} WHERE exercise_id = $1 AND seq > $2 AND seq <= $3`,
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
    sliceBytes: `SELECT CAST('[' || group_concat(${event}, ',') || ']' AS BLOB) AS events, count(*) AS rows FROM ${table} WHERE exercise_id = ? AND seq > ? AND seq <= ?`,
  };
}

/** SQLite concatenates in the order it scans the (exercise_id, seq) key, which is seq order; the aggregate's own
 * ORDER BY would copy and sort every text, so the order is checked here and restored if a plan ever differs. */
function inSeqOrder(events: ExerciseEvent[]): ExerciseEvent[] {
  for (let i = 1; i < events.length; i += 1) {
    if (events[i]!.seq <= events[i - 1]!.seq) return events.sort((a, b) => a.seq - b.seq);
  }
  return events;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The byte buffers of `slices` that may be moved to another thread: each Uint8Array that is its whole buffer. */
export function transferableSlices(slices: readonly JsonSlice[]): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const { events } of slices) {
    if (events instanceof Uint8Array && events.byteOffset === 0 && events.byteLength === events.buffer.byteLength && events.buffer instanceof ArrayBuffer)
      buffers.push(events.buffer);
  }
  return buffers;
}

/** A slice's events in seq order, or undefined when its rows must be read one by one: one holds a number its text
 * form might not carry exactly, or a text that is not JSON. */
export function sliceEvents(slice: JsonSlice): ExerciseEvent[] | undefined {
  if (Number(slice.rows) === 0) return [];
  if (slice.events === null) return undefined;
  let events: ExerciseEvent[];
  try {
    const text = typeof slice.events === 'string' ? slice.events : utf8.decode(slice.events);
    events = JSON.parse(text) as ExerciseEvent[];
  } catch {
    // a stored text that is not JSON: the row path reports it
    return undefined;
  }
  return events.length === Number(slice.rows) ? inSeqOrder(events) : undefined;
}
