import { Injectable } from '@nestjs/common';
import type { DashboardQuery, DashboardView } from '@xiaoshi/contracts';
import type { AuthUser } from '../../common/actor.js';
import { ApplicationsFiguresService } from '../applications/applications-figures.service.js';
import { AwardsFiguresService } from '../awards/awards-figures.service.js';
import { BudgetsFiguresService } from '../budgets/budgets-figures.service.js';
import { DeliveryFiguresService } from '../delivery/delivery-figures.service.js';
import { PaymentsFiguresService } from '../payments/payments-figures.service.js';
import { StipendsFiguresService } from '../stipends/stipends-figures.service.js';
import * as assemble from './dashboard-assembly.js';
import { DashboardScopeService, type ResolvedScope } from './dashboard-scope.service.js';

/**
 * The district's and a street's dashboard (issue 11 §7): budget execution by line, street and
 * month, the pipeline funnel, the acceptance pass rate and stipend payments by quarter. Reads only
 * through the source modules' figure services and writes nothing.
 */
@Injectable()
export class DashboardsService {
  constructor(
    private readonly scopes: DashboardScopeService,
    private readonly budgets: BudgetsFiguresService,
    private readonly applications: ApplicationsFiguresService,
    private readonly awards: AwardsFiguresService,
    private readonly delivery: DeliveryFiguresService,
    private readonly payments: PaymentsFiguresService,
    private readonly stipends: StipendsFiguresService,
  ) {}

  async overview(user: AuthUser, query: DashboardQuery, now = new Date()): Promise<DashboardView> {
    const scope = await this.scopes.resolve(user, query, now);
    const { money, pipeline } = scope;
    const narrowed = pipeline.competitionId !== null;
    const [lines, awards, payments, stipendMoney, projects, pipelineAwards, pipelineProjects] =
      await Promise.all([
        this.budgets.lines(money.year, money.districtId),
        this.awards.approvedByStreetAndLine(money),
        this.payments.paidByStreetAndLine(money),
        this.stipends.byStreetAndLine(money),
        this.delivery.projectsByStreet(money),
        narrowed ? this.awards.approvedByStreetAndLine(pipeline) : null,
        narrowed ? this.delivery.projectsByStreet(pipeline) : null,
      ]);
    const [months, funnelCounts, paid, passRate, stipends] = await Promise.all([
      this.months(scope),
      this.applications.funnel(pipeline),
      this.payments.projectsPaid(pipeline),
      this.delivery.passRate(pipeline),
      this.stipends.quarterly(money),
    ]);
    const streetMoney = { awards, payments, stipends: stipendMoney };
    const streetView = scope.view.kind === 'street';
    return {
      scope: scope.view,
      total: streetView ? null : assemble.districtTotal(lines),
      byLine: streetView ? assemble.streetLines(lines, streetMoney) : assemble.districtLines(lines),
      byStreet: assemble.streets(streetView ? [scope.view.unit] : scope.view.streets, streetMoney, projects),
      byMonth: months,
      funnel: assemble.funnel(funnelCounts, pipelineAwards ?? awards, pipelineProjects ?? projects, paid),
      passRate: assemble.passRate(passRate),
      stipends,
      computedAt: now.toISOString(),
    };
  }

  /** District: the ledger by month. Street: what was paid to it (payments and stipends) by month. */
  private async months({ view, money }: ResolvedScope) {
    if (view.kind === 'district')
      return assemble.districtMonths(await this.budgets.months(money.year, money.districtId));
    const [payments, stipends] = await Promise.all([
      this.payments.paidByMonth(money),
      this.stipends.paidByMonth(money),
    ]);
    return assemble.streetMonths(payments, stipends);
  }
}
