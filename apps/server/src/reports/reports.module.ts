// The after-action review over HTTP.
import { Module } from '@nestjs/common';
import { ExercisesModule } from '../exercises/exercises.module.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

@Module({ imports: [ExercisesModule], controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule {}
