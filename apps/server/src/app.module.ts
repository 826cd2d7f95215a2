// The TTX server: configuration, database, auth, scenarios, exercises, the socket gateway, reports, re-scoring, health
// and the demo exercise.
import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module.js';
import { ConfigModule } from './config/config.module.js';
import type { TtxConfig } from './config/ttx-config.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { ExercisesModule } from './exercises/exercises.module.js';
import { GatewayModule } from './gateway/gateway.module.js';
import { HealthModule } from './health/health.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RescoringModule } from './rescoring/rescoring.module.js';
import { ScenariosModule } from './scenarios/scenarios.module.js';

@Module({})
export class AppModule {
  static forRoot(config: TtxConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        AuthModule,
        ScenariosModule,
        ExercisesModule,
        GatewayModule,
        ReportsModule,
        RescoringModule,
        HealthModule,
        DemoModule,
      ],
    };
  }
}
