import { Injectable } from '@nestjs/common';
import {
  MetricSource,
  type MetricDefinition,
  type MetricScope,
  type MetricSourceProvider,
  type MetricValue,
} from '../../common/metric-source.js';
import { StipendsMetricsRepository } from './stipends-metrics.repository.js';

/**
 * Figures of paid stipends for the performance target tables: the living subsidy and the one-off
 * departure subsidy are two programmes on two budget lines, so "people paid by stipend" and "by
 * one-off subsidy" are the same metric on either line. Only batches marked paid count, by the
 * year of their period.
 */
@Injectable()
@MetricSource()
export class StipendsMetrics implements MetricSourceProvider {
  constructor(private readonly repository: StipendsMetricsRepository) {}

  metrics(): readonly MetricDefinition[] {
    return [
      {
        key: 'stipends.people_paid',
        name: { zh: '补助发放人数', en: 'People paid a stipend' },
        description: {
          zh: '该预算线的补助（生活补贴或一次性补助）在本年度已发放批次中领到款项的不同人数',
          en: 'Distinct people paid by the stipend of this budget line in the year’s paid batches',
        },
        unit: 'people',
        perBudgetLine: true,
        compute: (scope, limit) => this.compute(scope, limit, 'people'),
      },
      {
        key: 'stipends.amount_paid',
        name: { zh: '补助发放金额', en: 'Stipend amount paid' },
        description: {
          zh: '该预算线的补助在本年度已发放批次中的发放总额',
          en: 'Total paid by the stipend of this budget line in the year’s paid batches',
        },
        unit: 'fen',
        perBudgetLine: true,
        compute: (scope, limit) => this.compute(scope, limit, 'fen'),
      },
    ];
  }

  private async compute(scope: MetricScope, limit: number, unit: 'people' | 'fen'): Promise<MetricValue> {
    if (scope.budgetLineId === null) return { value: 0, rows: [], rowCount: 0 };
    const rows = await this.repository.paidPeople(
      { year: scope.year, unitId: scope.unitId, budgetLineId: scope.budgetLineId },
      Math.max(limit, 1),
    );
    const people = rows[0]?.people ?? 0;
    const totalFen = Number(rows[0]?.total_fen ?? 0);
    return {
      value: unit === 'people' ? people : totalFen,
      rowCount: people,
      rows: rows.slice(0, limit).map((row) => ({
        ref: `stipend_person:${row.person_id}`,
        label: row.batches > 1 ? `${row.name}（${row.batches} 次发放）` : row.name,
        unitName: row.community,
        value: unit === 'people' ? 1 : Number(row.amount_fen),
        href: null,
      })),
    };
  }
}
