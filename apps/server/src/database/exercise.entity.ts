// One run of a scenario. The scenario, catalogue and rule set it runs are stored with it, so that its log
// replays to the same state even after the files in exercises/ change.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './columns.js';

@Entity({ name: 'exercises' })
export class ExerciseEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'scenario_id', type: 'varchar', length: 64 })
  scenarioId!: string;

  @Column({ name: 'scenario_title', type: 'varchar', length: 200 })
  scenarioTitle!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  /** JSON of the exercise context: `{scenario, catalogue, ruleSet}`. */
  @Column({ type: 'text' })
  context!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: bigintAsNumber })
  createdAt!: number;

  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq!: number;

  /** Wall time (ms) the server last saw this exercise's clock running: where an outage began, after a crash. */
  @Column({ name: 'clock_seen_at', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  clockSeenAt?: number | null;
}
