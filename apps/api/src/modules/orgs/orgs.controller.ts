import { Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateOrgUnitRequest, OrgUnitListQuery, UpdateOrgUnitRequest } from '@xiaoshi/contracts';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { OrgsService } from './orgs.service.js';

@ApiTags('org-units')
@Controller('org-units')
export class OrgsController {
  constructor(private readonly orgs: OrgsService) {}

  @Get()
  @RequirePermission('orgs.read')
  list(@CurrentActor() actor: AuthenticatedActor, @ZodQuery(OrgUnitListQuery) query: OrgUnitListQuery) {
    return this.orgs.list(actor.user, query);
  }

  /** Partner organisations a joint (社区+高校) entry may name. */
  @Get('partners')
  @RequirePermission('competitions.read')
  partners(@CurrentActor() actor: AuthenticatedActor) {
    return this.orgs.partners(actor.user);
  }

  @Get(':id')
  @RequirePermission('orgs.read')
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.orgs.get(actor.user, id);
  }

  @Post()
  @RequirePermission('orgs.create')
  create(@CurrentActor() actor: AuthenticatedActor, @ZodBody(CreateOrgUnitRequest) body: CreateOrgUnitRequest) {
    return this.orgs.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('orgs.update')
  update(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(UpdateOrgUnitRequest) body: UpdateOrgUnitRequest,
  ) {
    return this.orgs.update(actor, id, body);
  }
}
