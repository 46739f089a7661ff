import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type PaymentView } from '@xiaoshi/contracts';
import {
  TRANCHE_CONDITION_LABELS,
  formatYuan,
  toChineseUppercase,
  type TrancheCondition,
} from '@xiaoshi/domain';
import archiver from 'archiver';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { DeliveryService } from '../delivery/delivery.service.js';
import { FileStore } from '../files/file-store.js';
import { PaymentsService } from './payments.service.js';

export { XLSX_MIME } from '../../common/download.js';

const STATUS_ZH: Record<string, string> = {
  requested: '待审批',
  approved: '待支付',
  rejected: '已驳回',
  paid: '已支付',
  reversed: '已冲销',
};
const OUTCOME_ZH: Record<string, string> = {
  passed: '验收合格',
  rectification: '限期整改',
  failed: '验收不合格',
};

export const escapeHtml = (text: unknown) =>
  String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const page = (title: string, size: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
@page { size: ${size}; margin: 12mm; }
body { font-family: "SimSun", "Songti SC", serif; color: #000; margin: 0 auto; max-width: 190mm; }
h1 { text-align: center; font-size: 20pt; letter-spacing: 4pt; margin: 4mm 0; }
table { width: 100%; border-collapse: collapse; font-size: 11pt; }
th, td { border: 1px solid #000; padding: 2mm 3mm; text-align: left; vertical-align: top; }
th { width: 28%; font-weight: normal; background: #f4f4f4; }
.meta { display: flex; justify-content: space-between; font-size: 10pt; margin: 2mm 0; }
.amount { font-size: 13pt; font-weight: bold; }
.sign { display: flex; justify-content: space-between; margin-top: 8mm; font-size: 10.5pt; }
@media print { .noprint { display: none; } }
</style></head><body>${body}
<p class="noprint"><button onclick="window.print()">打印</button></p></body></html>`;

/** Vouchers, certificates, the payment register, the project dossier and the ledger dashboard. */
@Injectable()
export class PaymentDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly payments: PaymentsService,
    private readonly delivery: DeliveryService,
    private readonly files: FileStore,
  ) {}

  /** 付款凭证, A5 landscape, with the amount in 大写. */
  async voucher(user: AuthUser, id: number): Promise<string> {
    const payment = await this.payments.get(user, id);
    return this.voucherHtml(payment);
  }

  voucherHtml(payment: PaymentView): string {
    const [line] = [payment.budgetLineId];
    return page(
      `付款凭证 ${payment.voucherNo ?? '#' + payment.id}`,
      'A5 landscape',
      `<h1>付 款 凭 证</h1>
<div class="meta"><span>凭证号：${escapeHtml(payment.voucherNo ?? '（未登记）')}</span><span>支付日期：${escapeHtml(payment.paidOn ?? '')}</span><span>单号：#${payment.id}</span></div>
<table>
<tr><th>收款单位</th><td>${escapeHtml(payment.payee)}</td></tr>
<tr><th>项目 / 事项</th><td>${escapeHtml(payment.title)}</td></tr>
<tr><th>用途</th><td>${escapeHtml(payment.purpose)}</td></tr>
<tr><th>预算线</th><td>#${line}</td></tr>
<tr><th>金额（大写）</th><td class="amount">人民币${escapeHtml(toChineseUppercase(payment.amountFen))}</td></tr>
<tr><th>金额（小写）</th><td class="amount">¥${escapeHtml(formatYuan(payment.amountFen))}</td></tr>
<tr><th>银行流水号</th><td>${escapeHtml(payment.bankReference ?? '')}</td></tr>
<tr><th>状态</th><td>${escapeHtml(STATUS_ZH[payment.status] ?? payment.status)}${payment.reversedReason ? '（冲销原因：' + escapeHtml(payment.reversedReason) + '）' : ''}</td></tr>
</table>
<div class="sign"><span>申请人：${escapeHtml(payment.requestedBy.name)}</span><span>审批人：${escapeHtml(payment.approvedBy?.name ?? '')}</span><span>出纳：</span><span>领款人：</span></div>`,
    );
  }

  /** 验收合格证书: only for a passed inspection. */
  async certificate(user: AuthUser, inspectionId: number): Promise<string> {
    const inspection = await this.delivery.inspection(user, inspectionId);
    if (inspection.outcome !== 'passed') throw new DomainError('NOT_FOUND');
    const project = await this.delivery.get(user, inspection.projectId);
    return this.certificateHtml(project, inspection);
  }

  certificateHtml(
    project: Awaited<ReturnType<DeliveryService['get']>>,
    inspection: Awaited<ReturnType<DeliveryService['inspection']>>,
  ): string {
    const kind = inspection.kind === 'supervision' ? '督导评估' : '验收';
    return page(
      `${kind}合格证书 ${project.title}`,
      'A4',
      `<h1>项目${kind}合格证书</h1>
<table>
<tr><th>项目名称</th><td>${escapeHtml(project.title)}</td></tr>
<tr><th>所属竞赛</th><td>${escapeHtml(project.competition.title)}</td></tr>
<tr><th>实施单位</th><td>${escapeHtml(project.street.name)} ${escapeHtml(project.community.name)}</td></tr>
<tr><th>补助金额</th><td>¥${escapeHtml(formatYuan(project.amountFen))}（人民币${escapeHtml(toChineseUppercase(project.amountFen))}）</td></tr>
<tr><th>${kind}日期</th><td>${escapeHtml(inspection.inspectedOn)}</td></tr>
<tr><th>${kind}轮次</th><td>第 ${inspection.round} 轮</td></tr>
<tr><th>${kind}人员</th><td>${inspection.inspectors.map((u) => escapeHtml(u.name)).join('、')}</td></tr>
<tr><th>${kind}结论</th><td class="amount">${escapeHtml(OUTCOME_ZH[inspection.outcome ?? ''] ?? '')}</td></tr>
<tr><th>检查意见</th><td>${escapeHtml(inspection.findings || '各项指标均达标。')}</td></tr>
</table>
<div class="sign"><span>${kind}人员签字：</span><span>（盖章）</span><span>日期：${escapeHtml(inspection.inspectedOn)}</span></div>`,
    );
  }

  /** 拨付登记簿: amounts in 元 as numbers with two decimals. */
  async register(actor: AuthenticatedActor): Promise<Buffer> {
    const payments = await this.payments.list(actor.user, {});
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('拨付登记簿');
    sheet.columns = [
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
          requestedAt: new Date(payment.requestedAt).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }),
          approvedBy: payment.approvedBy?.name ?? '',
          paidOn: payment.paidOn ?? '',
          voucherNo: payment.voucherNo ?? '',
          bankReference: payment.bankReference ?? '',
          reversedReason: payment.reversedReason ?? '',
        }),
      );
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, {
        action: 'payment.register_export',
        entityType: 'payment',
        entityId: null,
        after: { rows: payments.length },
      }),
    );
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /**
   * 一项目一台账: one zip with the project summary, the application's attachments, progress and
   * inspection photos, certificates and vouchers. Files are streamed from the store.
   */
  async dossier(actor: AuthenticatedActor, projectId: number) {
    const project = await this.delivery.get(actor.user, projectId);
    const reports = await this.delivery.reports(actor.user, projectId);
    const inspections = await this.delivery.inspections(actor.user, projectId);
    const payments = actor.user.permissions.has('payments.read')
      ? await this.payments.list(actor.user, { projectId })
      : [];
    const attachments: Array<{ id: number; type: string; original_name: string; storage_key: string }> =
      await this.dataSource.query(
        `SELECT id, type, original_name, storage_key FROM attachment WHERE application_id = $1 ORDER BY id`,
        [project.applicationId],
      );
    const photos: Array<{
      id: number;
      type: string;
      original_name: string;
      storage_key: string;
      progress_report_id: number | null;
      inspection_id: number | null;
    }> = await this.dataSource.query(
      `SELECT id, type, original_name, storage_key, progress_report_id, inspection_id FROM project_photo WHERE project_id = $1 ORDER BY id`,
      [projectId],
    );
    const safe = (name: string) =>
      [...name]
        .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c))
        .join('')
        .slice(0, 120);
    const archive = archiver('zip', { zlib: { level: 6 } });
    const summary = [
      `项目：${project.title}`,
      `竞赛：${project.competition.title}`,
      `街道/社区：${project.street.name} / ${project.community.name}`,
      `补助金额：${formatYuan(project.amountFen)} 元（${toChineseUppercase(project.amountFen)}）`,
      `状态：${project.status}`,
      `拨付计划：`,
      ...project.tranches.map(
        (t) =>
          `  第${t.index + 1}笔 ${TRANCHE_CONDITION_LABELS[t.condition as TrancheCondition]?.zh ?? t.condition} ${formatYuan(t.amountFen)} 元${t.released ? '（已释放）' : ''}`,
      ),
      `已拨付：${formatYuan(project.money.paidFen)} 元`,
      '',
      '进度报告：',
      ...reports.map((r) => `  ${r.period} ${r.percentComplete}% ${r.text}`),
      '',
      '验收记录：',
      ...inspections.map(
        (i) =>
          `  第${i.round}轮 ${i.kind} ${i.inspectedOn ?? ''} ${i.outcome ?? '待检查'} ${i.findings ?? ''}`,
      ),
    ].join('\n');
    archive.append(Buffer.from(summary, 'utf8'), { name: '00-项目台账.txt' });
    for (const file of attachments) {
      const { stream } = await this.files.open(file.storage_key);
      archive.append(stream, { name: `01-申报材料/${file.id}-${safe(file.original_name)}` });
    }
    for (const photo of photos) {
      const { stream } = await this.files.open(photo.storage_key);
      const folder =
        photo.type === 'progress_photo'
          ? `02-进度照片/报告${photo.progress_report_id}`
          : `03-验收照片/检查${photo.inspection_id}`;
      archive.append(stream, { name: `${folder}/${photo.id}-${safe(photo.original_name)}` });
    }
    for (const inspection of inspections.filter((i) => i.outcome === 'passed')) {
      archive.append(Buffer.from(this.certificateHtml(project, inspection), 'utf8'), {
        name: `04-验收证书/证书-${inspection.id}.html`,
      });
    }
    for (const payment of payments.filter((p) => ['paid', 'reversed'].includes(p.status))) {
      archive.append(Buffer.from(this.voucherHtml(payment), 'utf8'), {
        name: `05-付款凭证/凭证-${safe(payment.voucherNo ?? String(payment.id))}.html`,
      });
    }
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, {
        action: 'project.dossier_download',
        entityType: 'project',
        entityId: projectId,
        after: { files: attachments.length + photos.length },
      }),
    );
    void archive.finalize();
    return { stream: archive, name: `${safe(project.title)}-项目台账.zip` };
  }

  /** Budget vs committed vs paid by line (with 预算执行率) and awards vs paid by street. */
  async dashboard(user: AuthUser, year?: number) {
    this.access.requirePermission(user, 'budgets.read');
    const lines: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT l.id, l.name, pr.year, pr.name AS programme, l.amount_fen + l.adjusted_fen AS budget, l.committed_fen, l.paid_fen
       FROM budget_line l JOIN programme pr ON pr.id = l.programme_id
       WHERE ${this.access.unitScopeCondition(user, 'l.unit_id', 1)} AND ($2::int IS NULL OR pr.year = $2) ORDER BY l.id`,
      [user.unit.id, year ?? null],
    );
    const streets: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT s.id, s.name,
              coalesce((SELECT sum(w.amount_fen) FROM award w JOIN application a ON a.id = w.application_id
                        WHERE w.status = 'approved' AND a.street_id = s.id), 0) AS awarded,
              coalesce((SELECT sum(pay.amount_fen) FROM payment pay JOIN project p ON p.id = pay.project_id
                        WHERE pay.status = 'paid' AND p.street_id = s.id), 0) AS paid,
              (SELECT count(*) FROM project p WHERE p.street_id = s.id)::int AS projects,
              (SELECT count(*) FROM project p WHERE p.street_id = s.id AND p.status = 'accepted')::int AS accepted
       FROM org_unit s WHERE s.kind = 'street' AND ${this.access.unitScopeCondition(user, 's.id', 1)}
       ORDER BY s.id`,
      [user.unit.id],
    );
    const byLine = lines.map((row) => {
      const budget = Number(row.budget);
      const paid = Number(row.paid_fen);
      return {
        budgetLineId: row.id as number,
        name: row.name as string,
        programme: row.programme as string,
        year: row.year as number,
        budgetFen: budget,
        committedFen: Number(row.committed_fen),
        paidFen: paid,
        executionRateBp: budget > 0 ? Math.floor((paid * 10000) / budget) : 0,
      };
    });
    const total = byLine.reduce(
      (sum, line) => ({
        budgetFen: sum.budgetFen + line.budgetFen,
        committedFen: sum.committedFen + line.committedFen,
        paidFen: sum.paidFen + line.paidFen,
      }),
      {
        budgetFen: 0,
        committedFen: 0,
        paidFen: 0,
      },
    );
    return {
      byLine,
      total: {
        ...total,
        executionRateBp: total.budgetFen > 0 ? Math.floor((total.paidFen * 10000) / total.budgetFen) : 0,
      },
      byStreet: streets.map((row) => ({
        streetId: row.id as number,
        name: row.name as string,
        awardedFen: Number(row.awarded),
        paidFen: Number(row.paid),
        projects: row.projects as number,
        accepted: row.accepted as number,
      })),
    };
  }
}
