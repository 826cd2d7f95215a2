// The exercise library on disk and its HTTP routes.
import { Module } from '@nestjs/common';
import { ScenarioLibrary } from './scenario-library.service.js';
import { ScenariosController } from './scenarios.controller.js';

@Module({ controllers: [ScenariosController], providers: [ScenarioLibrary], exports: [ScenarioLibrary] })
export class ScenariosModule {}
