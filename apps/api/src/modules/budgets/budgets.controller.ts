import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  BudgetAdjustmentRequest,
  CreateBudgetLineRequest,
  CreateDirectExpenditureRequest,
  CreateProgrammeRequest,
  ProgrammeListQuery,
} from '@xiaoshi/contracts';
import { z } from 'zod';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { BudgetsService } from './budgets.service.js';

const DirectExpenditureQuery = z.object({ budgetLineId: z.coerce.number().int().positive().optional() });

@ApiTags('budgets')
@Controller()
export class BudgetsController {
  constructor(private readonly budgets: BudgetsService) {}

  @Get('programmes')
  @RequirePermission('budgets.read')
  programmes(@CurrentActor() actor: AuthenticatedActor, @ZodQuery(ProgrammeListQuery) query: ProgrammeListQuery) {
    return this.budgets.listProgrammes(actor.user, query);
  }

  @Post('programmes')
  @RequirePermission('budgets.manage')
  createProgramme(@CurrentActor() actor: AuthenticatedActor, @ZodBody(CreateProgrammeRequest) body: CreateProgrammeRequest) {
    return this.budgets.createProgramme(actor, body);
  }

  @Post('programmes/:id/lines')
  @RequirePermission('budgets.manage')
  createLine(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(CreateBudgetLineRequest) body: CreateBudgetLineRequest,
  ) {
    return this.budgets.createLine(actor, id, body);
  }

  @Get('budget-lines/:id')
  @RequirePermission('budgets.read')
  line(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.budgets.getLine(actor.user, id);
  }

  @Get('budget-lines/:id/ledger')
  @RequirePermission('budgets.read')
  ledger(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.budgets.ledgerEntries(actor.user, id);
  }

  /** 预算调整 with its reason; audited with the before and after totals. */
  @Post('budget-lines/:id/adjustments')
  @RequirePermission('budgets.manage')
  adjust(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(BudgetAdjustmentRequest) body: BudgetAdjustmentRequest,
  ) {
    return this.budgets.adjust(actor, id, body);
  }

  @Get('direct-expenditures')
  @RequirePermission('budgets.read')
  directExpenditures(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodQuery(DirectExpenditureQuery) query: z.infer<typeof DirectExpenditureQuery>,
  ) {
    return this.budgets.listDirectExpenditures(actor.user, query.budgetLineId);
  }

  @Post('direct-expenditures')
  @RequirePermission('budgets.manage')
  createDirectExpenditure(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodBody(CreateDirectExpenditureRequest) body: CreateDirectExpenditureRequest,
  ) {
    return this.budgets.createDirectExpenditure(actor, body);
  }
}
