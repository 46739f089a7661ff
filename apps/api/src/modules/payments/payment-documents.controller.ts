import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AuthenticatedActor } from '../../common/actor.js';
import { XLSX_MIME, contentDisposition } from '../../common/download.js';
import { DOCUMENT_SECURITY_HEADERS } from '../../common/request-pipeline.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodQuery } from '../../common/validation.js';
import { CertificatesService } from './certificates.service.js';
import { DossierService } from './dossier.service.js';
import { LedgerViewsService } from './ledger-views.service.js';
import { PaymentRegisterService } from './payment-register.service.js';
import { VouchersService } from './vouchers.service.js';

const DashboardQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const HTML = 'text/html; charset=utf-8';

/** Printed and exported documents of payments and projects, and the ledger dashboard. */
@ApiTags('payments')
@Controller()
export class PaymentDocumentsController {
  constructor(
    private readonly vouchers: VouchersService,
    private readonly certificates: CertificatesService,
    private readonly registers: PaymentRegisterService,
    private readonly dossiers: DossierService,
    private readonly ledger: LedgerViewsService,
  ) {}

  /** 拨付登记簿 as Excel. */
  @Get('payments/register')
  @RequirePermission('payments.read')
  async register(@CurrentActor() actor: AuthenticatedActor, @Res() reply: FastifyReply) {
    const buffer = await this.registers.register(actor);
    return reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', contentDisposition('拨付登记簿.xlsx'))
      .send(buffer);
  }

  /** Printable 付款凭证 (HTML, A5). */
  @Get('payments/:id/voucher')
  @RequirePermission('payments.read')
  async voucher(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    const html = await this.vouchers.voucher(actor.user, id);
    return reply.headers(DOCUMENT_SECURITY_HEADERS).header('content-type', HTML).send(html);
  }

  /** Printable 验收合格证书 (HTML) of a passed inspection. */
  @Get('inspections/:id/certificate')
  @RequirePermission('delivery.read')
  async certificate(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    const html = await this.certificates.certificate(actor.user, id);
    return reply.headers(DOCUMENT_SECURITY_HEADERS).header('content-type', HTML).send(html);
  }

  /** 一项目一台账: every document of the project as one zip. */
  @Get('projects/:id/dossier')
  @RequirePermission('delivery.read')
  async dossier(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    const { stream, name } = await this.dossiers.dossier(actor, id);
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
    return this.ledger.dashboard(actor.user, query.year);
  }
}
