import { Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AgreementListQuery,
  CreateAgreementRequest,
  CreateEvaluationRequest,
  CreateSocialOrgRequest,
  UpdateSocialOrgRequest,
} from '@xiaoshi/contracts';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { AgreementsService } from './agreements.service.js';
import { SocialOrgsService } from './social-orgs.service.js';
import { TranchePaymentsService } from './tranche-payments.service.js';

/** The social organisations registry, service agreements, evaluations and tranche payments. */
@ApiTags('social-orgs')
@Controller()
export class SocialOrgsController {
  constructor(
    private readonly orgs: SocialOrgsService,
    private readonly agreements: AgreementsService,
    private readonly tranches: TranchePaymentsService,
  ) {}

  @Get('social-orgs')
  @RequirePermission('social_orgs.read')
  list(@CurrentActor() actor: AuthenticatedActor) {
    return this.orgs.list(actor.user);
  }

  @Post('social-orgs')
  @RequirePermission('social_orgs.manage')
  create(@CurrentActor() actor: AuthenticatedActor, @ZodBody(CreateSocialOrgRequest) body: CreateSocialOrgRequest) {
    return this.orgs.create(actor, body);
  }

  @Get('social-orgs/:id')
  @RequirePermission('social_orgs.read')
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.orgs.get(actor.user, id);
  }

  @Patch('social-orgs/:id')
  @RequirePermission('social_orgs.manage')
  update(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(UpdateSocialOrgRequest) body: UpdateSocialOrgRequest,
  ) {
    return this.orgs.update(actor, id, body);
  }

  /** The contact's phone in clear (district admins and finance), audited. */
  @Post('social-orgs/:id/reveal-contact')
  @HttpCode(200)
  @RequirePermission('social_orgs.read')
  revealContact(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.orgs.revealContact(actor, id);
  }

  @Get('social-org-agreements')
  @RequirePermission('social_orgs.read')
  agreementList(@CurrentActor() actor: AuthenticatedActor, @ZodQuery(AgreementListQuery) query: AgreementListQuery) {
    return this.agreements.list(actor.user, query);
  }

  @Post('social-org-agreements')
  @RequirePermission('social_orgs.manage')
  createAgreement(@CurrentActor() actor: AuthenticatedActor, @ZodBody(CreateAgreementRequest) body: CreateAgreementRequest) {
    return this.agreements.create(actor, body);
  }

  @Get('social-org-agreements/:id')
  @RequirePermission('social_orgs.read')
  agreement(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.agreements.get(actor.user, id);
  }

  /** 督导评估: scores per criterion; passes at the agreement's pass mark. */
  @Post('social-org-agreements/:id/evaluations')
  @RequirePermission('social_orgs.manage')
  evaluate(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(CreateEvaluationRequest) body: CreateEvaluationRequest,
  ) {
    return this.agreements.evaluate(actor, id, body);
  }

  /** Commits the tranche on the line and requests its payment; the 尾款 only after a passed evaluation. */
  @Post('social-org-tranches/:id/request-payment')
  @HttpCode(200)
  @RequirePermission('social_orgs.manage')
  requestPayment(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.tranches.request(actor, id);
  }
}
