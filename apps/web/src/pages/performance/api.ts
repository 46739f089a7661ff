import type {
  ActualValuesView,
  CreatePerformanceTableRequest,
  EvaluationView,
  IndicatorBreakdownView,
  IndicatorInput,
  ManualValueView,
  MetricCatalogueEntry,
  PerformanceEvidenceUploadView,
  PerformanceTableView,
  ProgrammeView,
  StreetReportView,
  TableVersionView,
} from '@xiaoshi/contracts';
import { api, apiDownload } from '../../api/client';

export interface VersionBody {
  version: number;
  longTermPeriod: string;
  longTermGoal: string;
  annualGoal: string;
  budgetExecutionPoints: number;
  indicators: IndicatorInput[];
}

export interface ManualValueBody {
  indicatorKey: string;
  value: number | null;
  band: 'achieved' | 'partly' | 'not_achieved' | null;
  bandFraction: number | null;
  note: string;
  evidenceId: number;
}

type Reasons = Array<{ indicatorKey: string; text: string }>;

/** The performance module's calls (apps/api/src/modules/performance). */
export const performanceApi = {
  metrics: (signal?: AbortSignal) => api<MetricCatalogueEntry[]>('/api/performance/metrics', { signal }),
  tables: (year: number, signal?: AbortSignal) =>
    api<PerformanceTableView[]>('/api/performance/tables', { query: { year }, signal }),
  table: (id: number, signal?: AbortSignal) =>
    api<PerformanceTableView>(`/api/performance/tables/${id}`, { signal }),
  summary: (year: number, signal?: AbortSignal) =>
    api<ActualValuesView[]>('/api/performance/summary', { query: { year }, signal }),
  programmes: (year: number, signal?: AbortSignal) =>
    api<ProgrammeView[]>('/api/programmes', { query: { year }, signal }),
  createTable: (body: CreatePerformanceTableRequest) =>
    api<PerformanceTableView>('/api/performance/tables', { method: 'POST', body }),
  version: (id: number, signal?: AbortSignal) =>
    api<TableVersionView>(`/api/performance/versions/${id}`, { signal }),
  updateVersion: (id: number, body: VersionBody) =>
    api<TableVersionView>(`/api/performance/versions/${id}`, { method: 'PUT', body }),
  approve: (id: number, version: number) =>
    api<TableVersionView>(`/api/performance/versions/${id}/approve`, { method: 'POST', body: { version } }),
  newVersion: (tableId: number, changeNote: string) =>
    api<TableVersionView>(`/api/performance/tables/${tableId}/versions`, {
      method: 'POST',
      body: { changeNote },
    }),
  actuals: (tableId: number, versionId?: number, signal?: AbortSignal) =>
    api<ActualValuesView>(`/api/performance/tables/${tableId}/actuals`, { query: { versionId }, signal }),
  breakdown: (tableId: number, indicatorId: number, signal?: AbortSignal) =>
    api<IndicatorBreakdownView>(`/api/performance/tables/${tableId}/indicators/${indicatorId}/breakdown`, {
      signal,
    }),
  uploadEvidence: (tableId: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api<PerformanceEvidenceUploadView>(`/api/performance/tables/${tableId}/evidence`, { method: 'POST', form });
  },
  evidence: (id: number) => apiDownload(`/api/performance/evidence/${id}`),
  enterValue: (tableId: number, body: ManualValueBody) =>
    api<ManualValueView>(`/api/performance/tables/${tableId}/manual-values`, { method: 'POST', body }),
  valueHistory: (tableId: number, indicatorKey: string, signal?: AbortSignal) =>
    api<ManualValueView[]>(`/api/performance/tables/${tableId}/manual-values`, {
      query: { indicatorKey },
      signal,
    }),
  evaluation: (tableId: number, signal?: AbortSignal) =>
    api<EvaluationView>(`/api/performance/tables/${tableId}/evaluation`, { signal }),
  saveReasons: (tableId: number, reasons: Reasons) =>
    api<EvaluationView>(`/api/performance/tables/${tableId}/evaluation/reasons`, {
      method: 'PUT',
      body: { reasons },
    }),
  saveStreetNotes: (tableId: number, reasons: Reasons) =>
    api<EvaluationView>(`/api/performance/tables/${tableId}/evaluation/street-notes`, {
      method: 'PUT',
      body: { reasons },
    }),
  submitStreetReport: (tableId: number) =>
    api<EvaluationView>(`/api/performance/tables/${tableId}/evaluation/street-report`, { method: 'POST' }),
  approveReport: (id: number) =>
    api<StreetReportView>(`/api/performance/street-reports/${id}/approve`, { method: 'POST' }),
  returnReport: (id: number, reason: string) =>
    api<StreetReportView>(`/api/performance/street-reports/${id}/return`, {
      method: 'POST',
      body: { reason },
    }),
  submit: (tableId: number) =>
    api<EvaluationView>(`/api/performance/tables/${tableId}/evaluation/submit`, { method: 'POST' }),
  exportEvaluation: (tableId: number) => apiDownload(`/api/performance/tables/${tableId}/evaluation/export`),
};
