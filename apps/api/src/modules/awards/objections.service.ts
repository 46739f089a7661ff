import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type ObjectionDecisionRequest,
  type ObjectionDecisionView,
  type ObjectionReceiptView,
  type ObjectionRequest,
  type ObjectionView,
} from '@xiaoshi/contracts';
import { maskPhone, shanghaiDate } from '@xiaoshi/domain';
import type { DataSource } from 'typeorm';
import type { Actor, AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { CompetitionsService } from '../competitions/competitions.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { AwardTransitionsService } from './award-transitions.service.js';
import { ObjectionsRepository } from './objections.repository.js';
import { SelectionService } from './selection.service.js';

const shanghaiToday = (now = new Date()) => shanghaiDate(now);

/** 异议: objections the public files against a notice, and their investigation. */
@Injectable()
export class ObjectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly competitions: CompetitionsService,
    private readonly notifications: NotificationsService,
    private readonly selections: SelectionService,
    private readonly transitions: AwardTransitionsService,
    private readonly repository: ObjectionsRepository,
  ) {}

  async fileObjection(
    noticeId: number,
    body: ObjectionRequest,
    actor: Actor,
    now = new Date(),
  ): Promise<ObjectionReceiptView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const notice = await this.repository.notice(noticeId, manager);
      if (!notice) throw new DomainError('NOT_FOUND');
      if (notice.status !== 'open' || shanghaiToday(now) > notice.lastDay) {
        throw new DomainError('INVALID_TRANSITION', {
          notice: fieldMessage('公示期已结束，不再受理异议', 'The notice period is over'),
        });
      }
      if (body.awardId) {
        if (!(await this.repository.awardInDecision(manager, body.awardId, notice.decisionId)))
          throw new DomainError('VALIDATION_FAILED', {
            awardId: fieldMessage('该项目不在本次公示中', 'Not part of this notice'),
          });
      }
      const objection = await this.repository.insert(manager, {
        noticeId,
        awardId: body.awardId ?? null,
        contactName: body.contactName,
        contactPhone: body.contactPhone,
        text: body.text,
      });
      await this.audit.record(manager, actor, {
        action: 'objection.file',
        entityType: 'public_notice',
        entityId: noticeId,
        after: { objectionId: objection.id, awardId: objection.awardId },
      });
      const district = await this.repository.districtOf(manager, notice.competitionId);
      const admins = await this.notifications.usersWithRole(manager, 'district_admin', [district]);
      const ids = await this.notifications.notify(manager, admins, {
        kind: 'objection.filed',
        title: `「${notice.title}」收到异议`,
        body: '公众提交了一条异议，请调查处理。',
        link: `/notices/${noticeId}`,
      });
      await this.notifications.deliverLater(ids);
      return objection.id;
    });
    return { id, status: 'pending' };
  }

  async objections(user: AuthUser, noticeId: number): Promise<ObjectionView[]> {
    this.access.requirePermission(user, 'awards.read');
    const notice = await this.repository.notice(noticeId);
    if (!notice) throw new DomainError('NOT_FOUND');
    await this.competitions.get(user, notice.competitionId);
    const clear = this.access.seesPersonalData(user);
    const rows = await this.repository.ofNotice(noticeId);
    return rows.map((row) => ({
      id: row.id,
      awardId: row.awardId,
      contactName: row.contactName,
      contactPhone: clear ? row.contactPhone : (maskPhone(row.contactPhone) ?? ''),
      text: row.text,
      status: row.status,
      investigation: row.investigation,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      version: row.version,
    }));
  }

  /**
   * Records the investigation. Upheld: the award is withdrawn and the next eligible entry that fits
   * the freed money is suggested for a supplementary decision.
   */
  async decideObjection(
    actor: AuthenticatedActor,
    objectionId: number,
    body: ObjectionDecisionRequest,
  ): Promise<ObjectionDecisionView> {
    const notificationIds: number[] = [];
    const outcome = await this.dataSource.transaction(async (manager) => {
      const objection = await this.repository.lock(manager, objectionId);
      if (!objection) throw new DomainError('NOT_FOUND');
      const notice = await this.repository.noticeOrFail(manager, objection.noticeId);
      const competition = await this.competitions.get(actor.user, notice.competitionId, manager);
      await this.access.requireRows(
        actor.user,
        'awards.decide',
        'budget_line',
        'unit_id',
        [competition.budgetLineId],
        manager,
      );
      if (objection.status !== 'pending') throw new DomainError('INVALID_TRANSITION');
      if (body.outcome === 'upheld' && !objection.awardId) {
        throw new DomainError('VALIDATION_FAILED', {
          outcome: fieldMessage(
            '该异议未指向具体项目，不能据此撤销',
            'The objection names no award to withdraw',
          ),
        });
      }
      objection.status = body.outcome;
      objection.investigation = body.investigation;
      objection.decidedByUserId = actor.user.id;
      objection.decidedAt = new Date();
      await this.repository.save(manager, objection);
      let suggestion: ObjectionDecisionView['suggestion'] = null;
      if (body.outcome === 'upheld') {
        const award = await this.repository.lockAward(manager, objection.awardId!);
        if (award && award.status !== 'withdrawn') {
          award.status = 'withdrawn';
          award.withdrawnReason = `异议成立：${body.investigation}`;
          await this.repository.saveAward(manager, award);
          await this.transitions.moveApplications(
            manager,
            actor,
            [award.applicationId],
            'objection_upheld',
            award.withdrawnReason,
          );
          const app = await this.repository.application(manager, award.applicationId);
          const recipients = [
            ...(await this.notifications.usersWithRole(manager, 'street_officer', [app.street_id])),
            app.created_by_user_id,
          ];
          notificationIds.push(
            ...(await this.notifications.notify(manager, recipients, {
              kind: 'award.not_funded',
              title: `项目未获资助：「${app.title}」`,
              body: `公示期间异议经调查成立，「${app.title}」的拟立项已撤销。${award.withdrawnReason}`,
              link: `/applications/${award.applicationId}`,
            })),
          );
          const remaining = await this.repository.remainingFen(manager, notice.decisionId);
          // The freed money is measured against the envelope the decision was made with.
          const decision = await this.repository.decisionOrFail(manager, notice.decisionId);
          const envelope = Number(
            (decision.inputs as { envelope?: number }).envelope ?? competition.envelopeFen,
          );
          const room = envelope - remaining;
          const taken = await this.repository.awardedApplications(manager, notice.decisionId);
          const next = (await this.selections.candidates(manager, competition.id)).find(
            (row) => !taken.has(row.applicationId) && row.awardFen <= room,
          );
          if (next)
            suggestion = { applicationId: next.applicationId, title: next.title, awardFen: next.awardFen };
        }
      }
      await this.audit.record(manager, actor, {
        action: `objection.${body.outcome}`,
        entityType: 'public_notice',
        entityId: notice.id,
        after: { objectionId, investigation: body.investigation, awardId: objection.awardId, suggestion },
      });
      return { id: objection.id, status: objection.status, suggestion };
    });
    await this.notifications.deliverLater(notificationIds);
    return outcome;
  }
}
