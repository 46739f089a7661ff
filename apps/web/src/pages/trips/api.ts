import type {
  CreateTrainingNormVersionRequest,
  CreateTripRequest,
  Page,
  RecordTripCostsRequest,
  TrainingNormVersionView,
  TripEvidenceKind,
  TripEvidenceUploadView,
  TripParticipantInput,
  TripStatus,
  TripSummaryView,
  TripView,
  UpdateTrainingNormVersionRequest,
  UpdateTripRequest,
} from '@xiaoshi/contracts';
import { api } from '../../api/client';

/** The study-trip endpoints (apps/api/src/modules/trips/trips.controller.ts). */
export const tripsApi = {
  norms: (signal?: AbortSignal) => api<TrainingNormVersionView[]>('/api/training-norms', { signal }),
  createNorm: (body: CreateTrainingNormVersionRequest) =>
    api<TrainingNormVersionView>('/api/training-norms', { method: 'POST', body }),
  updateNorm: (id: number, body: UpdateTrainingNormVersionRequest) =>
    api<TrainingNormVersionView>(`/api/training-norms/${id}`, { method: 'PATCH', body }),

  list: (query: { year?: number; status?: TripStatus; limit?: number; cursor?: number }, signal?: AbortSignal) =>
    api<Page<TripSummaryView>>('/api/trips', { query: { ...query }, signal }),
  get: (id: number, signal?: AbortSignal) => api<TripView>(`/api/trips/${id}`, { signal }),
  create: (body: CreateTripRequest) => api<TripView>('/api/trips', { method: 'POST', body }),
  update: (id: number, body: UpdateTripRequest) => api<TripView>(`/api/trips/${id}`, { method: 'PATCH', body }),
  participants: (id: number, participants: TripParticipantInput[], version: number) =>
    api<TripView>(`/api/trips/${id}/participants`, { method: 'PUT', body: { participants, version } }),
  action: (id: number, action: 'submit' | 'approve' | 'cancel', version: number) =>
    api<TripView>(`/api/trips/${id}/${action}`, { method: 'POST', body: { version } }),
  returnTrip: (id: number, reason: string, version: number) =>
    api<TripView>(`/api/trips/${id}/return`, { method: 'POST', body: { reason, version } }),
  attendance: (id: number, attendedParticipantIds: number[], version: number) =>
    api<TripView>(`/api/trips/${id}/attendance`, { method: 'POST', body: { attendedParticipantIds, version } }),
  evidence: (id: number, kind: TripEvidenceKind, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<TripEvidenceUploadView>(`/api/trips/${id}/evidence`, { method: 'POST', query: { kind }, form });
  },
  costs: (id: number, body: RecordTripCostsRequest) =>
    api<TripView>(`/api/trips/${id}/costs`, { method: 'POST', body }),
};
