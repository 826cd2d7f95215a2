// The report worker's own connection to the stored log: it reads the events it lacks as the JSON slices the event
// store reads at start (a read-only SQLite connection, which WAL lets read while the server writes, or a pg client),
// one slice in flight while the one before is parsed. A slice it cannot take whole is left to the server to send.
import type { ExerciseEvent } from '@ttx/engine';
import type sqlite3 from 'sqlite3';
import { type EventLogSql, eventLogSql, type JsonSlice, SEQS_PER_SLICE, sliceEvents } from '../database/event-log-sql.js';

/** Where the worker reads logs from; `table` is the events table as raw SQL names it. */
export type LogDatabase = { kind: 'sqlite'; file: string; table: string } | { kind: 'postgres'; url: string; table: string };

/** The events with after < seq <= upTo; none when the database could not write them all exactly, or failed (`error`). */
export interface LogSlice {
  after: number;
  upTo: number;
  events?: ExerciseEvent[];
  error?: string;
}

interface Connection {
  slice(exerciseId: string, after: number, upTo: number): Promise<JsonSlice>;
  /** Resolves once the connection is closed, after any slice under way. */
  close(): Promise<void>;
}

/** The few members of pg's Client used here (pg ships no types of its own). */
interface PgClient {
  connect(): Promise<void>;
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: JsonSlice[] }>;
  on(event: 'error', listener: (error: Error) => void): void;
  end(): Promise<void>;
}

// A name the compiler does not resolve: pg is loaded only where PostgreSQL is used, and has no type declarations.
const PG_MODULE: string = 'pg';

async function sqliteConnection(file: string, sql: EventLogSql): Promise<Connection> {
  const { default: driver } = await import('sqlite3');
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened: sqlite3.Database = new driver.Database(file, driver.OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)));
  });
  db.configure('busyTimeout', 5000);
  // One statement, kept: finalizing one per slice would wait on this thread for the connection the next is using.
  // `all`, not `get`: it steps the statement to its end, which ends its read transaction (one left open would keep
  // the server's checkpoints from emptying the WAL).
  const statement = db.prepare(sql.slice);
  return {
    slice: (exerciseId, after, upTo) =>
      new Promise((resolve, reject) =>
        statement.all([exerciseId, after, upTo], (error: Error | null, rows: JsonSlice[]) => (error ? reject(error) : resolve(rows[0] ?? { events: null, rows: 0 }))),
      ),
    // The statement is finalized after the slice under way, and the connection closed after that.
    close: () =>
      new Promise((resolve, reject) => {
        statement.finalize(() => db.close((error) => (error ? reject(error) : resolve())));
      }),
  };
}

async function postgresConnection(url: string, sql: EventLogSql): Promise<Connection> {
  const pg = (await import(PG_MODULE)) as { default: { Client: new (config: { connectionString: string; application_name: string }) => PgClient } };
  const client = new pg.default.Client({ connectionString: url, application_name: 'ttx-report-worker' });
  // A connection lost while idle is reported on the next query; an unhandled 'error' would end the worker.
  client.on('error', () => undefined);
  await client.connect();
  return {
    slice: async (exerciseId, after, upTo) => {
      const { rows } = await client.query({ name: 'ttx-log-slice', text: sql.slice, values: [exerciseId, after, upTo] });
      return rows[0] ?? { events: null, rows: 0 };
    },
    close: () => client.end(),
  };
}

export class LogReader {
  private connection: Promise<Connection> | undefined;
  private closed = false;

  constructor(private readonly database: LogDatabase) {}

  /** The log from after `after` up to `upTo` in slices of SEQS_PER_SLICE seqs, in order; the next slice is asked for
   * before the one in hand is handed out. A database that cannot be reached yields the whole range unread. */
  async *slices(exerciseId: string, after: number, upTo: number): AsyncGenerator<LogSlice> {
    let connection: Connection;
    try {
      connection = await this.connect();
    } catch (error) {
      // Asked again on the next read: the database may be back by then.
      this.connection = undefined;
      yield { after, upTo, error: `the database could not be opened: ${(error as Error).message}` };
      return;
    }
    const ask = (from: number): Promise<JsonSlice> => {
      const asked = this.closed ? Promise.reject(new Error('the worker is closing')) : connection.slice(exerciseId, from, Math.min(upTo, from + SEQS_PER_SLICE));
      // Awaited below; until then a failure must not count as unhandled (which would end the worker).
      asked.catch(() => undefined);
      return asked;
    };
    let from = after;
    let next = from < upTo ? ask(from) : undefined;
    while (next) {
      const to = Math.min(upTo, from + SEQS_PER_SLICE);
      let got: JsonSlice | undefined;
      let error: string | undefined;
      try {
        got = await next;
      } catch (failure) {
        error = `the database could not be read: ${(failure as Error).message}`;
      }
      next = to < upTo ? ask(to) : undefined;
      const events = got && sliceEvents(got);
      yield { after: from, upTo: to, ...(events && { events }), ...(error !== undefined && { error }) };
      from = to;
    }
  }

  /** Closes the connection once the slice under way is read. The worker closes it before it exits: a worker thread
   * stopped while sqlite3 still has work on the thread pool aborts the whole process (node-sqlite3 issue 1666). */
  async close(): Promise<void> {
    this.closed = true;
    const connection = this.connection;
    this.connection = undefined;
    if (!connection) return;
    let open: Connection;
    try {
      open = await connection;
    } catch {
      return;
    }
    await open.close();
  }

  private connect(): Promise<Connection> {
    if (this.closed) return Promise.reject(new Error('the worker is closing'));
    if (!this.connection) {
      const { database } = this;
      const sql = eventLogSql(database.kind, database.table);
      this.connection = database.kind === 'sqlite' ? sqliteConnection(database.file, sql) : postgresConnection(database.url, sql);
    }
    return this.connection;
  }
}
