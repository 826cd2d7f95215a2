// Runs write transactions one after another: SQLite has one connection, and TypeORM would nest concurrent
// transactions on it as savepoints, mixing one exercise's batch into another's.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

@Injectable()
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@Inject(DataSource) readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const run = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every queued transaction has finished. */
  async drain(): Promise<void> {
    await this.tail;
  }
}
