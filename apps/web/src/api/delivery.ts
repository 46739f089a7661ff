import type {
  AssignInspectorsRequest,
  CreatePaymentRequest,
  InspectionView,
  LedgerDashboardView,
  PaymentListQuery,
  PaymentView,
  ProgressReportRequest,
  ProgressReportView,
  ProjectListQuery,
  ProjectPhotoView,
  ProjectView,
  RecordInspectionRequest,
  RecordPaymentRequest,
  ReplaceMilestonesRequest,
} from '@xiaoshi/contracts';
import { api, apiDownload } from './client';

/** GET /projects filters: the contracts' query schema. */
export type ProjectListFilter = ProjectListQuery;

function photoForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

export const deliveryApi = {
  projects: (filter: ProjectListFilter, signal?: AbortSignal) =>
    api<ProjectView[]>('/api/projects', {
      query: { status: filter.status, overdue: filter.overdue ? 'true' : undefined },
      signal,
    }),
  project: (id: number, signal?: AbortSignal) => api<ProjectView>(`/api/projects/${id}`, { signal }),
  ofApplication: (applicationId: number, signal?: AbortSignal) =>
    api<ProjectView>(`/api/applications/${applicationId}/project`, { signal }),
  setMilestones: (id: number, body: ReplaceMilestonesRequest) =>
    api<ProjectView>(`/api/projects/${id}/milestones`, { method: 'PUT', body }),
  reports: (id: number, signal?: AbortSignal) =>
    api<ProgressReportView[]>(`/api/projects/${id}/progress-reports`, { signal }),
  report: (id: number, body: ProgressReportRequest) =>
    api<ProgressReportView>(`/api/projects/${id}/progress-reports`, { method: 'POST', body }),
  reportPhoto: (reportId: number, file: File) =>
    api<ProjectPhotoView>(`/api/progress-reports/${reportId}/photos`, { method: 'POST', form: photoForm(file) }),
  photo: (photoId: number) => apiDownload(`/api/project-photos/${photoId}`),
  requestAcceptance: (id: number, note?: string) =>
    api<ProjectView>(`/api/projects/${id}/request-acceptance`, {
      method: 'POST',
      body: note ? { note } : {},
    }),
  declareConflict: (id: number, userId: number, reason: string) =>
    api<unknown>(`/api/projects/${id}/inspector-conflicts`, { method: 'POST', body: { userId, reason } }),
  assignInspectors: (id: number, body: AssignInspectorsRequest) =>
    api<InspectionView>(`/api/projects/${id}/inspections`, { method: 'POST', body }),
  inspections: (id: number, signal?: AbortSignal) =>
    api<InspectionView[]>(`/api/projects/${id}/inspections`, { signal }),
  inspection: (id: number, signal?: AbortSignal) => api<InspectionView>(`/api/inspections/${id}`, { signal }),
  record: (id: number, body: RecordInspectionRequest) =>
    api<InspectionView>(`/api/inspections/${id}/record`, { method: 'POST', body }),
  inspectionPhoto: (id: number, file: File) =>
    api<ProjectPhotoView>(`/api/inspections/${id}/photos`, { method: 'POST', form: photoForm(file) }),
  certificate: (inspectionId: number) => apiDownload(`/api/inspections/${inspectionId}/certificate`),
  dossier: (id: number) => apiDownload(`/api/projects/${id}/dossier`),
};

/** GET /payments filters: the contracts' query schema. */
export type PaymentFilter = PaymentListQuery;

/**
 * Payments. The idempotency key travels in the body (the API takes it there or in the
 * Idempotency-Key header, header first); one key per form submission, reused by its retries.
 */
export const paymentsApi = {
  list: (filter: PaymentFilter, signal?: AbortSignal) =>
    api<PaymentView[]>('/api/payments', { query: { ...filter }, signal }),
  get: (id: number, signal?: AbortSignal) => api<PaymentView>(`/api/payments/${id}`, { signal }),
  request: (body: CreatePaymentRequest) => api<PaymentView>('/api/payments', { method: 'POST', body }),
  approve: (id: number) => api<PaymentView>(`/api/payments/${id}/approve`, { method: 'POST' }),
  reject: (id: number, reason: string) =>
    api<PaymentView>(`/api/payments/${id}/reject`, { method: 'POST', body: { reason } }),
  record: (id: number, body: RecordPaymentRequest) =>
    api<PaymentView>(`/api/payments/${id}/record`, { method: 'POST', body }),
  reverse: (id: number, reason: string) =>
    api<PaymentView>(`/api/payments/${id}/reverse`, { method: 'POST', body: { reason } }),
  voucher: (id: number) => apiDownload(`/api/payments/${id}/voucher`),
  register: () => apiDownload('/api/payments/register'),
  dashboard: (year: number | undefined, signal?: AbortSignal) =>
    api<LedgerDashboardView>('/api/ledger/dashboard', { query: { year }, signal }),
};

/** A fresh idempotency key (a UUID; crypto.randomUUID needs a secure context, so a fallback). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
