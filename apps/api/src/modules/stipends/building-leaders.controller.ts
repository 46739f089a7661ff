import { Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  BuildingLeaderRateQuery,
  CreateBuildingLeaderRequest,
  UpdateBuildingLeaderRequest,
} from '@xiaoshi/contracts';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { BuildingLeadersService } from './building-leaders.service.js';
import { StipendPersonalDataService } from './stipend-personal-data.service.js';

/**
 * Building leaders' (楼栋长) roster edits and rates, and the audited reveal of one roster person's
 * personal data. Reports, batches and payroll are the stipend routes (stipends.controller.ts).
 */
@ApiTags('stipends')
@Controller('stipends')
export class BuildingLeadersController {
  constructor(
    private readonly leaders: BuildingLeadersService,
    private readonly personalData: StipendPersonalDataService,
  ) {}

  @Post('programmes/:id/building-leaders')
  @RequirePermission('stipends.roster')
  create(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(CreateBuildingLeaderRequest) body: CreateBuildingLeaderRequest,
  ) {
    return this.leaders.create(actor, id, body);
  }

  @Patch('building-leaders/:id')
  @RequirePermission('stipends.roster')
  update(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(UpdateBuildingLeaderRequest) body: UpdateBuildingLeaderRequest,
  ) {
    return this.leaders.update(actor, id, body);
  }

  /** What covering this many buildings and households pays a month under the table of a day. */
  @Get('programmes/:id/building-leader-rate')
  @RequirePermission('stipends.read')
  rate(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodQuery(BuildingLeaderRateQuery) query: BuildingLeaderRateQuery,
  ) {
    return this.leaders.rate(actor.user, id, query);
  }

  /** One person's ID number, bank account and phone in clear; audited each time. */
  @Post('people/:id/reveal')
  @HttpCode(200)
  @RequirePermission('stipends.reveal')
  reveal(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.personalData.reveal(actor, id);
  }
}
