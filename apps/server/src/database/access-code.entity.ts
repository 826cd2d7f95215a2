// A join code for one exercise and role (and team, for players). Only its SHA-256 is stored.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './columns.js';

@Entity({ name: 'access_codes' })
export class AccessCodeEntity {
  @PrimaryColumn({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  @Index('idx_access_codes_exercise')
  @Column({ name: 'exercise_id', type: 'varchar', length: 64 })
  exerciseId!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 64, nullable: true })
  teamId!: string | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: bigintAsNumber })
  createdAt!: number;
}
