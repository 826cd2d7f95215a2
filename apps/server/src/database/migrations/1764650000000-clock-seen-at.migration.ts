// When the server last vouched for each running exercise's clock: after a restart, the outage began there.
import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

export class ClockSeenAt1764650000000 implements MigrationInterface {
  name = 'ClockSeenAt1764650000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('exercises', new TableColumn({ name: 'clock_seen_at', type: 'bigint', isNullable: true }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('exercises', 'clock_seen_at');
  }
}
