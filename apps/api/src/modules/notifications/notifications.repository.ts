import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationLanguage } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';

export interface NewNotificationRow {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  params: Record<string, string | number> | null;
  /** Per-event key; the user id is appended per row, so each recipient gets it at most once. */
  dedupeKey: string | null;
}

export interface NotificationRow {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  params: Record<string, string | number> | null;
  read_at: Date | null;
  created_at: Date;
}

/**
 * The `notification` table (the in-app inbox), and the read-only look-ups of users the module
 * needs to address people (their role, unit and language). Only this file holds SQL for the inbox.
 */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts one notification per user; a dedupe key already used by that user drops the row. */
  async insert(manager: EntityManager, userIds: readonly number[], row: NewNotificationRow): Promise<number[]> {
    if (!userIds.length) return [];
    const rows: Array<{ id: number }> = await manager.query(
      `INSERT INTO notification (user_id, kind, title, body, link, params, dedupe_key)
       SELECT u, $2, $3, $4, $5, $6::jsonb, CASE WHEN $7::text IS NULL THEN NULL ELSE $7 || ':' || u END
       FROM unnest($1::int[]) AS u
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        [...new Set(userIds)],
        row.kind,
        row.title,
        row.body,
        row.link,
        row.params ? JSON.stringify(row.params) : null,
        row.dedupeKey,
      ],
    );
    return rows.map((inserted) => inserted.id);
  }

  /** Active users holding a role in one of the units. */
  async usersWithRole(manager: EntityManager, role: string, unitIds: readonly number[]): Promise<number[]> {
    if (!unitIds.length) return [];
    const rows: Array<{ id: number }> = await manager.query(
      `SELECT id FROM app_user WHERE active AND $1 = ANY(roles) AND unit_id = ANY($2::int[]) ORDER BY id`,
      [role, [...unitIds]],
    );
    return rows.map((row) => row.id);
  }

  /** Active users holding a role, grouped by their unit. */
  async usersWithRoleByUnit(role: string, unitIds: readonly number[]): Promise<Map<number, number[]>> {
    const byUnit = new Map<number, number[]>();
    if (!unitIds.length) return byUnit;
    const rows: Array<{ id: number; unit_id: number }> = await this.dataSource.query(
      `SELECT id, unit_id FROM app_user WHERE active AND $1 = ANY(roles) AND unit_id = ANY($2::int[]) ORDER BY id`,
      [role, [...new Set(unitIds)]],
    );
    for (const row of rows) byUnit.set(row.unit_id, [...(byUnit.get(row.unit_id) ?? []), row.id]);
    return byUnit;
  }

  /** Each user's notification language (zh-CN when they never chose). */
  async languagesOf(manager: EntityManager, userIds: readonly number[]): Promise<Map<number, NotificationLanguage>> {
    const rows: Array<{ user_id: number; language: NotificationLanguage }> = await manager.query(
      `SELECT user_id, language FROM notification_profile WHERE user_id = ANY($1::int[])`,
      [[...userIds]],
    );
    return new Map(rows.map((row) => [row.user_id, row.language]));
  }

  async list(
    userId: number,
    filter: { unreadOnly: boolean; kinds: string[] | null; excludeKinds: string[] | null; cursor?: number; limit: number },
  ): Promise<NotificationRow[]> {
    const params: unknown[] = [userId];
    const conditions = ['user_id = $1'];
    if (filter.unreadOnly) conditions.push('read_at IS NULL');
    if (filter.kinds) {
      params.push(filter.kinds);
      conditions.push(`kind LIKE ANY($${params.length}::text[])`);
    }
    if (filter.excludeKinds) {
      params.push(filter.excludeKinds);
      conditions.push(`NOT (kind LIKE ANY($${params.length}::text[]))`);
    }
    if (filter.cursor) {
      params.push(filter.cursor);
      conditions.push(`id < $${params.length}`);
    }
    params.push(filter.limit);
    return this.dataSource.query(
      `SELECT id, kind, title, body, link, params, read_at, created_at FROM notification WHERE ${conditions.join(' AND ')}
       ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async unreadCount(userId: number): Promise<number> {
    const [row]: [{ unread: number }] = await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row.unread;
  }

  async markAllRead(userId: number): Promise<void> {
    await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
  }

  /** Returns false when the notification is not the user's. */
  async markRead(userId: number, id: number): Promise<boolean> {
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return result[1] > 0;
  }
}
