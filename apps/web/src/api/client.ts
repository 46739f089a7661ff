import type { ErrorResponse, LoginResponse } from '@xiaoshi/contracts';
import { localeOf } from '../i18n/i18n';
import { ApiError } from './errors';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** multipart/form-data (uploads); the browser sets the boundary header itself. */
  form?: FormData;
  signal?: AbortSignal;
  /** Statuses to hand back as data instead of throwing (e.g. 503 from /api/health). */
  acceptStatuses?: readonly number[];
}

/** Why a session ended: it ran out, the user left, or a password change revoked it. */
export type SignOutReason = 'expired' | 'signed-out' | 'password-changed';

/** Something the session holder (the auth provider) must react to. */
export type SessionEvent =
  | { type: 'signed-in'; response: LoginResponse }
  | { type: 'ended'; reason: SignOutReason }
  | { type: 'password-change-required' };

/** Refresh this long before the access token's stated expiry, to absorb clock skew and latency. */
const EXPIRY_MARGIN_MS = 30_000;
const REFRESH_LOCK = 'xiaoshi-auth-refresh';

/** The access token lives in memory only; the refresh token is an httpOnly cookie. */
let accessToken: string | null = null;
let accessExpiresAt = 0;
let refreshInFlight: Promise<LoginResponse> | null = null;
const listeners = new Set<(event: SessionEvent) => void>();

export function onSessionEvent(listener: (event: SessionEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event: SessionEvent): void {
  for (const listener of listeners) listener(event);
}

export function hasAccessToken(): boolean {
  return accessToken !== null;
}

function adoptSession(response: LoginResponse): void {
  accessToken = response.accessToken;
  accessExpiresAt = Date.now() + response.expiresIn * 1000;
}

/** Forgets the in-memory token (the cookie is the server's business: see signOut). */
export function dropSession(): void {
  accessToken = null;
  accessExpiresAt = 0;
}

function urlOf(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function parseError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as Partial<ErrorResponse> | null;
  if (body && typeof body.code === 'string') {
    return new ApiError(
      response.status,
      body.code,
      body.message ?? body.code,
      body.fields ?? {},
      body.requestId,
    );
  }
  return new ApiError(response.status, 'BAD_RESPONSE', `HTTP ${response.status}`);
}

/** One HTTP exchange, no session logic. Network failures become ApiError('NETWORK_ERROR'). */
async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  // The API answers in the language shown (its messages come from the same dictionaries).
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': localeOf() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const body = options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  try {
    return await fetch(urlOf(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', 'Network error');
  }
}

async function readBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', 'Unreadable response');
  }
}

/**
 * Runs `action` while holding a lock shared by every tab of this origin. Tabs share the refresh
 * cookie, and presenting one refresh token twice revokes the whole session family; so two tabs
 * must never refresh at the same moment. The second one waits and then sends the rotated cookie.
 */
async function withCrossTabLock<T>(action: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return action();
  return locks.request(REFRESH_LOCK, { mode: 'exclusive' }, action);
}

/**
 * Single-flight refresh: every caller that needs a new access token while a refresh is under way
 * gets the same promise, so the refresh cookie is presented at most once.
 */
export function refreshSession(): Promise<LoginResponse> {
  if (!refreshInFlight) {
    refreshInFlight = withCrossTabLock(async () => {
      const response = await send('/api/auth/refresh', { method: 'POST' }, null);
      if (!response.ok) throw await parseError(response);
      return readBody<LoginResponse>(response);
    })
      .then(
        (result) => {
          adoptSession(result);
          return result;
        },
        (error: unknown) => {
          // Only a definite "no session" ends it; a network blip leaves the state for a retry.
          if (error instanceof ApiError && error.status === 401) {
            const hadSession = accessToken !== null;
            dropSession();
            if (hadSession) emit({ type: 'ended', reason: 'expired' });
          }
          throw error;
        },
      )
      .finally(() => {
        refreshInFlight = null;
      });
  }
  return refreshInFlight;
}

async function freshToken(): Promise<string | null> {
  if (refreshInFlight) await refreshInFlight;
  else if (accessToken && Date.now() > accessExpiresAt - EXPIRY_MARGIN_MS) await refreshSession();
  return accessToken;
}

/**
 * A call to the API with the current access token. When the token is rejected as expired, the
 * call waits for one (shared) refresh and is replayed once.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return readBody<T>(await authorised(path, options));
}

/** The raw successful response of an authorised call (for downloads); same refresh logic as api(). */
async function authorised(path: string, options: RequestOptions): Promise<Response> {
  const token = await freshToken();
  let response = await send(path, options, token);
  if (response.status === 401 && token) {
    const error = await parseError(response);
    if (error.code !== 'UNAUTHENTICATED') throw error;
    // Another call may already have rotated the token; only refresh if ours is still current.
    if (accessToken === token) await refreshSession();
    if (!accessToken) throw error;
    response = await send(path, options, accessToken);
  }
  if (!response.ok && !options.acceptStatuses?.includes(response.status)) {
    const error = await parseError(response);
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') emit({ type: 'password-change-required' });
    throw error;
  }
  return response;
}

/** A file the API streams back, with the name from its Content-Disposition (RFC 5987 first). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // Fall through to the plain name.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

/** Downloads with the access token (a plain link would carry no Authorization header). */
export async function apiDownload(path: string, options: RequestOptions = {}): Promise<DownloadedFile> {
  const response = await authorised(path, options);
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}

export async function signIn(username: string, password: string): Promise<LoginResponse> {
  const response = await send('/api/auth/login', { method: 'POST', body: { username, password } }, null);
  if (!response.ok) throw await parseError(response);
  const result = await readBody<LoginResponse>(response);
  adoptSession(result);
  emit({ type: 'signed-in', response: result });
  return result;
}

/** Ends the server session (revokes the refresh family, clears the cookie) and forgets the token. */
export async function signOut(reason: Exclude<SignOutReason, 'expired'> = 'signed-out'): Promise<void> {
  try {
    if (refreshInFlight) await refreshInFlight.catch(() => undefined);
    await send('/api/auth/logout', { method: 'POST' }, accessToken);
  } catch {
    // Signing out locally must work even when the server cannot be reached.
  } finally {
    dropSession();
    emit({ type: 'ended', reason });
  }
}
