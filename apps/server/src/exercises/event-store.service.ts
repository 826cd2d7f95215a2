// The durable event log: batched appends in one short transaction, reads as JSON the database builds for fast replay.
import { Inject, Injectable } from '@nestjs/common';
import type { Actor, Audience, ExerciseEvent, ExerciseStatus } from '@ttx/engine';
import { DataSource, type EntityManager } from 'typeorm';
import { EventEntity } from '../database/event.entity.js';
import { type EventLogSql, eventLogSql, type JsonSlice, SEQS_PER_SLICE, sliceEvents } from '../database/event-log-sql.js';
import { ExerciseEntity } from '../database/exercise.entity.js';
import { WriteQueue } from '../database/write-queue.service.js';

// Eight columns a row: 100 rows stay far below every driver's bound-parameter limit.
const ROWS_PER_INSERT = 100;
const COLUMNS = [
  'exercise_id',
  'seq',
  'type',
  'at',
  'exercise_time',
  'audience',
  'actor',
  'payload',
] as const;
interface RawEventRow {
  seq: number | string;
  type: string;
  at: number | string;
  exercise_time: number | string;
  audience: string;
  actor: string | null;
  payload: string;
}

@Injectable()
export class EventStore {
  private readonly insertSqlByRows = new Map<number, string>();
  private logSql: EventLogSql | undefined;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WriteQueue) private readonly writes: WriteQueue,
  ) {}

  /** Appends `events` and records the exercise's status and last seq, all in one transaction. */
  append(exerciseId: string, events: readonly ExerciseEvent[], status: ExerciseStatus): Promise<void> {
    return this.writes.transaction((manager) => this.appendWith(manager, exerciseId, events, status));
  }

  async appendWith(
    manager: EntityManager,
    exerciseId: string,
    events: readonly ExerciseEvent[],
    status: ExerciseStatus,
  ): Promise<void> {
    for (let i = 0; i < events.length; i += ROWS_PER_INSERT) {
      const chunk = events.slice(i, i + ROWS_PER_INSERT);
      const params: unknown[] = [];
      for (const e of chunk) {
        params.push(
          exerciseId,
          e.seq,
          e.type,
          e.at,
          e.exerciseTime,
          JSON.stringify(e.audience),
          e.actor ? JSON.stringify(e.actor) : null,
          JSON.stringify(e.payload),
        );
      }
      await manager.query(this.insertSql(chunk.length), params);
    }
    const lastSeq = events.length > 0 ? events[events.length - 1]!.seq : undefined;
    await manager.update(
      ExerciseEntity,
      { id: exerciseId },
      lastSeq === undefined ? { status } : { status, lastSeq },
    );
  }

  /** One multi-row INSERT per chunk size, built once: no query builder or entity work on the write path. */
  private insertSql(rows: number): string {
    let sql = this.insertSqlByRows.get(rows);
    if (sql) return sql;
    const driver = this.dataSource.driver;
    const numbered = this.dataSource.options.type === 'postgres';
    const table = this.eventTable();
    const tuples: string[] = [];
    for (let r = 0; r < rows; r += 1) {
      const marks = Array.from({ length: COLUMNS.length }, (_, c) =>
        numbered ? `$${r * COLUMNS.length + c + 1}` : '?',
      );
      tuples.push(`(${marks.join(', ')})`);
    }
    sql = `INSERT INTO ${table} (${COLUMNS.map((c) => driver.escape(c)).join(', ')}) VALUES ${tuples.join(', ')}`;
    this.insertSqlByRows.set(rows, sql);
    return sql;
  }

  /** The whole log of an exercise, in seq order. The database writes each slice of it as one JSON array text, so
   * this thread parses a few large strings instead of three JSON texts and a row object per event, and the database
   * builds the next slice while this thread parses one. */
  async load(exerciseId: string): Promise<ExerciseEvent[]> {
    const [range] = await this.dataSource.query<
      { first: number | string | null; last: number | string | null }[]
    >(this.sql().seqRange, [exerciseId]);
    const events: ExerciseEvent[] = [];
    if (range?.first === null || range?.first === undefined || range.last === null) return events;
    const last = Number(range.last);
    let after = Number(range.first) - 1;
    let next = this.querySlice(exerciseId, after);
    while (after < last) {
      const slice = await next;
      const upTo = after + SEQS_PER_SLICE;
      // Asked for once the driver is done with the slice before: node-sqlite3 finalizes a statement on this thread,
      // which would wait for the one connection while it builds the next slice.
      await new Promise((resolve) => setImmediate(resolve));
      if (upTo < last) next = this.querySlice(exerciseId, upTo);
      for (const event of await this.eventsOf(slice, exerciseId, after, upTo)) events.push(event);
      after = upTo;
    }
    return events;
  }

  /** The events with after < seq <= upTo as JSON slices the database writes, as UTF-8 bytes where it can (the report worker parses them). */
  async readSlices(exerciseId: string, after: number, upTo: number): Promise<JsonSlice[]> {
    const slices: JsonSlice[] = [];
    for (let from = after; from < upTo; from += SEQS_PER_SLICE)
      slices.push(await this.querySlice(exerciseId, from, Math.min(upTo, from + SEQS_PER_SLICE), 'sliceBytes'));
    return slices;
  }

  private async querySlice(
    exerciseId: string,
    after: number,
    upTo = after + SEQS_PER_SLICE,
    form: 'slice' | 'sliceBytes' = 'slice',
  ): Promise<JsonSlice> {
    const [slice] = await this.dataSource.query<JsonSlice[]>(this.sql()[form], [exerciseId, after, upTo]);
    return slice ?? { events: null, rows: 0 };
  }

  /** A slice's events from its JSON, in seq order; from the rows themselves (`loadRows`) when one holds a number its
   * text form might not carry exactly, or a text that is not JSON (which then fails there, as it always did). */
  private async eventsOf(
    slice: JsonSlice,
    exerciseId: string,
    after: number,
    upTo: number,
  ): Promise<ExerciseEvent[]> {
    return sliceEvents(slice) ?? this.loadRows(exerciseId, { after, upTo });
  }

  /** The events (all, or those with `after < seq <= upTo`) read row by row: each column as the driver returns it,
   * JSON texts parsed one by one. */
  async loadRows(exerciseId: string, seqs?: { after: number; upTo: number }): Promise<ExerciseEvent[]> {
    const query = this.dataSource
      .createQueryBuilder()
      .select('e.seq', 'seq')
      .addSelect('e.type', 'type')
      .addSelect('e.at', 'at')
      .addSelect('e.exercise_time', 'exercise_time')
      .addSelect('e.audience', 'audience')
      .addSelect('e.actor', 'actor')
      .addSelect('e.payload', 'payload')
      .from(EventEntity, 'e')
      .where('e.exercise_id = :exerciseId', { exerciseId })
      .orderBy('e.seq', 'ASC');
    if (seqs) query.andWhere('e.seq > :after AND e.seq <= :upTo', seqs);
    const rows = await query.getRawMany<RawEventRow>();
    return rows.map(
      (row) =>
        ({
          seq: Number(row.seq),
          type: row.type,
          at: Number(row.at),
          exerciseTime: Number(row.exercise_time),
          audience: JSON.parse(row.audience) as Audience,
          ...(row.actor ? { actor: JSON.parse(row.actor) as Actor } : {}),
          payload: JSON.parse(row.payload) as unknown,
        }) as ExerciseEvent,
    );
  }

  private sql(): EventLogSql {
    this.logSql ??= eventLogSql(this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite', this.eventTable());
    return this.logSql;
  }

  private eventTable(): string {
    const driver = this.dataSource.driver;
    return this.dataSource
      .getMetadata(EventEntity)
      .tablePath.split('.')
      .map((part) => driver.escape(part))
      .join('.');
  }
}
