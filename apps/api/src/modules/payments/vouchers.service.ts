import { Injectable } from '@nestjs/common';
import type { PaymentView } from '@xiaoshi/contracts';
import { formatYuan, toChineseUppercase } from '@xiaoshi/domain';
import type { AuthUser } from '../../common/actor.js';
import { PaymentRequestsService } from './payment-requests.service.js';
import { STATUS_ZH, escapeHtml, page } from './printable.js';

/** 付款凭证: the printable voucher of a payment, A5 landscape, with the amount in 大写. */
@Injectable()
export class VouchersService {
  constructor(private readonly requests: PaymentRequestsService) {}

  async voucher(user: AuthUser, id: number): Promise<string> {
    return this.voucherHtml(await this.requests.get(user, id));
  }

  voucherHtml(payment: PaymentView): string {
    return page(
      `付款凭证 ${payment.voucherNo ?? '#' + payment.id}`,
      'A5 landscape',
      `<h1>付 款 凭 证</h1>
<div class="meta"><span>凭证号：${escapeHtml(payment.voucherNo ?? '（未登记）')}</span><span>支付日期：${escapeHtml(payment.paidOn ?? '')}</span><span>单号：#${payment.id}</span></div>
<table>
<tr><th>收款单位</th><td>${escapeHtml(payment.payee)}</td></tr>
<tr><th>项目 / 事项</th><td>${escapeHtml(payment.title)}</td></tr>
<tr><th>用途</th><td>${escapeHtml(payment.purpose)}</td></tr>
<tr><th>预算线</th><td>#${payment.budgetLineId}</td></tr>
<tr><th>金额（大写）</th><td class="amount">人民币${escapeHtml(toChineseUppercase(payment.amountFen))}</td></tr>
<tr><th>金额（小写）</th><td class="amount">¥${escapeHtml(formatYuan(payment.amountFen))}</td></tr>
<tr><th>银行流水号</th><td>${escapeHtml(payment.bankReference ?? '')}</td></tr>
<tr><th>状态</th><td>${escapeHtml(STATUS_ZH[payment.status] ?? payment.status)}${payment.reversedReason ? '（冲销原因：' + escapeHtml(payment.reversedReason) + '）' : ''}</td></tr>
</table>
<div class="sign"><span>申请人：${escapeHtml(payment.requestedBy.name)}</span><span>审批人：${escapeHtml(payment.approvedBy?.name ?? '')}</span><span>出纳：</span><span>领款人：</span></div>`,
    );
  }
}
