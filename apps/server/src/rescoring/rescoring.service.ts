// An exercise's bundle (scenario, catalogue, rule set, log) for download, the rule sets the server knows, and the
// exercise re-scored under one of them or under YAML a controller gives, in the re-scoring worker.
import { Inject, Injectable } from '@nestjs/common';
import type { RescoreRequest, RuleSetSummary } from '@ttx/contracts';
import type { ExerciseBundle, RescoreResult } from '@ttx/report';
import { TtxException } from '../common/ttx.exception.js';
import { ExercisesService } from '../exercises/exercises.service.js';
import { ScenarioLibrary } from '../scenarios/scenario-library.service.js';
import { RescorePool } from './rescore-pool.js';

/** The name problems in a rule set given as text are reported under. */
export const GIVEN_RULE_SET_FILE = 'rule-set.yaml';

@Injectable()
export class RescoringService {
  constructor(
    @Inject(ExercisesService) private readonly exercises: ExercisesService,
    @Inject(ScenarioLibrary) private readonly library: ScenarioLibrary,
    @Inject(RescorePool) private readonly pool: RescorePool,
  ) {}

  async bundle(exerciseId: string): Promise<ExerciseBundle> {
    const { record, actor } = await this.exercises.get(exerciseId);
    // Loaded on first use, as the reports load it: the server starts without the report library.
    const { exerciseBundle } = await import('@ttx/report');
    const { scenario, catalogue, ruleSet } = actor.context;
    return exerciseBundle({ scenario, catalogue, ruleSet }, actor.events, { id: record.id, name: record.name });
  }

  ruleSets(): RuleSetSummary[] {
    return this.library.ruleSets().map((r) => ({ id: r.id, title: r.title, catalogue: r.catalogue, rules: r.rules.length }));
  }

  async rescore(exerciseId: string, request: RescoreRequest): Promise<RescoreResult> {
    const { record, actor } = await this.exercises.get(exerciseId);
    const { scenario, catalogue, ruleSet } = actor.context;
    let rules: { kind: 'loaded'; ruleSet: typeof ruleSet } | { kind: 'yaml'; file: string; text: string };
    if ('ruleSetId' in request) {
      const known = this.library.ruleSets().find((r) => r.id === request.ruleSetId);
      if (!known)
        throw new TtxException('NOT_FOUND', `There is no rule set "${request.ruleSetId}"; GET /api/rescore/rule-sets lists those loaded.`);
      rules = { kind: 'loaded', ruleSet: known };
    } else {
      rules = { kind: 'yaml', file: GIVEN_RULE_SET_FILE, text: request.ruleSetYaml };
    }
    return this.pool.rescore({
      exercise: { id: record.id, name: record.name },
      context: { scenario, catalogue, ruleSet },
      // A copy of the committed log as it stands: later events do not join this re-scoring.
      events: actor.events.slice(),
      rules,
    });
  }
}
