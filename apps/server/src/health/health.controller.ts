// GET /health: the process is up and its database answers.
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '../common/api-docs.decorators.js';
import type { HealthResponse } from '@ttx/contracts';
import { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator.js';
import { TtxException } from '../common/ttx.exception.js';
import { ExercisesService } from '../exercises/exercises.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ExercisesService) private readonly exercises: ExercisesService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database check.' })
  async health(): Promise<HealthResponse> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new TtxException('INTERNAL', 'The database does not answer.');
    }
    return { status: 'ok', uptime: Math.round(process.uptime()), exercises: this.exercises.liveCount };
  }
}
