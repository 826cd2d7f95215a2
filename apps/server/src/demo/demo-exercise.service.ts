// The demo exercise: on an empty database (unless TTX_DEMO=0) the server creates one exercise of the showcase
// scenario, so `npm start` leaves something to open, and keeps its join codes for the start banner (only their
// hashes are stored, so they are shown once).
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { LIMITS } from '@ttx/contracts';
import { DataSource } from 'typeorm';
import { TtxConfig } from '../config/ttx-config.js';
import { TtxException } from '../common/ttx.exception.js';
import { ExerciseEntity } from '../database/exercise.entity.js';
import { ExercisesService } from '../exercises/exercises.service.js';
import { ScenarioLibrary } from '../scenarios/scenario-library.service.js';

export const DEMO_SCENARIO_ID = 'grid-dark-winter';

export interface DemoExercise {
  id: string;
  name: string;
  scenarioId: string;
  /** Where the controller runs it in the web client. */
  controlPath: string;
  teams: { teamId: string; name: string; code: string }[];
  facilitatorCode: string;
  observerCode: string;
}

@Injectable()
export class DemoExerciseService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');
  /** Set when this start created the demo exercise. */
  created?: DemoExercise;

  constructor(
    @Inject(TtxConfig) private readonly config: TtxConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ScenarioLibrary) private readonly library: ScenarioLibrary,
    @Inject(ExercisesService) private readonly exercises: ExercisesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoExercise) return;
    if ((await this.dataSource.getRepository(ExerciseEntity).count()) > 0) return;
    const scenarioId = this.demoScenario();
    if (!scenarioId) {
      this.logger.warn(`No valid scenario in ${this.config.exercisesDir}: no demo exercise was created.`);
      return;
    }
    const { scenario } = this.library.contextFor(scenarioId);
    const name = `${scenario.title} (demo)`.slice(0, LIMITS.titleLength);
    const codes = await this.exercises.create({ role: 'controller', name: this.config.adminUser }, { scenarioId, name });
    this.created = {
      id: codes.id,
      name,
      scenarioId,
      controlPath: `/control/${codes.id}`,
      teams: scenario.teams.map((t) => ({ teamId: t.id, name: t.name, code: codes.joinCodes[t.id] ?? '' })),
      facilitatorCode: codes.facilitatorCode,
      observerCode: codes.observerCode,
    };
    this.logger.log(`Created the demo exercise ${codes.id} of scenario ${scenarioId}.`);
  }

  /** The showcase scenario if it loaded with its rules, else the first scenario that did. */
  private demoScenario(): string | undefined {
    const ids = this.library.list().map((s) => s.id);
    const ordered = ids.includes(DEMO_SCENARIO_ID) ? [DEMO_SCENARIO_ID, ...ids.filter((id) => id !== DEMO_SCENARIO_ID)] : ids;
    return ordered.find((id) => {
      try {
        this.library.contextFor(id);
        return true;
      } catch (error) {
        if (error instanceof TtxException) return false;
        throw error;
      }
    });
  }
}
