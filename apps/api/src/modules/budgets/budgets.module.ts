import { Module } from '@nestjs/common';
import { BudgetsController } from './budgets.controller.js';
import { BudgetsFiguresRepository } from './budgets-figures.repository.js';
import { BudgetsFiguresService } from './budgets-figures.service.js';
import { BudgetsMetricsRepository } from './budgets-metrics.repository.js';
import { BudgetsMetrics } from './budgets.metrics.js';
import { BudgetsRepository } from './budgets.repository.js';
import { BudgetsService } from './budgets.service.js';
import { DirectExpendituresRepository } from './direct-expenditures.repository.js';
import { LedgerRepository } from './ledger.repository.js';
import { LedgerService } from './ledger.service.js';

@Module({
  controllers: [BudgetsController],
  providers: [
    BudgetsMetrics,
    BudgetsMetricsRepository,
    BudgetsService,
    BudgetsRepository,
    DirectExpendituresRepository,
    LedgerService,
    LedgerRepository,
    BudgetsFiguresRepository,
    BudgetsFiguresService,
  ],
  exports: [BudgetsService, LedgerService, BudgetsFiguresService],
})
export class BudgetsModule {}
