// GET /api/exercises/:id/report: the after-action review as a file, for staff; a team's own debrief for a player.
import { Controller, Get, Inject, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '../common/api-docs.decorators.js';
import { HTML_CONTENT_POLICY, httpStatusOf, MEDIA_TYPES, parseMessage, reportQuerySchema } from '@ttx/contracts';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { EVERYONE, Roles } from '../auth/roles.decorator.js';
import type { Viewer } from '../auth/token.service.js';
import type { HttpResponse } from '../common/http-types.js';
import { orThrow } from '../common/ttx.exception.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/exercises')
export class ReportsController {
  constructor(@Inject(ReportsService) private readonly reports: ReportsService) {}

  @Get(':id/report')
  @Roles(...EVERYONE)
  @ApiProduces('application/json', 'text/csv', 'text/html', 'application/pdf')
  @ApiOperation({
    summary:
      'The after-action review as of the last event (format=json|csv|html|pdf, table=decisions|timeline for csv, inline=1 for html, ' +
      'part=overview|teams|escalation|objectives|judgements|improvement-plan|timeline|appendix for one part as JSON). ' +
      "Staff get the whole review; a player gets its own team's debrief when the scenario allows it.",
  })
  async report(
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<StreamableFile> {
    const { inline, ...rendering } = orThrow(parseMessage(reportQuerySchema, query));
    const { format } = rendering;
    const report = await this.reports.report(viewer, id, rendering);
    response.setHeader('Content-Type', MEDIA_TYPES[format]);
    const disposition = format === 'html' && inline === '1' ? 'inline' : 'attachment';
    response.setHeader('Content-Disposition', `${disposition}; filename="${report.fileName}"`);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (format === 'html') response.setHeader('Content-Security-Policy', HTML_CONTENT_POLICY);
    // A report that fails before its first byte is a coded error; one cut off later closes the connection.
    return new StreamableFile(report.body, { length: report.byteLength }).setErrorHandler((error) => {
      if (response.headersSent || response.destroyed) return void response.destroy();
      response.removeHeader('Content-Disposition');
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
      response.status(httpStatusOf('INTERNAL')).json({ error: { code: 'INTERNAL', message: error.message } });
    });
  }
}
