import type {
  ApplicationListQuery,
  ApplicationSummaryView,
  ApplicationView,
  BudgetAdjustmentRequest,
  BudgetLineView,
  CompetitionListQuery,
  CompetitionView,
  CreateApplicationRequest,
  CreateBudgetLineRequest,
  CreateCompetitionRequest,
  CreateDirectExpenditureRequest,
  CreateProgrammeRequest,
  DirectExpenditureView,
  ExportJobView,
  LedgerEntryView,
  Page,
  ProgrammeView,
  ScreeningRequest,
  StreetProgressRow,
  UpdateApplicationRequest,
  UpdateCompetitionRequest,
  WorkflowActionRequest,
} from '@xiaoshi/contracts';
import { api, apiDownload } from './client';

export type ApplicationFilters = Omit<ApplicationListQuery, 'limit' | 'cursor'>;

/** The workflow moves with a route of their own (screening goes through /screen). */
export type WorkflowRoute = 'submit-to-street' | 'return-to-community' | 'submit' | 'withdraw';

export const budgetsApi = {
  programmes: (year: number | undefined, signal?: AbortSignal) =>
    api<ProgrammeView[]>('/api/programmes', { query: { year }, signal }),
  createProgramme: (body: CreateProgrammeRequest) =>
    api<ProgrammeView>('/api/programmes', { method: 'POST', body }),
  createLine: (programmeId: number, body: CreateBudgetLineRequest) =>
    api<BudgetLineView>(`/api/programmes/${programmeId}/lines`, { method: 'POST', body }),
  line: (id: number, signal?: AbortSignal) => api<BudgetLineView>(`/api/budget-lines/${id}`, { signal }),
  ledger: (id: number, signal?: AbortSignal) =>
    api<LedgerEntryView[]>(`/api/budget-lines/${id}/ledger`, { signal }),
  adjust: (id: number, body: BudgetAdjustmentRequest) =>
    api<BudgetLineView>(`/api/budget-lines/${id}/adjustments`, { method: 'POST', body }),
  directExpenditures: (budgetLineId: number | undefined, signal?: AbortSignal) =>
    api<DirectExpenditureView[]>('/api/direct-expenditures', { query: { budgetLineId }, signal }),
  createDirectExpenditure: (body: CreateDirectExpenditureRequest) =>
    api<DirectExpenditureView>('/api/direct-expenditures', { method: 'POST', body }),
};

export const competitionsApi = {
  list: (query: CompetitionListQuery, signal?: AbortSignal) =>
    api<CompetitionView[]>('/api/competitions', { query: { ...query }, signal }),
  get: (id: number, signal?: AbortSignal) => api<CompetitionView>(`/api/competitions/${id}`, { signal }),
  create: (body: CreateCompetitionRequest) =>
    api<CompetitionView>('/api/competitions', { method: 'POST', body }),
  update: (id: number, body: UpdateCompetitionRequest) =>
    api<CompetitionView>(`/api/competitions/${id}`, { method: 'PATCH', body }),
  setStatus: (id: number, action: 'publish' | 'close' | 'cancel') =>
    api<CompetitionView>(`/api/competitions/${id}/${action}`, { method: 'POST' }),
  streetProgress: (id: number, signal?: AbortSignal) =>
    api<StreetProgressRow[]>(`/api/competitions/${id}/street-progress`, { signal }),
};

export const applicationsApi = {
  list: (query: ApplicationListQuery, signal?: AbortSignal) =>
    api<Page<ApplicationSummaryView>>('/api/applications', { query: { ...query }, signal }),
  get: (id: number, signal?: AbortSignal) => api<ApplicationView>(`/api/applications/${id}`, { signal }),
  create: (body: CreateApplicationRequest) =>
    api<ApplicationView>('/api/applications', { method: 'POST', body }),
  update: (id: number, body: UpdateApplicationRequest) =>
    api<ApplicationView>(`/api/applications/${id}`, { method: 'PATCH', body }),
  move: (id: number, route: WorkflowRoute, body: WorkflowActionRequest) =>
    api<ApplicationView>(`/api/applications/${id}/${route}`, { method: 'POST', body }),
  screen: (id: number, body: ScreeningRequest) =>
    api<ApplicationView>(`/api/applications/${id}/screen`, { method: 'POST', body }),
  /** The API reads the `type` field before the file, so the order matters. */
  upload: (id: number, type: string, file: File) => {
    const form = new FormData();
    form.append('type', type);
    form.append('file', file, file.name);
    return api<ApplicationView['attachments'][number]>(`/api/applications/${id}/attachments`, {
      method: 'POST',
      form,
    });
  },
  download: (id: number, attachmentId: number) =>
    apiDownload(`/api/applications/${id}/attachments/${attachmentId}`),
  removeAttachment: (id: number, attachmentId: number) =>
    api<void>(`/api/applications/${id}/attachments/${attachmentId}`, { method: 'DELETE' }),
};

export const exportsApi = {
  requestApplications: (filters: ApplicationFilters) =>
    api<ExportJobView>('/api/applications/exports', { method: 'POST', body: filters }),
  status: (id: number, signal?: AbortSignal) => api<ExportJobView>(`/api/exports/${id}`, { signal }),
  download: (id: number) => apiDownload(`/api/exports/${id}/download`),
};
