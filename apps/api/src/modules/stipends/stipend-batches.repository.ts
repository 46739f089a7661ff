import { Injectable } from '@nestjs/common';
import type { StipendBatchListQuery } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { refreshStatisticsAfterWrite } from '../../database/statistics.js';
import { AccessService } from '../access/access.service.js';
import { StipendBatch, type StipendBatchKind, type StipendBatchStatus } from './stipend-batch.entity.js';
import type { StipendProgramme } from './stipend-programme.entity.js';
import { RELEVANT_TO_QUARTER, type ProgrammeQuarter } from './stipend-reports.repository.js';

/** What a batch pays for: a quarter, or an election's departures. */
export type BatchPeriod =
  | { kind: 'quarterly'; year: number; quarter: number }
  | { kind: 'one_off'; electionDate: string };

export interface BatchSummaryRow {
  id: number;
  programme: { id: number; name: string; kind: StipendProgramme['kind'] };
  kind: StipendBatchKind;
  year: number;
  quarter: number | null;
  electionDate: string | null;
  status: StipendBatchStatus;
  totalFen: number;
  peopleCount: number;
  preparedBy: string | null;
  preparedAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
  paidBy: string | null;
  paidAt: Date | null;
  version: number;
}

export interface BatchDetailRow extends BatchSummaryRow {
  ruleVersion: { id: number; documentNumber: string; effectiveFrom: string } | null;
  rejectReason: string | null;
  paymentReference: string | null;
}

/** One payee of a batch as frozen at generation — in clear (the bank payroll is written from it). */
export interface NewBatchLine {
  personId: number;
  streetId: number;
  communityId: number;
  name: string;
  nationalId: string;
  bankName: string;
  bankAccount: string;
  /** Paid months 'YYYY-MM' (quarterly); empty for one-off subsidies. */
  months: string[];
  monthlyRateFen: number;
  amountFen: number;
  detail: Record<string, unknown> | null;
}

export interface BatchLineRow extends NewBatchLine {
  street: string;
  community: string;
}

/** A batch about to be written; its total and head count are its lines'. */
export interface NewBatch {
  programmeId: number;
  kind: StipendBatchKind;
  year: number;
  quarter: number | null;
  electionDate: string | null;
  ruleVersionId: number | null;
  preparedByUserId: number;
  preparedAt: Date;
}

/** An approved report entry of a quarter: what a quarterly batch is computed from. */
export interface ApprovedEntryRow {
  personId: number;
  streetId: number;
  communityId: number;
  name: string;
  nationalId: string;
  bankName: string;
  bankAccount: string;
  monthlyRateFen: number;
  eligibleFrom: string;
  eligibleUntil: string | null;
  status: string;
  detail: Record<string, unknown> | null;
}

/** A person's line in a live (not rejected) batch, for their payment history. */
export interface PersonPaymentRow {
  batchId: number;
  programmeName: string;
  kind: StipendBatchKind;
  year: number;
  quarter: number | null;
  electionDate: string | null;
  status: StipendBatchStatus;
  months: string[];
  amountFen: number;
  paidAt: Date | null;
}

type SummaryDbRow = {
  id: number;
  programme_id: number;
  kind: StipendBatchKind;
  year: number;
  quarter: number | null;
  election_date: string | null;
  status: StipendBatchStatus;
  total_fen: string;
  people_count: number;
  prepared_at: Date;
  approved_at: Date | null;
  paid_at: Date | null;
  version: number;
  programme_name: string;
  programme_kind: StipendProgramme['kind'];
  prepared_by: string | null;
  approved_by: string | null;
  paid_by: string | null;
};

const BATCH_COLUMNS = `b.id, b.programme_id, b.kind, b.year, b.quarter, b.election_date::text AS election_date, b.status, b.total_fen,
  b.people_count, b.prepared_at, b.approved_at, b.paid_at, b.version, p.name AS programme_name, p.kind AS programme_kind,
  pu.display_name AS prepared_by, au.display_name AS approved_by, xu.display_name AS paid_by`;
const BATCH_JOINS = `JOIN stipend_programme p ON p.id = b.programme_id JOIN app_user pu ON pu.id = b.prepared_by_user_id
  LEFT JOIN app_user au ON au.id = b.approved_by_user_id LEFT JOIN app_user xu ON xu.id = b.paid_by_user_id`;

function toSummary(row: SummaryDbRow): BatchSummaryRow {
  return {
    id: row.id,
    programme: { id: row.programme_id, name: row.programme_name, kind: row.programme_kind },
    kind: row.kind,
    year: row.year,
    quarter: row.quarter,
    electionDate: row.election_date,
    status: row.status,
    totalFen: Number(row.total_fen),
    peopleCount: row.people_count,
    preparedBy: row.prepared_by,
    preparedAt: row.prepared_at,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    paidBy: row.paid_by,
    paidAt: row.paid_at,
    version: row.version,
  };
}

/** Lines are written in slices of this many rows, each slice one statement. */
const LINES_PER_INSERT = 5_000;

/**
 * Payment batches (stipend_batch) and their lines (stipend_batch_line): generation reads the
 * approved report entries and writes a batch with all its lines set-wise; views list batches and
 * lines in the user's scope. Scope conditions come from AccessService; nothing here decides.
 */
@Injectable()
export class StipendBatchesRepository {
  constructor(private readonly access: AccessService) {}

  /**
   * The unit that runs the batch's programme, when that programme belongs to the user's unit or one
   * above it (the batch is within the user's reach); null otherwise. The lines' scope follows from
   * it (`linesPage`), so a page of lines needs no other lookup of the batch.
   */
  async reachableOwner(manager: EntityManager, user: AuthUser, id: number): Promise<number | null> {
    const rows: Array<{ unit_id: number }> = await manager.query(
      `SELECT p.unit_id FROM stipend_batch b JOIN stipend_programme p ON p.id = b.programme_id
       WHERE b.id = $2 AND ${this.access.ancestorScopeCondition('p.unit_id', 1)}`,
      [user.unit.id, id],
    );
    return rows[0]?.unit_id ?? null;
  }

  find(manager: EntityManager, id: number, lock = false): Promise<StipendBatch | null> {
    return manager.findOne(StipendBatch, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  save(manager: EntityManager, batch: StipendBatch): Promise<StipendBatch> {
    return manager.save(batch);
  }

  /** Whether the programme has a batch (other than a rejected one) for the period. */
  async hasLiveBatch(manager: EntityManager, programmeId: number, period: BatchPeriod): Promise<boolean> {
    const rows: Array<{ id: number }> =
      period.kind === 'quarterly'
        ? await manager.query(
            `SELECT id FROM stipend_batch WHERE programme_id = $1 AND kind = 'quarterly' AND year = $2 AND quarter = $3 AND status <> 'rejected'`,
            [programmeId, period.year, period.quarter],
          )
        : await manager.query(
            `SELECT id FROM stipend_batch WHERE programme_id = $1 AND kind = 'one_off' AND election_date = $2 AND status <> 'rejected'`,
            [programmeId, period.electionDate],
          );
    return rows.length > 0;
  }

  /** A keyset page (newest first) of the batches in the user's scope; `limit + 1` rows. */
  async page(manager: EntityManager, user: AuthUser, query: StipendBatchListQuery): Promise<BatchSummaryRow[]> {
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
    const rows: SummaryDbRow[] = await manager.query(
      `SELECT ${BATCH_COLUMNS} FROM stipend_batch b ${BATCH_JOINS} WHERE ${conditions.join(' AND ')} ORDER BY b.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toSummary);
  }

  async detail(manager: EntityManager, id: number): Promise<BatchDetailRow> {
    const [row]: Array<
      SummaryDbRow & {
        reject_reason: string | null;
        payment_reference: string | null;
        rule_id: number | null;
        document_number: string | null;
        effective_from: string | null;
      }
    > = await manager.query(
      `SELECT ${BATCH_COLUMNS}, b.reject_reason, b.payment_reference, v.id AS rule_id, v.document_number, v.effective_from::text AS effective_from
       FROM stipend_batch b ${BATCH_JOINS} LEFT JOIN stipend_rule_version v ON v.id = b.rule_version_id WHERE b.id = $1`,
      [id],
    );
    return {
      ...toSummary(row),
      ruleVersion:
        row.rule_id === null
          ? null
          : { id: row.rule_id, documentNumber: row.document_number ?? '', effectiveFrom: row.effective_from ?? '' },
      rejectReason: row.reject_reason,
      paymentReference: row.payment_reference,
    };
  }

  /**
   * A keyset page of the lines the user may see, in the order they were written (street,
   * community, person): up to `limit + 1` rows after line `after`, through (batch_id, id).
   * `ownerUnitId` is the unit that runs the batch's programme (`reachableOwner`).
   */
  async linesPage(
    manager: EntityManager,
    user: AuthUser,
    batch: { id: number; ownerUnitId: number },
    limit: number,
    after?: number,
  ): Promise<Array<BatchLineRow & { lineId: number }>> {
    const rows: Array<{
      id: number;
      person_id: number;
      street_id: number;
      community_id: number;
      street_name: string;
      community_name: string;
      name: string;
      national_id: string;
      bank_name: string;
      bank_account: string;
      months: string;
      monthly_rate_fen: string;
      amount_fen: string;
      detail: Record<string, unknown> | null;
    }> = await manager.query(
      // The months as one string ('YYYY-MM' has no comma): splitting it is several times cheaper
      // than the driver's parser of array literals, a tenth of a page's CPU.
      `SELECT l.id, l.person_id, l.street_id, l.community_id, l.name, l.national_id, l.bank_name, l.bank_account,
              array_to_string(l.months, ',') AS months,
              l.monthly_rate_fen, l.amount_fen, l.detail, s.name AS street_name, c.name AS community_name
       FROM stipend_batch_line l JOIN org_unit s ON s.id = l.street_id JOIN org_unit c ON c.id = l.community_id
       WHERE l.batch_id = $2 AND l.id > $3 AND ${this.lineScope(user, batch.ownerUnitId)}
       ORDER BY l.id LIMIT $4`,
      [user.unit.id, batch.id, after ?? 0, limit + 1],
    );
    return rows.map((row) => ({
      lineId: row.id,
      personId: row.person_id,
      streetId: row.street_id,
      communityId: row.community_id,
      street: row.street_name,
      community: row.community_name,
      name: row.name,
      nationalId: row.national_id,
      bankName: row.bank_name,
      bankAccount: row.bank_account,
      months: row.months === '' ? [] : row.months.split(','),
      monthlyRateFen: Number(row.monthly_rate_fen),
      amountFen: Number(row.amount_fen),
      detail: row.detail,
    }));
  }

  /**
   * Which of a batch's lines the user may see, as a condition on `l` ($1 the user's unit) that keeps
   * the walk on (batch_id, id): a street's or a community's lines are one column away, and the
   * unit that runs the programme sees every line of it (its people are all below it) — known from
   * the batch's reach check instead of testing each line against the org tree, which the planner took for
   * selective and answered by joining every line after the cursor and sorting them (100,000
   * people: 48 ms a page). Other units keep the org-tree test.
   */
  private lineScope(user: AuthUser, ownerUnitId: number): string {
    if (user.unit.kind === 'street') return 'l.street_id = $1';
    if (user.unit.kind === 'community') return 'l.community_id = $1';
    // Names $1 all the same (a parameter no condition uses has no type).
    if (ownerUnitId === user.unit.id) return '$1::int IS NOT NULL';
    return this.access.unitScopeCondition(user, 'l.community_id', 1);
  }

  /** Every line the user may see, read page by page (for the payroll, which streams them). */
  async *eachLine(
    manager: EntityManager,
    user: AuthUser,
    batch: { id: number; ownerUnitId: number },
    pageSize = 2_000,
  ): AsyncGenerator<BatchLineRow> {
    let after: number | undefined;
    for (;;) {
      const page = await this.linesPage(manager, user, batch, pageSize, after);
      yield* page.slice(0, pageSize);
      if (page.length <= pageSize) return;
      after = page[pageSize - 1].lineId;
    }
  }

  /** People and money per street among the lines the user may see, grouped in SQL. */
  async streetTotals(
    manager: EntityManager,
    user: AuthUser,
    batchId: number,
  ): Promise<Array<{ street: { id: number; name: string }; people: number; totalFen: number }>> {
    const rows: Array<{ street_id: number; street_name: string; people: number; total_fen: string }> = await manager.query(
      `SELECT l.street_id, s.name AS street_name, count(*)::int AS people, sum(l.amount_fen) AS total_fen
       FROM stipend_batch_line l JOIN org_unit s ON s.id = l.street_id
       WHERE l.batch_id = $2 AND ${this.access.unitScopeCondition(user, 'l.community_id', 1)}
       GROUP BY l.street_id, s.name ORDER BY l.street_id`,
      [user.unit.id, batchId],
    );
    return rows.map((row) => ({
      street: { id: row.street_id, name: row.street_name },
      people: row.people,
      totalFen: Number(row.total_fen),
    }));
  }

  // --- generation

  /**
   * Names of the streets that must report the quarter and have no approved report: every street
   * with people who matter for it, or with a report for it.
   */
  async streetsNotApproved(manager: EntityManager, period: ProgrammeQuarter): Promise<string[]> {
    const rows: Array<{ name: string }> = await manager.query(
      `SELECT s.name FROM org_unit s
       WHERE s.id IN (SELECT p.street_id FROM stipend_person p WHERE ${RELEVANT_TO_QUARTER}
                      UNION SELECT r.street_id FROM stipend_street_report r WHERE r.programme_id = $1 AND r.year = $4 AND r.quarter = $5)
         AND NOT EXISTS (SELECT 1 FROM stipend_street_report r WHERE r.programme_id = $1 AND r.street_id = s.id
                           AND r.year = $4 AND r.quarter = $5 AND r.status = 'approved')
       ORDER BY s.id`,
      [period.programmeId, period.start, period.end, period.year, period.quarter],
    );
    return rows.map((row) => row.name);
  }

  /** Every entry of the quarter's approved street reports, by street, community and person. */
  async approvedEntries(manager: EntityManager, period: ProgrammeQuarter): Promise<ApprovedEntryRow[]> {
    const rows: Array<{
      person_id: number;
      street_id: number;
      community_id: number;
      name: string;
      national_id: string;
      bank_name: string;
      bank_account: string;
      monthly_rate_fen: string;
      eligible_from: string;
      eligible_until: string | null;
      status: string;
      detail: Record<string, unknown> | null;
    }> = await manager.query(
      `SELECT e.person_id, r.street_id, e.community_id, e.name, e.national_id, e.bank_name, e.bank_account, e.monthly_rate_fen,
              e.eligible_from::text AS eligible_from, e.eligible_until::text AS eligible_until, e.status, e.detail
       FROM stipend_report_entry e JOIN stipend_street_report r ON r.id = e.report_id
       WHERE r.programme_id = $1 AND r.year = $2 AND r.quarter = $3 AND r.status = 'approved'
       ORDER BY r.street_id, e.community_id, e.person_id`,
      [period.programmeId, period.year, period.quarter],
    );
    return rows.map((row) => ({
      personId: row.person_id,
      streetId: row.street_id,
      communityId: row.community_id,
      name: row.name,
      nationalId: row.national_id,
      bankName: row.bank_name,
      bankAccount: row.bank_account,
      monthlyRateFen: Number(row.monthly_rate_fen),
      eligibleFrom: row.eligible_from,
      eligibleUntil: row.eligible_until,
      status: row.status,
      detail: row.detail,
    }));
  }

  /**
   * Writes a prepared batch and all its lines: one row for the batch, then the lines set-wise
   * (one INSERT … SELECT per slice of LINES_PER_INSERT). The partial unique indexes refuse a second
   * live batch of the period (a unique violation for the caller).
   */
  async insertPrepared(manager: EntityManager, batch: NewBatch, lines: readonly NewBatchLine[]): Promise<StipendBatch> {
    const saved = await manager.save(
      manager.create(StipendBatch, {
        ...batch,
        status: 'prepared',
        totalFen: lines.reduce((sum, line) => sum + line.amountFen, 0),
        peopleCount: lines.length,
      }),
    );
    // Written in the order they are read and paged in (street, community, person): the line id
    // is then the keyset.
    const ordered = [...lines].sort(
      (a, b) => a.streetId - b.streetId || a.communityId - b.communityId || a.personId - b.personId,
    );
    for (let start = 0; start < ordered.length; start += LINES_PER_INSERT) {
      const slice = ordered.slice(start, start + LINES_PER_INSERT).map((line) => ({
        person_id: line.personId,
        street_id: line.streetId,
        community_id: line.communityId,
        name: line.name,
        national_id: line.nationalId,
        bank_name: line.bankName,
        bank_account: line.bankAccount,
        months: line.months,
        monthly_rate_fen: line.monthlyRateFen,
        amount_fen: line.amountFen,
        detail: line.detail,
      }));
      await manager.query(
        `INSERT INTO stipend_batch_line (batch_id, person_id, street_id, community_id, name, national_id, bank_name, bank_account,
                                         months, monthly_rate_fen, amount_fen, detail)
         SELECT $1, l.person_id, l.street_id, l.community_id, l.name, l.national_id, l.bank_name, l.bank_account,
                l.months, l.monthly_rate_fen, l.amount_fen, l.detail
         FROM jsonb_to_recordset($2::jsonb) AS l(person_id int, street_id int, community_id int, name varchar, national_id varchar,
              bank_name varchar, bank_account varchar, months varchar[], monthly_rate_fen bigint, amount_fen bigint, detail jsonb)`,
        [saved.id, JSON.stringify(slice)],
      );
    }
    return saved;
  }

  /**
   * After a batch's lines are committed: the planner's statistics on the lines, refreshed when they
   * are a large part of the table (a quarter's first batch, a district's whole roster), so that the
   * batch's pages and payroll are planned on the rows they read (`refreshStatisticsAfterWrite`).
   */
  refreshLineStatistics(dataSource: DataSource, written: number): Promise<boolean> {
    return refreshStatisticsAfterWrite(dataSource, 'stipend_batch_line', written);
  }

  /** For each of these people, a live batch of the programme they are already paid in. */
  async liveBatchOf(manager: EntityManager, programmeId: number, personIds: readonly number[]): Promise<Map<number, number>> {
    if (!personIds.length) return new Map();
    const rows: Array<{ person_id: number; batch_id: number }> = await manager.query(
      `SELECT l.person_id, b.id AS batch_id FROM stipend_batch_line l JOIN stipend_batch b ON b.id = l.batch_id
       WHERE b.programme_id = $1 AND b.status <> 'rejected' AND l.person_id = ANY($2::int[])`,
      [programmeId, personIds],
    );
    return new Map(rows.map((row) => [row.person_id, row.batch_id]));
  }

  /** A person's lines in live batches, newest batch first. */
  async paymentsOf(manager: EntityManager, personId: number): Promise<PersonPaymentRow[]> {
    const rows: Array<{
      id: number;
      kind: StipendBatchKind;
      year: number;
      quarter: number | null;
      election_date: string | null;
      status: StipendBatchStatus;
      paid_at: Date | null;
      programme_name: string;
      months: string[];
      amount_fen: string;
    }> = await manager.query(
      `SELECT b.id, b.kind, b.year, b.quarter, b.election_date::text AS election_date, b.status, b.paid_at, pr.name AS programme_name, l.months, l.amount_fen
       FROM stipend_batch_line l JOIN stipend_batch b ON b.id = l.batch_id JOIN stipend_programme pr ON pr.id = b.programme_id
       WHERE l.person_id = $1 AND b.status <> 'rejected' ORDER BY b.id DESC`,
      [personId],
    );
    return rows.map((row) => ({
      batchId: row.id,
      programmeName: row.programme_name,
      kind: row.kind,
      year: row.year,
      quarter: row.quarter,
      electionDate: row.election_date,
      status: row.status,
      months: row.months,
      amountFen: Number(row.amount_fen),
      paidAt: row.paid_at,
    }));
  }
}
