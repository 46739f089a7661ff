import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type FieldErrors,
  type PublicNoticeView,
  type PublishNoticeRequest,
} from '@xiaoshi/contracts';
import { noticePeriod, noticeStartViolations, shanghaiDate } from '@xiaoshi/domain';
import type { DataSource } from 'typeorm';
import type { Actor, AuthenticatedActor } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { LedgerService } from '../budgets/ledger.service.js';
import { CompetitionsService } from '../competitions/competitions.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Award, AwardDecision, PublicNotice } from './award.entities.js';
import { AwardTransitionsService } from './award-transitions.service.js';
import { CalendarService } from './calendar.service.js';

const shanghaiToday = (now = new Date()) => shanghaiDate(now);

/**
 * A 公示 starts today or later and lasts at least the competition's notice length: its whole
 * objection window must lie ahead of the public when it appears.
 */
function requireFullNoticeWindow(
  publishOn: string,
  workingDays: number,
  minimumDays: number,
  now: Date,
): void {
  const fields: FieldErrors = {};
  for (const problem of noticeStartViolations(publishOn, now))
    fields[problem.field] = fieldMessage(problem.zh, problem.en);
  if (workingDays < minimumDays) {
    fields.workingDays = fieldMessage(
      `公示期不得短于本活动规定的 ${minimumDays} 个工作日`,
      `The notice may not be shorter than this competition's ${minimumDays} working days`,
    );
  }
  if (Object.keys(fields).length) throw new DomainError('VALIDATION_FAILED', fields);
}

/** 公示: publishing a decision, the notice as the public sees it, and approval (立项) when it ends. */
@Injectable()
export class NoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly competitions: CompetitionsService,
    private readonly ledger: LedgerService,
    private readonly notifications: NotificationsService,
    private readonly calendar: CalendarService,
    private readonly transitions: AwardTransitionsService,
  ) {}

  /**
   * Publishes a proposed decision as a 公示 of N working days from `publishOn` (default today,
   * Asia/Shanghai). Never back-dated and never shorter than the competition's notice length.
   */
  async publish(actor: AuthenticatedActor, decisionId: number, body: PublishNoticeRequest, now = new Date()) {
    const noticeId = await this.dataSource.transaction(async (manager) => {
      const decision = await manager.findOne(AwardDecision, {
        where: { id: decisionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!decision) throw new DomainError('NOT_FOUND');
      const competition = await this.competitions.get(actor.user, decision.competitionId, manager);
      await this.access.requireRows(
        actor.user,
        'awards.decide',
        'budget_line',
        'unit_id',
        [competition.budgetLineId],
        manager,
      );
      if (decision.status !== 'proposed') throw new DomainError('INVALID_TRANSITION');
      const publishOn = body.publishOn ?? shanghaiToday(now);
      const workingDays = body.workingDays ?? competition.noticeWorkingDays;
      requireFullNoticeWindow(publishOn, workingDays, competition.noticeWorkingDays, now);
      const period = noticePeriod(publishOn, workingDays, await this.calendar.holidayCalendar(manager));
      const notice = manager.create(PublicNotice, {
        competitionId: competition.id,
        decisionId,
        title: body.title ?? `${competition.title}拟立项项目公示`,
        contact: body.contact,
        publishedAt: now,
        firstDay: period.firstDay,
        lastDay: period.lastDay,
        workingDays,
        status: 'open',
      });
      await manager.save(notice);
      decision.status = 'in_notice';
      await manager.save(decision);
      await manager.query(
        `UPDATE award SET status = 'in_notice', version = version + 1 WHERE decision_id = $1 AND status = 'proposed'`,
        [decisionId],
      );
      await this.transitions.moveApplications(
        manager,
        actor,
        await this.transitions.applicationsOf(manager, [decisionId]),
        'publish_notice',
      );
      await this.audit.record(manager, actor, {
        action: 'public_notice.publish',
        entityType: 'public_notice',
        entityId: notice.id,
        after: notice,
      });
      return notice.id;
    });
    return this.notice(noticeId);
  }

  /** The notice as the public sees it: no personal data. */
  async notice(id: number): Promise<PublicNoticeView> {
    const [notice]: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT n.*, c.title AS competition_title FROM public_notice n JOIN competition c ON c.id = n.competition_id WHERE n.id = $1`,
      [id],
    );
    if (!notice) throw new DomainError('NOT_FOUND');
    const items: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT w.id, a.title, c.name AS community, s.name AS street, cat.name AS category, w.amount_fen, w.score, w.status
       FROM award w JOIN application a ON a.id = w.application_id JOIN org_unit c ON c.id = a.community_id JOIN org_unit s ON s.id = a.street_id
       JOIN competition_category cat ON cat.id = a.category_id WHERE w.decision_id = $1 ORDER BY w.rank NULLS LAST, w.id`,
      [notice.decision_id],
    );
    return {
      id: notice.id as number,
      competitionId: notice.competition_id as number,
      decisionId: notice.decision_id as number,
      title: notice.title as string,
      competitionTitle: notice.competition_title as string,
      contact: notice.contact as string,
      firstDay: notice.first_day as string,
      lastDay: notice.last_day as string,
      workingDays: notice.working_days as number,
      status: notice.status as string,
      items: items.map((row) => ({
        awardId: row.id as number,
        title: row.title as string,
        community: row.community as string,
        street: row.street as string,
        category: row.category as string,
        amountFen: Number(row.amount_fen),
        score: row.score === null ? null : Number(row.score),
        status: row.status as string,
      })),
    };
  }

  async publicNotices(): Promise<Array<Omit<PublicNoticeView, 'items'>>> {
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT id FROM public_notice WHERE status = 'open' OR closed_at > now() - interval '365 days' ORDER BY id DESC LIMIT 50`,
    );
    const views = await Promise.all(rows.map((row) => this.notice(row.id)));
    return views.map(({ items: _items, ...rest }) => rest);
  }

  /**
   * 立项: after the last notice day with no pending objection, every award still in notice is
   * approved and committed on the budget line (row-locked, CHECK-constrained), the others of the
   * competition are not funded, and everyone concerned is told.
   */
  async close(actor: Actor, noticeId: number, now = new Date()): Promise<PublicNoticeView> {
    const notificationIds = await this.dataSource.transaction(async (manager) => {
      const notice = await manager.findOne(PublicNotice, {
        where: { id: noticeId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!notice) throw new DomainError('NOT_FOUND');
      if (actor.user) {
        const competition = await this.competitions.get(actor.user, notice.competitionId, manager);
        await this.access.requireRows(
          actor.user,
          'awards.decide',
          'budget_line',
          'unit_id',
          [competition.budgetLineId],
          manager,
        );
      }
      if (notice.status !== 'open') throw new DomainError('INVALID_TRANSITION');
      if (shanghaiToday(now) <= notice.lastDay) throw new DomainError('NOTICE_NOT_ENDED');
      const [{ pending }]: [{ pending: number }] = await manager.query(
        `SELECT count(*)::int AS pending FROM objection WHERE notice_id = $1 AND status = 'pending'`,
        [noticeId],
      );
      if (pending > 0) throw new DomainError('OBJECTIONS_PENDING');
      const competition = await manager
        .query(`SELECT c.budget_line_id, c.title FROM competition c WHERE c.id = $1`, [notice.competitionId])
        .then((rows: Array<{ budget_line_id: number; title: string }>) => rows[0]);
      const awards = await manager.find(Award, {
        where: { decisionId: notice.decisionId, status: 'in_notice' },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      for (const award of awards) {
        await this.ledger.apply(manager, actor, {
          budgetLineId: competition.budget_line_id,
          kind: 'commitment',
          source: 'award',
          sourceId: award.applicationId,
          amountFen: award.amountFen,
          reason: `立项：${notice.title}`,
        });
        award.status = 'approved';
        await manager.save(award);
      }
      const approvedIds = await this.transitions.moveApplications(
        manager,
        actor,
        awards.map((award) => award.applicationId),
        'approve_award',
      );
      const losers = await this.transitions.undecidedApplications(manager, notice.competitionId, approvedIds);
      const notFunded = await this.transitions.moveApplications(
        manager,
        actor,
        losers,
        'not_funded',
        '未入选本次立项',
      );
      await manager.query(
        `UPDATE award_decision SET status = 'approved', version = version + 1 WHERE id = $1`,
        [notice.decisionId],
      );
      notice.status = 'closed';
      notice.closedAt = now;
      await manager.save(notice);
      await this.audit.record(manager, actor, {
        action: 'public_notice.close',
        entityType: 'public_notice',
        entityId: noticeId,
        after: {
          approved: approvedIds,
          notFunded,
          committedFen: awards.reduce((sum, award) => sum + award.amountFen, 0),
        },
      });
      const ids: number[] = [];
      for (const [list, kind, title] of [
        [approvedIds, 'award.approved', '项目已立项'],
        [notFunded, 'award.not_funded', '项目未获资助'],
      ] as const) {
        for (const applicationId of list) {
          const [app]: Array<{ title: string; street_id: number; created_by_user_id: number }> =
            await manager.query(
              `SELECT title, street_id, created_by_user_id FROM application WHERE id = $1`,
              [applicationId],
            );
          const recipients = [
            ...(await this.notifications.usersWithRole(manager, 'street_officer', [app.street_id])),
            app.created_by_user_id,
          ];
          ids.push(
            ...(await this.notifications.notify(manager, recipients, {
              kind,
              title: `${title}：「${app.title}」`,
              body: `${competition.title}：「${app.title}」${title}。`,
              link: `/applications/${applicationId}`,
            })),
          );
        }
      }
      return ids;
    });
    await this.notifications.deliverLater(notificationIds);
    return this.notice(noticeId);
  }

  /** Daily job: close every notice whose period has ended and that has no pending objection. */
  async closeEndedNotices(now = new Date()): Promise<number> {
    const due: Array<{ id: number }> = await this.dataSource.query(
      `SELECT n.id FROM public_notice n WHERE n.status = 'open' AND n.last_day < $1::date
       AND NOT EXISTS (SELECT 1 FROM objection o WHERE o.notice_id = n.id AND o.status = 'pending')`,
      [shanghaiToday(now)],
    );
    let closed = 0;
    for (const row of due) {
      try {
        await this.close({ user: null, requestId: 'job:awards.close-notices', ip: '127.0.0.1' }, row.id, now);
        closed += 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return closed;
  }

  /** The public register of funded projects: no personal data. */
  async register(cursor?: number, limit = 50) {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT a.id, a.title, a.status, s.name AS street, c.name AS community, cat.name AS category, w.amount_fen, comp.title AS competition
       FROM award w JOIN application a ON a.id = w.application_id JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id
       JOIN competition_category cat ON cat.id = a.category_id JOIN competition comp ON comp.id = a.competition_id
       WHERE w.status = 'approved' AND ($1::int IS NULL OR a.id < $1) ORDER BY a.id DESC LIMIT $2`,
      [cursor ?? null, limit + 1],
    );
    const items = rows.slice(0, limit).map((row) => ({
      id: row.id as number,
      title: row.title as string,
      competition: row.competition as string,
      street: row.street as string,
      community: row.community as string,
      category: row.category as string,
      amountFen: Number(row.amount_fen),
      status: row.status as string,
    }));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}
