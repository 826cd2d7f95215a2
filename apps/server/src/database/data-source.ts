// Opens the database DATABASE_URL names (SQLite file or PostgreSQL) and brings its schema up to date.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/ttx-config.js';
import { AccessCodeEntity } from './access-code.entity.js';
import { EventEntity } from './event.entity.js';
import { ExerciseEntity } from './exercise.entity.js';
import { InitialSchema1732600000000 } from './migrations/1732600000000-initial-schema.migration.js';
import { ClockSeenAt1764650000000 } from './migrations/1764650000000-clock-seen-at.migration.js';
import { UserEntity } from './user.entity.js';

export const ENTITIES = [UserEntity, ExerciseEntity, EventEntity, AccessCodeEntity];
export const MIGRATIONS = [InitialSchema1732600000000, ClockSeenAt1764650000000];

export function createDataSource(config: DatabaseConfig): DataSource {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: false } as const;
  if (config.kind === 'sqlite') {
    keepPrivate(config.file);
    return new DataSource({ type: 'sqlite', database: config.file, driver: quietSqlite(), enableWAL: true, busyTimeout: 5000, ...common });
  }
  return new DataSource({ type: 'postgres', url: config.url, schema: config.schema, poolSize: 10, ...common });
}

/** The folder (when TTX creates it) is 0700 and the file 0600: SQLite gives its -wal and -shm files the mode of the
 * database file, so the log of an exercise is readable by the server's user only. */
function keepPrivate(file: string): void {
  const dir = path.dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  for (const companion of [`${file}-wal`, `${file}-shm`]) if (existsSync(companion)) chmodSync(companion, 0o600);
}

/** sqlite3 as TypeORM loads it, minus `verbose()`: TypeORM always calls it, and verbose mode formats every bound
 * parameter with util.inspect and captures a stack on each call, which costs more than the insert itself. */
function quietSqlite(): typeof sqlite3 {
  return Object.assign(Object.create(sqlite3) as typeof sqlite3, { verbose: () => sqlite3 });
}

/** Connects, applies the durability settings and runs pending migrations. */
export async function openDatabase(config: DatabaseConfig): Promise<DataSource> {
  const dataSource = createDataSource(config);
  await dataSource.initialize();
  if (config.kind === 'sqlite') {
    // WAL with synchronous=NORMAL: a commit survives a process crash, and is fsynced at checkpoints.
    await dataSource.query('PRAGMA journal_mode = WAL');
    await dataSource.query('PRAGMA synchronous = NORMAL');
  } else if (config.schema) {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${config.schema}"`);
  }
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
