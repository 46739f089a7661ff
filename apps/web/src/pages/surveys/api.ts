import type {
  CreateSurveyRequest,
  InvitationsView,
  ProgrammeView,
  ProjectView,
  SurveyView,
} from '@xiaoshi/contracts';
import { api } from '../../api/client';

export type NewSurvey = Pick<
  CreateSurveyRequest,
  'title' | 'description' | 'subject' | 'countBasicallySatisfied' | 'askGroup' | 'maxAnswersPerAddress'
>;

/** The surveys module's staff calls (apps/api/src/modules/surveys). */
export const surveysApi = {
  list: (year: number | undefined, signal?: AbortSignal) =>
    api<SurveyView[]>('/api/surveys', { query: { year }, signal }),
  get: (id: number, signal?: AbortSignal) => api<SurveyView>(`/api/surveys/${id}`, { signal }),
  create: (body: NewSurvey) =>
    api<SurveyView>('/api/surveys', { method: 'POST', body: { ...body, closesAt: null } }),
  close: (id: number) => api<SurveyView>(`/api/surveys/${id}/close`, { method: 'POST' }),
  reopen: (id: number) => api<SurveyView>(`/api/surveys/${id}/reopen`, { method: 'POST' }),
  invite: (id: number, count: number) =>
    api<InvitationsView>(`/api/surveys/${id}/invitations`, { method: 'POST', body: { count } }),
  projects: (signal?: AbortSignal) => api<ProjectView[]>('/api/projects', { signal }),
  programmes: (signal?: AbortSignal) => api<ProgrammeView[]>('/api/programmes', { signal }),
};

/** The public link of a survey (opened on a phone, or through its QR code). */
export function surveyLink(code: string, token?: string): string {
  const base = `${window.location.origin}/s/${code}`;
  return token ? `${base}?t=${token}` : base;
}
