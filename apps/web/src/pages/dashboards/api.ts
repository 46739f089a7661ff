import type {
  ActualValuesView,
  CompetitionView,
  DashboardView,
  PerformanceTableView,
  TableVersionView,
} from '@xiaoshi/contracts';
import { api } from '../../api/client';

export interface DashboardParams {
  year: number;
  streetId?: number;
  competitionId?: number;
}

/** The dashboards module (GET /api/dashboards) and the performance figures shown beside it. */
export const dashboardsApi = {
  overview: (params: DashboardParams, signal?: AbortSignal) =>
    api<DashboardView>('/api/dashboards', { query: { ...params }, signal }),
  competitions: (signal?: AbortSignal) => api<CompetitionView[]>('/api/competitions', { signal }),
  performanceTables: (year: number, signal?: AbortSignal) =>
    api<PerformanceTableView[]>('/api/performance/tables', { query: { year }, signal }),
  performanceSummary: (year: number, signal?: AbortSignal) =>
    api<ActualValuesView[]>('/api/performance/summary', { query: { year }, signal }),
  performanceVersion: (id: number, signal?: AbortSignal) =>
    api<TableVersionView>(`/api/performance/versions/${id}`, { signal }),
};
