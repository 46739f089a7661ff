import { Injectable } from '@nestjs/common';
import { DomainError, type InspectionView, type ProjectView } from '@xiaoshi/contracts';
import { formatYuan, toChineseUppercase } from '@xiaoshi/domain';
import type { AuthUser } from '../../common/actor.js';
import { DeliveryService } from '../delivery/delivery.service.js';
import { OUTCOME_ZH, escapeHtml, page } from './printable.js';

/** 验收合格证书 (or 督导评估合格证书): printable, only for a passed inspection. */
@Injectable()
export class CertificatesService {
  constructor(private readonly delivery: DeliveryService) {}

  async certificate(user: AuthUser, inspectionId: number): Promise<string> {
    const inspection = await this.delivery.inspection(user, inspectionId);
    if (inspection.outcome !== 'passed') throw new DomainError('NOT_FOUND');
    const project = await this.delivery.get(user, inspection.projectId);
    return this.certificateHtml(project, inspection);
  }

  certificateHtml(project: ProjectView, inspection: InspectionView): string {
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
}
