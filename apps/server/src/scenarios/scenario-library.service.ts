// The scenarios, catalogues and rule sets in the exercises folder, loaded once at start; problems are logged with
// their positions and the scenarios that loaded stay available.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ScenarioDetail, ScenarioSummary, ValidateScenarioResponse } from '@ttx/contracts';
import type { ExerciseContext } from '@ttx/engine';
import { checkRuleParams, createScoringModel } from '@ttx/rules';
import { type ExerciseLibrary, formatProblem, loadLibrary, type RuleSet, type SourceFile } from '@ttx/scenario';
import { TtxConfig } from '../config/ttx-config.js';
import { TtxException } from '../common/ttx.exception.js';
import { ScenarioValidationPool } from './scenario-validation-pool.js';
import { RULE_FILE } from './validation-worker.js';

@Injectable()
export class ScenarioLibrary implements OnModuleInit {
  private readonly logger = new Logger('Scenarios');
  private library: ExerciseLibrary = { scenarios: new Map(), catalogues: new Map(), ruleSets: new Map(), problems: [] };
  private ruleFiles: SourceFile[] = [];

  constructor(
    @Inject(TtxConfig) private readonly config: TtxConfig,
    @Inject(ScenarioValidationPool) private readonly validation: ScenarioValidationPool,
  ) {}

  onModuleInit(): void {
    this.reload();
  }

  reload(): void {
    const files = readYamlFiles(this.config.exercisesDir);
    this.ruleFiles = files.filter((f) => RULE_FILE.test(f.text) || f.path.split('/').includes('roe'));
    this.library = loadLibrary(files, { checkRule: checkRuleParams });
    for (const problem of this.library.problems) this.logger.warn(formatProblem(problem));
    this.logger.log(
      `Loaded ${this.library.scenarios.size} scenarios, ${this.library.catalogues.size} catalogues and ${this.library.ruleSets.size} rule sets from ${this.config.exercisesDir}` +
        (this.library.problems.length ? ` (${this.library.problems.length} problems)` : ''),
    );
  }

  list(): ScenarioSummary[] {
    return [...this.library.scenarios.keys()].sort().map((id) => this.summary(id));
  }

  detail(id: string): ScenarioDetail {
    const context = this.contextFor(id);
    const ruleSet = context.ruleSet;
    return {
      summary: this.summary(id),
      scenario: context.scenario,
      catalogue: context.catalogue,
      ruleSet: {
        id: ruleSet.id,
        title: ruleSet.title,
        catalogue: ruleSet.catalogue,
        rules: ruleSet.rules.map((r) => ({ id: r.id, title: r.title, cites: r.cites })),
      },
    };
  }

  /** What an exercise of this scenario runs on: the scenario, its rule set and catalogue, and the scoring model. */
  contextFor(id: string): ExerciseContext {
    const loaded = this.library.scenarios.get(id);
    if (!loaded) throw new TtxException('NOT_FOUND', `There is no scenario "${id}"; GET /api/scenarios lists those loaded.`);
    const ruleSet = this.library.ruleSets.get(loaded.scenario.rules);
    const catalogue = ruleSet ? this.library.catalogues.get(ruleSet.catalogue) : undefined;
    if (!ruleSet || !catalogue)
      throw new TtxException('SCENARIO_INVALID', `Scenario "${id}" uses rule set "${loaded.scenario.rules}", which did not load; fix the files in exercises/roe.`);
    return { scenario: loaded.scenario, ruleSet, catalogue, scoring: this.scoringModel() };
  }

  /** The rule sets that loaded, by id (the choices a controller may re-score an exercise under). */
  ruleSets(): RuleSet[] {
    return [...this.library.ruleSets.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  scoringModel(): ExerciseContext['scoring'] {
    return createScoringModel();
  }

  /** Checks uploaded files against the library's catalogues and rule sets, in the validation worker; only their own
   * problems are returned. */
  validate(uploads: SourceFile[]): Promise<ValidateScenarioResponse> {
    return this.validation.validate({ uploads, ruleFiles: this.ruleFiles });
  }

  private summary(id: string): ScenarioSummary {
    const { scenario, file } = this.library.scenarios.get(id)!;
    return {
      id: scenario.id,
      version: scenario.version,
      title: scenario.title,
      summary: scenario.summary,
      duration: scenario.duration,
      speed: scenario.speed,
      ruleSetId: scenario.rules,
      teams: scenario.teams.map((t) => ({ id: t.id, name: t.name, kind: t.kind, ...(t.state ? { state: t.state } : {}) })),
      injectCount: scenario.injects.length,
      file,
    };
  }
}

function readYamlFiles(dir: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (relative: string) => {
    let entries: string[];
    try {
      entries = readdirSync(path.join(dir, relative)).sort();
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = relative ? `${relative}/${entry}` : entry;
      const full = path.join(dir, rel);
      if (statSync(full).isDirectory()) walk(rel);
      else if (/\.ya?ml$/.test(entry)) files.push({ path: rel, text: readFileSync(full, 'utf8') });
    }
  };
  walk('');
  return files;
}
