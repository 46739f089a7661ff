import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type NotificationListQuery, type NotificationView, type Page } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { QueueService } from '../../queue/queue.service.js';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './channels.js';

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  /** Makes repeated sends (retried jobs, daily reminders) land once. */
  dedupeKey?: string | null;
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
  ) {}

  /**
   * Adds in-app notifications inside the caller's transaction. Returns the new ids; the caller
   * enqueues delivery after commit with `deliverLater`.
   */
  async notify(manager: EntityManager, userIds: readonly number[], message: NewNotification): Promise<number[]> {
    if (!userIds.length) return [];
    const rows: Array<{ id: number }> = await manager.query(
      `INSERT INTO notification (user_id, kind, title, body, link, dedupe_key)
       SELECT u, $2, $3, $4, $5, CASE WHEN $6::text IS NULL THEN NULL ELSE $6 || ':' || u END FROM unnest($1::int[]) AS u
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [[...new Set(userIds)], message.kind, message.title, message.body, message.link ?? null, message.dedupeKey ?? null],
    );
    return rows.map((row) => row.id);
  }

  /** Users holding a role in a unit (e.g. the street officers of a street), active only. */
  async usersWithRole(manager: EntityManager, role: string, unitIds: readonly number[]): Promise<number[]> {
    if (!unitIds.length) return [];
    const rows: Array<{ id: number }> = await manager.query(
      `SELECT id FROM app_user WHERE active AND $1 = ANY(roles) AND unit_id = ANY($2::int[])`,
      [role, [...unitIds]],
    );
    return rows.map((row) => row.id);
  }

  async deliverLater(ids: readonly number[]): Promise<void> {
    for (const notificationId of ids) {
      await this.queue.enqueue('notifications.deliver', { notificationId }, { jobId: `notify-${notificationId}` });
    }
  }

  /** Sends one notification through every configured channel the user has an address for. */
  async deliver(notificationId: number): Promise<void> {
    const [row]: Array<{ title: string; body: string; email: string | null; phone: string | null }> = await this.dataSource.query(
      `SELECT n.title, n.body, u.email, u.phone FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.id = $1`,
      [notificationId],
    );
    if (!row) return;
    for (const channel of this.channels) {
      const to = channel.name === 'email' ? row.email : row.phone;
      if (to) await channel.send({ to, subject: row.title, text: row.body });
    }
  }

  async list(user: AuthUser, query: NotificationListQuery): Promise<Page<NotificationView>> {
    const params: unknown[] = [user.id];
    const conditions = ['user_id = $1'];
    if (query.unreadOnly) conditions.push('read_at IS NULL');
    if (query.cursor) {
      params.push(query.cursor);
      conditions.push(`id < $${params.length}`);
    }
    params.push(query.limit + 1);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT id, kind, title, body, link, read_at, created_at FROM notification WHERE ${conditions.join(' AND ')}
       ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, query.limit).map((row) => ({
      id: row.id as number,
      kind: row.kind as string,
      title: row.title as string,
      body: row.body as string,
      link: row.link as string | null,
      readAt: row.read_at ? (row.read_at as Date).toISOString() : null,
      createdAt: (row.created_at as Date).toISOString(),
    }));
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }

  async unreadCount(user: AuthUser): Promise<{ unread: number }> {
    const [row]: [{ unread: number }] = await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [user.id],
    );
    return row;
  }

  async markRead(user: AuthUser, id: number | 'all'): Promise<{ unread: number }> {
    if (id === 'all') {
      await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [user.id]);
    } else {
      const result: [unknown[], number] = await this.dataSource.query(
        `UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2`,
        [id, user.id],
      );
      if (result[1] === 0) throw new DomainError('NOT_FOUND');
    }
    return this.unreadCount(user);
  }
}
