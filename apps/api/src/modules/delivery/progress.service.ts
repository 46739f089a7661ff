import { Injectable } from '@nestjs/common';
import type { ProgressReportRequest, ProgressReportView } from '@xiaoshi/contracts';
import { PROJECT_MOVES, shanghaiMonth } from '@xiaoshi/domain';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { ProgressRepository } from './progress.repository.js';
import { ProjectsRepository } from './projects.repository.js';
import { ProjectsService } from './projects.service.js';

/** The month a report made now belongs to ('YYYY-MM', Asia/Shanghai). */
export const currentPeriod = (now = new Date()) => shanghaiMonth(now);

/** Monthly progress reports (进度报告); the mid-term one releases an on_midterm_report tranche. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly repository: ProgressRepository,
    private readonly projectsRepository: ProjectsRepository,
    private readonly projects: ProjectsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async reports(user: AuthUser, projectId: number): Promise<ProgressReportView[]> {
    this.access.requirePermission(user, 'delivery.read');
    await this.projects.reachable(user, projectId);
    return this.repository.reports(projectId);
  }

  async report(
    actor: AuthenticatedActor,
    projectId: number,
    body: ProgressReportRequest,
    now = new Date(),
  ): Promise<ProgressReportView> {
    this.access.requirePermission(actor.user, 'delivery.report');
    const id = await this.repository.transaction(async (manager) => {
      const project = await this.projects.reachable(actor.user, projectId, { manager, lock: true, reach: 'deliverer' });
      requireMove(PROJECT_MOVES, project.status, 'report_progress', actor.user.roles);
      const report = await this.repository.insertReport(manager, {
        projectId,
        period: currentPeriod(now),
        text: body.text,
        percentComplete: body.percentComplete,
        midterm: body.midterm,
        createdByUserId: actor.user.id,
      });
      if (body.midterm && !project.midtermReportedAt) {
        project.midtermReportedAt = now;
        await this.projectsRepository.save(manager, project);
      }
      await this.audit.record(manager, actor, {
        action: 'project.progress_report',
        entityType: 'project',
        entityId: projectId,
        after: { reportId: report.id, period: report.period, percentComplete: body.percentComplete, midterm: body.midterm },
      });
      return report.id;
    });
    return (await this.reports(actor.user, projectId)).find((row) => row.id === id)!;
  }
}
