import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  type ApproveRequest,
  type ReturnWithReasonRequest,
  type StipendReportView,
  type SubmitStipendReportRequest,
} from '@xiaoshi/contracts';
import { STIPEND_REPORT_MOVES, eligibleUntilOf, rosterChanges, type RosterChange } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { RosterRepository, type UnitRow } from './roster.repository.js';
import { StipendBatchesRepository } from './stipend-batches.repository.js';
import { fields, programmeQuarter, refusingDuplicates } from './stipend-common.js';
import type { StipendProgramme } from './stipend-programme.entity.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';
import { StipendRatesService } from './stipend-rates.service.js';
import { StipendReportViewsService } from './stipend-report-views.service.js';
import { StipendReportsRepository, type ProgrammeQuarter } from './stipend-reports.repository.js';
import type { StipendStreetReport } from './stipend-street-report.entity.js';

/** A street's roster as a report freezes it: its entries, the changes since the last approval, the monthly total. */
interface FrozenRoster {
  entries: Parameters<StipendReportsRepository['replaceEntries']>[2];
  changes: RosterChange[];
  monthlyTotalFen: number;
}

/**
 * The quarterly cycle's first half (docs/decisions/0005): a street submits its roster for a
 * quarter (frozen as report entries, with the changes since its last approved report); the
 * district approves it or returns it with a reason. The moves are STIPEND_REPORT_MOVES.
 */
@Injectable()
export class StipendReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly programmes: StipendProgrammesService,
    private readonly rates: StipendRatesService,
    private readonly views: StipendReportViewsService,
    private readonly repository: StipendReportsRepository,
    private readonly roster: RosterRepository,
    private readonly batches: StipendBatchesRepository,
  ) {}

  /** Submits (or, once returned, resubmits) a street's roster for a quarter. */
  async submit(
    actor: AuthenticatedActor,
    programmeId: number,
    body: SubmitStipendReportRequest,
    now = new Date(),
  ): Promise<StipendReportView> {
    const { reportId, notificationIds } = await refusingDuplicates(
      () =>
        this.dataSource.transaction(async (manager) => {
          const { programme, street } = await this.reportingStreet(actor, programmeId, body.streetId, manager);
          const period = programmeQuarter(programmeId, body.year, body.quarter);
          // Once a quarter has a live batch, its reports are closed.
          if (await this.batches.hasLiveBatch(manager, programmeId, { kind: 'quarterly', year: body.year, quarter: body.quarter }))
            throw new DomainError('STIPEND_BATCH_EXISTS');
          const existing = await this.repository.lockStreetReport(manager, period, body.streetId);
          if (existing) requireMove(STIPEND_REPORT_MOVES, existing.status, 'submit', [...actor.user.permissions]);
          const before = existing ? { status: existing.status, returnReason: existing.returnReason } : null;
          const frozen = await this.freeze(manager, programme, period, body.streetId);
          const { streetId, year, quarter } = body;
          const report = await this.repository.save(
            manager,
            Object.assign(existing ?? this.repository.newReport(manager, { programmeId, streetId, year, quarter }), {
              status: 'submitted' as const,
              note: body.note ?? null,
              changes: frozen.changes,
              peopleCount: frozen.entries.length,
              monthlyTotalFen: frozen.monthlyTotalFen,
              submittedByUserId: actor.user.id,
              submittedAt: now,
              auditedByUserId: null,
              auditedAt: null,
              returnReason: null,
            }),
          );
          await this.repository.replaceEntries(manager, report.id, frozen.entries);
          await this.audit.record(manager, actor, {
            action: 'stipend_report.submit',
            entityType: 'stipend_street_report',
            entityId: report.id,
            before,
            after: {
              status: 'submitted',
              streetId: body.streetId,
              year: body.year,
              quarter: body.quarter,
              peopleCount: frozen.entries.length,
              changes: frozen.changes.length,
            },
          });
          return { reportId: report.id, notificationIds: await this.notifySubmitted(manager, programme, street, report) };
        }),
      () => new DomainError('CONFLICT'),
    );
    await this.notifications.deliverLater(notificationIds);
    return this.views.get(actor.user, reportId);
  }

  /** The programme (quarterly) and the street (in scope, of the programme's district) a report is for. */
  private async reportingStreet(actor: AuthenticatedActor, programmeId: number, streetId: number, manager: EntityManager) {
    const programme = await this.programmes.reachable(actor.user, programmeId, 'stipends.report', manager);
    this.programmes.requireKind(programme, 'monthly_quarterly');
    await this.access.requireUnits(actor.user, 'stipends.report', [streetId], manager);
    const street = await this.roster.unit(manager, streetId);
    if (!street || street.kind !== 'street' || !street.ancestorIds.includes(programme.unitId)) {
      throw new DomainError('VALIDATION_FAILED', fields([['streetId', '请选择本区的街道', 'Choose a street of the district']]));
    }
    return { programme, street };
  }

  /**
   * The street's people who matter for the quarter, frozen: each at the rate they are paid this
   * quarter (their own, or the table in force on its first day). Someone whose eligibility ended
   * before it began (a late start, an early death) is never paid, so never reported.
   */
  private async freeze(
    manager: EntityManager,
    programme: StipendProgramme,
    period: ProgrammeQuarter,
    streetId: number,
  ): Promise<FrozenRoster> {
    const people = (await this.repository.lockPeopleOfQuarter(manager, period, streetId)).filter(
      (person) => (eligibleUntilOf(person) ?? '9999-12-31') >= person.eligibleFrom,
    );
    const previous = await this.repository.previousApprovedEntries(manager, period, streetId);
    const rates = await this.rates.monthlyRates(manager, programme, people, period.start);
    const rateOf = (personId: number) => rates.get(personId)!;
    const changes = rosterChanges(
      previous,
      people.map((person) => ({ ...person, monthlyRateFen: rateOf(person.id).monthlyRateFen })),
    );
    const monthlyTotalFen = people
      .filter((person) => person.status === 'active' && (eligibleUntilOf(person) ?? '9999-12-31') >= period.end)
      .reduce((sum, person) => sum + rateOf(person.id).monthlyRateFen, 0);
    const entries = people.map((person) => ({
      personId: person.id,
      communityId: person.communityId,
      name: person.name,
      nationalId: person.nationalId,
      monthlyRateFen: rateOf(person.id).monthlyRateFen,
      detail: rateOf(person.id).detail,
      eligibleFrom: person.eligibleFrom,
      eligibleUntil: eligibleUntilOf(person),
      status: person.status,
      bankName: person.bankName,
      bankAccount: person.bankAccount,
    }));
    return { entries, changes, monthlyTotalFen };
  }

  /** Tells the district's admins (a street's parent is its district) a street has reported; the ids of the notifications to deliver. */
  private async notifySubmitted(
    manager: EntityManager,
    programme: StipendProgramme,
    street: UnitRow,
    report: StipendStreetReport,
  ): Promise<number[]> {
    const admins = await this.notifications.usersWithRole(manager, 'district_admin', [street.parentId!]);
    const quarter = `${report.year}年第${report.quarter}季度`;
    return this.notifications.notify(manager, admins, {
      kind: 'stipend_report.submitted',
      title: `${street.name}${quarter}${programme.name}名册已报送`,
      body: `${street.name}报送了${programme.name}${quarter}名册：${report.peopleCount}人，变动${report.changes.length}项，请审核。`,
      link: `/stipends/reports/${report.id}`,
    });
  }

  async approve(actor: AuthenticatedActor, id: number, body: ApproveRequest, now = new Date()): Promise<StipendReportView> {
    return this.audited(actor, id, body.version, 'approve', null, now);
  }

  async returnToStreet(
    actor: AuthenticatedActor,
    id: number,
    body: ReturnWithReasonRequest,
    now = new Date(),
  ): Promise<StipendReportView> {
    return this.audited(actor, id, body.version, 'return', body.reason, now);
  }

  /** The district's audit: approves a submitted report or returns it to the street with a reason. */
  private async audited(
    actor: AuthenticatedActor,
    id: number,
    version: number,
    action: 'approve' | 'return',
    reason: string | null,
    now: Date,
  ) {
    const notificationIds = await this.dataSource.transaction(async (manager) => {
      const report = await this.views.reachable(actor.user, id, 'stipends.audit', manager, true);
      const programme = await this.programmes.reachable(actor.user, report.programmeId, 'stipends.audit', manager);
      const { to } = requireMove(STIPEND_REPORT_MOVES, report.status, action, [...actor.user.permissions]);
      if (report.version !== version) throw new DomainError('CONFLICT');
      const before = { status: report.status };
      Object.assign(report, { status: to, auditedByUserId: actor.user.id, auditedAt: now, returnReason: reason });
      await this.repository.save(manager, report);
      await this.audit.record(manager, actor, {
        action: action === 'approve' ? 'stipend_report.approve' : 'stipend_report.return',
        entityType: 'stipend_street_report',
        entityId: id,
        before,
        after: { status: to, reason },
      });
      const officers = await this.notifications.usersWithRole(manager, 'street_officer', [report.streetId]);
      return this.notifications.notify(manager, officers, {
        kind: `stipend_report.${to}`,
        title: `${report.year}年第${report.quarter}季度${programme.name}名册${to === 'approved' ? '已审核通过' : '被退回'}`,
        body:
          to === 'approved'
            ? '区级已审核通过本街道的季度名册。'
            : `区级退回了本街道的季度名册，原因：${reason}。请修改后重新报送。`,
        link: `/stipends/reports/${id}`,
      });
    });
    await this.notifications.deliverLater(notificationIds);
    return this.views.get(actor.user, id);
  }
}
