import { Controller, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  ActualsQuery,
  ApproveTableVersionRequest,
  CreatePerformanceTableRequest,
  DomainError,
  ManualValueHistoryQuery,
  ManualValueRequest,
  NewTableVersionRequest,
  PerformanceTableListQuery,
  UpdateTableVersionRequest,
  fieldMessage,
} from '@xiaoshi/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedActor } from '../../common/actor.js';
import { sendDownload } from '../../common/download.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { ActualValuesService } from './actual-values.service.js';
import { TargetTablesService } from './target-tables.service.js';

async function evidenceOf(request: FastifyRequest) {
  if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
  const file = await request.file();
  if (!file)
    throw new DomainError('VALIDATION_FAILED', { file: fieldMessage('请选择佐证材料', 'Choose a file') });
  return { filename: file.filename, stream: file.file };
}

/** Target tables, their versions, live actual values and hand-entered values with evidence. */
@ApiTags('performance')
@Controller('performance')
export class PerformanceController {
  constructor(
    private readonly tables: TargetTablesService,
    private readonly values: ActualValuesService,
  ) {}

  @Get('metrics')
  @RequirePermission('performance.read')
  metrics(@CurrentActor() actor: AuthenticatedActor) {
    return this.tables.metrics(actor.user);
  }

  @Get('tables')
  @RequirePermission('performance.read')
  list(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodQuery(PerformanceTableListQuery) query: PerformanceTableListQuery,
  ) {
    return this.tables.list(actor.user, query);
  }

  @Post('tables')
  @RequirePermission('performance.manage')
  create(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodBody(CreatePerformanceTableRequest) body: CreatePerformanceTableRequest,
  ) {
    return this.tables.create(actor, body);
  }

  @Get('tables/:id')
  @RequirePermission('performance.read')
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.tables.get(actor.user, id);
  }

  @Post('tables/:id/versions')
  @RequirePermission('performance.manage')
  newVersion(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(NewTableVersionRequest) body: NewTableVersionRequest,
  ) {
    return this.tables.newVersion(actor, id, body);
  }

  @Get('versions/:id')
  @RequirePermission('performance.read')
  version(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.tables.version(actor.user, id);
  }

  @Put('versions/:id')
  @RequirePermission('performance.manage')
  update(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(UpdateTableVersionRequest) body: UpdateTableVersionRequest,
  ) {
    return this.tables.updateDraft(actor, id, body);
  }

  @Post('versions/:id/approve')
  @HttpCode(200)
  @RequirePermission('performance.manage')
  approve(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ApproveTableVersionRequest) body: ApproveTableVersionRequest,
  ) {
    return this.tables.approve(actor, id, body);
  }

  @Get('summary')
  @RequirePermission('performance.read')
  summary(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodQuery(PerformanceTableListQuery) query: PerformanceTableListQuery,
  ) {
    return this.values.summary(actor.user, query.year);
  }

  @Get('tables/:id/actuals')
  @RequirePermission('performance.read')
  actuals(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodQuery(ActualsQuery) query: ActualsQuery,
  ) {
    return this.values.actuals(actor.user, id, query);
  }

  @Get('tables/:id/indicators/:indicatorId/breakdown')
  @RequirePermission('performance.read')
  breakdown(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Param('indicatorId', IdPipe) indicatorId: number,
  ) {
    return this.values.breakdown(actor.user, id, indicatorId);
  }

  /** multipart/form-data with one `file` (PDF, image, xlsx or docx). */
  @Post('tables/:id/evidence')
  @ApiConsumes('multipart/form-data')
  @RequirePermission('performance.manage')
  async evidence(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Req() request: FastifyRequest,
  ) {
    return this.values.uploadEvidence(actor, id, await evidenceOf(request));
  }

  @Get('evidence/:id')
  @RequirePermission('performance.read')
  async download(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    const { evidence, stream, sizeBytes } = await this.values.openEvidence(actor.user, id);
    return sendDownload(reply, stream, {
      name: evidence.originalName,
      contentType: evidence.mimeType,
      size: sizeBytes,
    });
  }

  @Post('tables/:id/manual-values')
  @RequirePermission('performance.manage')
  manualValue(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ManualValueRequest) body: ManualValueRequest,
  ) {
    return this.values.enterManualValue(actor, id, body);
  }

  @Get('tables/:id/manual-values')
  @RequirePermission('performance.read')
  manualHistory(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodQuery(ManualValueHistoryQuery) query: ManualValueHistoryQuery,
  ) {
    return this.values.manualHistory(actor.user, id, query.indicatorKey);
  }
}
