// Exercises: the service that runs them, the durable log, and their HTTP routes.
import { Module } from '@nestjs/common';
import { ScenariosModule } from '../scenarios/scenarios.module.js';
import { EventStore } from './event-store.service.js';
import { ExercisesController } from './exercises.controller.js';
import { ExercisesService } from './exercises.service.js';
import { JoinController } from './join.controller.js';

@Module({
  imports: [ScenariosModule],
  controllers: [ExercisesController, JoinController],
  providers: [EventStore, ExercisesService],
  exports: [ExercisesService, EventStore],
})
export class ExercisesModule {}
