import { Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CompetitionListQuery, CreateCompetitionRequest, UpdateCompetitionRequest } from '@xiaoshi/contracts';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { CompetitionsService } from './competitions.service.js';

@ApiTags('competitions')
@Controller('competitions')
export class CompetitionsController {
  constructor(private readonly competitions: CompetitionsService) {}

  @Get()
  @RequirePermission('competitions.read')
  list(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodQuery(CompetitionListQuery) query: CompetitionListQuery,
  ) {
    return this.competitions.list(actor.user, query);
  }

  @Get(':id')
  @RequirePermission('competitions.read')
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.competitions.get(actor.user, id);
  }

  @Post()
  @RequirePermission('competitions.manage')
  create(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodBody(CreateCompetitionRequest) body: CreateCompetitionRequest,
  ) {
    return this.competitions.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('competitions.manage')
  update(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(UpdateCompetitionRequest) body: UpdateCompetitionRequest,
  ) {
    return this.competitions.update(actor, id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequirePermission('competitions.manage')
  publish(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.competitions.setStatus(actor, id, 'published');
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission('competitions.manage')
  close(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.competitions.setStatus(actor, id, 'closed');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission('competitions.manage')
  cancel(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.competitions.setStatus(actor, id, 'cancelled');
  }

  /** Each street's submissions against its minimum (每个街道申报不少于 N 个). */
  @Get(':id/street-progress')
  @RequirePermission('competitions.read')
  streetProgress(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.competitions.streetProgress(actor.user, id);
  }
}
