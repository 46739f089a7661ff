import { Controller, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  AssignInspectorsRequest,
  DomainError,
  InspectorConflictRequest,
  ProgressReportRequest,
  ProjectListQuery,
  RecordInspectionRequest,
  ReplaceMilestonesRequest,
  RequestAcceptanceRequest,
} from '@xiaoshi/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedActor } from '../../common/actor.js';
import { contentDisposition } from '../../common/download.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { AcceptanceService } from './acceptance.service.js';
import { InspectionsService } from './inspections.service.js';
import { ProgressService } from './progress.service.js';
import { ProjectPhotosService } from './project-photos.service.js';
import { ProjectsService } from './projects.service.js';

async function photoOf(request: FastifyRequest) {
  if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
  const file = await request.file();
  if (!file) throw new DomainError('VALIDATION_FAILED', { file: { zh: '请选择照片', en: 'Choose a photo' } });
  return { filename: file.filename, stream: file.file };
}

@ApiTags('delivery')
@Controller()
export class DeliveryController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly progress: ProgressService,
    private readonly photos: ProjectPhotosService,
    private readonly acceptance: AcceptanceService,
    private readonly inspectionRounds: InspectionsService,
  ) {}

  @Get('projects')
  @RequirePermission('delivery.read')
  list(@CurrentActor() actor: AuthenticatedActor, @ZodQuery(ProjectListQuery) query: ProjectListQuery) {
    return this.projects.list(actor.user, query);
  }

  @Get('projects/:id')
  @RequirePermission('delivery.read')
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.projects.get(actor.user, id);
  }

  @Get('applications/:id/project')
  @RequirePermission('delivery.read')
  ofApplication(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.projects.ofApplication(actor.user, id);
  }

  @Put('projects/:id/milestones')
  @RequirePermission('delivery.report')
  milestones(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ReplaceMilestonesRequest) body: ReplaceMilestonesRequest,
  ) {
    return this.projects.replaceMilestones(actor, id, body);
  }

  @Get('projects/:id/progress-reports')
  @RequirePermission('delivery.read')
  reports(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.progress.reports(actor.user, id);
  }

  @Post('projects/:id/progress-reports')
  @RequirePermission('delivery.report')
  report(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ProgressReportRequest) body: ProgressReportRequest,
  ) {
    return this.progress.report(actor, id, body);
  }

  /** multipart/form-data with one `file` (JPEG, PNG or WebP). */
  @Post('progress-reports/:id/photos')
  @ApiConsumes('multipart/form-data')
  @RequirePermission('delivery.report')
  async reportPhoto(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Req() request: FastifyRequest,
  ) {
    return this.photos.addPhoto(actor, { reportId: id }, await photoOf(request));
  }

  @Get('project-photos/:id')
  @RequirePermission('delivery.read')
  async photo(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    const { photo, stream, sizeBytes } = await this.photos.openPhoto(actor.user, id);
    return reply
      .header('content-type', photo.mimeType)
      .header('content-length', sizeBytes)
      .header('content-disposition', contentDisposition(photo.originalName, 'inline'))
      .send(stream);
  }

  @Post('projects/:id/request-acceptance')
  @HttpCode(200)
  @RequirePermission('delivery.report')
  requestAcceptance(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(RequestAcceptanceRequest) body: RequestAcceptanceRequest,
  ) {
    return this.acceptance.requestAcceptance(actor, id, body);
  }

  @Post('projects/:id/inspector-conflicts')
  @RequirePermission('delivery.manage')
  conflict(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(InspectorConflictRequest) body: InspectorConflictRequest,
  ) {
    return this.acceptance.recordConflict(actor, id, body);
  }

  @Post('projects/:id/inspections')
  @RequirePermission('delivery.manage')
  assign(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(AssignInspectorsRequest) body: AssignInspectorsRequest,
  ) {
    return this.acceptance.assignInspectors(actor, id, body);
  }

  @Get('projects/:id/inspections')
  @RequirePermission('delivery.read')
  inspections(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.inspectionRounds.inspections(actor.user, id);
  }

  @Get('inspections/:id')
  @RequirePermission('delivery.read')
  inspection(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.inspectionRounds.inspection(actor.user, id);
  }

  @Post('inspections/:id/record')
  @HttpCode(200)
  @RequirePermission('delivery.inspect')
  record(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(RecordInspectionRequest) body: RecordInspectionRequest,
  ) {
    return this.inspectionRounds.record(actor, id, body);
  }

  /** multipart/form-data with one `file` (JPEG, PNG or WebP); assigned inspectors only. */
  @Post('inspections/:id/photos')
  @ApiConsumes('multipart/form-data')
  @RequirePermission('delivery.inspect')
  async inspectionPhoto(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Req() request: FastifyRequest,
  ) {
    return this.photos.addPhoto(actor, { inspectionId: id }, await photoOf(request));
  }
}
