import { Injectable } from '@nestjs/common';
import { formatYuan, ledgerFigures } from '@xiaoshi/domain';
import {
  MetricSource,
  type MetricDefinition,
  type MetricScope,
  type MetricSourceProvider,
  type MetricValue,
} from '../../common/metric-source.js';
import { BudgetsMetricsRepository } from './budgets-metrics.repository.js';

const SOURCE_LABELS: Record<string, string> = {
  award: '项目拨付',
  direct_expenditure: '直接支出',
  stipend: '补助发放',
  adjustment: '调整',
};

/**
 * Money paid on a budget line and its execution rate (预算执行率 = paid ÷ budget after
 * adjustments), for the performance target tables; the budget execution score uses the latter's
 * numerator and denominator (both fen).
 */
@Injectable()
@MetricSource()
export class BudgetsMetrics implements MetricSourceProvider {
  constructor(private readonly repository: BudgetsMetricsRepository) {}

  metrics(): readonly MetricDefinition[] {
    return [
      {
        key: 'budgets.amount_paid',
        name: { zh: '预算线已支付金额', en: 'Amount paid on the budget line' },
        description: {
          zh: '该预算线已登记支付的金额（项目拨付、直接支出和补助发放，扣除冲销）',
          en: 'Paid on the budget line: project payments, direct expenditures and stipends, less reversals',
        },
        unit: 'fen',
        perBudgetLine: true,
        compute: (scope, limit) => this.amountPaid(scope, limit),
      },
      {
        key: 'budgets.execution_rate',
        name: { zh: '预算执行率', en: 'Budget execution rate' },
        description: {
          zh: '已支付金额 ÷ 调整后预算（分子、分母均以分计）',
          en: 'Amount paid ÷ budget after adjustments (numerator and denominator in fen)',
        },
        unit: 'percent',
        perBudgetLine: true,
        compute: (scope) => this.executionRate(scope),
      },
    ];
  }

  private async amountPaid(scope: MetricScope, limit: number): Promise<MetricValue> {
    const line =
      scope.budgetLineId === null ? null : await this.repository.line(scope.budgetLineId, scope.unitId);
    if (!line) return { value: 0, rows: [], rowCount: 0 };
    const entries = await this.repository.paymentEntries(line.id, Math.max(limit, 1));
    return {
      value: Number(line.paid_fen),
      rowCount: entries[0]?.total ?? 0,
      rows: entries.slice(0, limit).map((entry) => ({
        ref: `ledger_entry:${entry.id}`,
        label: entry.reason ?? SOURCE_LABELS[entry.source] ?? entry.source,
        unitName: null,
        value: Number(entry.amount_fen),
        href: null,
      })),
    };
  }

  /** One row: the line itself, worth its own rate. */
  private async executionRate(scope: MetricScope): Promise<MetricValue> {
    const line =
      scope.budgetLineId === null ? null : await this.repository.line(scope.budgetLineId, scope.unitId);
    if (!line) return { value: 0, numerator: 0, denominator: 0, rows: [], rowCount: 0 };
    // The ledger's own arithmetic gives the adjusted budget; the metric keeps the exact share (a
    // percent with decimals) with numerator and denominator, which the indicator scoring uses.
    const { paidFen: paid, adjustedBudgetFen: budget } = ledgerFigures({
      budgetFen: Number(line.amount_fen),
      adjustmentsFen: Number(line.adjusted_fen),
      committedFen: 0,
      paidFen: Number(line.paid_fen),
    });
    const rate = budget > 0 ? (paid / budget) * 100 : 0;
    return {
      value: rate,
      numerator: paid,
      denominator: budget,
      rowCount: 1,
      rows: [
        {
          ref: `budget_line:${line.id}`,
          label: `${line.name}：已支付 ${formatYuan(paid)} 元 ÷ 调整后预算 ${formatYuan(budget)} 元`,
          unitName: null,
          value: rate,
          href: '/ledger',
        },
      ],
    };
  }
}
