import { Module } from '@nestjs/common';
import { BudgetsController } from './budgets.controller.js';
import { BudgetsService } from './budgets.service.js';
import { LedgerService } from './ledger.service.js';

@Module({
  controllers: [BudgetsController],
  providers: [BudgetsService, LedgerService],
  exports: [BudgetsService, LedgerService],
})
export class BudgetsModule {}
