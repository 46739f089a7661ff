import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { StipendBatchesService } from './stipend-batches.service.js';
import { StipendImportService } from './stipend-import.service.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';
import { StipendReminderHandler } from './stipend-reminder.handler.js';
import { StipendReportsService } from './stipend-reports.service.js';
import { StipendRosterService } from './stipend-roster.service.js';
import { StipendsController } from './stipends.controller.js';

@Module({
  imports: [BudgetsModule],
  controllers: [StipendsController],
  providers: [
    StipendProgrammesService,
    StipendRosterService,
    StipendImportService,
    StipendReportsService,
    StipendBatchesService,
    StipendReminderHandler,
  ],
  exports: [StipendBatchesService],
})
export class StipendsModule {}
