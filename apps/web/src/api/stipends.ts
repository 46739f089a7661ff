import type {
  BuildingLeaderRateView,
  CreateBuildingLeaderRequest,
  CreateStipendRuleVersionRequest,
  DepartureSubsidyView,
  MarkStipendBatchPaidRequest,
  Page,
  StipendBatchSummaryView,
  StipendBatchLineView,
  StipendBatchView,
  StipendImportResult,
  StipendPersonDetailView,
  StipendPersonListQuery,
  StipendPersonSecretsView,
  StipendPersonView,
  StipendPreviewView,
  StipendProgrammeView,
  StipendReportView,
  StipendStreetReportStatus,
  UpdateBuildingLeaderRequest,
} from '@xiaoshi/contracts';
import { STIPEND_BATCH_FIRST_LINES } from '@xiaoshi/contracts';
import { api, apiDownload } from './client';

export type StipendPeopleFilters = Omit<StipendPersonListQuery, 'limit' | 'cursor'>;

const base = '/api/stipends';

/** The stipend endpoints (apps/api/src/modules/stipends/stipends.controller.ts). */
export const stipendsApi = {
  programmes: (signal?: AbortSignal) => api<StipendProgrammeView[]>(`${base}/programmes`, { signal }),
  programme: (id: number, signal?: AbortSignal) =>
    api<StipendProgrammeView>(`${base}/programmes/${id}`, { signal }),

  people: (query: StipendPersonListQuery, signal?: AbortSignal) =>
    api<Page<StipendPersonView>>(`${base}/people`, { query: { ...query }, signal }),
  person: (id: number, signal?: AbortSignal) =>
    api<StipendPersonDetailView>(`${base}/people/${id}`, { signal }),
  removePerson: (id: number, body: { effectiveDate: string; reason: string; version: number }) =>
    api<StipendPersonView>(`${base}/people/${id}/remove`, { method: 'POST', body }),
  /** One person's personal data in clear (district admins and finance); audited by the API. */
  reveal: (id: number) => api<StipendPersonSecretsView>(`${base}/people/${id}/reveal`, { method: 'POST' }),

  createLeader: (programmeId: number, body: CreateBuildingLeaderRequest) =>
    api<StipendPersonDetailView>(`${base}/programmes/${programmeId}/building-leaders`, { method: 'POST', body }),
  updateLeader: (id: number, body: UpdateBuildingLeaderRequest) =>
    api<StipendPersonDetailView>(`${base}/building-leaders/${id}`, { method: 'PATCH', body }),
  leaderRate: (
    programmeId: number,
    query: { date: string; buildingCount: number; households: number },
    signal?: AbortSignal,
  ) => api<BuildingLeaderRateView>(`${base}/programmes/${programmeId}/building-leader-rate`, { query, signal }),
  addRuleVersion: (programmeId: number, body: CreateStipendRuleVersionRequest) =>
    api<StipendProgrammeView>(`${base}/programmes/${programmeId}/rule-versions`, { method: 'POST', body }),

  template: (programmeId: number) => apiDownload(`${base}/programmes/${programmeId}/roster-template`),
  exportRoster: (programmeId: number) => apiDownload(`${base}/programmes/${programmeId}/roster-export`),
  importRoster: (programmeId: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<StipendImportResult>(`${base}/programmes/${programmeId}/roster-imports`, {
      method: 'POST',
      form,
    });
  },

  reportStatus: (programmeId: number, year: number, quarter: number, signal?: AbortSignal) =>
    api<StipendStreetReportStatus[]>(`${base}/programmes/${programmeId}/reports`, {
      query: { year, quarter },
      signal,
    }),
  submitReport: (
    programmeId: number,
    body: { streetId: number; year: number; quarter: number; note?: string },
  ) => api<StipendReportView>(`${base}/programmes/${programmeId}/reports`, { method: 'POST', body }),
  report: (id: number, signal?: AbortSignal) => api<StipendReportView>(`${base}/reports/${id}`, { signal }),
  approveReport: (id: number, version: number) =>
    api<StipendReportView>(`${base}/reports/${id}/approve`, { method: 'POST', body: { version } }),
  returnReport: (id: number, version: number, reason: string) =>
    api<StipendReportView>(`${base}/reports/${id}/return`, { method: 'POST', body: { version, reason } }),

  preview: (programmeId: number, year: number, quarter: number | undefined, signal?: AbortSignal) =>
    api<StipendPreviewView>(`${base}/programmes/${programmeId}/preview`, {
      query: { year, quarter },
      signal,
    }),
  departureSubsidies: (programmeId: number, electionDate: string, signal?: AbortSignal) =>
    api<DepartureSubsidyView>(`${base}/programmes/${programmeId}/departure-subsidies`, {
      query: { electionDate },
      signal,
    }),

  generateBatch: (programmeId: number, body: { year: number; quarter: number } | { electionDate: string }) =>
    api<StipendBatchView>(`${base}/programmes/${programmeId}/batches`, { method: 'POST', body }),
  batches: (query: { programmeId?: number; limit?: number; cursor?: number }, signal?: AbortSignal) =>
    api<Page<StipendBatchSummaryView>>(`${base}/batches`, { query: { ...query }, signal }),
  batch: (id: number, signal?: AbortSignal) => api<StipendBatchView>(`${base}/batches/${id}`, { signal }),
  batchLines: (id: number, cursor: number, signal?: AbortSignal) =>
    api<Page<StipendBatchLineView>>(`${base}/batches/${id}/lines`, { query: { cursor, limit: STIPEND_BATCH_FIRST_LINES }, signal }),
  approveBatch: (id: number, version: number) =>
    api<StipendBatchView>(`${base}/batches/${id}/approve`, { method: 'POST', body: { version } }),
  rejectBatch: (id: number, version: number, reason: string) =>
    api<StipendBatchView>(`${base}/batches/${id}/reject`, { method: 'POST', body: { version, reason } }),
  markPaid: (id: number, body: MarkStipendBatchPaidRequest) =>
    api<StipendBatchView>(`${base}/batches/${id}/mark-paid`, { method: 'POST', body }),
  payroll: (id: number) => apiDownload(`${base}/batches/${id}/payroll`),
  exportBatch: (id: number) => apiDownload(`${base}/batches/${id}/export`),
};
