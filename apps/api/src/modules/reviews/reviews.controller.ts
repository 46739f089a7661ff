import { Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AutoAssignRequest,
  DeclareConflictRequest,
  ManualAssignRequest,
  PanelDrawRequest,
  PanelRequest,
  PinConflictRequest,
  RankingQuery,
  ReopenSheetRequest,
  ReviewerProfileRequest,
  ScoreSheetDraftRequest,
  SheetSubmitRequest,
} from '@xiaoshi/contracts';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { FileStore } from '../files/file-store.js';
import { ReviewAssignmentService } from './review-assignment.service.js';
import { ReviewConflictsService } from './review-conflicts.service.js';
import { ReviewExportsService } from './review-exports.service.js';
import { ReviewPanelsService } from './review-panels.service.js';
import { ReviewRankingService } from './review-ranking.service.js';
import { ReviewerPoolService } from './reviewer-pool.service.js';
import { ReviewerWorkspaceService } from './reviewer-workspace.service.js';
import { ScoreSheetsService } from './score-sheets.service.js';
import { XLSX_MIME, sendDownload } from '../../common/download.js';

function sendWorkbook(reply: FastifyReply, buffer: Buffer, name: string) {
  return sendDownload(reply, buffer, { name, contentType: XLSX_MIME });
}

@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(
    private readonly expertPool: ReviewerPoolService,
    private readonly panels: ReviewPanelsService,
    private readonly conflictsOfInterest: ReviewConflictsService,
    private readonly assignment: ReviewAssignmentService,
    private readonly workspace: ReviewerWorkspaceService,
    private readonly sheets: ScoreSheetsService,
    private readonly rankings: ReviewRankingService,
    private readonly exports: ReviewExportsService,
    private readonly files: FileStore,
  ) {}

  @Get('reviewers')
  @RequirePermission('reviews.read')
  pool(@CurrentActor() actor: AuthenticatedActor) {
    return this.expertPool.pool(actor.user);
  }

  @Put('reviewers/:userId/profile')
  @RequirePermission('reviews.manage')
  setProfile(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('userId', IdPipe) userId: number,
    @ZodBody(ReviewerProfileRequest) body: ReviewerProfileRequest,
  ) {
    return this.expertPool.setProfile(actor, userId, body);
  }

  @Get('competitions/:id/panel')
  @RequirePermission('reviews.read')
  panel(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.panels.panel(actor.user, id);
  }

  @Put('competitions/:id/panel')
  @RequirePermission('reviews.manage')
  setPanel(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(PanelRequest) body: PanelRequest,
  ) {
    return this.panels.setPanel(actor, id, body);
  }

  /** 随机抽取专家: reproducible from the recorded seed. */
  @Post('competitions/:id/panel/draw')
  @HttpCode(200)
  @RequirePermission('reviews.manage')
  draw(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(PanelDrawRequest) body: PanelDrawRequest,
  ) {
    return this.panels.drawPanel(actor, id, body);
  }

  @Get('competitions/:id/conflicts')
  @RequirePermission('reviews.read')
  conflicts(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.conflictsOfInterest.conflicts(actor.user, id);
  }

  @Post('competitions/:id/conflicts')
  @RequirePermission('reviews.manage')
  pin(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(PinConflictRequest) body: PinConflictRequest,
  ) {
    return this.conflictsOfInterest.pinConflict(actor, id, body);
  }

  @Post('competitions/:id/assignments/preview')
  @HttpCode(200)
  @RequirePermission('reviews.manage')
  preview(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(AutoAssignRequest) body: AutoAssignRequest,
  ) {
    return this.assignment.previewAssignment(actor, id, body);
  }

  @Post('competitions/:id/assignments/auto')
  @HttpCode(200)
  @RequirePermission('reviews.manage')
  auto(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(AutoAssignRequest) body: AutoAssignRequest,
  ) {
    return this.assignment.autoAssign(actor, id, body);
  }

  @Post('competitions/:id/assignments')
  @HttpCode(204)
  @RequirePermission('reviews.manage')
  async assign(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ManualAssignRequest) body: ManualAssignRequest,
  ) {
    await this.assignment.assignManually(actor, id, body);
  }

  @Delete('review-assignments/:id')
  @HttpCode(204)
  @RequirePermission('reviews.manage')
  async unassign(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    await this.assignment.unassign(actor, id);
  }

  @Get('competitions/:id/ranking')
  @RequirePermission('reviews.read')
  ranking(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodQuery(RankingQuery) query: RankingQuery,
  ) {
    // Without limit and cursor: the whole ranking as an array, as before; with either: a keyset page.
    return query.limit === undefined && query.cursor === undefined
      ? this.rankings.ranking(actor.user, id)
      : this.rankings.rankingPage(actor.user, id, query);
  }

  @Get('competitions/:id/z-scores')
  @RequirePermission('reviews.read')
  zScores(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.rankings.zScoreView(actor.user, id);
  }

  @Get('competitions/:id/review-progress')
  @RequirePermission('reviews.read')
  progress(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.rankings.progress(actor.user, id);
  }

  @Get('competitions/:id/exports/score-matrix')
  @RequirePermission('reviews.read')
  async scoreMatrix(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    return sendWorkbook(reply, await this.exports.scoreMatrix(actor.user, id), '评分明细.xlsx');
  }

  @Get('competitions/:id/exports/ranking')
  @RequirePermission('reviews.read')
  async rankingExport(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    return sendWorkbook(reply, await this.exports.ranking(actor.user, id), '评审排名.xlsx');
  }

  @Get('competitions/:id/exports/summary')
  @RequirePermission('reviews.read')
  async summary(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    return sendWorkbook(reply, await this.exports.summary(actor.user, id), '评分汇总表.xlsx');
  }

  @Get('competitions/:id/assignments')
  @RequirePermission('reviews.read')
  assignments(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.assignment.assignments(actor.user, id);
  }

  @Post('score-sheets/:id/reopen')
  @HttpCode(204)
  @RequirePermission('reviews.manage')
  async reopen(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ReopenSheetRequest) body: ReopenSheetRequest,
  ) {
    await this.sheets.reopenSheet(actor, id, body.reason);
  }

  // The reviewer's own workspace.

  @Get('reviews/my')
  @RequirePermission('reviews.score')
  mine(@CurrentActor() actor: AuthenticatedActor) {
    return this.workspace.myTasks(actor.user);
  }

  @Get('reviews/assignments/:id')
  @RequirePermission('reviews.score')
  sheet(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.workspace.sheet(actor.user, id);
  }

  @Get('reviews/assignments/:id/attachments/:attachmentId')
  @RequirePermission('reviews.score')
  async attachment(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Param('attachmentId', IdPipe) attachmentId: number,
    @Res() reply: FastifyReply,
  ) {
    const row = await this.workspace.attachmentForReviewer(actor.user, id, attachmentId);
    const { stream, sizeBytes } = await this.files.open(row.storageKey);
    return sendDownload(reply, stream, { name: row.originalName, contentType: row.mimeType, size: sizeBytes });
  }

  @Put('reviews/assignments/:id/sheet')
  @RequirePermission('reviews.score')
  save(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ScoreSheetDraftRequest) body: ScoreSheetDraftRequest,
  ) {
    return this.sheets.saveDraft(actor, id, body);
  }

  @Post('reviews/assignments/:id/sheet/submit')
  @HttpCode(200)
  @RequirePermission('reviews.score')
  submit(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(SheetSubmitRequest) body: SheetSubmitRequest,
  ) {
    return this.sheets.submitSheet(actor, id, body.version);
  }

  @Post('reviews/assignments/:id/declare-conflict')
  @HttpCode(204)
  @RequirePermission('reviews.score')
  async declare(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(DeclareConflictRequest) body: DeclareConflictRequest,
  ) {
    await this.conflictsOfInterest.declareConflict(actor, id, body);
  }
}
