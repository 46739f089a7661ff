import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DashboardQuery } from '@xiaoshi/contracts';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { ZodQuery } from '../../common/validation.js';
import { DashboardsService } from './dashboards.service.js';
import { WorkbenchService } from './workbench.service.js';

/** Read-only: the dashboards (district and street figures) and the signed-in user's 工作台. */
@ApiTags('dashboards')
@Controller()
export class DashboardsController {
  constructor(
    private readonly dashboards: DashboardsService,
    private readonly workbench: WorkbenchService,
  ) {}

  @Get('dashboards')
  @RequirePermission('dashboards.read')
  overview(@CurrentActor() actor: AuthenticatedActor, @ZodQuery(DashboardQuery) query: DashboardQuery) {
    return this.dashboards.overview(actor.user, query);
  }

  /** 待办 and key figures for whoever is signed in; every role has me.read. */
  @Get('workbench')
  @RequirePermission('me.read')
  mine(@CurrentActor() actor: AuthenticatedActor) {
    return this.workbench.workbench(actor.user);
  }
}
