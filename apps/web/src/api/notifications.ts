import type {
  DeliveryListQuery,
  DeliverySummaryView,
  DeliveryView,
  DistrictDefaultsView,
  NotificationPreferencesView,
  NotificationTopic,
  NotificationView,
  Page,
  PhoneVerificationView,
  PhoneVerifiedView,
  UnreadCountView,
  UnsubscribeView,
  UpdateDistrictDefaultsRequest,
  UpdateNotificationPreferencesRequest,
} from '@xiaoshi/contracts';
import { api } from './client';

/** Each user's own inbox (kept out of the page chunks: the header bell needs it everywhere). */
export const notificationsApi = {
  list: (
    query: { unreadOnly?: boolean; topic?: NotificationTopic | null; limit?: number; cursor?: number | null },
    signal?: AbortSignal,
  ) =>
    api<Page<NotificationView>>('/api/notifications', {
      query: {
        unreadOnly: query.unreadOnly ? 'true' : undefined,
        topic: query.topic ?? undefined,
        limit: query.limit,
        cursor: query.cursor,
      },
      signal,
    }),
  unreadCount: (signal?: AbortSignal) =>
    api<UnreadCountView>('/api/notifications/unread-count', { signal }),
  markRead: (id: number) => api<UnreadCountView>(`/api/notifications/${id}/read`, { method: 'POST' }),
  markAllRead: () => api<UnreadCountView>('/api/notifications/read-all', { method: 'POST' }),
};

/** Channels per topic, language, phone verification; district defaults; delivery status. */
export const notificationSettingsApi = {
  get: (signal?: AbortSignal) => api<NotificationPreferencesView>('/api/notification-settings', { signal }),
  update: (body: UpdateNotificationPreferencesRequest) =>
    api<NotificationPreferencesView>('/api/notification-settings', { method: 'PUT', body }),
  startPhoneVerification: () =>
    api<PhoneVerificationView>('/api/notification-settings/phone-verification', { method: 'POST' }),
  confirmPhoneVerification: (code: string) =>
    api<PhoneVerifiedView>('/api/notification-settings/phone-verification/confirm', { method: 'POST', body: { code } }),
  districtDefaults: (signal?: AbortSignal) =>
    api<DistrictDefaultsView>('/api/notification-settings/district-defaults', { signal }),
  updateDistrictDefaults: (body: UpdateDistrictDefaultsRequest) =>
    api<DistrictDefaultsView>('/api/notification-settings/district-defaults', { method: 'PUT', body }),
  deliveries: (query: Partial<DeliveryListQuery>, signal?: AbortSignal) =>
    api<Page<DeliveryView>>('/api/notification-deliveries', {
      query: { status: query.status, channel: query.channel, limit: query.limit, cursor: query.cursor },
      signal,
    }),
  deliverySummary: (signal?: AbortSignal) =>
    api<DeliverySummaryView>('/api/notification-deliveries/summary', { signal }),
  retryDelivery: (id: number) => api<void>(`/api/notification-deliveries/${id}/retry`, { method: 'POST' }),
  unsubscribe: (token: string) =>
    api<UnsubscribeView>('/api/public/notifications/unsubscribe', { method: 'POST', body: { token } }),
};
