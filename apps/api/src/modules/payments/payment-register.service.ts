import { Injectable } from '@nestjs/common';
import { formatShanghaiSecond } from '@xiaoshi/domain';
import ExcelJS from 'exceljs';
import type { AuthenticatedActor } from '../../common/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { PaymentRequestsService } from './payment-requests.service.js';
import { PaymentsRepository } from './payments.repository.js';
import { STATUS_ZH } from './printable.js';

const COLUMNS: Array<Partial<ExcelJS.Column>> = [
  { header: '序号', key: 'n', width: 6 },
  { header: '单号', key: 'id', width: 8 },
  { header: '项目/事项', key: 'title', width: 36 },
  { header: '收款单位', key: 'payee', width: 24 },
  { header: '用途', key: 'purpose', width: 24 },
  { header: '金额（元）', key: 'amount', width: 14, style: { numFmt: '#,##0.00' } },
  { header: '状态', key: 'status', width: 10 },
  { header: '申请人', key: 'requestedBy', width: 14 },
  { header: '申请时间', key: 'requestedAt', width: 20 },
  { header: '审批人', key: 'approvedBy', width: 14 },
  { header: '支付日期', key: 'paidOn', width: 12 },
  { header: '凭证号', key: 'voucherNo', width: 16 },
  { header: '银行流水号', key: 'bankReference', width: 22 },
  { header: '冲销原因', key: 'reversedReason', width: 24 },
];

/** 拨付登记簿: the payments of the user's scope as Excel, oldest first, amounts in 元 with two decimals. */
@Injectable()
export class PaymentRegisterService {
  constructor(
    private readonly requests: PaymentRequestsService,
    private readonly repository: PaymentsRepository,
    private readonly audit: AuditService,
  ) {}

  async register(actor: AuthenticatedActor): Promise<Buffer> {
    const payments = await this.requests.list(actor.user, {});
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('拨付登记簿');
    sheet.columns = COLUMNS;
    sheet.getRow(1).font = { bold: true };
    payments
      .slice()
      .reverse()
      .forEach((payment, index) =>
        sheet.addRow({
          n: index + 1,
          id: payment.id,
          title: payment.title,
          payee: payment.payee,
          purpose: payment.purpose,
          amount: Number((payment.amountFen / 100).toFixed(2)),
          status: STATUS_ZH[payment.status],
          requestedBy: payment.requestedBy.name,
          requestedAt: formatShanghaiSecond(new Date(payment.requestedAt)),
          approvedBy: payment.approvedBy?.name ?? '',
          paidOn: payment.paidOn ?? '',
          voucherNo: payment.voucherNo ?? '',
          bankReference: payment.bankReference ?? '',
          reversedReason: payment.reversedReason ?? '',
        }),
      );
    await this.repository.transaction((manager) =>
      this.audit.record(manager, actor, {
        action: 'payment.register_export',
        entityType: 'payment',
        entityId: null,
        after: { rows: payments.length },
      }),
    );
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}
