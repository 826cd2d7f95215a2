// An exercise's bundle (scenario, catalogue, rule set, log) for download, the rule sets the server knows, and the
// exercise re-scored under one of them or under YAML a controller gives, in the re-scoring worker.
import { Inject, Injectable } from '@nestjs/common';
import type { RescoreRequest, RuleSetSummary } from '@ttx/contracts';
import { TtxException } from '../common/ttx.exception.js';
import { EventStore } from '../exercises/event-store.service.js';
import { ExercisesService, type LiveExercise } from '../exercises/exercises.service.js';
import { ScenarioLibrary } from '../scenarios/scenario-library.service.js';
import { type LogSource, RescorePool } from './rescore-pool.js';
import type { RescoreTask } from './rescore-worker.js';

/** The name problems in a rule set given as text are reported under. */
export const GIVEN_RULE_SET_FILE = 'rule-set.yaml';

@Injectable()
export class RescoringService {
  constructor(
    @Inject(ExercisesService) private readonly exercises: ExercisesService,
    @Inject(ScenarioLibrary) private readonly library: ScenarioLibrary,
    @Inject(RescorePool) private readonly pool: RescorePool,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  /** The bundle of the log as committed now, as JSON bytes. */
  async bundle(exerciseId: string): Promise<{ scenarioId: string; json: Uint8Array }> {
    const live = await this.exercises.get(exerciseId);
    const json = await this.pool.bundle(this.logOf(exerciseId, live), this.taskOf(live));
    return { scenarioId: live.actor.context.scenario.id, json };
  }

  ruleSets(): RuleSetSummary[] {
    return this.library.ruleSets().map((r) => ({ id: r.id, title: r.title, catalogue: r.catalogue, rules: r.rules.length }));
  }

  /** The `RescoreResult` as JSON bytes. */
  async rescore(exerciseId: string, request: RescoreRequest): Promise<Uint8Array> {
    const live = await this.exercises.get(exerciseId);
    let rules: RescoreTask['rules'];
    if ('ruleSetId' in request) {
      const known = this.library.ruleSets().find((r) => r.id === request.ruleSetId);
      if (!known)
        throw new TtxException('NOT_FOUND', `There is no rule set "${request.ruleSetId}"; GET /api/rescore/rule-sets lists those loaded.`);
      rules = { kind: 'loaded', ruleSet: known };
    } else {
      rules = { kind: 'yaml', file: GIVEN_RULE_SET_FILE, text: request.ruleSetYaml };
    }
    return this.pool.rescore(this.logOf(exerciseId, live), { ...this.taskOf(live), rules });
  }

  private taskOf({ record, actor }: LiveExercise): { exercise: { id: string; name: string }; context: RescoreTask['context'] } {
    const { scenario, catalogue, ruleSet } = actor.context;
    return { exercise: { id: record.id, name: record.name }, context: { scenario, catalogue, ruleSet } };
  }

  /** The committed log as it stands: the actor only ever appends to it, and the database holds at least as much. */
  private logOf(exerciseId: string, { actor }: LiveExercise): LogSource {
    const events = actor.events;
    const count = events.length;
    const upTo = count > 0 ? events[count - 1]!.seq : 0;
    return { slices: () => this.store.readSlices(exerciseId, 0, upTo), events: () => events.slice(0, count) };
  }
}
