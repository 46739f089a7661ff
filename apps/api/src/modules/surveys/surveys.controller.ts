import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateInvitationsRequest,
  CreateSurveyRequest,
  SurveyAnswerRequest,
  SurveyListQuery,
} from '@xiaoshi/contracts';
import type { Actor, AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, Public, RequirePermission } from '../../common/route-access.decorator.js';
import { Throttle } from '../../common/throttle.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { SurveyAnswersService } from './survey-answers.service.js';
import { SurveysService } from './surveys.service.js';

@ApiTags('surveys')
@Controller('surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Get()
  @RequirePermission('surveys.read')
  list(@CurrentActor() actor: AuthenticatedActor, @ZodQuery(SurveyListQuery) query: SurveyListQuery) {
    return this.surveys.list(actor.user, query);
  }

  @Post()
  @RequirePermission('surveys.manage')
  create(@CurrentActor() actor: AuthenticatedActor, @ZodBody(CreateSurveyRequest) body: CreateSurveyRequest) {
    return this.surveys.create(actor, body);
  }

  @Get(':id')
  @RequirePermission('surveys.read')
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.surveys.get(actor.user, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission('surveys.manage')
  close(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.surveys.setOpen(actor, id, false);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @RequirePermission('surveys.manage')
  reopen(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.surveys.setOpen(actor, id, true);
  }

  @Post(':id/invitations')
  @RequirePermission('surveys.manage')
  invite(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(CreateInvitationsRequest) body: CreateInvitationsRequest,
  ) {
    return this.surveys.invite(actor, id, body);
  }
}

/** The respondent's side: no login, throttled per address. */
@ApiTags('public')
@Controller('public/surveys')
@Throttle({ bucket: 'public-read', points: 120, durationSeconds: 60 })
export class PublicSurveysController {
  constructor(private readonly answers: SurveyAnswersService) {}

  @Get(':code')
  @Public()
  view(@Param('code') code: string) {
    return this.answers.view(code);
  }

  @Post(':code/tokens')
  @Public()
  @Throttle({ bucket: 'survey-token', points: 30, durationSeconds: 600 })
  token(@Param('code') code: string) {
    return this.answers.issueToken(code);
  }

  @Post(':code/answers')
  @Public()
  @Throttle({ bucket: 'survey-answer', points: 30, durationSeconds: 600 })
  answer(
    @Param('code') code: string,
    @ZodBody(SurveyAnswerRequest) body: SurveyAnswerRequest,
    @CurrentActor() actor: Actor,
  ) {
    return this.answers.answer(code, body, actor);
  }
}
