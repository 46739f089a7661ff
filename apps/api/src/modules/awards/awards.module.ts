import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { CompetitionsModule } from '../competitions/competitions.module.js';
import { AwardExportsService } from './award-exports.service.js';
import { CloseNoticesHandler } from './award-jobs.handler.js';
import { AwardsController, PublicAwardsController } from './awards.controller.js';
import { AwardsService } from './awards.service.js';

@Module({
  imports: [BudgetsModule, CompetitionsModule],
  controllers: [AwardsController, PublicAwardsController],
  providers: [AwardsService, AwardExportsService, CloseNoticesHandler],
  exports: [AwardsService],
})
export class AwardsModule {}
