import { Injectable } from '@nestjs/common';
import type { InspectionView, ProgressReportView, ProjectView } from '@xiaoshi/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor, AuthUser } from '../../common/actor.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { InspectionsService } from './inspections.service.js';
import { ProgressRepository, type ProjectPhotoFile } from './progress.repository.js';
import { ProgressService } from './progress.service.js';
import { ProjectMovesService } from './project-moves.service.js';
import { ProjectsRepository } from './projects.repository.js';
import { ProjectsService, type ProjectMoney } from './projects.service.js';

/** What a payment needs to know of its project, read under the project's row lock. */
export interface ProjectForPayment {
  id: number;
  applicationId: number;
  budgetLineId: number;
  /** The unit that scopes who may read the payment: the project's community. */
  communityId: number;
  money: ProjectMoney;
}

/**
 * The delivery module as other modules see it (payments, surveys, the dossier): a project's view,
 * reports and inspections within the user's scope; the project's money under its lock for a
 * payment, and the consequence of a recorded payment; and the daily overdue reminder.
 */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly progress: ProgressService,
    private readonly inspectionsService: InspectionsService,
    private readonly moves: ProjectMovesService,
    private readonly projectsRepository: ProjectsRepository,
    private readonly progressRepository: ProgressRepository,
    private readonly notifications: NotificationsService,
  ) {}

  get(user: AuthUser, id: number): Promise<ProjectView> {
    return this.projects.get(user, id);
  }

  reports(user: AuthUser, projectId: number): Promise<ProgressReportView[]> {
    return this.progress.reports(user, projectId);
  }

  inspections(user: AuthUser, projectId: number): Promise<InspectionView[]> {
    return this.inspectionsService.inspections(user, projectId);
  }

  inspection(user: AuthUser, id: number): Promise<InspectionView> {
    return this.inspectionsService.inspection(user, id);
  }

  /** The stored photos of a project the user may read, for its dossier. */
  async photos(user: AuthUser, projectId: number): Promise<ProjectPhotoFile[]> {
    await this.projects.reachable(user, projectId);
    return this.progressRepository.photosOfProject(projectId);
  }

  /**
   * The project of a payment, row-locked so that requests against the same released amount
   * serialise; with `user`, only if the user may reach it (404 otherwise).
   */
  async forPayment(manager: EntityManager, projectId: number, user?: AuthUser): Promise<ProjectForPayment> {
    if (user) await this.projects.reachable(user, projectId, { manager });
    const project = await this.projects.locked(manager, projectId);
    const { tranches: _tranches, ...money } = await this.projects.money(manager, project);
    return {
      id: project.id,
      applicationId: project.applicationId,
      budgetLineId: project.budgetLineId,
      communityId: project.communityId,
      money,
    };
  }

  /** A payment of the project was recorded: settled (accepted and paid in full), its application closes. */
  async paymentRecorded(manager: EntityManager, actor: Actor, projectId: number): Promise<void> {
    const project = await this.projects.locked(manager, projectId);
    await this.moves.paymentRecorded(manager, actor, project, await this.projects.money(manager, project));
  }

  /** Daily: remind community and street officers of open projects with no report this month or past their end date. */
  async remindOverdue(today: string): Promise<number> {
    const period = today.slice(0, 7);
    const overdue = await this.projectsRepository.overdue(today);
    const ids: number[] = [];
    await this.projectsRepository.transaction(async (manager) => {
      for (const project of overdue) {
        const officers = [
          ...(await this.notifications.usersWithRole(manager, 'community_officer', [project.communityId])),
          ...(await this.notifications.usersWithRole(manager, 'street_officer', [project.streetId])),
        ];
        const reasons = [project.noReport ? `${period} 的进度报告尚未提交` : null, project.pastEnd ? '已超过计划完成日期' : null]
          .filter(Boolean)
          .join('；');
        ids.push(
          ...(await this.notifications.notify(manager, officers, {
            kind: 'project.overdue',
            title: `项目进度提醒：「${project.title}」`,
            body: `${reasons}。`,
            link: `/projects/${project.id}`,
            dedupeKey: `project-overdue:${project.id}:${period}:${project.noReport ? 'r' : ''}${project.pastEnd ? 'e' : ''}`,
          })),
        );
      }
    });
    await this.notifications.deliverLater(ids);
    return ids.length;
  }
}
