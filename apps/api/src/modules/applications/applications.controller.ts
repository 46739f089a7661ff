import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  ApplicationListQuery,
  CreateApplicationRequest,
  DomainError,
  ScreeningRequest,
  UpdateApplicationRequest,
  WorkflowActionRequest,
} from '@xiaoshi/contracts';
import type { ApplicationAction } from '@xiaoshi/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { ApplicationDraftsService } from './application-drafts.service.js';
import { ApplicationWorkflowService } from './application-workflow.service.js';
import { ApplicationsService } from './applications.service.js';
import { AttachmentsService } from './attachments.service.js';
import { sendDownload } from '../../common/download.js';

const SCREENING_ACTIONS: Record<ScreeningRequest['outcome'], ApplicationAction> = {
  eligible: 'screen_eligible',
  returned: 'screen_return',
  ineligible: 'screen_ineligible',
};

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly drafts: ApplicationDraftsService,
    private readonly workflow: ApplicationWorkflowService,
    private readonly attachments: AttachmentsService,
  ) {}

  @Get()
  @RequirePermission('applications.read')
  list(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodQuery(ApplicationListQuery) query: ApplicationListQuery,
  ) {
    return this.applications.list(actor.user, query);
  }

  @Get(':id')
  @RequirePermission('applications.read')
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.applications.get(actor.user, id);
  }

  @Post()
  @RequirePermission('applications.edit')
  create(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodBody(CreateApplicationRequest) body: CreateApplicationRequest,
  ) {
    return this.drafts.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('applications.edit')
  update(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(UpdateApplicationRequest) body: UpdateApplicationRequest,
  ) {
    return this.drafts.update(actor, id, body);
  }

  /** 社区报街道: the community hands the draft to its street. */
  @Post(':id/submit-to-street')
  @HttpCode(200)
  @RequirePermission('applications.edit')
  submitToStreet(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(WorkflowActionRequest) body: WorkflowActionRequest,
  ) {
    return this.workflow.transition(actor, id, 'submit_to_street', body);
  }

  @Post(':id/return-to-community')
  @HttpCode(200)
  @RequirePermission('applications.submit')
  returnToCommunity(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(WorkflowActionRequest) body: WorkflowActionRequest,
  ) {
    return this.workflow.transition(actor, id, 'return_to_community', body);
  }

  /** 街道送审: the street submits to the district (also a returned entry, after repair). */
  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission('applications.submit')
  submit(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(WorkflowActionRequest) body: WorkflowActionRequest,
  ) {
    return this.workflow.transition(actor, id, 'submit', body);
  }

  /** 形式审查: eligible, returned for revision, or ineligible. */
  @Post(':id/screen')
  @HttpCode(200)
  @RequirePermission('applications.screen')
  screen(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ScreeningRequest) body: ScreeningRequest,
  ) {
    return this.workflow.transition(actor, id, SCREENING_ACTIONS[body.outcome], body);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequirePermission('applications.edit')
  withdraw(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(WorkflowActionRequest) body: WorkflowActionRequest,
  ) {
    return this.workflow.transition(actor, id, 'withdraw', body);
  }

  /** multipart/form-data with a `type` field first, then one `file` (PDF, image, xlsx or docx). */
  @Post(':id/attachments')
  @ApiConsumes('multipart/form-data')
  @RequirePermission('applications.edit')
  async upload(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Req() request: FastifyRequest,
  ) {
    if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
    const file = await request.file();
    if (!file)
      throw new DomainError('VALIDATION_FAILED', { file: { zh: '请选择文件', en: 'Choose a file' } });
    const typeField = file.fields.type;
    const type =
      typeField && !Array.isArray(typeField) && 'value' in typeField ? String(typeField.value) : undefined;
    return this.attachments.upload(actor, id, { type, filename: file.filename, stream: file.file });
  }

  @Get(':id/attachments/:attachmentId')
  @RequirePermission('applications.read')
  async download(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Param('attachmentId', IdPipe) attachmentId: number,
    @Res() reply: FastifyReply,
  ) {
    const { attachment, stream, sizeBytes } = await this.attachments.open(actor.user, id, attachmentId);
    return sendDownload(reply, stream, {
      name: attachment.originalName,
      contentType: attachment.mimeType,
      size: sizeBytes,
      extraHeaders: { 'x-content-sha256': attachment.sha256 },
    });
  }

  @Delete(':id/attachments/:attachmentId')
  @HttpCode(204)
  @RequirePermission('applications.edit')
  async removeAttachment(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Param('attachmentId', IdPipe) attachmentId: number,
  ) {
    await this.attachments.remove(actor, id, attachmentId);
  }
}
