// The after-action review of an exercise as of its last committed event, built and rendered by the report worker
// so that the server's event loop never holds the model, and cut down to a team's own debrief for a player.
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { ReportFormat, ReportTable } from '@ttx/contracts';
import { DataSource } from 'typeorm';
import type { Viewer } from '../auth/token.service.js';
import { TtxException } from '../common/ttx.exception.js';
import { EventEntity } from '../database/event.entity.js';
import { eventLogSql, type JsonSlice, SEQS_PER_SLICE } from '../database/event-log-sql.js';
import { ExercisesService, type LiveExercise } from '../exercises/exercises.service.js';
import { reportFileName } from './report-files.js';
import { type RenderedReport, ReportPool, type ReportRequest } from './report-pool.js';

/** How long after the server is up the report worker is started. */
const WARM_AFTER_MS = 1000;

/** The events with after < seq <= upTo as JSON slices the database writes (as the event store reads a log at start). */
function sliceReader(
  dataSource: DataSource,
): (exerciseId: string, after: number, upTo: number) => Promise<JsonSlice[]> {
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
      const [slice] = await dataSource.query<JsonSlice[]>(sql, [
        exerciseId,
        from,
        Math.min(upTo, from + SEQS_PER_SLICE),
      ]);
      slices.push(slice ?? { events: null, rows: 0 });
    }
    return slices;
  };
}

@Injectable()
export class ReportsService implements OnApplicationBootstrap, OnModuleDestroy {
  /** Public for the tests, which stop the worker to see the next report start another. */
  readonly worker: ReportPool;
  private readonly logger = new Logger('Reports');
  private readonly unsubscribe: () => void;
  private warming: NodeJS.Timeout | undefined;

  constructor(
    @Inject(ExercisesService) private readonly exercises: ExercisesService,
    @Inject(DataSource) dataSource: DataSource,
  ) {
    this.worker = new ReportPool({
      readSlices: sliceReader(dataSource),
      fileName: ({ context, exerciseId, teamId, format, table }) =>
        reportFileName(context.scenario.id, exerciseId, teamId, format, table),
    });
    this.unsubscribe = exercises.onCommitted((exerciseId, batch) => {
      if (batch.some((event) => event.type === 'exercise.ended')) void this.prepare(exerciseId);
    });
  }

  /** Builds the review of an exercise that has just ended, so that the report facilitators ask for at the hot wash is
   * rendered from a review the worker already holds: a JSON rendering is asked for and let go after its first chunk
   * (JSON is written only as it is read), which leaves the review built and kept. */
  async prepare(exerciseId: string): Promise<void> {
    try {
      const { actor } = await this.exercises.get(exerciseId);
      const report = await this.renderCommitted(exerciseId, actor, { format: 'json', table: 'decisions' });
      report.body.destroy();
    } catch (error) {
      // Nothing is lost: the first report asked for builds the review itself.
      this.logger.warn(
        `The review of ${exerciseId} was not prepared at its end: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** The review the viewer may read, rendered: the whole exercise for staff, its own team's debrief for a player. */
  async report(
    viewer: Viewer,
    exerciseId: string,
    format: ReportFormat,
    table: ReportTable,
  ): Promise<RenderedReport> {
    const { actor } = await this.exercises.get(exerciseId);
    const { scenario } = actor.context;
    let teamId: string | undefined;
    if (viewer.role === 'player') {
      if (!viewer.teamId)
        throw new TtxException(
          'FORBIDDEN_ROLE',
          'Your token names no team; join with your team code to read its debrief.',
        );
      // `=== false`: contexts stored before the field existed take its default, true.
      if (scenario.debrief === false)
        throw new TtxException(
          'DEBRIEF_NOT_ALLOWED',
          'This scenario does not give teams their own debrief; ask your facilitator for the after-action review.',
        );
      teamId = viewer.teamId;
    }
    return this.renderCommitted(exerciseId, actor, {
      format,
      table,
      ...(teamId !== undefined && { teamId }),
    });
  }

  /** Asks the worker for a rendering of the exercise's log as committed now. */
  private renderCommitted(
    exerciseId: string,
    actor: LiveExercise['actor'],
    rendering: Pick<ReportRequest, 'format' | 'table' | 'teamId'>,
  ): Promise<RenderedReport> {
    const { scenario, catalogue, ruleSet } = actor.context;
    // A snapshot of the committed log: the actor only ever appends to it, so its first `count` events cannot change;
    // the database holds at least as much (events join the log once committed).
    const events = actor.events;
    return this.worker.render({
      exerciseId,
      context: { scenario, catalogue, ruleSet },
      events,
      count: events.length,
      ...rendering,
    });
  }

  /** The worker is started a moment after the server is up (after the live exercises' logs are replayed), so that
   * the first report finds its thread and library loaded; an idle worker holds no log. */
  onApplicationBootstrap(): void {
    this.warming = setTimeout(() => this.worker.warm(), WARM_AFTER_MS);
    this.warming.unref();
  }

  onModuleDestroy(): Promise<void> {
    clearTimeout(this.warming);
    this.unsubscribe();
    return this.worker.close();
  }
}
