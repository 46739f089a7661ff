import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type ObjectionDecisionRequest,
  type ObjectionRequest,
} from '@xiaoshi/contracts';
import { maskPhone, shanghaiDate } from '@xiaoshi/domain';
import type { DataSource } from 'typeorm';
import type { Actor, AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { CompetitionsService } from '../competitions/competitions.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Award, AwardDecision, Objection, PublicNotice } from './award.entities.js';
import { AwardTransitionsService } from './award-transitions.service.js';
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
  ) {}

  async fileObjection(
    noticeId: number,
    body: ObjectionRequest,
    actor: Actor,
    now = new Date(),
  ): Promise<{ id: number; status: string }> {
    const id = await this.dataSource.transaction(async (manager) => {
      const notice = await manager.findOneBy(PublicNotice, { id: noticeId });
      if (!notice) throw new DomainError('NOT_FOUND');
      if (notice.status !== 'open' || shanghaiToday(now) > notice.lastDay) {
        throw new DomainError('INVALID_TRANSITION', {
          notice: fieldMessage('公示期已结束，不再受理异议', 'The notice period is over'),
        });
      }
      if (body.awardId) {
        const [award]: Array<{ id: number }> = await manager.query(
          `SELECT id FROM award WHERE id = $1 AND decision_id = $2`,
          [body.awardId, notice.decisionId],
        );
        if (!award)
          throw new DomainError('VALIDATION_FAILED', {
            awardId: fieldMessage('该项目不在本次公示中', 'Not part of this notice'),
          });
      }
      const objection = manager.create(Objection, {
        noticeId,
        awardId: body.awardId ?? null,
        contactName: body.contactName,
        contactPhone: body.contactPhone,
        text: body.text,
      });
      await manager.save(objection);
      await this.audit.record(manager, actor, {
        action: 'objection.file',
        entityType: 'public_notice',
        entityId: noticeId,
        after: { objectionId: objection.id, awardId: objection.awardId },
      });
      const [{ district }]: [{ district: number }] = await manager.query(
        `SELECT l.unit_id AS district FROM competition c JOIN budget_line l ON l.id = c.budget_line_id WHERE c.id = $1`,
        [notice.competitionId],
      );
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

  async objections(user: AuthUser, noticeId: number) {
    this.access.requirePermission(user, 'awards.read');
    const notice = await this.dataSource.manager.findOneBy(PublicNotice, { id: noticeId });
    if (!notice) throw new DomainError('NOT_FOUND');
    await this.competitions.get(user, notice.competitionId);
    const clear = this.access.seesPersonalData(user);
    const rows = await this.dataSource.manager.find(Objection, { where: { noticeId }, order: { id: 'ASC' } });
    return rows.map((row) => ({
      id: row.id,
      awardId: row.awardId,
      contactName: row.contactName,
      contactPhone: clear ? row.contactPhone : maskPhone(row.contactPhone),
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
  async decideObjection(actor: AuthenticatedActor, objectionId: number, body: ObjectionDecisionRequest) {
    const notificationIds: number[] = [];
    const outcome = await this.dataSource.transaction(async (manager) => {
      const objection = await manager.findOne(Objection, {
        where: { id: objectionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!objection) throw new DomainError('NOT_FOUND');
      const notice = await manager.findOneByOrFail(PublicNotice, { id: objection.noticeId });
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
      await manager.save(objection);
      let suggestion: { applicationId: number; title: string; awardFen: number } | null = null;
      if (body.outcome === 'upheld') {
        const award = await manager.findOne(Award, {
          where: { id: objection.awardId! },
          lock: { mode: 'pessimistic_write' },
        });
        if (award && award.status !== 'withdrawn') {
          award.status = 'withdrawn';
          award.withdrawnReason = `异议成立：${body.investigation}`;
          await manager.save(award);
          await this.transitions.moveApplications(
            manager,
            actor,
            [award.applicationId],
            'objection_upheld',
            award.withdrawnReason,
          );
          const [app]: Array<{ title: string; street_id: number; created_by_user_id: number }> =
            await manager.query(
              `SELECT title, street_id, created_by_user_id FROM application WHERE id = $1`,
              [award.applicationId],
            );
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
          const remaining: Array<{ total: string }> = await manager.query(
            `SELECT coalesce(sum(amount_fen), 0) AS total FROM award WHERE decision_id = $1 AND status <> 'withdrawn'`,
            [notice.decisionId],
          );
          // The freed money is measured against the envelope the decision was made with.
          const decision = await manager.findOneByOrFail(AwardDecision, { id: notice.decisionId });
          const envelope = Number(
            (decision.inputs as { envelope?: number }).envelope ?? competition.envelopeFen,
          );
          const room = envelope - Number(remaining[0].total);
          const awarded: Array<{ application_id: number }> = await manager.query(
            `SELECT application_id FROM award WHERE decision_id = $1`,
            [notice.decisionId],
          );
          const taken = new Set(awarded.map((row) => row.application_id));
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
