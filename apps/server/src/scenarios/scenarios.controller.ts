// GET /api/scenarios, GET /api/scenarios/:id, POST /api/scenarios/validate.
import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '../common/api-docs.decorators.js';
import {
  LIMITS,
  parseMessage,
  type ScenarioDetail,
  type ScenarioSummary,
  validateScenarioRequestSchema,
  type ValidateScenarioResponse,
} from '@ttx/contracts';
import { idSchema } from '@ttx/contracts';
import type { SourceFile } from '@ttx/scenario';
import { Roles } from '../auth/roles.decorator.js';
import { orThrow, TtxException } from '../common/ttx.exception.js';
import { ScenarioLibrary } from './scenario-library.service.js';

interface UploadedYaml {
  originalname: string;
  buffer: Buffer;
}

@ApiTags('scenarios')
@Controller('api/scenarios')
export class ScenariosController {
  constructor(@Inject(ScenarioLibrary) private readonly library: ScenarioLibrary) {}

  @Get()
  @Roles('controller', 'facilitator')
  @ApiOperation({ summary: 'The scenarios loaded from the exercises folder.' })
  list(): ScenarioSummary[] {
    return this.library.list();
  }

  @Get(':scenarioId')
  @Roles('controller', 'facilitator')
  @ApiOperation({ summary: 'One scenario, parsed, with its action catalogue and rule set.' })
  detail(@Param('scenarioId') scenarioId: string): ScenarioDetail {
    return this.library.detail(orThrow(parseMessage(idSchema, scenarioId)));
  }

  @Post('validate')
  @HttpCode(200)
  @Roles('controller', 'facilitator')
  @ApiConsumes('text/yaml', 'multipart/form-data', 'application/json')
  @ApiOperation({ summary: 'Check a scenario, catalogue or rule-set file in the validation worker; returns positioned problems.' })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: LIMITS.scenarioUploadBytes, files: 1 } }))
  validate(
    @Body() body: unknown,
    @UploadedFile() file: UploadedYaml | undefined,
    @Headers('x-file-name') fileName: string | undefined,
  ): Promise<ValidateScenarioResponse> {
    return this.library.validate(uploadsOf(body, file, fileName));
  }
}

function uploadsOf(body: unknown, file: UploadedYaml | undefined, fileName: string | undefined): SourceFile[] {
  const name = (fileName ?? file?.originalname ?? 'upload.yaml').replace(/[^\w./-]/g, '_').slice(0, 200) || 'upload.yaml';
  if (file) return [{ path: name, text: file.buffer.toString('utf8') }];
  if (typeof body === 'string') {
    if (body.trim() === '') throw new TtxException('VALIDATION_FAILED', 'The uploaded file is empty.');
    return [{ path: name, text: body }];
  }
  return orThrow(parseMessage(validateScenarioRequestSchema, body)).files;
}
