import { Injectable } from '@nestjs/common';
import {
  MetricSource,
  type MetricDefinition,
  type MetricScope,
  type MetricSourceProvider,
  type MetricValue,
} from '../../common/metric-source.js';
import { TripsRepository } from './trips.repository.js';

/**
 * Study trips' figures for the performance tables: the communities whose cadres took part (the
 * seed's 58-community indicator counts them; refs 'community:<id>' so a union with other modules
 * counts each community once), the people trained, the trips completed and what they cost.
 * Only completed trips count (attendance recorded and costs on the ledger), by their start year.
 */
@Injectable()
@MetricSource()
export class TripsMetrics implements MetricSourceProvider {
  constructor(private readonly repository: TripsRepository) {}

  metrics(): readonly MetricDefinition[] {
    return [
      {
        key: 'trips.communities_reached',
        name: { zh: '参加学习考察的社区数', en: 'Communities whose cadres joined a study trip' },
        description: {
          zh: '本年度已完成的学习考察中，有干部实际参加的不同社区数',
          en: 'Distinct communities with at least one cadre attending a study trip completed in the year',
        },
        unit: 'count',
        perBudgetLine: false,
        compute: (scope, limit) => this.communities(scope, limit),
      },
      {
        key: 'trips.people_trained',
        name: { zh: '学习考察参训人次', en: 'Cadres trained on study trips' },
        description: {
          zh: '本年度已完成的学习考察中实际参加的社区干部人次',
          en: 'Community cadres who attended study trips completed in the year (per trip)',
        },
        unit: 'people',
        perBudgetLine: false,
        compute: (scope, limit) => this.people(scope, limit),
      },
      {
        key: 'trips.completed',
        name: { zh: '完成学习考察次数', en: 'Study trips completed' },
        description: { zh: '本年度已完成（登记出勤和实际费用）的学习考察次数', en: 'Study trips completed in the year' },
        unit: 'count',
        perBudgetLine: false,
        compute: (scope, limit) => this.trips(scope, limit, 'count'),
      },
      {
        key: 'trips.actual_cost',
        name: { zh: '学习考察实际费用', en: 'Study trips’ actual costs' },
        description: { zh: '本年度已完成学习考察的实际费用合计', en: 'Actual costs of the study trips completed in the year' },
        unit: 'fen',
        perBudgetLine: false,
        compute: (scope, limit) => this.trips(scope, limit, 'fen'),
      },
    ];
  }

  private async communities(scope: MetricScope, limit: number): Promise<MetricValue> {
    const rows = await this.repository.attendedParticipants(scope.year, scope.unitId);
    const byCommunity = new Map<number, { name: string; people: number }>();
    for (const row of rows) {
      const entry = byCommunity.get(row.community_id) ?? { name: row.community_name, people: 0 };
      entry.people += 1;
      byCommunity.set(row.community_id, entry);
    }
    const all = [...byCommunity.entries()];
    return {
      value: all.length,
      rowCount: all.length,
      rows: all.slice(0, limit).map(([id, entry]) => ({
        ref: `community:${id}`,
        label: `${entry.name}（${entry.people}人次）`,
        unitName: entry.name,
        value: 1,
        href: null,
      })),
    };
  }

  private async people(scope: MetricScope, limit: number): Promise<MetricValue> {
    const rows = await this.repository.attendedParticipants(scope.year, scope.unitId);
    return {
      value: rows.length,
      rowCount: rows.length,
      rows: rows.slice(0, limit).map((row) => ({
        ref: `study_trip_participant:${row.id}`,
        label: `${row.name} · ${row.trip_title}`,
        unitName: row.community_name,
        value: 1,
        href: `/trips/${row.trip_id}`,
      })),
    };
  }

  private async trips(scope: MetricScope, limit: number, unit: 'count' | 'fen'): Promise<MetricValue> {
    const rows = await this.repository.completedTrips(scope.year, scope.unitId);
    const total = rows.reduce((sum, row) => sum + Number(row.actual_fen), 0);
    return {
      value: unit === 'count' ? rows.length : total,
      rowCount: rows.length,
      rows: rows.slice(0, limit).map((row) => ({
        ref: `study_trip:${row.id}`,
        label: row.title,
        unitName: null,
        value: unit === 'count' ? 1 : Number(row.actual_fen),
        href: `/trips/${row.id}`,
      })),
    };
  }
}
