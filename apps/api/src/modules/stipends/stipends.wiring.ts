import type { DataSource } from 'typeorm';
import type { AccessService } from '../access/access.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { LedgerService } from '../budgets/ledger.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { BuildingLeadersService } from './building-leaders.service.js';
import { RosterRepository } from './roster.repository.js';
import { StipendBatchLinesService } from './stipend-batch-lines.service.js';
import { StipendBatchViewsService } from './stipend-batch-views.service.js';
import { StipendBatchesRepository } from './stipend-batches.repository.js';
import { StipendBatchesService } from './stipend-batches.service.js';
import { StipendDeparturesService } from './stipend-departures.service.js';
import { StipendPayrollService } from './stipend-payroll.service.js';
import { StipendPeopleService } from './stipend-people.service.js';
import { StipendPreviewService } from './stipend-preview.service.js';
import { StipendProgrammesRepository } from './stipend-programmes.repository.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';
import { StipendRatesService } from './stipend-rates.service.js';
import { StipendReportViewsService } from './stipend-report-views.service.js';
import { StipendReportsRepository } from './stipend-reports.repository.js';
import { StipendReportsService } from './stipend-reports.service.js';
import { StipendRosterService } from './stipend-roster.service.js';

export type StipendServices = ReturnType<typeof stipendServices>;

/**
 * The stipend services wired by hand over a DataSource — the graph StipendsModule builds, less
 * the Excel imports — for code that runs without Nest (the demo seed, apps/api/src/seed). Callers
 * use the same public methods the routes call: `programmes.create`, `leaders.create`,
 * `reports.submit` / `approve`, `batches.generate` / `approve` / `markPaid`, and the rest.
 */
export function stipendServices(
  dataSource: DataSource,
  shared: { access: AccessService; audit: AuditService; ledger: LedgerService; notifications: NotificationsService },
) {
  const { access, audit, ledger, notifications } = shared;
  const rosterRepository = new RosterRepository(access);
  const programmesRepository = new StipendProgrammesRepository(access);
  const reportsRepository = new StipendReportsRepository(access);
  const batchesRepository = new StipendBatchesRepository(access);

  const programmes = new StipendProgrammesService(dataSource, access, audit, programmesRepository);
  const rates = new StipendRatesService(programmesRepository, rosterRepository);
  const roster = new StipendRosterService(dataSource, access, programmes, rosterRepository, batchesRepository);
  const people = new StipendPeopleService(dataSource, audit, programmes, roster, rosterRepository);
  const leaders = new BuildingLeadersService(dataSource, audit, programmes, roster, rates, rosterRepository);
  const reportViews = new StipendReportViewsService(dataSource, access, programmes, reportsRepository);
  const reports = new StipendReportsService(
    dataSource,
    access,
    audit,
    notifications,
    programmes,
    rates,
    reportViews,
    reportsRepository,
    rosterRepository,
    batchesRepository,
  );
  const preview = new StipendPreviewService(dataSource, programmes, rates, rosterRepository);
  const departures = new StipendDeparturesService(
    dataSource,
    programmes,
    rates,
    rosterRepository,
    batchesRepository,
    programmesRepository,
  );
  const batchViews = new StipendBatchViewsService(dataSource, access, batchesRepository);
  const batchLines = new StipendBatchLinesService(rates, departures, batchesRepository);
  const batches = new StipendBatchesService(dataSource, audit, ledger, programmes, batchLines, batchViews, batchesRepository);
  const payroll = new StipendPayrollService(dataSource, audit, programmes, batchViews, batchesRepository);
  return { programmes, rates, roster, people, leaders, reportViews, reports, preview, departures, batchViews, batches, payroll };
}
