// The exercise library on disk and its HTTP routes.
import { Module } from '@nestjs/common';
import { ScenarioLibrary } from './scenario-library.service.js';
import { ScenarioValidationPool, VALIDATION_POOL_OPTIONS } from './scenario-validation-pool.js';
import { ScenariosController } from './scenarios.controller.js';

@Module({ controllers: [ScenariosController], providers: [ScenarioLibrary, ScenarioValidationPool, { provide: VALIDATION_POOL_OPTIONS, useValue: {} }], exports: [ScenarioLibrary] })
export class ScenariosModule {}
