import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  type ApproveRequest,
  type DepartureSubsidyView,
  type GenerateStipendBatchRequest,
  type MarkStipendBatchPaidRequest,
  type Page,
  type ReturnWithReasonRequest,
  type StipendBatchListQuery,
  type StipendBatchSummaryView,
  type StipendBatchView,
  type StipendPost as StipendPostName,
  type StipendPreviewQuery,
  type StipendPreviewView,
} from '@xiaoshi/contracts';
import {
  POST_LABELS,
  batchTotal,
  departureSubsidy,
  quarterAmount,
  quarterMonths,
  shanghaiDate,
  type Post,
  type PostHeld,
  type StipendPerson as Payee,
} from '@xiaoshi/domain';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { BudgetLine } from '../budgets/budget-line.entity.js';
import { LedgerService } from '../budgets/ledger.service.js';
import {
  addDaysIso,
  eligibleUntilOf,
  fields,
  periodLabel,
  periodLabelZh,
  personalData,
  quarterEnd,
  quarterStart,
} from './stipend-common.js';
import { payrollWorkbook, type PayrollLine } from './stipend-excel.js';
import { StipendBatchLine } from './stipend-batch-line.entity.js';
import { StipendBatch } from './stipend-batch.entity.js';
import { StipendPost } from './stipend-post.entity.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';
import { StipendRatesService } from './stipend-rates.service.js';
import type { StipendProgramme } from './stipend-programme.entity.js';
import { RELEVANT_TO_QUARTER } from './stipend-reports.service.js';

interface NewLine {
  personId: number;
  streetId: number;
  communityId: number;
  name: string;
  nationalId: string;
  bankName: string;
  bankAccount: string;
  months: string[];
  monthlyRateFen: number;
  amountFen: number;
  detail: Record<string, unknown> | null;
}

interface DeparturePerson {
  id: number;
  name: string;
  national_id: string;
  street_id: number;
  street_name: string;
  community_id: number;
  community_name: string;
  departure_date: string;
  normal_departure: boolean;
  bank_name: string;
  bank_account: string;
}

const BATCH_COLUMNS = `b.id, b.programme_id, b.kind, b.year, b.quarter, b.election_date::text AS election_date, b.status, b.total_fen,
  b.people_count, b.prepared_at, b.approved_at, b.paid_at, b.version, p.name AS programme_name, p.kind AS programme_kind,
  pu.display_name AS prepared_by, au.display_name AS approved_by, xu.display_name AS paid_by`;
const BATCH_JOINS = `JOIN stipend_programme p ON p.id = b.programme_id JOIN app_user pu ON pu.id = b.prepared_by_user_id
  LEFT JOIN app_user au ON au.id = b.approved_by_user_id LEFT JOIN app_user xu ON xu.id = b.paid_by_user_id`;

function toSummary(row: Record<string, unknown>): StipendBatchSummaryView {
  const period = {
    kind: row.kind as string,
    year: row.year as number,
    quarter: row.quarter as number | null,
    electionDate: row.election_date as string | null,
  };
  return {
    id: row.id as number,
    programme: {
      id: row.programme_id as number,
      name: row.programme_name as string,
      kind: row.programme_kind as StipendBatchSummaryView['programme']['kind'],
    },
    kind: row.kind as StipendBatchSummaryView['kind'],
    period: periodLabel(period),
    year: period.year,
    quarter: period.quarter,
    electionDate: period.electionDate,
    status: row.status as string,
    totalFen: Number(row.total_fen),
    peopleCount: row.people_count as number,
    preparedBy: row.prepared_by as string | null,
    preparedAt: (row.prepared_at as Date).toISOString(),
    approvedBy: row.approved_by as string | null,
    approvedAt: row.approved_at ? (row.approved_at as Date).toISOString() : null,
    paidBy: row.paid_by as string | null,
    paidAt: row.paid_at ? (row.paid_at as Date).toISOString() : null,
    version: row.version as number,
  };
}

/**
 * Computation and payment: previews from the live roster, one-off departure subsidies from the
 * rule table, batches from the approved street reports, maker–checker approval that commits the
 * total on the budget line, the bank payroll, and payment.
 */
@Injectable()
export class StipendBatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly programmes: StipendProgrammesService,
    private readonly rates: StipendRatesService,
  ) {}

  // --- previews

  /** What a quarter (or a whole year) would cost from the roster as it stands, by street. */
  async preview(
    user: AuthUser,
    programmeId: number,
    query: StipendPreviewQuery,
  ): Promise<StipendPreviewView> {
    const programme = await this.programmes.reachable(user, programmeId, 'stipends.read');
    this.programmes.requireKind(programme, 'monthly_quarterly');
    const manager = this.dataSource.manager;
    const people: Array<Record<string, unknown>> = await manager.query(
      `SELECT p.id, p.name, p.street_id, s.name AS street_name, p.eligible_from::text AS eligible_from, p.death_date::text AS death_date,
              p.removed_on::text AS removed_on, p.status, p.monthly_rate_fen
       FROM stipend_person p JOIN org_unit s ON s.id = p.street_id
       WHERE p.programme_id = $2 AND ${this.access.unitScopeCondition(user, 'p.community_id', 1)} ORDER BY p.id`,
      [user.unit.id, programmeId],
    );
    const quarters = query.quarter ? [query.quarter] : [1, 2, 3, 4];
    const byStreet = new Map<
      number,
      { street: { id: number; name: string }; people: Set<number>; personMonths: number; totalFen: number }
    >();
    const byQuarter: StipendPreviewView['byQuarter'] = [];
    const paidPeople = new Set<number>();
    for (const quarter of quarters) {
      const { rule } = await this.programmes.monthRuleOn(
        manager,
        programmeId,
        quarterStart(query.year, quarter),
      );
      const months = quarterMonths(query.year, quarter);
      const rates = await this.rates.monthlyRates(
        manager,
        programme,
        people.map((row) => ({ id: row.id as number, name: row.name as string, monthlyRateFen: Number(row.monthly_rate_fen) })),
        quarterStart(query.year, quarter),
      );
      const payees: Payee[] = people.map((row) => ({
        eligibleFrom: row.eligible_from as string,
        eligibleUntil: eligibleUntilOf({
          deathDate: row.death_date as string | null,
          removedOn: row.removed_on as string | null,
        }),
        monthlyRate: rates.get(row.id as number)!.monthlyRateFen,
        suspendedMonths: row.status === 'suspended' ? months : [],
      }));
      const result = batchTotal(payees, query.year, quarter, rule);
      byQuarter.push({ quarter, totalFen: result.total, personMonths: result.personMonths });
      for (const line of result.lines) {
        if (line.amount === 0) continue;
        const row = people[line.index];
        const streetId = row.street_id as number;
        const entry = byStreet.get(streetId) ?? {
          street: { id: streetId, name: row.street_name as string },
          people: new Set<number>(),
          personMonths: 0,
          totalFen: 0,
        };
        entry.people.add(row.id as number);
        entry.personMonths += line.months.length;
        entry.totalFen += line.amount;
        byStreet.set(streetId, entry);
        paidPeople.add(row.id as number);
      }
    }
    return {
      programmeId,
      year: query.year,
      quarters,
      totalFen: byQuarter.reduce((sum, quarter) => sum + quarter.totalFen, 0),
      personMonths: byQuarter.reduce((sum, quarter) => sum + quarter.personMonths, 0),
      people: paidPeople.size,
      byStreet: [...byStreet.values()]
        .sort((a, b) => a.street.id - b.street.id)
        .map((entry) => ({
          street: entry.street,
          people: entry.people.size,
          personMonths: entry.personMonths,
          totalFen: entry.totalFen,
        })),
      byQuarter,
    };
  }

  /** 离任一次性补助 calculator: the normal departures of an election, each from the rule table. */
  async departureSubsidies(
    user: AuthUser,
    programmeId: number,
    electionDate: string,
  ): Promise<DepartureSubsidyView> {
    const programme = await this.programmes.reachable(user, programmeId, 'stipends.read');
    this.programmes.requireKind(programme, 'one_off');
    const computed = await this.computeDepartures(this.dataSource.manager, programme, electionDate, user);
    // Masked for every role: the clear values are an audited reveal, or the bank payroll.
    const show = personalData(false);
    return {
      ...computed.view,
      people: computed.view.people.map((person) => ({
        ...person,
        nationalId: show.nationalId(person.nationalId),
      })),
    };
  }

  private async computeDepartures(
    manager: EntityManager,
    programme: StipendProgramme,
    electionDate: string,
    scopeUser: AuthUser | null,
  ) {
    const tables = await this.programmes.departureTables(manager, programme.id);
    const until = addDaysIso(electionDate, tables.windowDaysOn(electionDate));
    const params: unknown[] = [programme.rosterProgrammeId, electionDate, until];
    let scope = '';
    if (scopeUser) {
      params.push(scopeUser.unit.id);
      scope = `AND ${this.access.unitScopeCondition(scopeUser, 'p.community_id', 4)}`;
    }
    const people: DeparturePerson[] = await manager.query(
      `SELECT p.id, p.name, p.national_id, p.street_id, s.name AS street_name, p.community_id, c.name AS community_name,
              p.departure_date::text AS departure_date, p.normal_departure, p.bank_name, p.bank_account
       FROM stipend_person p JOIN org_unit s ON s.id = p.street_id JOIN org_unit c ON c.id = p.community_id
       WHERE p.programme_id = $1 AND p.normal_departure AND p.departure_date BETWEEN $2 AND $3 ${scope}
       ORDER BY p.street_id, p.community_id, p.id`,
      params,
    );
    const ids = people.map((person) => person.id);
    const posts = ids.length
      ? await manager.find(StipendPost, { where: { personId: In(ids) }, order: { termStart: 'ASC' } })
      : [];
    const paid: Array<{ person_id: number; batch_id: number }> = ids.length
      ? await manager.query(
          `SELECT l.person_id, b.id AS batch_id FROM stipend_batch_line l JOIN stipend_batch b ON b.id = l.batch_id
           WHERE b.programme_id = $1 AND b.status <> 'rejected' AND l.person_id = ANY($2::int[])`,
          [programme.id, ids],
        )
      : [];
    const paidIn = new Map(paid.map((row) => [row.person_id, row.batch_id]));
    const inForce = tables.forDeparture(electionDate);
    const lines: NewLine[] = [];
    const results = people.map((person) => {
      const held: PostHeld[] = posts
        .filter((post) => post.personId === person.id)
        .map((post) => ({
          post: post.post as Post,
          termStart: post.termStart,
          termEnd: post.termEnd,
          ...(post.electedAt ? { electedAt: post.electedAt } : {}),
        }));
      const entry = tables.forDeparture(person.departure_date);
      const result = entry
        ? departureSubsidy(
            { posts: held, departureDate: person.departure_date, normalDeparture: person.normal_departure },
            entry.table,
          )
        : null;
      const alreadyPaidInBatchId = paidIn.get(person.id) ?? null;
      const eligible = !!result?.eligible;
      if (result && eligible && alreadyPaidInBatchId === null) {
        lines.push({
          personId: person.id,
          streetId: person.street_id,
          communityId: person.community_id,
          name: person.name,
          nationalId: person.national_id,
          bankName: person.bank_name,
          bankAccount: person.bank_account,
          months: [],
          monthlyRateFen: result.monthlyRate,
          amountFen: result.amount,
          detail: {
            documentNumber: entry!.version.documentNumber,
            ruleVersionId: entry!.version.id,
            highestPost: result.highestPost,
            fullTerms: result.fullTerms,
            months: result.months,
            reason: result.reasons.map((reason) => reason.zh).join('；'),
          },
        });
      }
      return {
        personId: person.id,
        name: person.name,
        nationalId: person.national_id,
        street: person.street_name,
        community: person.community_name,
        departureDate: person.departure_date,
        eligible,
        highestPost: (result?.highestPost ?? null) as StipendPostName | null,
        monthlyRateFen: result?.monthlyRate ?? 0,
        fullTerms: result?.fullTerms ?? 0,
        months: result?.months ?? 0,
        amountFen: result?.amount ?? 0,
        reasons: result
          ? [
              ...result.reasons.map((reason) => reason.zh),
              ...(alreadyPaidInBatchId !== null ? [`已在发放批次 #${alreadyPaidInBatchId} 中`] : []),
            ]
          : ['离任日期前没有生效的补助规则'],
        alreadyPaidInBatchId,
      };
    });
    const line = await manager.findOneByOrFail(BudgetLine, { id: programme.budgetLineId });
    const adjustedBudgetFen = line.amountFen + line.adjustedFen;
    const totalFen = lines.reduce((sum, entry) => sum + entry.amountFen, 0);
    const view: DepartureSubsidyView = {
      programmeId: programme.id,
      electionDate,
      departedUntil: until,
      ruleVersion: inForce
        ? {
            id: inForce.version.id,
            documentNumber: inForce.version.documentNumber,
            effectiveFrom: inForce.version.effectiveFrom,
          }
        : null,
      people: results,
      eligibleCount: lines.length,
      totalFen,
      budget: {
        budgetLineId: line.id,
        adjustedBudgetFen,
        committedFen: line.committedFen,
        availableFen: adjustedBudgetFen - line.committedFen,
      },
      varianceFen: adjustedBudgetFen - totalFen,
    };
    return { view, lines, ruleVersionId: inForce?.version.id ?? null };
  }

  // --- batches

  /** Generates the batch of a quarter or an election, once: a second request gets 409 STIPEND_BATCH_EXISTS. */
  async generate(
    actor: AuthenticatedActor,
    programmeId: number,
    body: GenerateStipendBatchRequest,
    now = new Date(),
  ): Promise<StipendBatchView> {
    let id: number;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        // The programme row lock serialises generations of one programme; the partial unique
        // indexes stay the last word should anything get past it.
        const programme = await this.programmes.reachable(
          actor.user,
          programmeId,
          'stipends.prepare',
          manager,
          true,
        );
        const batch =
          programme.kind === 'monthly_quarterly'
            ? await this.quarterlyBatch(manager, programme, body)
            : await this.oneOffBatch(manager, programme, body);
        if (!batch.lines.length) throw new DomainError('STIPEND_BATCH_EMPTY');
        const saved = await manager.save(
          manager.create(StipendBatch, {
            programmeId,
            kind: batch.kind,
            year: batch.year,
            quarter: batch.quarter,
            electionDate: batch.electionDate,
            status: 'prepared',
            totalFen: batch.lines.reduce((sum, line) => sum + line.amountFen, 0),
            peopleCount: batch.lines.length,
            ruleVersionId: batch.ruleVersionId,
            preparedByUserId: actor.user.id,
            preparedAt: now,
          }),
        );
        await manager.save(
          batch.lines.map((line) => manager.create(StipendBatchLine, { ...line, batchId: saved.id })),
          { chunk: 200 },
        );
        await this.audit.record(manager, actor, {
          action: 'stipend_batch.prepare',
          entityType: 'stipend_batch',
          entityId: saved.id,
          after: {
            programmeId,
            period: periodLabel(saved),
            totalFen: saved.totalFen,
            peopleCount: saved.peopleCount,
            ruleVersionId: saved.ruleVersionId,
          },
        });
        return saved.id;
      });
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) throw new DomainError('STIPEND_BATCH_EXISTS');
      throw error;
    }
    return this.get(actor.user, id);
  }

  private async quarterlyBatch(
    manager: EntityManager,
    programme: StipendProgramme,
    body: GenerateStipendBatchRequest,
  ) {
    const { year, quarter } = body;
    if (year === undefined || quarter === undefined || body.electionDate !== undefined) {
      throw new DomainError(
        'VALIDATION_FAILED',
        fields([['quarter', '请给出年度和季度', 'Give the year and the quarter']]),
      );
    }
    const [existing] = await manager.query(
      `SELECT id FROM stipend_batch WHERE programme_id = $1 AND kind = 'quarterly' AND year = $2 AND quarter = $3 AND status <> 'rejected'`,
      [programme.id, year, quarter],
    );
    if (existing) throw new DomainError('STIPEND_BATCH_EXISTS');
    // Every street with people to pay, or with a report for the quarter, must be approved.
    const pending: Array<{ name: string }> = await manager.query(
      `SELECT s.name FROM org_unit s
       WHERE s.id IN (SELECT p.street_id FROM stipend_person p WHERE ${RELEVANT_TO_QUARTER}
                      UNION SELECT r.street_id FROM stipend_street_report r WHERE r.programme_id = $1 AND r.year = $4 AND r.quarter = $5)
         AND NOT EXISTS (SELECT 1 FROM stipend_street_report r WHERE r.programme_id = $1 AND r.street_id = s.id
                           AND r.year = $4 AND r.quarter = $5 AND r.status = 'approved')
       ORDER BY s.id`,
      [programme.id, quarterStart(year, quarter), quarterEnd(year, quarter), year, quarter],
    );
    if (pending.length) {
      const names = pending.map((street) => street.name).join('、');
      throw new DomainError(
        'STIPEND_REPORTS_PENDING',
        fields([['streets', `以下街道的季度报送尚未审核通过：${names}`, `Not yet approved: ${names}`]]),
      );
    }
    const { rule, version } = await this.programmes.monthRuleOn(
      manager,
      programme.id,
      quarterStart(year, quarter),
    );
    const months = quarterMonths(year, quarter);
    const entries: Array<Record<string, unknown>> = await manager.query(
      `SELECT e.person_id, r.street_id, e.community_id, e.name, e.national_id, e.bank_name, e.bank_account, e.monthly_rate_fen,
              e.eligible_from::text AS eligible_from, e.eligible_until::text AS eligible_until, e.status, e.detail
       FROM stipend_report_entry e JOIN stipend_street_report r ON r.id = e.report_id
       WHERE r.programme_id = $1 AND r.year = $2 AND r.quarter = $3 AND r.status = 'approved'
       ORDER BY r.street_id, e.community_id, e.person_id`,
      [programme.id, year, quarter],
    );
    const lines: NewLine[] = [];
    for (const entry of entries) {
      const monthlyRateFen = Number(entry.monthly_rate_fen);
      const { months: paid, amount } = quarterAmount(
        {
          eligibleFrom: entry.eligible_from as string,
          eligibleUntil: entry.eligible_until as string | null,
          monthlyRate: monthlyRateFen,
          suspendedMonths: entry.status === 'suspended' ? months : [],
        },
        year,
        quarter,
        rule,
      );
      if (amount === 0) continue;
      lines.push({
        personId: entry.person_id as number,
        streetId: entry.street_id as number,
        communityId: entry.community_id as number,
        name: entry.name as string,
        nationalId: entry.national_id as string,
        bankName: entry.bank_name as string,
        bankAccount: entry.bank_account as string,
        months: paid,
        monthlyRateFen,
        amountFen: amount,
        detail: (entry.detail as Record<string, unknown> | null) ?? null,
      });
    }
    return {
      kind: 'quarterly' as const,
      year,
      quarter,
      electionDate: null,
      ruleVersionId: version?.id ?? null,
      lines,
    };
  }

  private async oneOffBatch(
    manager: EntityManager,
    programme: StipendProgramme,
    body: GenerateStipendBatchRequest,
  ) {
    const { electionDate } = body;
    if (!electionDate || body.year !== undefined || body.quarter !== undefined) {
      throw new DomainError(
        'VALIDATION_FAILED',
        fields([['electionDate', '请给出换届选举日期', 'Give the election date']]),
      );
    }
    const [existing] = await manager.query(
      `SELECT id FROM stipend_batch WHERE programme_id = $1 AND kind = 'one_off' AND election_date = $2 AND status <> 'rejected'`,
      [programme.id, electionDate],
    );
    if (existing) throw new DomainError('STIPEND_BATCH_EXISTS');
    const computed = await this.computeDepartures(manager, programme, electionDate, null);
    return {
      kind: 'one_off' as const,
      year: Number(electionDate.slice(0, 4)),
      quarter: null,
      electionDate,
      ruleVersionId: computed.ruleVersionId,
      lines: computed.lines,
    };
  }

  private async reachable(
    user: AuthUser,
    id: number,
    permission: 'stipends.read' | 'stipends.approve' | 'stipends.pay',
    manager: EntityManager,
    lock = false,
  ) {
    this.access.requirePermission(user, permission);
    const [row]: Array<{ id: number }> = await manager.query(
      `SELECT b.id FROM stipend_batch b JOIN stipend_programme p ON p.id = b.programme_id
       WHERE b.id = $2 AND ${this.access.ancestorScopeCondition('p.unit_id', 1)}`,
      [user.unit.id, id],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    const batch = await manager.findOne(StipendBatch, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!batch) throw new DomainError('NOT_FOUND');
    return batch;
  }

  async list(user: AuthUser, query: StipendBatchListQuery): Promise<Page<StipendBatchSummaryView>> {
    this.access.requirePermission(user, 'stipends.read');
    const params: unknown[] = [user.unit.id];
    const conditions = [this.access.ancestorScopeCondition('p.unit_id', 1)];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (query.cursor) add('b.id < ?', query.cursor);
    if (query.programmeId) add('b.programme_id = ?', query.programmeId);
    if (query.status) add('b.status = ?', query.status);
    params.push(query.limit + 1);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${BATCH_COLUMNS} FROM stipend_batch b ${BATCH_JOINS} WHERE ${conditions.join(' AND ')} ORDER BY b.id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, query.limit).map(toSummary);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }

  /** A batch with its lines; a street officer sees only their street's lines and totals. */
  async get(
    user: AuthUser,
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StipendBatchView> {
    const batch = await this.reachable(user, id, 'stipends.read', manager);
    const [row]: Array<Record<string, unknown>> = await manager.query(
      `SELECT ${BATCH_COLUMNS}, b.reject_reason, b.payment_reference, v.id AS rule_id, v.document_number, v.effective_from::text AS effective_from
       FROM stipend_batch b ${BATCH_JOINS} LEFT JOIN stipend_rule_version v ON v.id = b.rule_version_id WHERE b.id = $1`,
      [id],
    );
    const lines = await this.linesOf(manager, user, id);
    // Masked for every role: the clear values are an audited reveal, or the bank payroll.
    const show = personalData(false);
    const byStreet = new Map<
      number,
      { street: { id: number; name: string }; people: number; totalFen: number }
    >();
    for (const line of lines) {
      const entry = byStreet.get(line.streetId) ?? {
        street: { id: line.streetId, name: line.street },
        people: 0,
        totalFen: 0,
      };
      entry.people += 1;
      entry.totalFen += line.amountFen;
      byStreet.set(line.streetId, entry);
    }
    const actions: StipendBatchView['availableActions'] = [];
    if (batch.status === 'prepared' && user.permissions.has('stipends.approve')) {
      if (batch.preparedByUserId !== user.id) actions.push('approve');
      actions.push('reject');
    }
    if ((batch.status === 'approved' || batch.status === 'paid') && user.permissions.has('stipends.pay'))
      actions.push('payroll');
    if (batch.status === 'approved' && user.permissions.has('stipends.pay')) actions.push('mark_paid');
    return {
      ...toSummary(row),
      ruleVersion: row.rule_id
        ? {
            id: row.rule_id as number,
            documentNumber: row.document_number as string,
            effectiveFrom: row.effective_from as string,
          }
        : null,
      rejectReason: row.reject_reason as string | null,
      paymentReference: row.payment_reference as string | null,
      byStreet: [...byStreet.values()],
      lines: lines.map((line) => ({
        personId: line.personId,
        name: line.name,
        nationalId: show.nationalId(line.nationalId),
        street: line.street,
        community: line.community,
        bankName: line.bankName,
        bankAccount: show.bankAccount(line.bankAccount),
        months: line.months,
        monthlyRateFen: line.monthlyRateFen,
        amountFen: line.amountFen,
        detail: line.detail,
      })),
      availableActions: actions,
    };
  }

  private async linesOf(manager: EntityManager, user: AuthUser, batchId: number) {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT l.*, s.name AS street_name, c.name AS community_name FROM stipend_batch_line l
       JOIN org_unit s ON s.id = l.street_id JOIN org_unit c ON c.id = l.community_id
       WHERE l.batch_id = $2 AND ${this.access.unitScopeCondition(user, 'l.community_id', 1)}
       ORDER BY l.street_id, l.community_id, l.person_id`,
      [user.unit.id, batchId],
    );
    return rows.map((row) => ({
      personId: row.person_id as number,
      streetId: row.street_id as number,
      street: row.street_name as string,
      community: row.community_name as string,
      name: row.name as string,
      nationalId: row.national_id as string,
      bankName: row.bank_name as string,
      bankAccount: row.bank_account as string,
      months: row.months as string[],
      monthlyRateFen: Number(row.monthly_rate_fen),
      amountFen: Number(row.amount_fen),
      detail: row.detail as Record<string, unknown> | null,
    }));
  }

  /** Checker's approval: never by the preparer; commits the total on the budget line. */
  async approve(
    actor: AuthenticatedActor,
    id: number,
    body: ApproveRequest,
    now = new Date(),
  ): Promise<StipendBatchView> {
    await this.dataSource.transaction(async (manager) => {
      const batch = await this.reachable(actor.user, id, 'stipends.approve', manager, true);
      if (batch.status !== 'prepared') throw new DomainError('INVALID_TRANSITION');
      if (batch.version !== body.version) throw new DomainError('CONFLICT');
      if (batch.preparedByUserId === actor.user.id) throw new DomainError('STIPEND_SELF_APPROVAL');
      const programme = await this.programmes.reachable(
        actor.user,
        batch.programmeId,
        'stipends.approve',
        manager,
      );
      await this.ledger.apply(manager, actor, {
        budgetLineId: programme.budgetLineId,
        kind: 'commitment',
        source: 'stipend',
        sourceId: batch.id,
        amountFen: batch.totalFen,
        reason: `${programme.name} ${periodLabelZh(batch)} 发放批次 #${batch.id} 审批`,
      });
      batch.status = 'approved';
      batch.approvedByUserId = actor.user.id;
      batch.approvedAt = now;
      await manager.save(batch);
      await this.audit.record(manager, actor, {
        action: 'stipend_batch.approve',
        entityType: 'stipend_batch',
        entityId: id,
        before: { status: 'prepared' },
        after: { status: 'approved', totalFen: batch.totalFen, preparedByUserId: batch.preparedByUserId },
      });
    });
    return this.get(actor.user, id);
  }

  /** Refuses a prepared batch with a reason; its period can then be generated again. */
  async reject(
    actor: AuthenticatedActor,
    id: number,
    body: ReturnWithReasonRequest,
  ): Promise<StipendBatchView> {
    await this.dataSource.transaction(async (manager) => {
      const batch = await this.reachable(actor.user, id, 'stipends.approve', manager, true);
      if (batch.status !== 'prepared') throw new DomainError('INVALID_TRANSITION');
      if (batch.version !== body.version) throw new DomainError('CONFLICT');
      batch.status = 'rejected';
      batch.rejectReason = body.reason;
      await manager.save(batch);
      await this.audit.record(manager, actor, {
        action: 'stipend_batch.reject',
        entityType: 'stipend_batch',
        entityId: id,
        before: { status: 'prepared' },
        after: { status: 'rejected', reason: body.reason },
      });
    });
    return this.get(actor.user, id);
  }

  /** The bank has paid: pays the committed total on the budget line. */
  async markPaid(
    actor: AuthenticatedActor,
    id: number,
    body: MarkStipendBatchPaidRequest,
    now = new Date(),
  ): Promise<StipendBatchView> {
    await this.dataSource.transaction(async (manager) => {
      const batch = await this.reachable(actor.user, id, 'stipends.pay', manager, true);
      if (batch.status !== 'approved') throw new DomainError('INVALID_TRANSITION');
      if (batch.version !== body.version) throw new DomainError('CONFLICT');
      const paidOn = body.paidOn ?? shanghaiDate(now);
      if (paidOn > shanghaiDate(now))
        throw new DomainError(
          'VALIDATION_FAILED',
          fields([['paidOn', '发放日期不能晚于今天', 'The payment date cannot be in the future']]),
        );
      const programme = await this.programmes.reachable(
        actor.user,
        batch.programmeId,
        'stipends.pay',
        manager,
      );
      await this.ledger.apply(manager, actor, {
        budgetLineId: programme.budgetLineId,
        kind: 'payment',
        source: 'stipend',
        sourceId: batch.id,
        amountFen: batch.totalFen,
        reason: `${programme.name} ${periodLabelZh(batch)} 发放批次 #${batch.id} 已发放${body.reference ? `（${body.reference}）` : ''}`,
      });
      batch.status = 'paid';
      batch.paidByUserId = actor.user.id;
      batch.paidAt = now;
      batch.paidOn = paidOn;
      batch.paymentReference = body.reference ?? null;
      await manager.save(batch);
      await this.audit.record(manager, actor, {
        action: 'stipend_batch.mark_paid',
        entityType: 'stipend_batch',
        entityId: id,
        before: { status: 'approved' },
        after: { status: 'paid', totalFen: batch.totalFen, paidOn, reference: batch.paymentReference },
      });
    });
    return this.get(actor.user, id);
  }

  /**
   * 发放表 for the bank (full ID numbers and accounts) — finance only, approved batches only, and
   * every download is audited — or, with `masked`, a review copy anyone who reads batches may take.
   */
  async workbook(
    actor: AuthenticatedActor,
    id: number,
    masked: boolean,
  ): Promise<{ fileName: string; bytes: Buffer }> {
    const manager = this.dataSource.manager;
    const batch = await this.reachable(actor.user, id, masked ? 'stipends.read' : 'stipends.pay', manager);
    if (!masked && batch.status !== 'approved' && batch.status !== 'paid')
      throw new DomainError('INVALID_TRANSITION');
    const programme = await this.programmes.reachable(
      actor.user,
      batch.programmeId,
      'stipends.read',
      manager,
    );
    const lines = await this.linesOf(manager, actor.user, id);
    const show = personalData(!masked);
    const payroll: PayrollLine[] = lines.map((line) => ({
      street: line.street,
      community: line.community,
      name: line.name,
      nationalId: show.nationalId(line.nationalId),
      bankName: line.bankName,
      bankAccount: show.bankAccount(line.bankAccount),
      months: line.months,
      monthlyRateFen: line.monthlyRateFen,
      amountFen: line.amountFen,
      note:
        line.detail && typeof line.detail.highestPost === 'string'
          ? `${POST_LABELS[line.detail.highestPost as Post].zh}，连续任满${String(line.detail.fullTerms)}届，${String(line.detail.months)}个月`
          : line.detail && typeof line.detail.buildings === 'string'
            ? `${line.detail.buildings}，${String(line.detail.households)}户`
            : '',
    }));
    const title = `${programme.name} ${periodLabelZh(batch)} 发放表（批次 #${batch.id}）`;
    const bytes = await payrollWorkbook(title, payroll, masked);
    if (!masked) {
      await this.audit.recordAlone(actor, {
        action: 'stipend_batch.payroll_export',
        entityType: 'stipend_batch',
        entityId: id,
        after: { lines: payroll.length, totalFen: batch.totalFen },
      });
    }
    const fileName = `${programme.name}-${periodLabel(batch).replace(/\s+/g, '')}-${masked ? '核对表' : '发放表'}.xlsx`;
    return { fileName, bytes };
  }
}
