import type {
  DecisionRequest,
  DecisionView,
  ErrorResponse,
  ObjectionDecisionRequest,
  ObjectionDecisionView,
  ObjectionReceiptView,
  ObjectionRequest,
  ObjectionView,
  Page,
  PublicNoticeSummaryView,
  PublicNoticeView,
  PublishNoticeRequest,
  RegisterItemView,
  SelectionView,
} from '@xiaoshi/contracts';
import { api, apiDownload } from './client';
import { ApiError } from './errors';

export interface SelectionParams {
  envelopeFen?: number;
  maxPerStreet?: number;
}

export const awardsApi = {
  selection: (competitionId: number, params: SelectionParams, signal?: AbortSignal) =>
    api<SelectionView>(`/api/competitions/${competitionId}/selection`, { query: { ...params }, signal }),
  decisions: (competitionId: number, signal?: AbortSignal) =>
    api<DecisionView[]>(`/api/competitions/${competitionId}/decisions`, { signal }),
  decide: (competitionId: number, body: DecisionRequest) =>
    api<DecisionView>(`/api/competitions/${competitionId}/decisions`, { method: 'POST', body }),
  decision: (id: number, signal?: AbortSignal) => api<DecisionView>(`/api/decisions/${id}`, { signal }),
  verify: (id: number) => api<DecisionView>(`/api/decisions/${id}/verify`),
  publish: (id: number, body: PublishNoticeRequest) =>
    api<PublicNoticeView>(`/api/decisions/${id}/publish`, { method: 'POST', body }),
  notice: (id: number, signal?: AbortSignal) => api<PublicNoticeView>(`/api/notices/${id}`, { signal }),
  objections: (noticeId: number, signal?: AbortSignal) =>
    api<ObjectionView[]>(`/api/notices/${noticeId}/objections`, { signal }),
  decideObjection: (id: number, body: ObjectionDecisionRequest) =>
    api<ObjectionDecisionView>(`/api/objections/${id}/decide`, { method: 'POST', body }),
  close: (noticeId: number) => api<PublicNoticeView>(`/api/notices/${noticeId}/close`, { method: 'POST' }),
  exportNotice: (noticeId: number) => apiDownload(`/api/notices/${noticeId}/export`),
  approveExpenditure: (id: number) =>
    api<unknown>(`/api/direct-expenditures/${id}/approve`, { method: 'POST' }),
  exportLedger: (lineId: number) => apiDownload(`/api/budget-lines/${lineId}/export`),
};

/** A throttled public call: how long to wait before trying again (from Retry-After). */
export class PublicApiError extends ApiError {
  constructor(
    base: ApiError,
    readonly retryAfterSeconds: number | null,
  ) {
    super(base.status, base.code, base.message, base.fields, base.requestId);
  }
}

/**
 * The public pages' calls: no access token, no refresh, no session events. A visitor of the 公示
 * page has no account, and an official reading it must not send theirs either.
 */
async function anonymous<T>(
  path: string,
  init: {
    method?: 'GET' | 'POST';
    body?: unknown;
    query?: Record<string, string | number | undefined>;
    signal?: AbortSignal;
  } = {},
): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(init.query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': document.documentElement.lang === 'en' ? 'en' : 'zh-CN',
  };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(search ? `${path}?${search}` : path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'omit',
      signal: init.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', 'Network error');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', 'Unreadable response');
  }
  if (!response.ok) {
    const error = body as Partial<ErrorResponse> | undefined;
    const base =
      error && typeof error.code === 'string'
        ? new ApiError(
            response.status,
            error.code,
            error.message ?? error.code,
            error.fields ?? {},
            error.requestId,
          )
        : new ApiError(response.status, 'BAD_RESPONSE', `HTTP ${response.status}`);
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new PublicApiError(base, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  }
  return body as T;
}

export const publicApi = {
  notices: (signal?: AbortSignal) => anonymous<PublicNoticeSummaryView[]>('/api/public/notices', { signal }),
  notice: (id: number, signal?: AbortSignal) =>
    anonymous<PublicNoticeView>(`/api/public/notices/${id}`, { signal }),
  object: (noticeId: number, body: ObjectionRequest) =>
    anonymous<ObjectionReceiptView>(`/api/public/notices/${noticeId}/objections`, {
      method: 'POST',
      body,
    }),
  projects: (cursor: number | undefined, signal?: AbortSignal) =>
    anonymous<Page<RegisterItemView>>('/api/public/projects', {
      query: { cursor },
      signal,
    }),
};
