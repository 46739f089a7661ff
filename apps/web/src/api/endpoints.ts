import type {
  AuditChainReport,
  AuditCheckView,
  AuditEventView,
  CreateOrgUnitRequest,
  CreateUserRequest,
  HealthReport,
  OrgUnitKind,
  OrgUnitView,
  Page,
  QueueCountsView,
  Role,
  SessionUser,
  UpdateOrgUnitRequest,
  UpdateUserRequest,
  UserView,
} from '@xiaoshi/contracts';
import { api } from './client';

export interface OrgUnitQuery {
  parentId?: number;
  kind?: OrgUnitKind;
  q?: string;
  limit?: number;
  cursor?: number | null;
}

export interface UserQuery {
  unitId?: number;
  role?: Role;
  q?: string;
  limit?: number;
  cursor?: number | null;
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  action?: string;
  limit?: number;
  cursor?: number | null;
}

export const meApi = {
  get: () => api<SessionUser>('/api/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api<void>('/api/auth/change-password', { method: 'POST', body: { currentPassword, newPassword } }),
};

export const orgsApi = {
  list: (query: OrgUnitQuery, signal?: AbortSignal) =>
    api<Page<OrgUnitView>>('/api/org-units', { query: { ...query }, signal }),
  get: (id: number, signal?: AbortSignal) => api<OrgUnitView>(`/api/org-units/${id}`, { signal }),
  create: (body: CreateOrgUnitRequest) => api<OrgUnitView>('/api/org-units', { method: 'POST', body }),
  update: (id: number, body: UpdateOrgUnitRequest) =>
    api<OrgUnitView>(`/api/org-units/${id}`, { method: 'PATCH', body }),
  /** Follows nextCursor to the end; for the bounded lists of an org tree (children, pickers). */
  async listAll(query: Omit<OrgUnitQuery, 'cursor' | 'limit'>, signal?: AbortSignal, max = 2000) {
    const items: OrgUnitView[] = [];
    let cursor: number | null = null;
    do {
      const page: Page<OrgUnitView> = await orgsApi.list({ ...query, limit: 200, cursor }, signal);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null && items.length < max);
    return items;
  },
};

export const usersApi = {
  list: (query: UserQuery, signal?: AbortSignal) =>
    api<Page<UserView>>('/api/users', { query: { ...query }, signal }),
  create: (body: CreateUserRequest) => api<UserView>('/api/users', { method: 'POST', body }),
  update: (id: number, body: UpdateUserRequest) =>
    api<UserView>(`/api/users/${id}`, { method: 'PATCH', body }),
  resetPassword: (id: number, temporaryPassword: string) =>
    api<void>(`/api/users/${id}/reset-password`, { method: 'POST', body: { temporaryPassword } }),
};

export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) =>
    api<Page<AuditEventView>>('/api/audit/events', { query: { ...query }, signal }),
  verify: () => api<AuditChainReport>('/api/audit/verify'),
  checks: (signal?: AbortSignal) => api<AuditCheckView[]>('/api/audit/checks', { signal }),
};

export const opsApi = {
  /** 503 carries the same report (degraded), so it is data, not an error. */
  health: (signal?: AbortSignal) => api<HealthReport>('/api/health', { signal, acceptStatuses: [503] }),
  queues: (signal?: AbortSignal) => api<QueueCountsView>('/api/queues', { signal }),
};
