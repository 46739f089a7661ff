import type { NotificationView, Page } from '@xiaoshi/contracts';
import { api } from './client';

/** Each user's own inbox (kept out of the page chunks: the header bell needs it everywhere). */
export const notificationsApi = {
  list: (query: { unreadOnly?: boolean; limit?: number; cursor?: number | null }, signal?: AbortSignal) =>
    api<Page<NotificationView>>('/api/notifications', {
      query: { unreadOnly: query.unreadOnly ? 'true' : undefined, limit: query.limit, cursor: query.cursor },
      signal,
    }),
  unreadCount: (signal?: AbortSignal) =>
    api<{ unread: number }>('/api/notifications/unread-count', { signal }),
  markRead: (id: number) => api<{ unread: number }>(`/api/notifications/${id}/read`, { method: 'POST' }),
  markAllRead: () => api<{ unread: number }>('/api/notifications/read-all', { method: 'POST' }),
};
