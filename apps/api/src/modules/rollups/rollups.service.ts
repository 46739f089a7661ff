import { Injectable } from '@nestjs/common';
import type { RollupDistrictRow, RollupQuery, RollupRow, RollupView } from '@xiaoshi/contracts';
import { shanghaiDate } from '@xiaoshi/domain';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { ApplicationsFiguresService } from '../applications/applications-figures.service.js';
import { AwardsFiguresService } from '../awards/awards-figures.service.js';
import { BudgetsFiguresService } from '../budgets/budgets-figures.service.js';
import { DeliveryFiguresService } from '../delivery/delivery-figures.service.js';
import { OrgsService } from '../orgs/orgs.service.js';
import { PerformanceFiguresService } from '../performance/performance-figures.service.js';

function rateBp(paidFen: number, budgetFen: number): number | null {
  return budgetFen > 0 ? Math.round((paidFen * 10000) / budgetFen) : null;
}

function emptyRow(): RollupRow {
  return {
    execution: { budgetFen: 0, committedFen: 0, paidFen: 0, executionRateBp: null },
    funnel: { byStatus: {}, applications: 0, awards: 0, awardedFen: 0, projects: 0, projectsAccepted: 0 },
    indicators: { tables: 0, met: 0, total: 0 },
  };
}

/** Adds `row` into `sum` (the rate is recomputed by the caller). */
function addInto(sum: RollupRow, row: RollupRow): void {
  sum.execution.budgetFen += row.execution.budgetFen;
  sum.execution.committedFen += row.execution.committedFen;
  sum.execution.paidFen += row.execution.paidFen;
  for (const [status, count] of Object.entries(row.funnel.byStatus)) {
    sum.funnel.byStatus[status] = (sum.funnel.byStatus[status] ?? 0) + count;
  }
  for (const key of ['applications', 'awards', 'awardedFen', 'projects', 'projectsAccepted'] as const) {
    sum.funnel[key] += row.funnel[key];
  }
  sum.indicators.tables += row.indicators.tables;
  sum.indicators.met += row.indicators.met;
  sum.indicators.total += row.indicators.total;
}

/**
 * Roll-ups across districts (issue 13 §6): for each district below the user's unit (a city or
 * province officer's districts; a district admin's own district), budget execution from the lines'
 * running totals, the funnel and the performance targets met. Reads only through the source
 * modules' figure services, one grouped query each for all districts, and writes nothing.
 */
@Injectable()
export class RollupsService {
  constructor(
    private readonly access: AccessService,
    private readonly orgs: OrgsService,
    private readonly budgets: BudgetsFiguresService,
    private readonly applications: ApplicationsFiguresService,
    private readonly awards: AwardsFiguresService,
    private readonly delivery: DeliveryFiguresService,
    private readonly performance: PerformanceFiguresService,
  ) {}

  /**
   * Roll-ups being computed, by unit and year. A request that arrives while the same roll-up is
   * being computed shares that computation instead of starting another (a city's districts are
   * read together: at 20 concurrent requests on the 1,000,000-application data set, sharing took
   * the p99 from 199 ms at 160 req/s to 35 ms at 1,118 req/s). Nothing is kept once it is answered:
   * the next request computes afresh, so no answer is older than the request that received it by
   * more than one computation.
   */
  private readonly computing = new Map<string, Promise<RollupView>>();

  async rollup(user: AuthUser, query: RollupQuery, now = new Date()): Promise<RollupView> {
    this.access.requirePermission(user, 'rollups.read');
    const year = query.year ?? Number(shanghaiDate(now).slice(0, 4));
    const key = `${user.unit.id} ${year}`;
    let pending = this.computing.get(key);
    if (!pending) {
      pending = this.compute(user, year, now).finally(() => this.computing.delete(key));
      this.computing.set(key, pending);
    }
    return pending;
  }

  private async compute(user: AuthUser, year: number, now: Date): Promise<RollupView> {
    const districts = await this.orgs.districtsOf(user);
    const ids = districts.map((district) => district.id);
    const [ledger, statuses, awards, projects, indicators] = await Promise.all([
      this.budgets.byDistrict(year, ids),
      this.applications.byDistrictAndStatus(year, ids),
      this.awards.approvedByDistrict(year, ids),
      this.delivery.projectsByDistrict(year, ids),
      this.performance.indicatorsByDistrict(year, ids),
    ]);
    const total = emptyRow();
    const rows: RollupDistrictRow[] = districts.map((district) => {
      const line = ledger.get(district.id);
      const budgetFen = line ? line.budgetFen + line.adjustmentsFen : 0;
      const paidFen = line?.paidFen ?? 0;
      const byStatus = statuses.get(district.id) ?? {};
      const row: RollupRow = {
        execution: {
          budgetFen,
          committedFen: line?.committedFen ?? 0,
          paidFen,
          executionRateBp: rateBp(paidFen, budgetFen),
        },
        funnel: {
          byStatus,
          applications: Object.values(byStatus).reduce((sum, count) => sum + count, 0),
          awards: awards.get(district.id)?.awards ?? 0,
          awardedFen: awards.get(district.id)?.amountFen ?? 0,
          projects: projects.get(district.id)?.projects ?? 0,
          projectsAccepted: projects.get(district.id)?.accepted ?? 0,
        },
        indicators: indicators.get(district.id) ?? { tables: 0, met: 0, total: 0 },
      };
      addInto(total, row);
      return { district, ...row };
    });
    total.execution.executionRateBp = rateBp(total.execution.paidFen, total.execution.budgetFen);
    return {
      year,
      unit: { id: user.unit.id, name: user.unit.name, kind: user.unit.kind },
      districts: rows,
      total,
      computedAt: now.toISOString(),
    };
  }
}
