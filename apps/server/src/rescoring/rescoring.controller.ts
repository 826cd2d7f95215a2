// GET /api/exercises/:id/bundle, GET /api/rescore/rule-sets, POST /api/exercises/:id/rescore.
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { parseMessage, rescoreRequestSchema, type RuleSetSummary } from '@ttx/contracts';
import { Roles } from '../auth/roles.decorator.js';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '../common/api-docs.decorators.js';
import type { HttpResponse } from '../common/http-types.js';
import { orThrow } from '../common/ttx.exception.js';
import { RescoringService } from './rescoring.service.js';

/** JSON the worker wrote, sent as it is: serialising a large answer here would hold the event loop. */
function jsonFile(json: Uint8Array): StreamableFile {
  return new StreamableFile(json, { type: 'application/json; charset=utf-8', length: json.byteLength });
}

@ApiTags('rescoring')
@ApiBearerAuth()
@Controller('api')
export class RescoringController {
  constructor(@Inject(RescoringService) private readonly rescoring: RescoringService) {}

  @Get('exercises/:id/bundle')
  @Roles('controller', 'facilitator')
  @ApiProduces('application/json')
  @ApiOperation({ summary: 'The exercise bundle (scenario, action catalogue, rule set and the whole log) as a JSON file, for ttx rescore.' })
  async bundle(@Param('id') id: string, @Res({ passthrough: true }) response: HttpResponse): Promise<StreamableFile> {
    const bundle = await this.rescoring.bundle(id);
    const name = `${bundle.scenarioId}-${id}-bundle.json`.replace(/[^\w.-]/g, '_');
    response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    response.setHeader('Cache-Control', 'no-store');
    return jsonFile(bundle.json);
  }

  @Get('rescore/rule-sets')
  @Roles('controller')
  @ApiOperation({ summary: 'The rule sets the server loaded from its exercises folder, which an exercise may be re-scored under.' })
  ruleSets(): RuleSetSummary[] {
    return this.rescoring.ruleSets();
  }

  @Post('exercises/:id/rescore')
  @HttpCode(200)
  @Roles('controller')
  @ApiOperation({
    summary:
      'The exercise re-scored under another rule set ({ruleSetId} of a loaded one, or {ruleSetYaml}): both scoreboards and the findings that differ (RescoreResult).',
  })
  async rescore(@Param('id') id: string, @Body() body: unknown): Promise<StreamableFile> {
    return jsonFile(await this.rescoring.rescore(id, orThrow(parseMessage(rescoreRequestSchema, body))));
  }
}
