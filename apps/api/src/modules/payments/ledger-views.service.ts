import { Injectable } from '@nestjs/common';
import type { LedgerDashboardView } from '@xiaoshi/contracts';
import { ledgerFigures, sumLedgerTotals } from '@xiaoshi/domain';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { LedgerViewsRepository } from './ledger-views.repository.js';

/** Projects counted as accepted on the ledger dashboard. */
const ACCEPTED_PROJECT_STATES = ['accepted'] as const;

/**
 * The ledger dashboard (预算执行): budget vs committed vs paid by line with the execution rate, the
 * total of the lines, and by street what was awarded and paid. The arithmetic is libs/domain's
 * ledger rules, the same the budgets pages and the dashboards use.
 */
@Injectable()
export class LedgerViewsService {
  constructor(
    private readonly repository: LedgerViewsRepository,
    private readonly access: AccessService,
  ) {}

  async dashboard(user: AuthUser, year?: number): Promise<LedgerDashboardView> {
    this.access.requirePermission(user, 'budgets.read');
    const [lines, streets] = await Promise.all([
      this.repository.lines(user, year ?? null),
      this.repository.streets(user, ACCEPTED_PROJECT_STATES),
    ]);
    const byLine = lines.map((line) => {
      const figures = ledgerFigures(line);
      return {
        budgetLineId: line.budgetLineId,
        name: line.name,
        programme: line.programme,
        year: line.year,
        budgetFen: figures.adjustedBudgetFen,
        committedFen: figures.committedFen,
        paidFen: figures.paidFen,
        executionRateBp: figures.executionRateBp,
      };
    });
    const total = ledgerFigures(sumLedgerTotals(lines));
    return {
      byLine,
      total: {
        budgetFen: total.adjustedBudgetFen,
        committedFen: total.committedFen,
        paidFen: total.paidFen,
        executionRateBp: total.executionRateBp,
      },
      byStreet: streets,
    };
  }
}
