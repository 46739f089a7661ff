import { Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  CreatePaymentRequest,
  PaymentListQuery,
  RecordPaymentRequest,
  RejectPaymentRequest,
  ReversePaymentRequest,
} from '@xiaoshi/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { contentDisposition } from '../../common/download.js';
import { PaymentDocumentsService, XLSX_MIME } from './payment-documents.service.js';
import { PaymentsService } from './payments.service.js';

const DashboardQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const HTML = 'text/html; charset=utf-8';

@ApiTags('payments')
@Controller()
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly documents: PaymentDocumentsService,
  ) {}

  @Get('payments')
  @RequirePermission('payments.read')
  list(@CurrentActor() actor: AuthenticatedActor, @ZodQuery(PaymentListQuery) query: PaymentListQuery) {
    return this.payments.list(actor.user, query);
  }

  /** 拨付登记簿 as Excel. */
  @Get('payments/register')
  @RequirePermission('payments.read')
  async register(@CurrentActor() actor: AuthenticatedActor, @Res() reply: FastifyReply) {
    const buffer = await this.documents.register(actor);
    return reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', contentDisposition('拨付登记簿.xlsx'))
      .send(buffer);
  }

  @Get('payments/:id')
  @RequirePermission('payments.read')
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.payments.get(actor.user, id);
  }

  /** A retried request with the same `Idempotency-Key` header (or body idempotencyKey) returns the first payment with 200. */
  @Post('payments')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @RequirePermission('payments.request')
  async request(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodBody(CreatePaymentRequest) body: CreatePaymentRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { created, payment } = await this.payments.request(actor, body, key);
    reply.status(created ? 201 : 200);
    return payment;
  }

  @Post('payments/:id/approve')
  @HttpCode(200)
  @RequirePermission('payments.approve')
  approve(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.payments.approve(actor, id);
  }

  @Post('payments/:id/reject')
  @HttpCode(200)
  @RequirePermission('payments.approve')
  reject(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(RejectPaymentRequest) body: RejectPaymentRequest,
  ) {
    return this.payments.reject(actor, id, body);
  }

  /** Same `Idempotency-Key` (header or body) as the recording attempt that succeeded → 200 with the payment; otherwise 409 once paid. */
  @Post('payments/:id/record')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @RequirePermission('payments.record')
  record(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(RecordPaymentRequest) body: RecordPaymentRequest,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.payments.record(actor, id, body, key);
  }

  @Post('payments/:id/reverse')
  @HttpCode(200)
  @RequirePermission('payments.record')
  reverse(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ReversePaymentRequest) body: ReversePaymentRequest,
  ) {
    return this.payments.reverse(actor, id, body);
  }

  /** Printable 付款凭证 (HTML, A5). */
  @Get('payments/:id/voucher')
  @RequirePermission('payments.read')
  async voucher(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    const html = await this.documents.voucher(actor.user, id);
    return reply.header('content-type', HTML).send(html);
  }

  /** Printable 验收合格证书 (HTML) of a passed inspection. */
  @Get('inspections/:id/certificate')
  @RequirePermission('delivery.read')
  async certificate(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    const html = await this.documents.certificate(actor.user, id);
    return reply.header('content-type', HTML).send(html);
  }

  /** 一项目一台账: every document of the project as one zip. */
  @Get('projects/:id/dossier')
  @RequirePermission('delivery.read')
  async dossier(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    const { stream, name } = await this.documents.dossier(actor, id);
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', contentDisposition(name))
      .send(stream);
  }

  /** Ledger dashboard: budget vs committed vs paid by line (预算执行率) and by street. */
  @Get('ledger/dashboard')
  @RequirePermission('budgets.read')
  dashboard(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodQuery(DashboardQuery) query: z.infer<typeof DashboardQuery>,
  ) {
    return this.documents.dashboard(actor.user, query.year);
  }
}
