// The durable event log: batched appends in one short transaction, raw reads for fast replay.
import { Inject, Injectable } from '@nestjs/common';
import type { Actor, Audience, ExerciseEvent, ExerciseStatus } from '@ttx/engine';
import { DataSource, type EntityManager } from 'typeorm';
import { EventEntity } from '../database/event.entity.js';
import { ExerciseEntity } from '../database/exercise.entity.js';
import { WriteQueue } from '../database/write-queue.service.js';

// Eight columns a row: 100 rows stay far below every driver's bound-parameter limit.
const ROWS_PER_INSERT = 100;
const COLUMNS = ['exercise_id', 'seq', 'type', 'at', 'exercise_time', 'audience', 'actor', 'payload'] as const;

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

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WriteQueue) private readonly writes: WriteQueue,
  ) {}

  /** Appends `events` and records the exercise's status and last seq, all in one transaction. */
  append(exerciseId: string, events: readonly ExerciseEvent[], status: ExerciseStatus): Promise<void> {
    return this.writes.transaction((manager) => this.appendWith(manager, exerciseId, events, status));
  }

  async appendWith(manager: EntityManager, exerciseId: string, events: readonly ExerciseEvent[], status: ExerciseStatus): Promise<void> {
    for (let i = 0; i < events.length; i += ROWS_PER_INSERT) {
      const chunk = events.slice(i, i + ROWS_PER_INSERT);
      const params: unknown[] = [];
      for (const e of chunk) {
        params.push(exerciseId, e.seq, e.type, e.at, e.exerciseTime, JSON.stringify(e.audience), e.actor ? JSON.stringify(e.actor) : null, JSON.stringify(e.payload));
      }
      await manager.query(this.insertSql(chunk.length), params);
    }
    const lastSeq = events.length > 0 ? events[events.length - 1]!.seq : undefined;
    await manager.update(ExerciseEntity, { id: exerciseId }, lastSeq === undefined ? { status } : { status, lastSeq });
  }

  /** One multi-row INSERT per chunk size, built once: no query builder or entity work on the write path. */
  private insertSql(rows: number): string {
    let sql = this.insertSqlByRows.get(rows);
    if (sql) return sql;
    const driver = this.dataSource.driver;
    const numbered = this.dataSource.options.type === 'postgres';
    const table = this.dataSource
      .getMetadata(EventEntity)
      .tablePath.split('.')
      .map((part) => driver.escape(part))
      .join('.');
    const tuples: string[] = [];
    for (let r = 0; r < rows; r += 1) {
      const marks = Array.from({ length: COLUMNS.length }, (_, c) => (numbered ? `$${r * COLUMNS.length + c + 1}` : '?'));
      tuples.push(`(${marks.join(', ')})`);
    }
    sql = `INSERT INTO ${table} (${COLUMNS.map((c) => driver.escape(c)).join(', ')}) VALUES ${tuples.join(', ')}`;
    this.insertSqlByRows.set(rows, sql);
    return sql;
  }

  /** The whole log of an exercise, in seq order. */
  async load(exerciseId: string): Promise<ExerciseEvent[]> {
    const rows = await this.dataSource
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
      .orderBy('e.seq', 'ASC')
      .getRawMany<RawEventRow>();
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
}
