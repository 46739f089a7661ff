import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  REMINDER_KINDS,
  isReminderKind,
  topicOfKind,
  type NotificationLanguage,
  type NotificationListQuery,
  type NotificationTopic,
  type NotificationView,
  type Page,
  type UnreadCountView,
  type ReminderKind,
} from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { QueueService } from '../../queue/queue.service.js';
import { NotificationChannels } from './notification-channels.js';
import { renderReminder, type TemplateParams } from './notification-templates.js';
import { NotificationsRepository } from './notifications.repository.js';

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  /** Makes repeated sends (retried jobs, daily reminders) land once per user. */
  dedupeKey?: string | null;
}

export interface NewReminderNotification {
  kind: ReminderKind;
  params: TemplateParams;
  link: string | null;
  dedupeKey: string;
}

/** Kind patterns of each event topic (reminder kinds are excluded from every event topic). */
const EVENT_TOPIC_PATTERNS: Record<string, string[]> = {
  'events.application': ['application.%'],
  'events.review': ['review.%'],
  'events.award': ['award.%', 'notice.%', 'objection.%'],
  'events.project': ['project.%', 'inspection.%', 'payment.%'],
  'events.stipend': ['stipend\\_report.%'],
};

/**
 * The in-app inbox, and the one way other modules notify people: `notify` (a message written by
 * the caller) and `notifyReminder` (a reminder kind rendered from its template in each recipient's
 * language). Both write inside the caller's transaction and enqueue the delivery job with it, so
 * the e-mail/SMS fan-out runs once the change has committed (and never for a rolled-back one).
 */
@Injectable()
export class NotificationsService {
  private readonly repository: NotificationsRepository;

  /**
   * `channels` is the configured e-mail/SMS channels, or `[]` for none: the demo seed builds this
   * service by hand and writes in-app notifications only.
   */
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly queue: QueueService,
    @Inject(NotificationChannels) private readonly channels: NotificationChannels | readonly [],
  ) {
    this.repository = new NotificationsRepository(dataSource);
  }

  /**
   * Adds in-app notifications inside the caller's transaction, and their delivery jobs with them:
   * the jobs run once the transaction commits, and with Redis away the whole change fails (503)
   * instead of committing notifications that are never sent. Returns the new ids.
   */
  async notify(manager: EntityManager, userIds: readonly number[], message: NewNotification): Promise<number[]> {
    const ids = await this.repository.insert(manager, userIds, {
      kind: message.kind,
      title: message.title,
      body: message.body,
      link: message.link ?? null,
      params: null,
      dedupeKey: message.dedupeKey ?? null,
    });
    await this.enqueueDelivery(manager, ids);
    return ids;
  }

  /** A reminder, rendered per recipient language; at most once per recipient and dedupe key. */
  async notifyReminder(manager: EntityManager, userIds: readonly number[], reminder: NewReminderNotification): Promise<number[]> {
    const languages = await this.repository.languagesOf(manager, userIds);
    const byLanguage = new Map<NotificationLanguage, number[]>();
    for (const userId of new Set(userIds)) {
      const language = languages.get(userId) ?? 'zh-CN';
      byLanguage.set(language, [...(byLanguage.get(language) ?? []), userId]);
    }
    const ids: number[] = [];
    for (const [language, users] of byLanguage) {
      const message = renderReminder(reminder.kind, language, reminder.params);
      ids.push(
        ...(await this.repository.insert(manager, users, {
          kind: reminder.kind,
          title: message.title,
          body: message.body,
          link: reminder.link,
          params: reminder.params,
          dedupeKey: reminder.dedupeKey,
        })),
      );
    }
    await this.enqueueDelivery(manager, ids);
    return ids;
  }

  /** Users holding a role in a unit (e.g. the street officers of a street), active only. */
  usersWithRole(manager: EntityManager, role: string, unitIds: readonly number[]): Promise<number[]> {
    return this.repository.usersWithRole(manager, role, unitIds);
  }

  /** The same, grouped by unit: for reminder providers that address each street's own officers. */
  usersWithRoleByUnit(role: string, unitIds: readonly number[]): Promise<Map<number, number[]>> {
    return this.repository.usersWithRoleByUnit(role, unitIds);
  }

  /**
   * @deprecated Delivery is now enqueued by `notify` in the caller's transaction; this does nothing
   * and its call sites can go. (Enqueueing here, after the commit, left committed notifications
   * unsent whenever Redis was away.)
   */
  async deliverLater(ids: readonly number[]): Promise<void> {
    void ids;
  }

  /** One delivery job per notification, only when an external channel is on at all. */
  private async enqueueDelivery(manager: EntityManager, ids: readonly number[]): Promise<void> {
    if (!('anyEnabled' in this.channels) || !this.channels.anyEnabled) return;
    for (const id of ids) {
      await this.queue.enqueue('notifications.deliver', { notificationId: id }, { jobId: `notify-${id}`, transaction: manager });
    }
  }

  /**
   * The user's notifications, newest first. Reminders are shown in the language the portal is
   * used in (they keep their parameters); other messages as they were written.
   */
  async list(user: AuthUser, query: NotificationListQuery, language: NotificationLanguage = 'zh-CN'): Promise<Page<NotificationView>> {
    const filter = this.topicFilter(query.topic);
    const rows = await this.repository.list(user.id, {
      unreadOnly: query.unreadOnly ?? false,
      ...filter,
      cursor: query.cursor,
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit).map((row) => ({
      id: row.id,
      kind: row.kind,
      topic: topicOfKind(row.kind),
      ...(row.params && isReminderKind(row.kind)
        ? renderReminder(row.kind, language, row.params)
        : { title: row.title, body: row.body }),
      link: row.link,
      readAt: row.read_at ? row.read_at.toISOString() : null,
      createdAt: row.created_at.toISOString(),
    }));
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }

  private topicFilter(topic: NotificationTopic | undefined): { kinds: string[] | null; excludeKinds: string[] | null } {
    if (!topic) return { kinds: null, excludeKinds: null };
    const reminders = REMINDER_KINDS.map((kind) => kind.replaceAll('_', '\\_'));
    if (topic === 'events.other') {
      return { kinds: null, excludeKinds: [...reminders, ...Object.values(EVENT_TOPIC_PATTERNS).flat()] };
    }
    const patterns = EVENT_TOPIC_PATTERNS[topic];
    if (patterns) return { kinds: patterns, excludeKinds: reminders };
    return { kinds: [topic.replaceAll('_', '\\_')], excludeKinds: null };
  }

  async unreadCount(user: AuthUser): Promise<UnreadCountView> {
    return { unread: await this.repository.unreadCount(user.id) };
  }

  async markRead(user: AuthUser, id: number | 'all'): Promise<UnreadCountView> {
    if (id === 'all') await this.repository.markAllRead(user.id);
    else if (!(await this.repository.markRead(user.id, id))) throw new DomainError('NOT_FOUND');
    return this.unreadCount(user);
  }
}
