import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type StipendReportView, type StipendStreetReportStatus } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { personalData, programmeQuarter } from './stipend-common.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';
import { StipendReportsRepository } from './stipend-reports.repository.js';
import type { StipendStreetReport } from './stipend-street-report.entity.js';

/**
 * Street reports as people read them: the quarter's 报送情况 street by street, and one report with
 * its frozen entries (masked for every role) and the changes it carries. Also the report scope
 * check the audit uses.
 */
@Injectable()
export class StipendReportViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly programmes: StipendProgrammesService,
    private readonly repository: StipendReportsRepository,
  ) {}

  /** A report of a street in the user's scope, 404 otherwise. */
  async reachable(
    user: AuthUser,
    id: number,
    permission: 'stipends.read' | 'stipends.audit',
    manager: EntityManager,
    lock = false,
  ): Promise<StipendStreetReport> {
    await this.access.requireRows(user, permission, 'stipend_street_report', 'street_id', [id], manager);
    const report = await this.repository.find(manager, id, lock);
    if (!report) throw new DomainError('NOT_FOUND');
    return report;
  }

  /** 季度报送情况: for each street in scope, its roster size and its report for the quarter. */
  async statusFor(user: AuthUser, programmeId: number, year: number, quarter: number): Promise<StipendStreetReportStatus[]> {
    const programme = await this.programmes.reachable(user, programmeId, 'stipends.read');
    this.programmes.requireKind(programme, 'monthly_quarterly');
    const manager = this.dataSource.manager;
    const streets = await this.repository.streetsInScope(manager, user, programme.unitId);
    if (!streets.length) return [];
    const period = programmeQuarter(programmeId, year, quarter);
    const streetIds = streets.map((street) => street.id);
    const counts = await this.repository.rosterCounts(manager, period, streetIds);
    const reports = await this.repository.reportsOfStreets(manager, period, streetIds);
    return streets.map((street) => {
      const report = reports.find((candidate) => candidate.streetId === street.id);
      return {
        street,
        rosterPeople: counts.get(street.id) ?? 0,
        dueDate: period.end,
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

  async get(user: AuthUser, id: number, manager: EntityManager = this.dataSource.manager): Promise<StipendReportView> {
    const report = await this.reachable(user, id, 'stipends.read', manager);
    const parties = await this.repository.parties(manager, id);
    const entries = await this.repository.entries(manager, id);
    // Masked for every role: the clear values are an audited reveal of one person.
    const show = personalData(false);
    return {
      id: report.id,
      programmeId: report.programmeId,
      street: { id: report.streetId, name: parties.streetName },
      year: report.year,
      quarter: report.quarter,
      status: report.status,
      note: report.note,
      peopleCount: report.peopleCount,
      monthlyTotalFen: report.monthlyTotalFen,
      changes: report.changes,
      entries: entries.map((entry) => ({
        ...entry,
        nationalId: show.nationalId(entry.nationalId),
        bankAccount: show.bankAccount(entry.bankAccount),
      })),
      submittedBy: parties.submittedBy,
      submittedAt: report.submittedAt.toISOString(),
      auditedBy: parties.auditedBy,
      auditedAt: report.auditedAt?.toISOString() ?? null,
      returnReason: report.returnReason,
      version: report.version,
    };
  }
}
