import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AwardsModule } from '../awards/awards.module.js';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { OrgsModule } from '../orgs/orgs.module.js';
import { PerformanceModule } from '../performance/performance.module.js';
import { RollupsController } from './rollups.controller.js';
import { RollupsService } from './rollups.service.js';

/** Roll-ups for city / province officers (issue 13 §6). Owns no table: reads the modules' figure services. */
@Module({
  imports: [OrgsModule, BudgetsModule, ApplicationsModule, AwardsModule, DeliveryModule, PerformanceModule],
  controllers: [RollupsController],
  providers: [RollupsService],
})
export class RollupsModule {}
