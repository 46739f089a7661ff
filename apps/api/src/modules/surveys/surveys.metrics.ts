import { Injectable } from '@nestjs/common';
import { surveySatisfaction, totalAnswers } from '@xiaoshi/domain';
import {
  MetricSource,
  type MetricDefinition,
  type MetricScope,
  type MetricSourceProvider,
  type MetricValue,
} from '../../common/metric-source.js';
import { SurveysRepository } from './surveys.repository.js';

/**
 * Survey satisfaction for the performance target tables, live: every answer counts at once. A
 * budget line's figure pools the answers of all its surveys (about the line, its projects or its
 * stipend's recipients) within the scope, each survey by its own rule for 基本满意.
 */
@Injectable()
@MetricSource()
export class SurveysMetrics implements MetricSourceProvider {
  constructor(private readonly repository: SurveysRepository) {}

  metrics(): readonly MetricDefinition[] {
    return [
      {
        key: 'surveys.satisfaction',
        name: { zh: '满意度测评满意率', en: 'Survey satisfaction' },
        description: {
          zh: '该预算线各项满意度测评的（满意 + 基本满意）÷ 答卷数（测评设为只计满意的按满意计）',
          en: '(Satisfied + basically satisfied) ÷ answers over the line’s surveys (only satisfied where a survey says so)',
        },
        unit: 'percent',
        perBudgetLine: true,
        compute: (scope, limit) => this.compute(scope, limit, 'percent'),
      },
      {
        key: 'surveys.answers',
        name: { zh: '满意度测评答卷数', en: 'Survey answers' },
        description: {
          zh: '该预算线各项满意度测评收到的答卷数',
          en: 'Answers received by the line’s surveys',
        },
        unit: 'count',
        perBudgetLine: true,
        compute: (scope, limit) => this.compute(scope, limit, 'count'),
      },
    ];
  }

  private async compute(scope: MetricScope, limit: number, unit: 'percent' | 'count'): Promise<MetricValue> {
    if (scope.budgetLineId === null) return { value: 0, numerator: 0, denominator: 0, rows: [], rowCount: 0 };
    const [totals, surveys] = await Promise.all([
      this.repository.lineTotals(scope.budgetLineId, scope.unitId),
      this.repository.lineCounts(scope.budgetLineId, scope.unitId, Math.max(limit, 1)),
    ]);
    const rows = surveys.slice(0, limit).map((survey) => {
      const counts = {
        satisfied: survey.satisfied,
        basically_satisfied: survey.basically_satisfied,
        dissatisfied: survey.dissatisfied,
      };
      const answers = totalAnswers(counts);
      return {
        ref: `survey:${survey.id}`,
        label: `${survey.title}：满意 ${survey.satisfied}、基本满意 ${survey.basically_satisfied}、不满意 ${survey.dissatisfied}`,
        unitName: survey.unit_name,
        value:
          unit === 'count' ? answers : (surveySatisfaction(counts, survey.count_basically_satisfied) ?? 0),
        href: `/surveys/${survey.id}`,
      };
    });
    const rowCount = surveys[0]?.total ?? 0;
    if (unit === 'count') return { value: totals.answers, rows, rowCount };
    return {
      value: totals.answers > 0 ? (totals.positive / totals.answers) * 100 : 0,
      numerator: totals.positive,
      denominator: totals.answers,
      rows,
      rowCount,
    };
  }
}
