import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { StipendPerson } from './stipend-person.entity.js';
import { StipendReportEntry } from './stipend-report-entry.entity.js';
import { StipendStreetReport } from './stipend-street-report.entity.js';

/**
 * The people of a roster who matter for a quarter: eligible by its last day, not removed before
 * it began, not dead before it began. `$1` programme, `$2` quarter start, `$3` quarter end.
 */
export const RELEVANT_TO_QUARTER = `p.programme_id = $1 AND p.eligible_from <= $3
  AND (p.removed_on IS NULL OR p.removed_on > $2) AND (p.death_date IS NULL OR p.death_date >= $2)`;

/** A quarter of a programme: `start` and `end` are its first and last days. */
export interface ProgrammeQuarter {
  programmeId: number;
  year: number;
  quarter: number;
  start: string;
  end: string;
}

/** Who submitted and who audited a report, and its street's name. */
export interface ReportPartiesRow {
  streetName: string;
  submittedBy: string | null;
  auditedBy: string | null;
}

/** A frozen entry of a report, with its community's name — in clear. */
export interface ReportEntryRow {
  personId: number;
  name: string;
  nationalId: string;
  community: string;
  monthlyRateFen: number;
  eligibleFrom: string;
  eligibleUntil: string | null;
  status: string;
  bankName: string;
  bankAccount: string;
}

/**
 * Street reports (stipend_street_report) and their frozen entries (stipend_report_entry), and the
 * roster people a report freezes. Scope conditions come from AccessService; nothing here decides.
 */
@Injectable()
export class StipendReportsRepository {
  constructor(private readonly access: AccessService) {}

  /** Streets of the district within the user's scope. */
  streetsInScope(manager: EntityManager, user: AuthUser, districtId: number): Promise<Array<{ id: number; name: string }>> {
    return manager.query(
      `SELECT s.id, s.name FROM org_unit s
       WHERE s.kind = 'street' AND s.ancestor_ids @> ARRAY[$2::int] AND ${this.access.unitScopeCondition(user, 's.id', 1)}
       ORDER BY s.id`,
      [user.unit.id, districtId],
    );
  }

  /** How many people of the roster matter for the quarter, per street. */
  async rosterCounts(manager: EntityManager, period: ProgrammeQuarter, streetIds: readonly number[]): Promise<Map<number, number>> {
    const rows: Array<{ street_id: number; people: number }> = await manager.query(
      `SELECT p.street_id, count(*)::int AS people FROM stipend_person p WHERE ${RELEVANT_TO_QUARTER} AND p.street_id = ANY($4::int[]) GROUP BY p.street_id`,
      [period.programmeId, period.start, period.end, streetIds],
    );
    return new Map(rows.map((row) => [row.street_id, row.people]));
  }

  reportsOfStreets(manager: EntityManager, period: ProgrammeQuarter, streetIds: readonly number[]): Promise<StipendStreetReport[]> {
    const { programmeId, year, quarter } = period;
    return manager.find(StipendStreetReport, {
      where: streetIds.map((streetId) => ({ programmeId, streetId, year, quarter })),
    });
  }

  find(manager: EntityManager, id: number, lock = false): Promise<StipendStreetReport | null> {
    return manager.findOne(StipendStreetReport, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** The street's report of the quarter, row-locked, if it has one. */
  lockStreetReport(manager: EntityManager, period: ProgrammeQuarter, streetId: number): Promise<StipendStreetReport | null> {
    const { programmeId, year, quarter } = period;
    return manager.findOne(StipendStreetReport, {
      where: { programmeId, streetId, year, quarter },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async parties(manager: EntityManager, id: number): Promise<ReportPartiesRow> {
    const [row]: Array<{ street_name: string; submitted_by: string | null; audited_by: string | null }> = await manager.query(
      `SELECT s.name AS street_name, su.display_name AS submitted_by, au.display_name AS audited_by
       FROM stipend_street_report r JOIN org_unit s ON s.id = r.street_id
       JOIN app_user su ON su.id = r.submitted_by_user_id LEFT JOIN app_user au ON au.id = r.audited_by_user_id
       WHERE r.id = $1`,
      [id],
    );
    return { streetName: row.street_name, submittedBy: row.submitted_by, auditedBy: row.audited_by };
  }

  async entries(manager: EntityManager, reportId: number): Promise<ReportEntryRow[]> {
    const rows: Array<{
      person_id: number;
      name: string;
      national_id: string;
      community: string;
      monthly_rate_fen: string;
      eligible_from: string;
      eligible_until: string | null;
      status: string;
      bank_name: string;
      bank_account: string;
    }> = await manager.query(
      `SELECT e.person_id, e.name, e.national_id, c.name AS community, e.monthly_rate_fen, e.eligible_from::text AS eligible_from,
              e.eligible_until::text AS eligible_until, e.status, e.bank_name, e.bank_account
       FROM stipend_report_entry e JOIN org_unit c ON c.id = e.community_id WHERE e.report_id = $1 ORDER BY e.person_id`,
      [reportId],
    );
    return rows.map((row) => ({
      personId: row.person_id,
      name: row.name,
      nationalId: row.national_id,
      community: row.community,
      monthlyRateFen: Number(row.monthly_rate_fen),
      eligibleFrom: row.eligible_from,
      eligibleUntil: row.eligible_until,
      status: row.status,
      bankName: row.bank_name,
      bankAccount: row.bank_account,
    }));
  }

  /** The street's people who matter for the quarter, row-locked while the report freezes them, by id. */
  async lockPeopleOfQuarter(manager: EntityManager, period: ProgrammeQuarter, streetId: number): Promise<StipendPerson[]> {
    const ids: Array<{ id: number }> = await manager.query(
      `SELECT p.id FROM stipend_person p WHERE ${RELEVANT_TO_QUARTER} AND p.street_id = $4 ORDER BY p.id FOR UPDATE`,
      [period.programmeId, period.start, period.end, streetId],
    );
    if (!ids.length) return [];
    return manager.find(StipendPerson, { where: { id: In(ids.map((row) => row.id)) }, order: { id: 'ASC' } });
  }

  /** The entries of the street's latest approved report before the quarter (none for a first report). */
  async previousApprovedEntries(manager: EntityManager, period: ProgrammeQuarter, streetId: number): Promise<StipendReportEntry[]> {
    const [previous]: Array<{ id: number }> = await manager.query(
      `SELECT id FROM stipend_street_report WHERE programme_id = $1 AND street_id = $2 AND status = 'approved'
         AND (year, quarter) < ($3, $4) ORDER BY year DESC, quarter DESC LIMIT 1`,
      [period.programmeId, streetId, period.year, period.quarter],
    );
    return previous ? manager.findBy(StipendReportEntry, { reportId: previous.id }) : [];
  }

  newReport(manager: EntityManager, fields: Partial<StipendStreetReport>): StipendStreetReport {
    return manager.create(StipendStreetReport, fields);
  }

  save(manager: EntityManager, report: StipendStreetReport): Promise<StipendStreetReport> {
    return manager.save(report);
  }

  /** Replaces the report's frozen entries (a resubmission freezes the roster again). */
  async replaceEntries(
    manager: EntityManager,
    reportId: number,
    entries: ReadonlyArray<Omit<StipendReportEntry, 'id' | 'reportId' | 'report' | 'person' | 'community'>>,
  ): Promise<void> {
    await manager.delete(StipendReportEntry, { reportId });
    if (!entries.length) return;
    await manager.save(
      entries.map((entry) => manager.create(StipendReportEntry, { ...entry, reportId })),
      { chunk: 200 },
    );
  }
}
