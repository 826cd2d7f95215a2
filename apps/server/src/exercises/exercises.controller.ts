// The exercise routes: create, list, read, control the clock, steer injects, adjust scores, read the log.
import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../common/api-docs.decorators.js';
import {
  type AccessCodes,
  type CommandResponse,
  type CreateExerciseRequest,
  createExerciseRequestSchema,
  type CreateExerciseResponse,
  eventsQuerySchema,
  type ExerciseDetail,
  type ExerciseSummary,
  type MselResponse,
  type ScoresResponse,
  parseMessage,
} from '@ttx/contracts';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { CommandRoute, EVERYONE, Roles } from '../auth/roles.decorator.js';
import type { Viewer } from '../auth/token.service.js';
import { orThrow } from '../common/ttx.exception.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { ExercisesService } from './exercises.service.js';

@ApiTags('exercises')
@ApiBearerAuth()
@Controller('api/exercises')
export class ExercisesController {
  constructor(@Inject(ExercisesService) private readonly exercises: ExercisesService) {}

  @Post()
  @Roles('controller')
  @ApiOperation({ summary: 'Create an exercise of a scenario; returns its join codes (shown once).' })
  create(@CurrentViewer() viewer: Viewer, @Body(new ZodPipe(createExerciseRequestSchema)) body: CreateExerciseRequest): Promise<CreateExerciseResponse> {
    return this.exercises.create(viewer, body);
  }

  @Get()
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'Exercises: all for a controller, the own one for everybody else.' })
  list(@CurrentViewer() viewer: Viewer): Promise<ExerciseSummary[]> {
    return this.exercises.list(viewer);
  }

  @Get(':id')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'An exercise: clock, teams, the scenario briefing and the action catalogue.' })
  detail(@CurrentViewer() viewer: Viewer, @Param('id') id: string): Promise<ExerciseDetail> {
    return this.exercises.detail(viewer, id);
  }

  @Get(':id/events')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'One page of the committed events after `since` that the caller may see; ask again from `seq` while `more`.' })
  // Answered as the text of an `EventsResponse` built with the page, so that a large page is not serialised again.
  @Header('Content-Type', 'application/json; charset=utf-8')
  events(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Query() query: Record<string, unknown>): Promise<string> {
    const { since, limit } = orThrow(parseMessage(eventsQuerySchema, query));
    return this.exercises.eventsJsonFor(viewer, id, since, limit);
  }

  @Get(':id/msel')
  @Roles('controller', 'facilitator', 'observer')
  @ApiOperation({ summary: 'The MSEL as it stands: each inject with its status, due time and deadline.' })
  msel(@Param('id') id: string): Promise<MselResponse> {
    return this.exercises.msel(id);
  }

  @Get(':id/scores')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'Scores per team (a player sees its own) and the escalation levels (staff).' })
  scores(@CurrentViewer() viewer: Viewer, @Param('id') id: string): Promise<ScoresResponse> {
    return this.exercises.scores(viewer, id);
  }

  @Post(':id/codes')
  @Roles('controller')
  @ApiOperation({ summary: 'Issue new join codes; the old ones stop working.' })
  regenerateCodes(@Param('id') id: string): Promise<AccessCodes> {
    return this.exercises.regenerateCodes(id);
  }

  @Post(':id/lobby')
  @HttpCode(200)
  @CommandRoute()
  @ApiOperation({ summary: 'Open the lobby: teams may join before the start.' })
  openLobby(@CurrentViewer() viewer: Viewer, @Param('id') id: string): Promise<CommandResponse> {
    return this.exercises.run(viewer, id, 'exercise.open-lobby');
  }

  @Post(':id/start')
  @HttpCode(200)
  @CommandRoute()
  @ApiOperation({ summary: 'Start the exercise clock.' })
  start(@CurrentViewer() viewer: Viewer, @Param('id') id: string): Promise<CommandResponse> {
    return this.exercises.run(viewer, id, 'exercise.start');
  }

  @Post(':id/pause')
  @HttpCode(200)
  @CommandRoute()
  @ApiOperation({ summary: 'Pause the exercise clock; nothing falls due while paused.' })
  pause(@CurrentViewer() viewer: Viewer, @Param('id') id: string): Promise<CommandResponse> {
    return this.exercises.run(viewer, id, 'exercise.pause');
  }

  @Post(':id/resume')
  @HttpCode(200)
  @CommandRoute()
  @ApiOperation({ summary: 'Resume a paused exercise.' })
  resume(@CurrentViewer() viewer: Viewer, @Param('id') id: string): Promise<CommandResponse> {
    return this.exercises.run(viewer, id, 'exercise.resume');
  }

  @Post(':id/end')
  @HttpCode(200)
  @CommandRoute()
  @ApiOperation({ summary: 'End the exercise.' })
  end(@CurrentViewer() viewer: Viewer, @Param('id') id: string): Promise<CommandResponse> {
    return this.exercises.run(viewer, id, 'exercise.end');
  }

  @Post(':id/speed')
  @HttpCode(200)
  @CommandRoute()
  @ApiOperation({ summary: 'Change how fast exercise time runs (1 = real time).' })
  speed(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() body: unknown): Promise<CommandResponse> {
    return this.exercises.run(viewer, id, 'exercise.change-speed', body);
  }

  @Post(':id/injects')
  @HttpCode(200)
  @CommandRoute()
  @ApiOperation({ summary: 'Send an ad-hoc inject now.' })
  adHoc(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() body: unknown): Promise<CommandResponse> {
    return this.exercises.run(viewer, id, 'inject.ad-hoc', body);
  }

  @Post(':id/injects/:injectId/edit')
  @HttpCode(200)
  @CommandRoute()
  @ApiOperation({ summary: 'Edit an inject before it is released.' })
  edit(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Param('injectId') injectId: string, @Body() body: unknown): Promise<CommandResponse> {
    return this.exercises.run(viewer, id, 'inject.edit', body, { injectId });
  }

  @Post(':id/injects/:injectId/fire')
  @HttpCode(200)
  @CommandRoute()
  @ApiOperation({ summary: 'Release an inject now, whatever its time or condition.' })
  fireInject(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Param('injectId') injectId: string): Promise<CommandResponse> {
    return this.exercises.run(viewer, id, 'inject.fire', undefined, { injectId });
  }

  @Post(':id/injects/:injectId/hold')
  @HttpCode(200)
  @CommandRoute()
  @ApiOperation({ summary: 'Hold a pending inject: it will not release by itself.' })
  holdInject(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Param('injectId') injectId: string): Promise<CommandResponse> {
    return this.exercises.run(viewer, id, 'inject.hold', undefined, { injectId });
  }

  @Post(':id/injects/:injectId/release')
  @HttpCode(200)
  @CommandRoute()
  @ApiOperation({ summary: 'Release a held inject now.' })
  releaseInject(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Param('injectId') injectId: string): Promise<CommandResponse> {
    return this.exercises.run(viewer, id, 'inject.release-held', undefined, { injectId });
  }

  @Post(':id/injects/:injectId/skip')
  @HttpCode(200)
  @CommandRoute()
  @ApiOperation({ summary: 'Skip an inject: it will never release.' })
  skipInject(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Param('injectId') injectId: string): Promise<CommandResponse> {
    return this.exercises.run(viewer, id, 'inject.skip', undefined, { injectId });
  }

  @Post(':id/teams/:teamId/played')
  @HttpCode(200)
  @CommandRoute()
  @ApiOperation({ summary: 'Mark a team as not played (it gets no findings) or as played again, with an optional reason.' })
  markPlayed(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Param('teamId') teamId: string, @Body() body: unknown): Promise<CommandResponse> {
    return this.exercises.run(viewer, id, 'team.mark-played', body, { teamId });
  }

  @Post(':id/adjustments')
  @HttpCode(200)
  @CommandRoute()
  @ApiOperation({ summary: "Adjust a team's score with a reason; recorded beside the rule findings." })
  adjust(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() body: unknown): Promise<CommandResponse> {
    return this.exercises.run(viewer, id, 'score.adjust', body);
  }
}
