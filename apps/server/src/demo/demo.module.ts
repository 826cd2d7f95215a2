// The demo exercise created on an empty database.
import { Module } from '@nestjs/common';
import { ExercisesModule } from '../exercises/exercises.module.js';
import { ScenariosModule } from '../scenarios/scenarios.module.js';
import { DemoExerciseService } from './demo-exercise.service.js';

@Module({ imports: [ExercisesModule, ScenariosModule], providers: [DemoExerciseService], exports: [DemoExerciseService] })
export class DemoModule {}
