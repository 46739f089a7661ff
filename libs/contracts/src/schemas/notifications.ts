import { z } from 'zod';
import { PageQuery } from './common.js';

/**
 * Scheduled reminders (issue 14): each kind is produced by one module's reminder provider and has
 * its own templates (in-app, e-mail, SMS) in zh-CN and English.
 */
export const REMINDER_KINDS = [
  'competition.window_closing',
  'competition.street_short',
  'review.sheet_due',
  'notice.ending',
  'objection.to_decide',
  'project.report_due',
  'inspection.scheduled',
  'payment.awaiting_approval',
  'stipend_report.due',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * What a user sets channels for: every reminder kind on its own, and the event notifications
 * (status changes) by area. A notification's kind maps to exactly one topic (`topicOfKind`).
 */
export const NOTIFICATION_TOPICS = [
  ...REMINDER_KINDS,
  'events.application',
  'events.review',
  'events.award',
  'events.project',
  'events.stipend',
  'events.other',
] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannelName = (typeof NOTIFICATION_CHANNELS)[number];

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped', 'unconfirmed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Why a delivery was skipped or failed: a closed set, translated on screen. */
export const DELIVERY_REASONS = [
  'no_email',
  'no_phone',
  'phone_unverified',
  'opted_out',
  'channel_off',
  'sms_template_missing',
  'rate_limited_day',
  'provider_rejected',
  'provider_unreachable',
  'smtp_rejected',
  'smtp_unreachable',
  'interrupted',
  'user_inactive',
] as const;
export type DeliveryReason = (typeof DELIVERY_REASONS)[number];

export const NOTIFICATION_LANGUAGES = ['zh-CN', 'en'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

const EVENT_TOPIC_BY_PREFIX: Record<string, NotificationTopic> = {
  application: 'events.application',
  review: 'events.review',
  award: 'events.award',
  notice: 'events.award',
  objection: 'events.award',
  project: 'events.project',
  inspection: 'events.project',
  payment: 'events.project',
  stipend_report: 'events.stipend',
};

export function isReminderKind(kind: string): kind is ReminderKind {
  return (REMINDER_KINDS as readonly string[]).includes(kind);
}

/** The preference topic of a notification kind ('application.screen_return' → 'events.application'). */
export function topicOfKind(kind: string): NotificationTopic {
  if (isReminderKind(kind)) return kind;
  return EVENT_TOPIC_BY_PREFIX[kind.split('.')[0]] ?? 'events.other';
}

export const NotificationListQuery = PageQuery.extend({
  unreadOnly: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  /** One topic: its reminder kind, or an event area. */
  topic: z.enum(NOTIFICATION_TOPICS).optional(),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export interface NotificationView {
  id: number;
  kind: string;
  topic: NotificationTopic;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** Channels for one topic; in-app is always on and not listed. */
export const ChannelChoice = z.object({ email: z.boolean(), sms: z.boolean() });
export type ChannelChoice = z.infer<typeof ChannelChoice>;

export interface TopicPreferenceView {
  topic: NotificationTopic;
  /** What applies now (own choice, else the district default, else the built-in default). */
  email: boolean;
  sms: boolean;
  source: 'user' | 'district' | 'builtin';
}

export interface NotificationPreferencesView {
  language: NotificationLanguage;
  email: string | null;
  /** Masked: the user's number on file. */
  phone: string | null;
  phoneVerified: boolean;
  channels: { email: boolean; sms: boolean };
  topics: TopicPreferenceView[];
}

export const UpdateNotificationPreferencesRequest = z.object({
  language: z.enum(NOTIFICATION_LANGUAGES).optional(),
  /** Topics to set; a topic set to null goes back to the district default. */
  topics: z.partialRecord(z.enum(NOTIFICATION_TOPICS), ChannelChoice.nullable()).optional(),
});
export type UpdateNotificationPreferencesRequest = z.infer<typeof UpdateNotificationPreferencesRequest>;

export interface DistrictDefaultsView {
  topics: Array<{ topic: NotificationTopic; email: boolean; sms: boolean; source: 'district' | 'builtin' }>;
}

export const UpdateDistrictDefaultsRequest = z.object({
  topics: z.partialRecord(z.enum(NOTIFICATION_TOPICS), ChannelChoice.nullable()),
});
export type UpdateDistrictDefaultsRequest = z.infer<typeof UpdateDistrictDefaultsRequest>;

export const ConfirmPhoneVerificationRequest = z.object({
  code: z.string().trim().regex(/^\d{6}$/, { message: 'code' }),
});
export type ConfirmPhoneVerificationRequest = z.infer<typeof ConfirmPhoneVerificationRequest>;

export interface PhoneVerificationView {
  /** Masked number the code went to. */
  phone: string;
  expiresAt: string;
}

/** A confirmed phone verification: the masked number now verified. */
export interface PhoneVerifiedView {
  phone: string;
}

export const UnsubscribeRequest = z.object({ token: z.string().trim().min(10).max(300) });
export type UnsubscribeRequest = z.infer<typeof UnsubscribeRequest>;

export interface UnsubscribeView {
  topic: NotificationTopic;
  channel: NotificationChannelName;
}

export const DeliveryListQuery = PageQuery.extend({
  status: z.enum(DELIVERY_STATUSES).optional(),
  channel: z.enum(NOTIFICATION_CHANNELS).optional(),
});
export type DeliveryListQuery = z.infer<typeof DeliveryListQuery>;

export interface DeliveryView {
  id: number;
  notificationId: number;
  kind: string;
  topic: NotificationTopic;
  title: string;
  channel: NotificationChannelName;
  recipient: { id: number; displayName: string; unitName: string };
  /** Masked address (e-mail or phone) the delivery went or would go to. */
  address: string | null;
  status: DeliveryStatus;
  attempts: number;
  reason: DeliveryReason | null;
  /** Technical detail of the last error (no message content, no personal data). */
  detail: string | null;
  providerMessageId: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface DeliverySummaryView {
  channels: { email: boolean; sms: boolean };
  counts: Record<DeliveryStatus, number>;
}

export interface ReminderRunView {
  date: string;
  workingDay: boolean;
  reminded: number;
  byKind: Partial<Record<ReminderKind, number>>;
}

/** The inbox's unread count (also the answer to marking notifications read). */
export interface UnreadCountView {
  unread: number;
}
