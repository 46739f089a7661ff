import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { PaymentsModule } from '../payments/payments.module.js';
import { AgreementsService } from './agreements.service.js';
import { SocialOrgsController } from './social-orgs.controller.js';
import { SocialOrgsMetrics } from './social-orgs.metrics.js';
import { SocialOrgsRepository } from './social-orgs.repository.js';
import { SocialOrgsService } from './social-orgs.service.js';
import { TranchePaymentsService } from './tranche-payments.service.js';

/** Social organisations (issue 15): registry, agreements, evaluations, tranche payments. */
@Module({
  imports: [BudgetsModule, PaymentsModule],
  controllers: [SocialOrgsController],
  providers: [SocialOrgsRepository, SocialOrgsService, AgreementsService, TranchePaymentsService, SocialOrgsMetrics],
  exports: [SocialOrgsService, AgreementsService, TranchePaymentsService],
})
export class SocialOrgsModule {}
