import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  type ApproveRequest,
  type ReturnWithReasonRequest,
  type StipendReportChange,
  type StipendReportView,
  type StipendStreetReportStatus,
  type SubmitStipendReportRequest,
} from '@xiaoshi/contracts';
import { maskBankAccount } from '@xiaoshi/domain';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { eligibleUntilOf, fields, personalData, quarterEnd, quarterStart } from './stipend-common.js';
import { StipendPerson } from './stipend-person.entity.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';
import { StipendRatesService, type PersonRate } from './stipend-rates.service.js';
import { StipendReportEntry } from './stipend-report-entry.entity.js';
import { StipendStreetReport } from './stipend-street-report.entity.js';

/**
 * The people of a roster who matter for a quarter: eligible by its last day, not removed before
 * it began, not dead before it began. `$1` programme, `$2` quarter start, `$3` quarter end.
 */
export const RELEVANT_TO_QUARTER = `p.programme_id = $1 AND p.eligible_from <= $3
  AND (p.removed_on IS NULL OR p.removed_on > $2) AND (p.death_date IS NULL OR p.death_date >= $2)`;

const STATUS_LABELS: Record<string, string> = { active: '在册', suspended: '暂停', deceased: '已故' };

/** Differences between the previous approved entries of a street and its roster now. */
function changesBetween(
  previous: readonly StipendReportEntry[],
  current: readonly StipendPerson[],
  rates: ReadonlyMap<number, PersonRate>,
): StipendReportChange[] {
  const before = new Map(previous.map((entry) => [entry.personId, entry]));
  const changes: StipendReportChange[] = [];
  for (const person of current) {
    const old = before.get(person.id);
    const until = eligibleUntilOf(person);
    const change = (
      kind: StipendReportChange['kind'],
      effectiveDate: string | null,
      was: string | null,
      now: string | null,
    ) =>
      changes.push({ kind, personId: person.id, name: person.name, effectiveDate, before: was, after: now });
    const rate = rates.get(person.id)?.monthlyRateFen ?? person.monthlyRateFen;
    if (!old) {
      change('addition', person.eligibleFrom, null, `${(rate / 100).toFixed(2)} 元/月`);
      continue;
    }
    if (person.deathDate && old.status !== 'deceased')
      change('death', person.deathDate, STATUS_LABELS[old.status], '已故');
    else if (person.removedOn && old.eligibleUntil !== until)
      change('removal', person.removedOn, null, person.removalReason);
    else if (old.status !== person.status)
      change('status_change', null, STATUS_LABELS[old.status], STATUS_LABELS[person.status]);
    if (old.monthlyRateFen !== rate) {
      change(
        'rate_change',
        null,
        `${(old.monthlyRateFen / 100).toFixed(2)} 元/月`,
        `${(rate / 100).toFixed(2)} 元/月`,
      );
    }
    if (old.bankAccount !== person.bankAccount || old.bankName !== person.bankName) {
      // Stored masked: the report's history need not hold a second copy of the account.
      change(
        'bank_change',
        null,
        `${old.bankName} ${maskBankAccount(old.bankAccount)}`,
        `${person.bankName} ${maskBankAccount(person.bankAccount)}`,
      );
    }
  }
  return changes;
}

/**
 * The quarterly cycle's first half (docs/decisions/0005): a street submits its roster for a
 * quarter (frozen as report entries, with the changes since its last approved report); the
 * district approves it or returns it with a reason.
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
  ) {}

  /** Streets of the programme's district within the user's scope. */
  private async streetsInScope(
    user: AuthUser,
    districtId: number,
  ): Promise<Array<{ id: number; name: string }>> {
    return this.dataSource.query(
      `SELECT s.id, s.name FROM org_unit s
       WHERE s.kind = 'street' AND s.ancestor_ids @> ARRAY[$2::int] AND ${this.access.unitScopeCondition(user, 's.id', 1)}
       ORDER BY s.id`,
      [user.unit.id, districtId],
    );
  }

  /** 季度报送情况: for each street in scope, its roster size and its report for the quarter. */
  async statusFor(
    user: AuthUser,
    programmeId: number,
    year: number,
    quarter: number,
  ): Promise<StipendStreetReportStatus[]> {
    const programme = await this.programmes.reachable(user, programmeId, 'stipends.read');
    this.programmes.requireKind(programme, 'monthly_quarterly');
    const streets = await this.streetsInScope(user, programme.unitId);
    if (!streets.length) return [];
    const counts: Array<{ street_id: number; people: number }> = await this.dataSource.query(
      `SELECT p.street_id, count(*)::int AS people FROM stipend_person p WHERE ${RELEVANT_TO_QUARTER} AND p.street_id = ANY($4::int[]) GROUP BY p.street_id`,
      [
        programmeId,
        quarterStart(year, quarter),
        quarterEnd(year, quarter),
        streets.map((street) => street.id),
      ],
    );
    const reports = await this.dataSource.manager.find(StipendStreetReport, {
      where: streets.map((street) => ({ programmeId, streetId: street.id, year, quarter })),
    });
    return streets.map((street) => {
      const report = reports.find((candidate) => candidate.streetId === street.id);
      return {
        street,
        rosterPeople: counts.find((count) => count.street_id === street.id)?.people ?? 0,
        dueDate: quarterEnd(year, quarter),
        report: report
          ? {
              id: report.id,
              status: report.status,
              submittedAt: report.submittedAt.toISOString(),
              auditedAt: report.auditedAt?.toISOString() ?? null,
              returnReason: report.returnReason,
              peopleCount: report.peopleCount,
              monthlyTotalFen: report.monthlyTotalFen,
              changes: report.changes.length,
            }
          : null,
      };
    });
  }

  private async reachable(
    user: AuthUser,
    id: number,
    permission: 'stipends.read' | 'stipends.audit',
    manager: EntityManager,
    lock = false,
  ) {
    await this.access.requireRows(user, permission, 'stipend_street_report', 'street_id', [id], manager);
    const report = await manager.findOne(StipendStreetReport, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!report) throw new DomainError('NOT_FOUND');
    return report;
  }

  async get(
    user: AuthUser,
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StipendReportView> {
    const report = await this.reachable(user, id, 'stipends.read', manager);
    const [meta]: Array<Record<string, unknown>> = await manager.query(
      `SELECT s.name AS street_name, su.display_name AS submitted_by, au.display_name AS audited_by
       FROM stipend_street_report r JOIN org_unit s ON s.id = r.street_id
       JOIN app_user su ON su.id = r.submitted_by_user_id LEFT JOIN app_user au ON au.id = r.audited_by_user_id
       WHERE r.id = $1`,
      [id],
    );
    const entries: Array<Record<string, unknown>> = await manager.query(
      `SELECT e.person_id, e.name, e.national_id, c.name AS community, e.monthly_rate_fen, e.eligible_from::text AS eligible_from,
              e.eligible_until::text AS eligible_until, e.status, e.bank_name, e.bank_account
       FROM stipend_report_entry e JOIN org_unit c ON c.id = e.community_id WHERE e.report_id = $1 ORDER BY e.person_id`,
      [id],
    );
    // Masked for every role: the clear values are an audited reveal of one person.
    const show = personalData(false);
    return {
      id: report.id,
      programmeId: report.programmeId,
      street: { id: report.streetId, name: meta.street_name as string },
      year: report.year,
      quarter: report.quarter,
      status: report.status,
      note: report.note,
      peopleCount: report.peopleCount,
      monthlyTotalFen: report.monthlyTotalFen,
      changes: report.changes,
      entries: entries.map((entry) => ({
        personId: entry.person_id as number,
        name: entry.name as string,
        nationalId: show.nationalId(entry.national_id as string),
        community: entry.community as string,
        monthlyRateFen: Number(entry.monthly_rate_fen),
        eligibleFrom: entry.eligible_from as string,
        eligibleUntil: entry.eligible_until as string | null,
        status: entry.status as string,
        bankName: entry.bank_name as string,
        bankAccount: show.bankAccount(entry.bank_account as string),
      })),
      submittedBy: meta.submitted_by as string | null,
      submittedAt: report.submittedAt.toISOString(),
      auditedBy: meta.audited_by as string | null,
      auditedAt: report.auditedAt?.toISOString() ?? null,
      returnReason: report.returnReason,
      version: report.version,
    };
  }

  /** Submits (or, once returned, resubmits) a street's roster for a quarter. */
  async submit(
    actor: AuthenticatedActor,
    programmeId: number,
    body: SubmitStipendReportRequest,
    now = new Date(),
  ): Promise<StipendReportView> {
    let reportId: number;
    let notificationIds: number[];
    try {
      ({ reportId, notificationIds } = await this.dataSource.transaction(async (manager) => {
        const programme = await this.programmes.reachable(
          actor.user,
          programmeId,
          'stipends.report',
          manager,
        );
        this.programmes.requireKind(programme, 'monthly_quarterly');
        await this.access.requireUnits(actor.user, 'stipends.report', [body.streetId], manager);
        const street = await manager.findOneByOrFail(OrgUnit, { id: body.streetId });
        if (street.kind !== 'street' || !street.ancestorIds.includes(programme.unitId)) {
          throw new DomainError(
            'VALIDATION_FAILED',
            fields([['streetId', '请选择本区的街道', 'Choose a street of the district']]),
          );
        }
        const [batch] = await manager.query(
          `SELECT id FROM stipend_batch WHERE programme_id = $1 AND kind = 'quarterly' AND year = $2 AND quarter = $3 AND status <> 'rejected'`,
          [programmeId, body.year, body.quarter],
        );
        if (batch) throw new DomainError('STIPEND_BATCH_EXISTS');
        let report = await manager.findOne(StipendStreetReport, {
          where: { programmeId, streetId: body.streetId, year: body.year, quarter: body.quarter },
          lock: { mode: 'pessimistic_write' },
        });
        if (report && report.status !== 'returned') throw new DomainError('INVALID_TRANSITION');

        const start = quarterStart(body.year, body.quarter);
        const end = quarterEnd(body.year, body.quarter);
        const idRows: Array<{ id: number }> = await manager.query(
          `SELECT p.id FROM stipend_person p WHERE ${RELEVANT_TO_QUARTER} AND p.street_id = $4 ORDER BY p.id FOR UPDATE`,
          [programmeId, start, end, body.streetId],
        );
        // Someone whose eligibility ended before it began (a late start, an early death) is never paid.
        const people = (
          idRows.length
            ? await manager.find(StipendPerson, {
                where: { id: In(idRows.map((row) => row.id)) },
                order: { id: 'ASC' },
              })
            : []
        ).filter((person) => (eligibleUntilOf(person) ?? '9999-12-31') >= person.eligibleFrom);
        const [previous] = await manager.query(
          `SELECT id FROM stipend_street_report WHERE programme_id = $1 AND street_id = $2 AND status = 'approved'
             AND (year, quarter) < ($3, $4) ORDER BY year DESC, quarter DESC LIMIT 1`,
          [programmeId, body.streetId, body.year, body.quarter],
        );
        const previousEntries = previous
          ? await manager.findBy(StipendReportEntry, { reportId: previous.id as number })
          : [];
        // The rate each person is paid this quarter: their own, or the table in force on its first day.
        const rates = await this.rates.monthlyRates(manager, programme, people, start);
        const rateOf = (person: StipendPerson) => rates.get(person.id)!;
        const changes = changesBetween(previousEntries, people, rates);
        const monthlyTotalFen = people
          .filter((person) => person.status === 'active' && (eligibleUntilOf(person) ?? '9999-12-31') >= end)
          .reduce((sum, person) => sum + rateOf(person).monthlyRateFen, 0);

        const before = report ? { status: report.status, returnReason: report.returnReason } : null;
        if (!report) {
          report = manager.create(StipendStreetReport, {
            programmeId,
            streetId: body.streetId,
            year: body.year,
            quarter: body.quarter,
          });
        }
        Object.assign(report, {
          status: 'submitted',
          note: body.note ?? null,
          changes,
          peopleCount: people.length,
          monthlyTotalFen,
          submittedByUserId: actor.user.id,
          submittedAt: now,
          auditedByUserId: null,
          auditedAt: null,
          returnReason: null,
        });
        await manager.save(report);
        await manager.delete(StipendReportEntry, { reportId: report.id });
        if (people.length) {
          await manager.save(
            people.map((person) =>
              manager.create(StipendReportEntry, {
                reportId: report.id,
                personId: person.id,
                communityId: person.communityId,
                name: person.name,
                nationalId: person.nationalId,
                monthlyRateFen: rateOf(person).monthlyRateFen,
                detail: rateOf(person).detail,
                eligibleFrom: person.eligibleFrom,
                eligibleUntil: eligibleUntilOf(person),
                status: person.status,
                bankName: person.bankName,
                bankAccount: person.bankAccount,
              }),
            ),
            { chunk: 200 },
          );
        }
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
            peopleCount: people.length,
            changes: changes.length,
          },
        });
        const [{ district }]: [{ district: number }] = await manager.query(
          `SELECT ancestor_ids[1] AS district FROM org_unit WHERE id = $1`,
          [body.streetId],
        );
        const admins = await this.notifications.usersWithRole(manager, 'district_admin', [district]);
        const ids = await this.notifications.notify(manager, admins, {
          kind: 'stipend_report.submitted',
          title: `${street.name}${body.year}年第${body.quarter}季度${programme.name}名册已报送`,
          body: `${street.name}报送了${programme.name}${body.year}年第${body.quarter}季度名册：${people.length}人，变动${changes.length}项，请审核。`,
          link: `/stipends/reports/${report.id}`,
        });
        return { reportId: report.id, notificationIds: ids };
      }));
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) throw new DomainError('CONFLICT');
      throw error;
    }
    await this.notifications.deliverLater(notificationIds);
    return this.get(actor.user, reportId);
  }

  async approve(
    actor: AuthenticatedActor,
    id: number,
    body: ApproveRequest,
    now = new Date(),
  ): Promise<StipendReportView> {
    return this.audited(actor, id, body.version, 'approved', null, now);
  }

  async returnToStreet(
    actor: AuthenticatedActor,
    id: number,
    body: ReturnWithReasonRequest,
    now = new Date(),
  ): Promise<StipendReportView> {
    return this.audited(actor, id, body.version, 'returned', body.reason, now);
  }

  private async audited(
    actor: AuthenticatedActor,
    id: number,
    version: number,
    to: 'approved' | 'returned',
    reason: string | null,
    now: Date,
  ) {
    const notificationIds = await this.dataSource.transaction(async (manager) => {
      const report = await this.reachable(actor.user, id, 'stipends.audit', manager, true);
      const programme = await this.programmes.reachable(actor.user, report.programmeId, 'stipends.audit', manager);
      if (report.status !== 'submitted') throw new DomainError('INVALID_TRANSITION');
      if (report.version !== version) throw new DomainError('CONFLICT');
      report.status = to;
      report.auditedByUserId = actor.user.id;
      report.auditedAt = now;
      report.returnReason = reason;
      await manager.save(report);
      await this.audit.record(manager, actor, {
        action: to === 'approved' ? 'stipend_report.approve' : 'stipend_report.return',
        entityType: 'stipend_street_report',
        entityId: id,
        before: { status: 'submitted' },
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
    return this.get(actor.user, id);
  }
}
