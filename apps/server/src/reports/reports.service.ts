// The after-action review of an exercise as of its last committed event: built off the event loop's critical path
// (the builder and renderers yield between slices), shared by callers who ask for the same log at the same time,
// and cut down to a team's own debrief for a player.
import { Inject, Injectable } from '@nestjs/common';
import type { ReportFormat, ReportTable } from '@ttx/contracts';
import type { ExerciseEvent } from '@ttx/engine';
import type { AarModel } from '@ttx/report';
import type { Viewer } from '../auth/token.service.js';
import { TtxException } from '../common/ttx.exception.js';
import { type LiveExercise, ExercisesService } from '../exercises/exercises.service.js';
import { renderCsvInSlices } from './csv-slices.js';
import { reportLibrary } from './report-library.js';

/** Exercises whose latest review is kept (one model each, the newest log), so a refreshing review screen costs one
 * build per new event rather than one per request. */
const KEPT_EXERCISES = 3;

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** JSON streams as chunks (about 64 kB each, the event loop given back between them); the others are whole. */
export type ReportBody = string | Uint8Array | AsyncIterable<string>;

@Injectable()
export class ReportsService {
  private readonly models = new Map<string, { seq: number; model: Promise<AarModel> }>();

  constructor(@Inject(ExercisesService) private readonly exercises: ExercisesService) {}

  /** The review the viewer may read: the whole exercise for staff, its own team's debrief for a player. */
  async modelFor(viewer: Viewer, exerciseId: string): Promise<AarModel> {
    const exercise = await this.exercises.get(exerciseId);
    const { scenario } = exercise.actor.context;
    if (viewer.role !== 'player') return this.staffModel(exercise);
    if (!viewer.teamId) throw new TtxException('FORBIDDEN_ROLE', 'Your token names no team; join with your team code to read its debrief.');
    // `=== false`: contexts stored before the field existed take its default, true.
    if (scenario.debrief === false)
      throw new TtxException('DEBRIEF_NOT_ALLOWED', 'This scenario does not give teams their own debrief; ask your facilitator for the after-action review.');
    const model = await this.staffModel(exercise);
    // Findings withheld during play (feedback "findings-only" or "debrief") stay withheld until the end.
    if (!model.asOf.final && scenario.feedback !== 'immediate')
      throw new TtxException('DEBRIEF_NOT_ALLOWED', 'Your team debrief opens when the exercise ends; ask again once the controller has ended it.');
    const debrief = (await reportLibrary()).buildTeamDebrief(model, viewer.teamId);
    if (!debrief.ok) throw new TtxException('FORBIDDEN_ROLE', debrief.error.message);
    return debrief.model;
  }

  async render(model: AarModel, format: ReportFormat, table: ReportTable): Promise<ReportBody> {
    const { renderAarHtml, renderAarJsonChunks, renderAarPdf } = await reportLibrary();
    switch (format) {
      case 'json':
        return renderAarJsonChunks(model, { yieldToEventLoop });
      case 'csv':
        return renderCsvInSlices(model, table, yieldToEventLoop);
      case 'html':
        return renderAarHtml(model);
      case 'pdf':
        return renderAarPdf(model, { yieldToEventLoop });
    }
  }

  /** The whole review as of the last committed event; the same log always gives the same model. */
  private staffModel({ record, actor }: LiveExercise): Promise<AarModel> {
    // A snapshot of the committed log: the actor only ever appends to it, so the prefix cannot change under the build.
    const events: readonly ExerciseEvent[] = actor.events;
    const seq = events.length > 0 ? events[events.length - 1].seq : 0;
    const kept = this.models.get(record.id);
    this.models.delete(record.id);
    if (kept?.seq === seq) {
      this.models.set(record.id, kept);
      return kept.model;
    }
    const { scenario, catalogue, ruleSet } = actor.context;
    const built = reportLibrary().then(({ buildAarModelAsync }) => buildAarModelAsync({ scenario, catalogue, ruleSet, events, asOf: { seq } }, { yieldToEventLoop }));
    const entry = { seq, model: built };
    this.models.set(record.id, entry);
    built.catch(() => {
      if (this.models.get(record.id) === entry) this.models.delete(record.id);
    });
    while (this.models.size > KEPT_EXERCISES) this.models.delete(this.models.keys().next().value as string);
    return built;
  }
}
