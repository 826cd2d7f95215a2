// The first schema: controller accounts, exercises, their event logs and join codes.
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

export class InitialSchema1732600000000 implements MigrationInterface {
  name = 'InitialSchema1732600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'users',
        columns: [
          { name: 'username', type: 'varchar', length: '64', isPrimary: true },
          { name: 'password_hash', type: 'varchar', length: '100' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'created_at', type: 'bigint' },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'exercises',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'scenario_id', type: 'varchar', length: '64' },
          { name: 'scenario_title', type: 'varchar', length: '200' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'context', type: 'text' },
          { name: 'created_by', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'bigint' },
          { name: 'last_seq', type: 'integer' },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'exercise_events',
        columns: [
          { name: 'exercise_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'type', type: 'varchar', length: '64' },
          { name: 'at', type: 'bigint' },
          { name: 'exercise_time', type: 'bigint' },
          { name: 'audience', type: 'text' },
          { name: 'actor', type: 'text', isNullable: true },
          { name: 'payload', type: 'text' },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'access_codes',
        columns: [
          { name: 'code_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'exercise_id', type: 'varchar', length: '64' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'team_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'created_at', type: 'bigint' },
        ],
      }),
    );
    await runner.createIndex('access_codes', new TableIndex({ name: 'idx_access_codes_exercise', columnNames: ['exercise_id'] }));
    await runner.createIndex('exercises', new TableIndex({ name: 'idx_exercises_status', columnNames: ['status'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('exercises', 'idx_exercises_status');
    await runner.dropIndex('access_codes', 'idx_access_codes_exercise');
    await runner.dropTable('access_codes');
    await runner.dropTable('exercise_events');
    await runner.dropTable('exercises');
    await runner.dropTable('users');
  }
}
