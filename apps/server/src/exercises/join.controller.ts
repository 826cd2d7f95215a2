// POST /api/join: a participant trades a join code for a token bound to one exercise, role and team.
import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '../common/api-docs.decorators.js';
import { joinRequestSchema, type JoinRequest, type JoinResponse } from '@ttx/contracts';
import { AttemptsLimitGuard } from '../auth/attempts-limit.guard.js';
import { Public } from '../auth/roles.decorator.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { ExercisesService } from './exercises.service.js';

@ApiTags('auth')
@Controller('api/join')
export class JoinController {
  constructor(@Inject(ExercisesService) private readonly exercises: ExercisesService) {}

  @Post()
  @Public()
  @UseGuards(AttemptsLimitGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Join an exercise with a code; rate-limited per address.' })
  join(@Body(new ZodPipe(joinRequestSchema)) body: JoinRequest): Promise<JoinResponse> {
    return this.exercises.join(body.code, body.name);
  }
}
