import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type FieldErrors,
  type Page,
  type PublicNoticeSummaryView,
  type PublicNoticeView,
  type RegisterItemView,
  type PublishNoticeRequest,
} from '@xiaoshi/contracts';
import {
  AWARD_MOVES,
  DECISION_MOVES,
  NOTICE_MOVES,
  noticePeriod,
  noticeStartViolations,
  shanghaiDate,
  statusesFor,
} from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { AccessService } from '../access/access.service.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { AuditService } from '../audit/audit.service.js';
import { LedgerService } from '../budgets/ledger.service.js';
import { CompetitionsService } from '../competitions/competitions.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { QueueService } from '../../queue/queue.service.js';
import { AwardDecisionsRepository } from './award-decisions.repository.js';
import type { PublicNotice } from './award.entities.js';
import { AwardTransitionsService } from './award-transitions.service.js';
import { CalendarService } from './calendar.service.js';
import { NoticesRepository } from './notices.repository.js';

/**
 * A 公示 starts today or later and lasts at least the competition's notice length: its whole
 * objection window must lie ahead of the public when it appears.
 */
function requireFullNoticeWindow(publishOn: string, workingDays: number, minimumDays: number, now: Date): void {
  const fields: FieldErrors = {};
  for (const problem of noticeStartViolations(publishOn, now)) fields[problem.field] = fieldMessage(problem.zh, problem.en);
  if (workingDays < minimumDays) {
    fields.workingDays = fieldMessage(
      `公示期不得短于本活动规定的 ${minimumDays} 个工作日`,
      `The notice may not be shorter than this competition's ${minimumDays} working days`,
    );
  }
  if (Object.keys(fields).length) throw new DomainError('VALIDATION_FAILED', fields);
}

const CLOSING_JOB: Actor = { user: null, requestId: 'job:awards.close-notices', ip: '127.0.0.1' };

/** 公示: publishing a decision, the notice as the public sees it, and approval (立项) when it ends. */
@Injectable()
export class NoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly competitions: CompetitionsService,
    private readonly applications: ApplicationsService,
    private readonly ledger: LedgerService,
    private readonly notifications: NotificationsService,
    private readonly calendar: CalendarService,
    private readonly transitions: AwardTransitionsService,
    private readonly repository: NoticesRepository,
    private readonly decisions: AwardDecisionsRepository,
    private readonly queue: QueueService,
  ) {}

  private async requireDecide(manager: EntityManager, actor: AuthenticatedActor, competitionId: number) {
    const competition = await this.competitions.get(actor.user, competitionId, manager);
    await this.access.requireRows(actor.user, 'awards.decide', 'budget_line', 'unit_id', [competition.budgetLineId], manager);
    return competition;
  }

  /**
   * Publishes a proposed decision as a 公示 of N working days from `publishOn` (default today,
   * Asia/Shanghai). Never back-dated and never shorter than the competition's notice length.
   */
  async publish(actor: AuthenticatedActor, decisionId: number, body: PublishNoticeRequest, now = new Date()) {
    const noticeId = await this.dataSource.transaction(async (manager) => {
      const decision = await this.decisions.lockDecision(manager, decisionId);
      if (!decision) throw new DomainError('NOT_FOUND');
      const competition = await this.requireDecide(manager, actor, decision.competitionId);
      const move = requireMove(DECISION_MOVES, decision.status, 'publish');
      const publishOn = body.publishOn ?? shanghaiDate(now);
      const workingDays = body.workingDays ?? competition.noticeWorkingDays;
      requireFullNoticeWindow(publishOn, workingDays, competition.noticeWorkingDays, now);
      const period = noticePeriod(publishOn, workingDays, await this.calendar.holidayCalendar(manager));
      const notice = await this.repository.insertNotice(manager, {
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
      await this.decisions.setDecisionStatus(manager, [decisionId], move.to);
      const awards = await this.decisions.lockAwards(manager, [decisionId], statusesFor(AWARD_MOVES, 'publish'));
      await this.decisions.setAwardStatus(manager, awards.map((award) => award.id), 'in_notice');
      await this.transitions.moveApplications(
        manager,
        actor,
        await this.decisions.applicationsOf(manager, [decisionId]),
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
    const view = await this.repository.view(id);
    if (!view) throw new DomainError('NOT_FOUND');
    return view;
  }

  /**
   * A notice as a signed-in user reads it: only a notice of a call in the user's reach (another
   * district's notice answers 404, as its other records do). The public pages use `notice`.
   */
  async scopedNotice(user: AuthUser, id: number): Promise<PublicNoticeView> {
    const view = await this.notice(id);
    await this.competitions.get(user, view.competitionId);
    return view;
  }

  async publicNotices(): Promise<PublicNoticeSummaryView[]> {
    const views = await Promise.all((await this.repository.publicIds()).map((id) => this.notice(id)));
    return views.map(({ items: _items, ...rest }) => rest);
  }

  /**
   * 立项: after the last notice day with no pending objection, every award still in notice is
   * approved and committed on the budget line (row-locked, CHECK-constrained), the others of the
   * competition are not funded, and everyone concerned is told.
   */
  async close(actor: Actor, noticeId: number, now = new Date()): Promise<PublicNoticeView> {
    const notificationIds = await this.dataSource.transaction(async (manager) => {
      const notice = await this.repository.lockNotice(manager, noticeId);
      if (!notice) throw new DomainError('NOT_FOUND');
      if (actor.user) await this.requireDecide(manager, { ...actor, user: actor.user }, notice.competitionId);
      const move = requireMove(NOTICE_MOVES, notice.status, 'close');
      if (shanghaiDate(now) <= notice.lastDay) throw new DomainError('NOTICE_NOT_ENDED');
      if ((await this.repository.pendingObjections(manager, noticeId)) > 0) throw new DomainError('OBJECTIONS_PENDING');
      const { approved, notFunded, committedFen } = await this.approve(manager, actor, notice);
      // The approved applications' projects open in the worker, once this transaction commits.
      if (approved.length) await this.queue.enqueue('delivery.open-projects', {}, { transaction: manager });
      notice.status = move.to;
      notice.closedAt = now;
      await this.repository.saveNotice(manager, notice);
      await this.audit.record(manager, actor, {
        action: 'public_notice.close',
        entityType: 'public_notice',
        entityId: noticeId,
        after: { approved, notFunded, committedFen },
      });
      const competition = await this.competitions.byId(notice.competitionId, manager);
      return [
        ...(await this.tell(manager, approved, 'award.approved', '项目已立项', competition.title)),
        ...(await this.tell(manager, notFunded, 'award.not_funded', '项目未获资助', competition.title)),
      ];
    });
    await this.notifications.deliverLater(notificationIds);
    return this.notice(noticeId);
  }

  /** Commits every award still in notice, approves the decision, and settles the applications. */
  private async approve(manager: EntityManager, actor: Actor, notice: PublicNotice) {
    const competition = await this.competitions.byId(notice.competitionId, manager);
    // The decision before its awards: the order publishing takes them in, so the two never deadlock.
    const decision = (await this.decisions.lockDecision(manager, notice.decisionId))!;
    const decided = requireMove(DECISION_MOVES, decision.status, 'approve');
    const awards = await this.decisions.lockAwards(manager, [notice.decisionId], statusesFor(AWARD_MOVES, 'approve'));
    for (const award of awards) {
      await this.ledger.apply(manager, actor, {
        budgetLineId: competition.budgetLineId,
        kind: 'commitment',
        source: 'award',
        sourceId: award.applicationId,
        amountFen: award.amountFen,
        reason: `立项：${notice.title}`,
      });
    }
    await this.decisions.setAwardStatus(manager, awards.map((award) => award.id), 'approved');
    const approved = await this.transitions.moveApplications(
      manager,
      actor,
      awards.map((award) => award.applicationId),
      'approve_award',
    );
    const losers = await this.transitions.undecidedApplications(manager, notice.competitionId, approved);
    const notFunded = await this.transitions.moveApplications(manager, actor, losers, 'not_funded', '未入选本次立项');
    await this.decisions.setDecisionStatus(manager, [decision.id], decided.to);
    return { approved, notFunded, committedFen: awards.reduce((sum, award) => sum + award.amountFen, 0) };
  }

  /** In-app notices to each application's street officers and author. Returns the notification ids. */
  private async tell(manager: EntityManager, applicationIds: readonly number[], kind: string, title: string, competitionTitle: string) {
    const briefs = await this.applications.briefs(applicationIds, manager);
    const ids: number[] = [];
    for (const applicationId of applicationIds) {
      const app = briefs.get(applicationId)!;
      const recipients = [
        ...(await this.notifications.usersWithRole(manager, 'street_officer', [app.streetId])),
        app.createdByUserId,
      ];
      ids.push(
        ...(await this.notifications.notify(manager, recipients, {
          kind,
          title: `${title}：「${app.title}」`,
          body: `${competitionTitle}：「${app.title}」${title}。`,
          link: `/applications/${applicationId}`,
        })),
      );
    }
    return ids;
  }

  /** Daily job: close every notice whose period has ended and that has no pending objection. */
  async closeEndedNotices(now = new Date()): Promise<number> {
    let closed = 0;
    for (const id of await this.repository.endedWithoutPendingObjections(shanghaiDate(now))) {
      try {
        await this.close(CLOSING_JOB, id, now);
        closed += 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return closed;
  }

  /** The public register of funded projects: no personal data. */
  async register(cursor?: number, limit = 50): Promise<Page<RegisterItemView>> {
    const rows = await this.repository.register(cursor, limit);
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}
