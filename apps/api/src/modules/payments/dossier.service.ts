import { Injectable } from '@nestjs/common';
import type { InspectionView, ProgressReportView, ProjectView } from '@xiaoshi/contracts';
import { TRANCHE_CONDITION_LABELS, formatYuan, isRecorded, toChineseUppercase, type TrancheCondition } from '@xiaoshi/domain';
import archiver from 'archiver';
import type { AuthenticatedActor } from '../../common/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { DeliveryService } from '../delivery/delivery.service.js';
import { FileStore } from '../files/file-store.js';
import { CertificatesService } from './certificates.service.js';
import { DossierRepository } from './dossier.repository.js';
import { PaymentRequestsService } from './payment-requests.service.js';
import { PaymentsRepository } from './payments.repository.js';
import { VouchersService } from './vouchers.service.js';

/** A name safe in a zip on every system: no control characters or path separators, 120 characters at most. */
const safe = (name: string) =>
  [...name]
    .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .slice(0, 120);

function summaryOf(project: ProjectView, reports: ProgressReportView[], inspections: InspectionView[]): string {
  return [
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
      (i) => `  第${i.round}轮 ${i.kind} ${i.inspectedOn ?? ''} ${i.outcome ?? '待检查'} ${i.findings ?? ''}`,
    ),
  ].join('\n');
}

/**
 * 一项目一台账: one zip with the project summary, the application's attachments, progress and
 * inspection photos, certificates and vouchers. Files are streamed from the store.
 */
@Injectable()
export class DossierService {
  constructor(
    private readonly repository: DossierRepository,
    private readonly payments: PaymentsRepository,
    private readonly requests: PaymentRequestsService,
    private readonly delivery: DeliveryService,
    private readonly certificates: CertificatesService,
    private readonly vouchers: VouchersService,
    private readonly audit: AuditService,
    private readonly files: FileStore,
  ) {}

  async dossier(actor: AuthenticatedActor, projectId: number) {
    const project = await this.delivery.get(actor.user, projectId);
    const reports = await this.delivery.reports(actor.user, projectId);
    const inspections = await this.delivery.inspections(actor.user, projectId);
    const payments = actor.user.permissions.has('payments.read')
      ? await this.requests.list(actor.user, { projectId })
      : [];
    const attachments = await this.repository.attachments(project.applicationId);
    const photos = await this.delivery.photos(actor.user, projectId);
    const archive = archiver('zip', { zlib: { level: 6 } });
    archive.append(Buffer.from(summaryOf(project, reports, inspections), 'utf8'), { name: '00-项目台账.txt' });
    for (const file of attachments) {
      const { stream } = await this.files.open(file.storageKey);
      archive.append(stream, { name: `01-申报材料/${file.id}-${safe(file.originalName)}` });
    }
    for (const photo of photos) {
      const { stream } = await this.files.open(photo.storageKey);
      const folder =
        photo.type === 'progress_photo' ? `02-进度照片/报告${photo.progressReportId}` : `03-验收照片/检查${photo.inspectionId}`;
      archive.append(stream, { name: `${folder}/${photo.id}-${safe(photo.originalName)}` });
    }
    for (const inspection of inspections.filter((i) => i.outcome === 'passed')) {
      archive.append(Buffer.from(this.certificates.certificateHtml(project, inspection), 'utf8'), {
        name: `04-验收证书/证书-${inspection.id}.html`,
      });
    }
    for (const payment of payments.filter((p) => isRecorded(p.status))) {
      archive.append(Buffer.from(this.vouchers.voucherHtml(payment), 'utf8'), {
        name: `05-付款凭证/凭证-${safe(payment.voucherNo ?? String(payment.id))}.html`,
      });
    }
    await this.payments.transaction((manager) =>
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
}
