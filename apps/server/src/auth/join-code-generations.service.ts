// Which issue of each exercise's join codes is current. A join token names the issue it came from and is refused once
// the codes are issued again; kept in memory per exercise, so sockets check it on every message without a query.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TtxException } from '../common/ttx.exception.js';
import { AccessCodeEntity } from '../database/access-code.entity.js';
import { ExerciseEntity } from '../database/exercise.entity.js';
import type { Viewer } from './token.service.js';

interface Generations {
  /** When the current codes were issued: the generation their tokens carry. */
  current: number;
  /** When the exercise was created: the generation of tokens issued before tokens carried one. */
  first: number;
}

export type CodesReissuedListener = (exerciseId: string) => void;

@Injectable()
export class JoinCodeGenerations {
  private readonly known = new Map<string, Generations>();
  private readonly listeners = new Set<CodesReissuedListener>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Reads the exercise's generation once; later calls answer from memory. An unknown exercise is left unknown. */
  async load(exerciseId: string): Promise<void> {
    if (this.known.has(exerciseId)) return;
    const exercise = await this.dataSource.getRepository(ExerciseEntity).findOne({ where: { id: exerciseId }, select: { id: true, createdAt: true } });
    if (!exercise) return;
    const row = await this.dataSource
      .getRepository(AccessCodeEntity)
      .createQueryBuilder('code')
      .select('MAX(code.created_at)', 'current')
      .where('code.exercise_id = :exerciseId', { exerciseId })
      .getRawOne<{ current: number | string | null }>();
    const first = Number(exercise.createdAt);
    // A reissue that finished while this read was in flight already holds the newer generation.
    if (!this.known.has(exerciseId)) this.known.set(exerciseId, { current: row?.current == null ? first : Number(row.current), first });
  }

  /** The generation for codes issued now: later than the current one even within the same millisecond. */
  async nextFor(exerciseId: string, now = Date.now()): Promise<number> {
    await this.load(exerciseId);
    return Math.max(now, (this.known.get(exerciseId)?.current ?? 0) + 1);
  }

  /** Records a new exercise's first codes. */
  created(exerciseId: string, generation: number): void {
    this.known.set(exerciseId, { current: generation, first: generation });
  }

  /** Records committed new codes: every token of an older generation is refused from now on. */
  reissued(exerciseId: string, generation: number): void {
    const known = this.known.get(exerciseId);
    this.known.set(exerciseId, { current: generation, first: known?.first ?? generation });
    for (const listener of this.listeners) listener(exerciseId);
  }

  onReissued(listener: CodesReissuedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** TOKEN_REVOKED when the viewer's join code was replaced; undefined for controllers and current tokens. The
   * exercise must have been loaded (see `load`). */
  revocationOf(viewer: Viewer): TtxException | undefined {
    if (!viewer.exerciseId) return undefined;
    const known = this.known.get(viewer.exerciseId);
    if (!known || (viewer.codeGeneration ?? known.first) === known.current) return undefined;
    return new TtxException('TOKEN_REVOKED', 'Your join code was replaced by new codes: join again with the new code from your controller.');
  }
}
