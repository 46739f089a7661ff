import type {
  AgreementView,
  CreateAgreementRequest,
  CreateEvaluationRequest,
  CreateSocialOrgRequest,
  SocialOrgContactView,
  SocialOrgView,
  UpdateSocialOrgRequest,
} from '@xiaoshi/contracts';
import { api } from '../../api/client';

/** The social-organisation endpoints (apps/api/src/modules/social-orgs/social-orgs.controller.ts). */
export const socialOrgsApi = {
  list: (signal?: AbortSignal) => api<SocialOrgView[]>('/api/social-orgs', { signal }),
  create: (body: CreateSocialOrgRequest) => api<SocialOrgView>('/api/social-orgs', { method: 'POST', body }),
  update: (id: number, body: UpdateSocialOrgRequest) => api<SocialOrgView>(`/api/social-orgs/${id}`, { method: 'PATCH', body }),
  revealContact: (id: number) => api<SocialOrgContactView>(`/api/social-orgs/${id}/reveal-contact`, { method: 'POST' }),

  agreements: (query: { socialOrgId?: number; year?: number }, signal?: AbortSignal) =>
    api<AgreementView[]>('/api/social-org-agreements', { query, signal }),
  agreement: (id: number, signal?: AbortSignal) => api<AgreementView>(`/api/social-org-agreements/${id}`, { signal }),
  createAgreement: (body: CreateAgreementRequest) => api<AgreementView>('/api/social-org-agreements', { method: 'POST', body }),
  evaluate: (id: number, body: CreateEvaluationRequest) =>
    api<AgreementView>(`/api/social-org-agreements/${id}/evaluations`, { method: 'POST', body }),
  requestTranche: (trancheId: number) =>
    api<AgreementView>(`/api/social-org-tranches/${trancheId}/request-payment`, { method: 'POST' }),
};
