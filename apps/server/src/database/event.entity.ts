// One event of an exercise's append-only log; (exercise_id, seq) is the primary key, so a seq is never written twice.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './columns.js';

@Entity({ name: 'exercise_events' })
export class EventEntity {
  @PrimaryColumn({ name: 'exercise_id', type: 'varchar', length: 64 })
  exerciseId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  at!: number;

  @Column({ name: 'exercise_time', type: 'bigint', transformer: bigintAsNumber })
  exerciseTime!: number;

  /** JSON text of the audience, actor and payload. */
  @Column({ type: 'text' })
  audience!: string;

  @Column({ type: 'text', nullable: true })
  actor!: string | null;

  @Column({ type: 'text' })
  payload!: string;
}
