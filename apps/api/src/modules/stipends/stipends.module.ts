import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { BuildingLeaderImportService } from './building-leader-import.service.js';
import { BuildingLeadersController } from './building-leaders.controller.js';
import { BuildingLeadersService } from './building-leaders.service.js';
import { RosterRepository } from './roster.repository.js';
import { StipendBatchLinesService } from './stipend-batch-lines.service.js';
import { StipendBatchViewsService } from './stipend-batch-views.service.js';
import { StipendBatchesRepository } from './stipend-batches.repository.js';
import { StipendBatchesService } from './stipend-batches.service.js';
import { StipendDeparturesService } from './stipend-departures.service.js';
import { StipendImportService } from './stipend-import.service.js';
import { StipendPayrollService } from './stipend-payroll.service.js';
import { StipendPeopleService } from './stipend-people.service.js';
import { StipendPersonalDataService } from './stipend-personal-data.service.js';
import { StipendPreviewService } from './stipend-preview.service.js';
import { StipendProgrammesRepository } from './stipend-programmes.repository.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';
import { StipendRatesService } from './stipend-rates.service.js';
import { StipendReminderHandler } from './stipend-reminder.handler.js';
import { StipendRemindersRepository } from './stipend-reminders.repository.js';
import { StipendReminders } from './stipend.reminders.js';
import { StipendReportViewsService } from './stipend-report-views.service.js';
import { StipendReportsRepository } from './stipend-reports.repository.js';
import { StipendReportsService } from './stipend-reports.service.js';
import { StipendRosterService } from './stipend-roster.service.js';
import { StipendsController } from './stipends.controller.js';
import { StipendsMetricsRepository } from './stipends-metrics.repository.js';
import { StipendsMetrics } from './stipends.metrics.js';
import { StipendsFiguresRepository } from './stipends-figures.repository.js';
import { StipendsFiguresService } from './stipends-figures.service.js';
import { StipendsTodo } from './stipends.todo.js';

@Module({
  imports: [BudgetsModule],
  controllers: [StipendsController, BuildingLeadersController],
  providers: [
    // repositories: the module's tables
    RosterRepository,
    StipendProgrammesRepository,
    StipendReportsRepository,
    StipendBatchesRepository,
    StipendRemindersRepository,
    StipendsFiguresRepository,
    StipendsMetricsRepository,
    // programmes, rules and rates
    StipendProgrammesService,
    StipendRatesService,
    // the roster
    StipendRosterService,
    StipendPeopleService,
    StipendImportService,
    BuildingLeadersService,
    BuildingLeaderImportService,
    StipendPersonalDataService,
    // street reports and the district's audit
    StipendReportViewsService,
    StipendReportsService,
    // computations, batches and payroll
    StipendPreviewService,
    StipendDeparturesService,
    StipendBatchLinesService,
    StipendBatchViewsService,
    StipendBatchesService,
    StipendPayrollService,
    // published to other modules
    StipendReminderHandler,
    StipendReminders,
    StipendsFiguresService,
    StipendsMetrics,
    StipendsTodo,
  ],
  exports: [StipendBatchesService, StipendsFiguresService],
})
export class StipendsModule {}
