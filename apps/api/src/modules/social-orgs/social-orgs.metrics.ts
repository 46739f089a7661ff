import { Injectable } from '@nestjs/common';
import {
  MetricSource,
  type MetricDefinition,
  type MetricScope,
  type MetricSourceProvider,
  type MetricValue,
} from '../../common/metric-source.js';
import { SocialOrgsRepository } from './social-orgs.repository.js';

/**
 * Social organisations' figures for the performance tables (引进5个社会组织, 培育发展社会组织):
 * organisations introduced in the year, evaluations passed in the year, and the communities their
 * agreements of the year serve (refs 'community:<id>', so a union with the other modules' reach
 * counts each community once).
 */
@Injectable()
@MetricSource()
export class SocialOrgsMetrics implements MetricSourceProvider {
  constructor(private readonly repository: SocialOrgsRepository) {}

  metrics(): readonly MetricDefinition[] {
    return [
      {
        key: 'social_orgs.introduced',
        name: { zh: '引进社会组织数', en: 'Social organisations introduced' },
        description: { zh: '登记为本年度引进的社会组织数', en: 'Organisations registered as introduced in the year' },
        unit: 'count',
        perBudgetLine: false,
        compute: (scope, limit) => this.introduced(scope, limit),
      },
      {
        key: 'social_orgs.evaluations_passed',
        name: { zh: '督导评估合格数', en: 'Supervision evaluations passed' },
        description: {
          zh: '本年度完成且达到合格分数线的督导评估次数',
          en: 'Supervision evaluations in the year that reached the pass mark',
        },
        unit: 'count',
        perBudgetLine: false,
        compute: (scope, limit) => this.evaluations(scope, limit),
      },
      {
        key: 'social_orgs.communities_served',
        name: { zh: '社会组织服务社区数', en: 'Communities served by social organisations' },
        description: {
          zh: '本年度社会组织服务协议覆盖的不同社区数',
          en: 'Distinct communities served by the year’s agreements with social organisations',
        },
        unit: 'count',
        perBudgetLine: false,
        compute: (scope, limit) => this.communities(scope, limit),
      },
    ];
  }

  private async introduced(scope: MetricScope, limit: number): Promise<MetricValue> {
    const rows = await this.repository.introduced(scope.year, scope.unitId);
    return {
      value: rows.length,
      rowCount: rows.length,
      rows: rows.slice(0, limit).map((row) => ({
        ref: `social_org:${row.id}`,
        label: row.name,
        unitName: null,
        value: 1,
        href: `/social-orgs?org=${row.id}`,
      })),
    };
  }

  private async evaluations(scope: MetricScope, limit: number): Promise<MetricValue> {
    const rows = await this.repository.passedEvaluations(scope.year, scope.unitId);
    return {
      value: rows.length,
      rowCount: rows.length,
      rows: rows.slice(0, limit).map((row) => ({
        ref: `social_org_evaluation:${row.id}`,
        label: `${row.org_name} · ${row.title}（${Number(row.total_points)}分）`,
        unitName: null,
        value: 1,
        href: `/social-orgs?agreement=${row.agreement_id}`,
      })),
    };
  }

  private async communities(scope: MetricScope, limit: number): Promise<MetricValue> {
    const rows = await this.repository.communitiesServed(scope.year, scope.unitId);
    return {
      value: rows.length,
      rowCount: rows.length,
      rows: rows.slice(0, limit).map((row) => ({
        ref: `community:${row.id}`,
        label: `${row.name}（${row.agreements}份协议）`,
        unitName: row.name,
        value: 1,
        href: null,
      })),
    };
  }
}
