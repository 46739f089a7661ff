import type { Readable } from 'node:stream';
import { Controller, Get, HttpCode, Param, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ApproveRequest,
  CreateStipendPersonRequest,
  CreateStipendProgrammeRequest,
  CreateStipendRuleVersionRequest,
  DepartureSubsidyQuery,
  DomainError,
  GenerateStipendBatchRequest,
  MarkStipendBatchPaidRequest,
  RemoveStipendPersonRequest,
  ReplaceStipendPostsRequest,
  ReturnWithReasonRequest,
  StipendBatchLinesQuery,
  StipendBatchListQuery,
  StipendPersonListQuery,
  StipendPreviewQuery,
  StipendReportStatusQuery,
  SubmitStipendReportRequest,
  UpdateStipendPersonRequest,
} from '@xiaoshi/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { XLSX_MIME, sendDownload } from '../../common/download.js';
import { StipendBatchViewsService } from './stipend-batch-views.service.js';
import { StipendBatchesService } from './stipend-batches.service.js';
import { StipendDeparturesService } from './stipend-departures.service.js';
import { StipendImportService } from './stipend-import.service.js';
import { StipendPayrollService } from './stipend-payroll.service.js';
import { StipendPeopleService } from './stipend-people.service.js';
import { StipendPreviewService } from './stipend-preview.service.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';
import { StipendReportViewsService } from './stipend-report-views.service.js';
import { StipendReportsService } from './stipend-reports.service.js';
import { StipendRosterService } from './stipend-roster.service.js';

/** Workbooks carry personal data: never cached by the browser or a proxy. */
function sendWorkbook(reply: FastifyReply, file: { fileName: string; bytes: Buffer }) {
  return sendDownload(reply, file.bytes, {
    name: file.fileName,
    contentType: XLSX_MIME,
    size: file.bytes.length,
    extraHeaders: { 'cache-control': 'no-store' },
  });
}

function sendWorkbookStream(reply: FastifyReply, file: { fileName: string; stream: Readable; sizeBytes: number }) {
  return sendDownload(reply, file.stream, {
    name: file.fileName,
    contentType: XLSX_MIME,
    size: file.sizeBytes,
    extraHeaders: { 'cache-control': 'no-store' },
  });
}

@ApiTags('stipends')
@Controller('stipends')
export class StipendsController {
  constructor(
    private readonly programmes: StipendProgrammesService,
    private readonly roster: StipendRosterService,
    private readonly people: StipendPeopleService,
    private readonly imports: StipendImportService,
    private readonly reportViews: StipendReportViewsService,
    private readonly reports: StipendReportsService,
    private readonly previews: StipendPreviewService,
    private readonly departures: StipendDeparturesService,
    private readonly batchViews: StipendBatchViewsService,
    private readonly batches: StipendBatchesService,
    private readonly payrolls: StipendPayrollService,
  ) {}

  // --- programmes and rules

  @Get('programmes')
  @RequirePermission('stipends.read')
  listProgrammes(@CurrentActor() actor: AuthenticatedActor) {
    return this.programmes.list(actor.user);
  }

  @Post('programmes')
  @RequirePermission('stipends.manage')
  createProgramme(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodBody(CreateStipendProgrammeRequest) body: CreateStipendProgrammeRequest,
  ) {
    return this.programmes.create(actor, body);
  }

  @Get('programmes/:id')
  @RequirePermission('stipends.read')
  getProgramme(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.programmes.get(actor.user, id);
  }

  /** A new version of the programme's policy rules (document number, effective date, data). */
  @Post('programmes/:id/rule-versions')
  @RequirePermission('stipends.manage')
  addRuleVersion(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(CreateStipendRuleVersionRequest) body: CreateStipendRuleVersionRequest,
  ) {
    return this.programmes.addRuleVersion(actor, id, body);
  }

  // --- roster

  @Get('people')
  @RequirePermission('stipends.read')
  listPeople(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodQuery(StipendPersonListQuery) query: StipendPersonListQuery,
  ) {
    return this.roster.list(actor.user, query);
  }

  /** A person with their posts and payment history. */
  @Get('people/:id')
  @RequirePermission('stipends.read')
  getPerson(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.roster.get(actor.user, id);
  }

  @Post('programmes/:id/people')
  @RequirePermission('stipends.roster')
  createPerson(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(CreateStipendPersonRequest) body: CreateStipendPersonRequest,
  ) {
    return this.people.create(actor, id, body);
  }

  @Patch('people/:id')
  @RequirePermission('stipends.roster')
  updatePerson(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(UpdateStipendPersonRequest) body: UpdateStipendPersonRequest,
  ) {
    return this.people.update(actor, id, body);
  }

  @Put('people/:id/posts')
  @RequirePermission('stipends.roster')
  replacePosts(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ReplaceStipendPostsRequest) body: ReplaceStipendPostsRequest,
  ) {
    return this.people.replacePosts(actor, id, body);
  }

  /** 停发 from an effective date, with the reason. */
  @Post('people/:id/remove')
  @HttpCode(200)
  @RequirePermission('stipends.roster')
  removePerson(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(RemoveStipendPersonRequest) body: RemoveStipendPersonRequest,
  ) {
    return this.people.remove(actor, id, body);
  }

  /** The import template: the roster kind's columns; the example and instructions on sheet 说明. */
  @Get('programmes/:id/roster-template')
  @ApiProduces(XLSX_MIME)
  @RequirePermission('stipends.read')
  async rosterTemplate(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    return sendWorkbook(reply, await this.imports.template(actor.user, id));
  }

  /**
   * multipart/form-data with one `file` (.xlsx). All or nothing: any bad row → 400
   * STIPEND_IMPORT_REJECTED with `fields` keyed `rows.<row>.<column>`, and nothing is written.
   */
  @Post('programmes/:id/roster-imports')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @RequirePermission('stipends.roster')
  async importRoster(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Req() request: FastifyRequest,
  ) {
    if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
    const file = await request.file();
    if (!file)
      throw new DomainError('VALIDATION_FAILED', { file: { zh: '请选择文件', en: 'Choose a file' } });
    return this.imports.import(actor, id, file.file);
  }

  /** The roster for officials, ID numbers and accounts masked. */
  @Get('programmes/:id/roster-export')
  @ApiProduces(XLSX_MIME)
  @RequirePermission('stipends.read')
  async exportRoster(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    return sendWorkbook(reply, await this.roster.exportRoster(actor.user, id));
  }

  // --- quarterly cycle: street reports

  /** 季度报送情况 per street in scope. */
  @Get('programmes/:id/reports')
  @RequirePermission('stipends.read')
  reportStatus(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodQuery(StipendReportStatusQuery) query: StipendReportStatusQuery,
  ) {
    return this.reportViews.statusFor(actor.user, id, query.year, query.quarter);
  }

  @Post('programmes/:id/reports')
  @RequirePermission('stipends.report')
  submitReport(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(SubmitStipendReportRequest) body: SubmitStipendReportRequest,
  ) {
    return this.reports.submit(actor, id, body);
  }

  @Get('reports/:id')
  @RequirePermission('stipends.read')
  getReport(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.reportViews.get(actor.user, id);
  }

  @Post('reports/:id/approve')
  @HttpCode(200)
  @RequirePermission('stipends.audit')
  approveReport(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ApproveRequest) body: ApproveRequest,
  ) {
    return this.reports.approve(actor, id, body);
  }

  @Post('reports/:id/return')
  @HttpCode(200)
  @RequirePermission('stipends.audit')
  returnReport(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ReturnWithReasonRequest) body: ReturnWithReasonRequest,
  ) {
    return this.reports.returnToStreet(actor, id, body);
  }

  // --- computations

  /** What a quarter, or the whole year, costs from the roster as it stands. */
  @Get('programmes/:id/preview')
  @RequirePermission('stipends.read')
  preview(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodQuery(StipendPreviewQuery) query: StipendPreviewQuery,
  ) {
    return this.previews.preview(actor.user, id, query);
  }

  /** 离任一次性补助: the normal departures after an election, computed from the rule table. */
  @Get('programmes/:id/departure-subsidies')
  @RequirePermission('stipends.read')
  departureSubsidies(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodQuery(DepartureSubsidyQuery) query: DepartureSubsidyQuery,
  ) {
    return this.departures.departureSubsidies(actor.user, id, query.electionDate);
  }

  // --- batches

  /** Prepares the batch of a quarter ({year, quarter}) or of an election ({electionDate}), once. */
  @Post('programmes/:id/batches')
  @RequirePermission('stipends.prepare')
  generateBatch(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(GenerateStipendBatchRequest) body: GenerateStipendBatchRequest,
  ) {
    return this.batches.generate(actor, id, body);
  }

  @Get('batches')
  @RequirePermission('stipends.read')
  listBatches(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodQuery(StipendBatchListQuery) query: StipendBatchListQuery,
  ) {
    return this.batchViews.list(actor.user, query);
  }

  @Get('batches/:id')
  @RequirePermission('stipends.read')
  getBatch(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.batchViews.get(actor.user, id);
  }

  /** The lines after the first page of the batch view, a keyset page at a time (masked). */
  @Get('batches/:id/lines')
  @RequirePermission('stipends.read')
  batchLines(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodQuery(StipendBatchLinesQuery) query: StipendBatchLinesQuery,
  ) {
    return this.batchViews.lines(actor.user, id, query);
  }

  /** Maker–checker: a finance officer other than the preparer; commits on the budget line. */
  @Post('batches/:id/approve')
  @HttpCode(200)
  @RequirePermission('stipends.approve')
  approveBatch(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ApproveRequest) body: ApproveRequest,
  ) {
    return this.batches.approve(actor, id, body);
  }

  @Post('batches/:id/reject')
  @HttpCode(200)
  @RequirePermission('stipends.approve')
  rejectBatch(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ReturnWithReasonRequest) body: ReturnWithReasonRequest,
  ) {
    return this.batches.reject(actor, id, body);
  }

  /** 发放表 for the bank: full ID numbers and accounts, totals by street. */
  @Get('batches/:id/payroll')
  @ApiProduces(XLSX_MIME)
  @RequirePermission('stipends.pay')
  async payroll(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    return sendWorkbookStream(reply, await this.payrolls.workbook(actor, id, false));
  }

  /** The same table for review, masked (not for the bank). */
  @Get('batches/:id/export')
  @ApiProduces(XLSX_MIME)
  @RequirePermission('stipends.read')
  async reviewExport(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    return sendWorkbookStream(reply, await this.payrolls.workbook(actor, id, true));
  }

  @Post('batches/:id/mark-paid')
  @HttpCode(200)
  @RequirePermission('stipends.pay')
  markPaid(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(MarkStipendBatchPaidRequest) body: MarkStipendBatchPaidRequest,
  ) {
    return this.batches.markPaid(actor, id, body);
  }
}
