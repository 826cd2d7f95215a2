// Re-scoring an exercise under another rule set, and its bundle for the CLI, over HTTP.
import { Module } from '@nestjs/common';
import { ExercisesModule } from '../exercises/exercises.module.js';
import { ScenariosModule } from '../scenarios/scenarios.module.js';
import { RESCORE_POOL_OPTIONS, RescorePool } from './rescore-pool.js';
import { RescoringController } from './rescoring.controller.js';
import { RescoringService } from './rescoring.service.js';

@Module({
  imports: [ExercisesModule, ScenariosModule],
  controllers: [RescoringController],
  providers: [RescoringService, RescorePool, { provide: RESCORE_POOL_OPTIONS, useValue: {} }],
})
export class RescoringModule {}
