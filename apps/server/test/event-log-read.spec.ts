// Reading a log at start: the JSON the database builds gives exactly the events the row-by-row path gives (values,
// key order, absent actors), across slice boundaries and other exercises' rows, and rows it cannot write exactly
// (a REAL time, a text that is not JSON) are read, or refused, as the row path does.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import type { ExerciseEvent } from '@ttx/engine';
import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../src/config/ttx-config.js';
import { openDatabase } from '../src/database/data-source.js';
import { WriteQueue } from '../src/database/write-queue.service.js';
import { EventStore } from '../src/exercises/event-store.service.js';

interface Store {
  name: string;
  /** The events table as raw SQL names it. */
  table: string;
  open(): Promise<{ dataSource: DataSource; close(): Promise<void> }>;
}

function stores(): Store[] {
  const sqlite: Store = {
    name: 'SQLite',
    table: 'exercise_events',
    async open() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ttx-log-read-'));
      const dataSource = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'ttx.sqlite') });
      return {
        dataSource,
        close: async () => {
          await dataSource.destroy();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
  const url = process.env.TTX_TEST_POSTGRES_URL;
  if (!url) return [sqlite];
  const schema = `ttx_log_${process.pid}_${Date.now().toString(36)}`;
  const postgres: Store = {
    name: 'PostgreSQL',
    table: `"${schema}"."exercise_events"`,
    async open() {
      const config: DatabaseConfig = { kind: 'postgres', url, schema };
      const dataSource = await openDatabase(config);
      return {
        dataSource,
        close: async () => {
          await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          await dataSource.destroy();
        },
      };
    },
  };
  return [sqlite, postgres];
}

const AWKWARD_TEXT =
  'quote " backslash \\ slash / tab \t newline \n nul-free control \u0001 unicode é 漢字 emoji 🛰️ \u2028 end';

/** Events of every shape the log holds, with awkward texts and numbers; `count` of them from seq `first`. */
function eventsFrom(first: number, count: number): ExerciseEvent[] {
  const out: ExerciseEvent[] = [];
  for (let i = 0; i < count; i += 1) {
    const seq = first + i;
    const shape = i % 4;
    const event = {
      seq,
      type:
        shape === 0
          ? 'decision.submitted'
          : shape === 1
            ? 'findings.recorded'
            : shape === 2
              ? 'inject.released'
              : 'message.sent',
      at: 1_764_000_000_000 + i * 37,
      exerciseTime: i * 1_000 + (i % 7),
      audience: shape === 2 ? { kind: 'all' } : { kind: 'teams', teamIds: ['sl-gov', `team-${i % 40}`] },
      ...(shape === 2
        ? {}
        : { actor: { role: 'player', id: `Participant ${AWKWARD_TEXT} ${i}`, teamId: 'sl-gov' } }),
      payload: {
        id: `item-${i}`,
        text: `${AWKWARD_TEXT} ${i}`,
        numbers: [0, -1, 1.5, 1e21, 2 ** 53 - 1, 0.1 + 0.2, -0],
        flags: { yes: true, no: false, nothing: null },
        nested: { deeper: [{ a: i }, [], {}] },
        ['__proto__']: { notAPrototype: true },
      },
    };
    out.push(event as unknown as ExerciseEvent);
  }
  return out;
}

/** Key order too: the engine and the views see the same objects. */
function shapeOf(events: readonly ExerciseEvent[]): string {
  return JSON.stringify(events.map((e) => [Object.keys(e), e]));
}

describe.each(stores())('reading a log at start on $name', ({ name, table, open }) => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let store: EventStore;

  beforeAll(async () => {
    ({ dataSource, close } = await open());
    store = new EventStore(dataSource, new WriteQueue(dataSource));
  });
  afterAll(async () => {
    await close();
  });

  it('gives the events the row path gives, across slices and beside other exercises', async () => {
    const events = eventsFrom(1, 12_345);
    for (let i = 0; i < events.length; i += 2_000) {
      await store.append('ex-read', events.slice(i, i + 2_000), 'running');
      await store.append('ex-other', eventsFrom(i + 1, 3), 'running');
    }
    const rowPath = jest.spyOn(store, 'loadRows');
    const read = await store.load('ex-read');
    expect(rowPath).not.toHaveBeenCalled();
    rowPath.mockRestore();
    expect(read).toHaveLength(12_345);
    expect(shapeOf(read)).toBe(shapeOf(await store.loadRows('ex-read')));
    expect(shapeOf(read)).toBe(shapeOf(events));
    expect(read[2]).not.toHaveProperty('actor');
    expect(Object.keys(read[0]!)).toEqual([
      'seq',
      'type',
      'at',
      'exerciseTime',
      'audience',
      'actor',
      'payload',
    ]);
  });

  it('reads an empty log, and a log whose seqs start late', async () => {
    expect(await store.load('ex-none')).toEqual([]);
    await store.append('ex-late', eventsFrom(7_001, 10), 'running');
    expect(shapeOf(await store.load('ex-late'))).toBe(shapeOf(eventsFrom(7_001, 10)));
  });

  it('reads rows the database cannot write exactly as the row path does, and refuses a text that is not JSON as it does', async () => {
    await store.append('ex-odd', eventsFrom(1, 6_000), 'running');
    // An empty actor text, and on SQLite a REAL exercise time (the engine writes whole ms; PostgreSQL's is bigint).
    await dataSource.query(`UPDATE ${table} SET actor = '' WHERE exercise_id = 'ex-odd' AND seq = 5500`);
    if (name === 'SQLite')
      await dataSource.query(
        `UPDATE ${table} SET exercise_time = 1234.5678901234567 WHERE exercise_id = 'ex-odd' AND seq = 5501`,
      );
    const rowPath = jest.spyOn(store, 'loadRows');
    const read = await store.load('ex-odd');
    // On SQLite only the slice holding the REAL (seqs 5001–6000) goes row by row.
    expect(rowPath.mock.calls).toEqual(name === 'SQLite' ? [['ex-odd', { after: 5_000, upTo: 10_000 }]] : []);
    rowPath.mockRestore();
    expect(read).toHaveLength(6_000);
    expect(shapeOf(read)).toBe(shapeOf(await store.loadRows('ex-odd')));
    expect(read[5_499]).not.toHaveProperty('actor');
    if (name === 'SQLite') expect(read[5_500]!.exerciseTime).toBe(1234.5678901234567);

    await dataSource.query(
      `UPDATE ${table} SET payload = '{"cut":' WHERE exercise_id = 'ex-odd' AND seq = 42`,
    );
    await expect(store.loadRows('ex-odd')).rejects.toThrow(SyntaxError);
    await expect(store.load('ex-odd')).rejects.toThrow(SyntaxError);
  });
});
