import { Injectable } from '@nestjs/common';
import {
  MetricSource,
  type MetricDefinition,
  type MetricScope,
  type MetricSourceProvider,
  type MetricValue,
} from '../../common/metric-source.js';
import { DeliveryMetricsRepository, type InspectedProjectRow } from './delivery-metrics.repository.js';

const OUTCOME_LABELS: Record<string, string> = {
  first: '首次验收合格',
  passed: '整改后验收合格',
  rectification: '限期整改中',
  failed: '验收不合格',
};

function outcomeOf(row: InspectedProjectRow): string {
  if (row.first_passed) return OUTCOME_LABELS.first;
  if (row.passed) return OUTCOME_LABELS.passed;
  return OUTCOME_LABELS[row.latest_outcome] ?? row.latest_outcome;
}

/**
 * Figures of funded projects (立项项目) for the performance target tables. A project counts for the
 * year of the programme that funds it; with a budget line in the scope, only that line's projects.
 */
@Injectable()
@MetricSource()
export class DeliveryMetrics implements MetricSourceProvider {
  constructor(private readonly repository: DeliveryMetricsRepository) {}

  metrics(): readonly MetricDefinition[] {
    return [
      {
        key: 'delivery.communities_funded',
        name: { zh: '立项项目覆盖社区数', en: 'Communities with a funded project' },
        description: {
          zh: '本年度资金立项（含所有预算线或所选预算线）的项目所在的不同社区个数',
          en: 'Distinct communities with at least one project funded from the year’s programmes (or the chosen line)',
        },
        unit: 'count',
        perBudgetLine: false,
        compute: (scope, limit) => this.communities(scope, limit),
      },
      {
        key: 'delivery.projects_funded',
        name: { zh: '立项项目数', en: 'Projects funded' },
        description: {
          zh: '本年度资金立项（审批通过）的项目个数',
          en: 'Projects approved for funding from the year’s programmes',
        },
        unit: 'count',
        perBudgetLine: false,
        compute: (scope, limit) => this.projects(scope, limit, false),
      },
      {
        key: 'delivery.projects_accepted',
        name: { zh: '验收合格项目数', en: 'Projects accepted' },
        description: {
          zh: '本年度立项项目中已通过验收的个数',
          en: 'Projects of the year that passed their acceptance inspection',
        },
        unit: 'count',
        perBudgetLine: false,
        compute: (scope, limit) => this.projects(scope, limit, true),
      },
      {
        key: 'delivery.acceptance_pass_rate',
        name: { zh: '验收合格率', en: 'Acceptance pass rate' },
        description: {
          zh: '已验收项目中验收合格（含整改后合格）的比例：验收合格项目数 ÷ 已有验收记录的项目数',
          en: 'Projects that passed acceptance (after rectification too) ÷ projects with a recorded acceptance inspection',
        },
        unit: 'percent',
        perBudgetLine: false,
        compute: (scope, limit) => this.passRate(scope, limit, 'passed'),
      },
      {
        key: 'delivery.first_pass_rate',
        name: { zh: '一次验收合格率', en: 'First-time acceptance pass rate' },
        description: {
          zh: '已验收项目中首次验收即合格的比例：首次验收合格项目数 ÷ 已有验收记录的项目数',
          en: 'Projects that passed their first acceptance inspection ÷ projects with a recorded acceptance inspection',
        },
        unit: 'percent',
        perBudgetLine: false,
        compute: (scope, limit) => this.passRate(scope, limit, 'first'),
      },
    ];
  }

  private async communities(scope: MetricScope, limit: number): Promise<MetricValue> {
    const rows = await this.repository.communitiesReached(scope, Math.max(limit, 1));
    const rowCount = rows[0]?.total ?? 0;
    return {
      value: rowCount,
      rowCount,
      rows: rows.slice(0, limit).map((row) => ({
        ref: `community:${row.community_id}`,
        label: `${row.community}（${row.projects} 个项目）`,
        unitName: row.street,
        value: 1,
        href: null,
      })),
    };
  }

  private async projects(scope: MetricScope, limit: number, acceptedOnly: boolean): Promise<MetricValue> {
    const rows = await this.repository.projects(scope, Math.max(limit, 1), acceptedOnly);
    const rowCount = rows[0]?.total ?? 0;
    return {
      value: rowCount,
      rowCount,
      rows: rows.slice(0, limit).map((row) => ({
        ref: `project:${row.id}`,
        label: row.title,
        unitName: row.community,
        value: 1,
        href: `/projects/${row.id}`,
      })),
    };
  }

  /** Rows are the inspected projects, each worth 100 (counted as passed) or 0. */
  private async passRate(scope: MetricScope, limit: number, which: 'passed' | 'first'): Promise<MetricValue> {
    const rows = await this.repository.inspectedProjects(scope, Math.max(limit, 1));
    const denominator = rows[0]?.total ?? 0;
    const numerator = (which === 'first' ? rows[0]?.first_passed_total : rows[0]?.passed_total) ?? 0;
    const counts = (row: InspectedProjectRow) => (which === 'first' ? row.first_passed : row.passed);
    return {
      value: denominator > 0 ? (numerator / denominator) * 100 : 0,
      numerator,
      denominator,
      rowCount: denominator,
      rows: rows.slice(0, limit).map((row) => ({
        ref: `project:${row.id}`,
        label: `${row.title}：${outcomeOf(row)}`,
        unitName: row.community,
        value: counts(row) ? 100 : 0,
        href: `/projects/${row.id}`,
      })),
    };
  }
}
