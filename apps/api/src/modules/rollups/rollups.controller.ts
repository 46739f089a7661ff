import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RollupQuery } from '@xiaoshi/contracts';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { ZodQuery } from '../../common/validation.js';
import { RollupsService } from './rollups.service.js';

/** Read-only roll-ups across the districts below a city or province (issue 13 §6). */
@ApiTags('rollups')
@Controller('rollups')
export class RollupsController {
  constructor(private readonly rollups: RollupsService) {}

  @Get()
  @RequirePermission('rollups.read')
  list(@CurrentActor() actor: AuthenticatedActor, @ZodQuery(RollupQuery) query: RollupQuery) {
    return this.rollups.rollup(actor.user, query);
  }
}
