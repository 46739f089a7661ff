import { Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DeviationReasonsRequest, ReturnStreetReportRequest } from '@xiaoshi/contracts';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedActor } from '../../common/actor.js';
import { XLSX_MIME, sendDownload } from '../../common/download.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody } from '../../common/validation.js';
import { EvaluationExportService } from './evaluation-export.service.js';
import { SelfEvaluationService } from './self-evaluation.service.js';
import { StreetReportsService } from './street-reports.service.js';

/** The self-evaluation (绩效自评): streets report their part, the district audits and submits. */
@ApiTags('performance')
@Controller('performance')
export class SelfEvaluationController {
  constructor(
    private readonly evaluations: SelfEvaluationService,
    private readonly streets: StreetReportsService,
    private readonly exports: EvaluationExportService,
  ) {}

  @Get('tables/:id/evaluation')
  @RequirePermission('performance.read')
  view(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.evaluations.view(actor.user, id);
  }

  @Put('tables/:id/evaluation/reasons')
  @RequirePermission('performance.manage')
  reasons(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(DeviationReasonsRequest) body: DeviationReasonsRequest,
  ) {
    return this.evaluations.saveReasons(actor, id, body);
  }

  @Post('tables/:id/evaluation/submit')
  @HttpCode(200)
  @RequirePermission('performance.manage')
  submit(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.evaluations.submit(actor, id);
  }

  @Put('tables/:id/evaluation/street-notes')
  @RequirePermission('performance.report')
  streetNotes(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(DeviationReasonsRequest) body: DeviationReasonsRequest,
  ) {
    return this.streets.saveNotes(actor, id, body);
  }

  @Post('tables/:id/evaluation/street-report')
  @HttpCode(200)
  @RequirePermission('performance.report')
  streetReport(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.streets.submit(actor, id);
  }

  @Post('street-reports/:id/approve')
  @HttpCode(200)
  @RequirePermission('performance.manage')
  approve(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.streets.auditReport(actor, id, { approve: true });
  }

  @Post('street-reports/:id/return')
  @HttpCode(200)
  @RequirePermission('performance.manage')
  returnReport(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ReturnStreetReportRequest) body: ReturnStreetReportRequest,
  ) {
    return this.streets.auditReport(actor, id, body);
  }

  @Get('tables/:id/evaluation/export')
  @RequirePermission('performance.read')
  async export(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    const { buffer, name } = await this.exports.workbook(actor.user, id);
    return sendDownload(reply, buffer, { name, contentType: XLSX_MIME, size: buffer.length });
  }
}
