// Liveness for load balancers and `npm start` scripts.
import { Module } from '@nestjs/common';
import { ExercisesModule } from '../exercises/exercises.module.js';
import { HealthController } from './health.controller.js';

@Module({ imports: [ExercisesModule], controllers: [HealthController] })
export class HealthModule {}
