// Reads an exercise's committed log as the JSON slices the database writes (event-log-sql.ts), for a worker thread to
// parse: the server's event loop neither copies nor serialises the events.
import type { DataSource } from 'typeorm';
import { EventEntity } from './event.entity.js';
import { eventLogSql, type JsonSlice, SEQS_PER_SLICE } from './event-log-sql.js';

export type SliceReader = (exerciseId: string, after: number, upTo: number) => Promise<JsonSlice[]>;

/** The events with after < seq <= upTo, one slice per SEQS_PER_SLICE seqs. */
export function eventLogSlices(dataSource: DataSource): SliceReader {
  const { driver } = dataSource;
  const table = dataSource
    .getMetadata(EventEntity)
    .tablePath.split('.')
    .map((part) => driver.escape(part))
    .join('.');
  const sql = eventLogSql(dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite', table).slice;
  return async (exerciseId, after, upTo) => {
    const slices: JsonSlice[] = [];
    for (let from = after; from < upTo; from += SEQS_PER_SLICE) {
      const [slice] = await dataSource.query<JsonSlice[]>(sql, [exerciseId, from, Math.min(upTo, from + SEQS_PER_SLICE)]);
      slices.push(slice ?? { events: null, rows: 0 });
    }
    return slices;
  };
}
