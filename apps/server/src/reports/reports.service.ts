// The after-action review of an exercise as of its last committed event, built and rendered by the report worker
// so that the server's event loop never holds the model; a player gets its own team's debrief of it.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { reportFileName, type ReportQuery } from '@ttx/contracts';
import type { Viewer } from '../auth/token.service.js';
import { TtxException } from '../common/ttx.exception.js';
import { EventStore } from '../exercises/event-store.service.js';
import { ExercisesService } from '../exercises/exercises.service.js';
import { type RenderedReport, ReportPool, type ReportRequest } from './report-pool.js';

/** How long after the server is up the report worker is started. */
const WARM_AFTER_MS = 1000;

@Injectable()
export class ReportsService implements OnApplicationBootstrap, OnModuleDestroy {
  /** Public for the tests, which stop the worker to see the next report start another. */
  readonly worker: ReportPool;
  private readonly logger = new Logger('Reports');
  private readonly unsubscribe: () => void;
  private warming: NodeJS.Timeout | undefined;

  constructor(
    @Inject(ExercisesService) private readonly exercises: ExercisesService,
    @Inject(EventStore) store: EventStore,
  ) {
    this.worker = new ReportPool({
      readSlices: (exerciseId, after, upTo) => store.readSlices(exerciseId, after, upTo),
      fileName: ({ context, exerciseId, teamId, format, table }) =>
        reportFileName(context.scenario.id, exerciseId, teamId, format, table),
    });
    this.unsubscribe = exercises.onCommitted((exerciseId, batch) => {
      if (batch.some((event) => event.type === 'exercise.ended')) void this.prepare(exerciseId);
    });
  }

  /** Builds the review of an exercise that has just ended, so that the report facilitators ask for at the hot wash is
   * rendered from a review the worker already holds (its smallest part, asked for and let go). */
  async prepare(exerciseId: string): Promise<void> {
    try {
      const report = await this.renderCommitted(exerciseId, { format: 'json', table: 'decisions', part: 'overview' });
      report.body.destroy();
    } catch (error) {
      // Nothing is lost: the first report asked for builds the review itself.
      this.logger.warn(
        `The review of ${exerciseId} was not prepared at its end: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** The review the viewer may read, rendered: the whole exercise for staff, its own team's debrief for a player. */
  report(viewer: Viewer, exerciseId: string, query: Omit<ReportQuery, 'inline'>): Promise<RenderedReport> {
    if (viewer.role !== 'player') return this.renderCommitted(exerciseId, query);
    if (!viewer.teamId)
      throw new TtxException('FORBIDDEN_ROLE', 'Your token names no team; join with your team code to read its debrief.');
    return this.renderCommitted(exerciseId, { ...query, teamId: viewer.teamId });
  }

  /** Asks the worker for a rendering of the exercise's log as committed now. */
  private async renderCommitted(
    exerciseId: string,
    rendering: Pick<ReportRequest, 'format' | 'table' | 'part' | 'teamId'>,
  ): Promise<RenderedReport> {
    const { actor } = await this.exercises.get(exerciseId);
    const { scenario, catalogue, ruleSet } = actor.context;
    // A snapshot of the committed log: the actor only ever appends to it, so its first `count` events cannot change;
    // the database holds at least as much (events join the log once committed).
    const events = actor.events;
    return this.worker.render({ exerciseId, context: { scenario, catalogue, ruleSet }, events, count: events.length, ...rendering });
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
