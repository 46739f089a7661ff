import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AwardsModule } from '../awards/awards.module.js';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { CompetitionsModule } from '../competitions/competitions.module.js';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { OrgsModule } from '../orgs/orgs.module.js';
import { PaymentsModule } from '../payments/payments.module.js';
import { ReviewsModule } from '../reviews/reviews.module.js';
import { StipendsModule } from '../stipends/stipends.module.js';
import { DashboardScopeService } from './dashboard-scope.service.js';
import { DashboardsController } from './dashboards.controller.js';
import { DashboardsService } from './dashboards.service.js';
import { WorkbenchFiguresService } from './workbench-figures.service.js';
import { WorkbenchService } from './workbench.service.js';

/**
 * Dashboards and the 工作台 (issue 11 §7–8). Owns no table: it reads the figure services the
 * source modules export, and discovers their `@TodoSource()` providers at run time.
 */
@Module({
  imports: [
    DiscoveryModule,
    OrgsModule,
    CompetitionsModule,
    BudgetsModule,
    ApplicationsModule,
    AwardsModule,
    ReviewsModule,
    DeliveryModule,
    PaymentsModule,
    StipendsModule,
  ],
  controllers: [DashboardsController],
  providers: [DashboardScopeService, DashboardsService, WorkbenchService, WorkbenchFiguresService],
})
export class DashboardsModule {}
