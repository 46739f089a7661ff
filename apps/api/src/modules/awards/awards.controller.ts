import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  DecisionRequest,
  ObjectionDecisionRequest,
  ObjectionRequest,
  PublishNoticeRequest,
  SelectionQuery,
} from '@xiaoshi/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Actor, AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, Public, RequirePermission } from '../../common/route-access.decorator.js';
import { Throttle } from '../../common/throttle.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { AwardExportsService } from './award-exports.service.js';
import { DecisionsService } from './decisions.service.js';
import { NoticesService } from './notices.service.js';
import { ObjectionsService } from './objections.service.js';
import { SelectionService } from './selection.service.js';
import { XLSX_MIME, sendDownload } from '../../common/download.js';

const RegisterQuery = z.object({ cursor: z.coerce.number().int().positive().optional() });

/** Staff side: selection workbench, decisions, 公示 management, objections. */
@ApiTags('awards')
@Controller()
export class AwardsController {
  constructor(
    private readonly selections: SelectionService,
    private readonly decisionsService: DecisionsService,
    private readonly noticesService: NoticesService,
    private readonly objectionsService: ObjectionsService,
    private readonly exports: AwardExportsService,
  ) {}

  @Get('competitions/:id/selection')
  @RequirePermission('awards.read')
  selection(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodQuery(SelectionQuery) query: SelectionQuery,
  ) {
    return this.selections.selection(actor.user, id, query);
  }

  @Get('competitions/:id/decisions')
  @RequirePermission('awards.read')
  decisions(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.decisionsService.decisions(actor.user, id);
  }

  @Post('competitions/:id/decisions')
  @RequirePermission('awards.decide')
  decide(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(DecisionRequest) body: DecisionRequest,
  ) {
    return this.decisionsService.decide(actor, id, body);
  }

  @Get('decisions/:id')
  @RequirePermission('awards.read')
  decision(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.decisionsService.decision(actor.user, id);
  }

  /** Re-runs the algorithms on the stored inputs and says whether the result is reproduced. */
  @Get('decisions/:id/verify')
  @RequirePermission('awards.read')
  verify(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.decisionsService.verify(actor.user, id);
  }

  @Post('decisions/:id/publish')
  @HttpCode(200)
  @RequirePermission('awards.decide')
  publish(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(PublishNoticeRequest) body: PublishNoticeRequest,
  ) {
    return this.noticesService.publish(actor, id, body);
  }

  @Get('notices/:id')
  @RequirePermission('awards.read')
  notice(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.noticesService.scopedNotice(actor.user, id);
  }

  @Get('notices/:id/objections')
  @RequirePermission('awards.read')
  objections(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.objectionsService.objections(actor.user, id);
  }

  @Post('objections/:id/decide')
  @HttpCode(200)
  @RequirePermission('awards.decide')
  decideObjection(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ObjectionDecisionRequest) body: ObjectionDecisionRequest,
  ) {
    return this.objectionsService.decideObjection(actor, id, body);
  }

  /** 立项: closes the notice after its last day and commits the awards. */
  @Post('notices/:id/close')
  @HttpCode(200)
  @RequirePermission('awards.decide')
  close(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.noticesService.close(actor, id);
  }

  @Get('notices/:id/export')
  @RequirePermission('awards.read')
  async export(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number, @Res() reply: FastifyReply) {
    const { buffer, name } = await this.exports.notice(actor.user, id);
    return sendDownload(reply, buffer, { name, contentType: XLSX_MIME });
  }
}

/** The public side, no login: 公示 pages, objections, the register of funded projects. */
@ApiTags('public')
@Controller('public')
@Throttle({ bucket: 'public-read', points: 120, durationSeconds: 60 })
export class PublicAwardsController {
  constructor(
    private readonly noticesService: NoticesService,
    private readonly objectionsService: ObjectionsService,
  ) {}

  @Get('notices')
  @Public()
  notices() {
    return this.noticesService.publicNotices();
  }

  @Get('notices/:id')
  @Public()
  notice(@Param('id', IdPipe) id: number) {
    return this.noticesService.notice(id);
  }

  @Post('notices/:id/objections')
  @Public()
  @Throttle({ bucket: 'public-objection', points: 5, durationSeconds: 3600 })
  objection(
    @Param('id', IdPipe) id: number,
    @ZodBody(ObjectionRequest) body: ObjectionRequest,
    @CurrentActor() actor: Actor,
  ) {
    return this.objectionsService.fileObjection(id, body, actor);
  }

  @Get('projects')
  @Public()
  register(@ZodQuery(RegisterQuery) query: z.infer<typeof RegisterQuery>) {
    return this.noticesService.register(query.cursor);
  }
}
