import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { BuildingLeaderImportService } from './building-leader-import.service.js';
import { BuildingLeadersController } from './building-leaders.controller.js';
import { BuildingLeadersService } from './building-leaders.service.js';
import { RosterRepository } from './roster.repository.js';
import { StipendBatchesService } from './stipend-batches.service.js';
import { StipendImportService } from './stipend-import.service.js';
import { StipendPersonalDataService } from './stipend-personal-data.service.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';
import { StipendRatesService } from './stipend-rates.service.js';
import { StipendReminderHandler } from './stipend-reminder.handler.js';
import { StipendRemindersRepository } from './stipend-reminders.repository.js';
import { StipendReminders } from './stipend.reminders.js';
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
    RosterRepository,
    StipendRatesService,
    BuildingLeadersService,
    BuildingLeaderImportService,
    StipendPersonalDataService,
    StipendsMetrics,
    StipendsMetricsRepository,
    StipendProgrammesService,
    StipendRosterService,
    StipendImportService,
    StipendReportsService,
    StipendBatchesService,
    StipendReminderHandler,
    StipendReminders,
    StipendRemindersRepository,
    StipendsFiguresRepository,
    StipendsFiguresService,
    StipendsTodo,
  ],
  exports: [StipendBatchesService, StipendsFiguresService],
})
export class StipendsModule {}
