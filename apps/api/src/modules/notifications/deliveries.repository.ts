import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DeliveryListQuery,
  DeliveryReason,
  DeliveryStatus,
  NotificationChannelName,
  NotificationLanguage,
} from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';

/** What the fan-out of one notification needs to know about it and its recipient. */
export interface FanoutRow {
  notification_id: number;
  user_id: number;
  kind: string;
  dedupe_key: string | null;
  active: boolean;
  email: string | null;
  phone: string | null;
  verified_phone: string | null;
  district_id: number | null;
}

/** What one send needs: the delivery, its notification and the recipient's current address. */
export interface SendRow {
  id: number;
  notification_id: number;
  user_id: number;
  channel: NotificationChannelName;
  status: DeliveryStatus;
  attempts: number;
  attempt_started_at: Date | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  params: Record<string, string | number> | null;
  active: boolean;
  display_name: string;
  email: string | null;
  phone: string | null;
  language: NotificationLanguage | null;
  verified_phone: string | null;
  district_id: number | null;
}

export interface DeliveryListRow {
  id: number;
  notification_id: number;
  kind: string;
  title: string;
  channel: NotificationChannelName;
  user_id: number;
  display_name: string;
  unit_name: string;
  email: string | null;
  phone: string | null;
  status: DeliveryStatus;
  attempts: number;
  reason: DeliveryReason | null;
  detail: string | null;
  provider_message_id: string | null;
  created_at: Date;
  sent_at: Date | null;
}

export interface NewDelivery {
  notificationId: number;
  userId: number;
  channel: NotificationChannelName;
  eventKey: string;
  status: 'pending' | 'skipped';
  reason: DeliveryReason | null;
}

/**
 * The `notification_delivery` table. Status moves are conditional updates (compare-and-set on the
 * current status), so two runs of the same job can never both pass from pending to sending.
 */
@Injectable()
export class DeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async fanoutRow(manager: EntityManager, notificationId: number): Promise<FanoutRow | null> {
    const [row]: FanoutRow[] = await manager.query(
      `SELECT n.id AS notification_id, n.user_id, n.kind, n.dedupe_key, u.active, u.email, u.phone, p.verified_phone,
              (SELECT d.id FROM org_unit o JOIN org_unit d ON d.kind = 'district' AND (d.id = o.id OR d.id = ANY(o.ancestor_ids))
                WHERE o.id = u.unit_id LIMIT 1) AS district_id
       FROM notification n JOIN app_user u ON u.id = n.user_id
       LEFT JOIN notification_profile p ON p.user_id = n.user_id
       WHERE n.id = $1`,
      [notificationId],
    );
    return row ?? null;
  }

  /** Returns the new row's id, or null when the (event, user, channel) delivery already exists. */
  async insert(manager: EntityManager, delivery: NewDelivery): Promise<number | null> {
    const rows: Array<{ id: number }> = await manager.query(
      `INSERT INTO notification_delivery (notification_id, user_id, channel, event_key, status, reason)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (event_key, user_id, channel) DO NOTHING RETURNING id`,
      [delivery.notificationId, delivery.userId, delivery.channel, delivery.eventKey, delivery.status, delivery.reason],
    );
    return rows[0]?.id ?? null;
  }

  async sendRow(id: number): Promise<SendRow | null> {
    const [row]: SendRow[] = await this.dataSource.query(
      `SELECT d.id, d.notification_id, d.user_id, d.channel, d.status, d.attempts, d.attempt_started_at,
              n.kind, n.title, n.body, n.link, n.params,
              u.active, u.display_name, u.email, u.phone, p.language, p.verified_phone,
              (SELECT dist.id FROM org_unit o JOIN org_unit dist ON dist.kind = 'district' AND (dist.id = o.id OR dist.id = ANY(o.ancestor_ids))
                WHERE o.id = u.unit_id LIMIT 1) AS district_id
       FROM notification_delivery d
       JOIN notification n ON n.id = d.notification_id
       JOIN app_user u ON u.id = d.user_id
       LEFT JOIN notification_profile p ON p.user_id = d.user_id
       WHERE d.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** pending → sending (one more attempt). False when another run got there first. */
  async claim(id: number): Promise<boolean> {
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE notification_delivery SET status = 'sending', attempts = attempts + 1, attempt_started_at = now(), updated_at = now()
       WHERE id = $1 AND status = 'pending'`,
      [id],
    );
    return result[1] > 0;
  }

  /** The provider took the message: recorded once, from sending (or a reconciled interruption). */
  async markSent(id: number, providerMessageId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_delivery SET status = 'sent', provider_message_id = $2, sent_at = now(), reason = NULL, detail = NULL, updated_at = now()
       WHERE id = $1 AND status IN ('sending', 'unconfirmed')`,
      [id, providerMessageId.slice(0, 200)],
    );
  }

  /** Leaves sending (or pending) for another status, with why. */
  async settle(
    id: number,
    status: 'pending' | 'failed' | 'skipped' | 'unconfirmed',
    reason: DeliveryReason | null,
    detail: string | null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_delivery SET status = $2, reason = $3, detail = $4, updated_at = now()
       WHERE id = $1 AND status IN ('pending', 'sending')`,
      [id, status, reason, detail?.slice(0, 200) ?? null],
    );
  }

  /** An interrupted SMS found unsent at the provider: sent again as the same attempt. */
  async reclaim(id: number): Promise<boolean> {
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE notification_delivery SET attempts = attempts + 1, attempt_started_at = now(), updated_at = now()
       WHERE id = $1 AND status = 'sending'`,
      [id],
    );
    return result[1] > 0;
  }

  /** failed or unconfirmed → pending, for an admin's retry. Returns false for any other status. */
  async reopen(manager: EntityManager, id: number): Promise<boolean> {
    const result: [unknown[], number] = await manager.query(
      `UPDATE notification_delivery SET status = 'pending', reason = NULL, detail = NULL, updated_at = now()
       WHERE id = $1 AND status IN ('failed', 'unconfirmed')`,
      [id],
    );
    return result[1] > 0;
  }

  /** Deliveries to users in the scope subtree (rooted at scopeUnitId), newest first. */
  async list(scopeUnitId: number, query: DeliveryListQuery): Promise<DeliveryListRow[]> {
    const params: unknown[] = [scopeUnitId];
    const conditions = [
      `u.unit_id IN (SELECT scope.id FROM org_unit scope WHERE scope.id = $1 OR scope.ancestor_ids @> ARRAY[$1::int])`,
    ];
    if (query.status) {
      params.push(query.status);
      conditions.push(`d.status = $${params.length}`);
    }
    if (query.channel) {
      params.push(query.channel);
      conditions.push(`d.channel = $${params.length}`);
    }
    if (query.cursor) {
      params.push(query.cursor);
      conditions.push(`d.id < $${params.length}`);
    }
    params.push(query.limit + 1);
    return this.dataSource.query(
      `SELECT d.id, d.notification_id, n.kind, n.title, d.channel, d.user_id, u.display_name, o.name AS unit_name,
              u.email, u.phone, d.status, d.attempts, d.reason, d.detail, d.provider_message_id, d.created_at, d.sent_at
       FROM notification_delivery d
       JOIN notification n ON n.id = d.notification_id
       JOIN app_user u ON u.id = d.user_id
       JOIN org_unit o ON o.id = u.unit_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY d.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async counts(scopeUnitId: number): Promise<Array<{ status: DeliveryStatus; count: number }>> {
    return this.dataSource.query(
      `SELECT d.status, count(*)::int AS count FROM notification_delivery d JOIN app_user u ON u.id = d.user_id
       WHERE u.unit_id IN (SELECT scope.id FROM org_unit scope WHERE scope.id = $1 OR scope.ancestor_ids @> ARRAY[$1::int])
       GROUP BY d.status`,
      [scopeUnitId],
    );
  }

  /** The unit of a delivery's recipient (for the admin's scope check), or null when it does not exist. */
  async recipientUnit(manager: EntityManager, id: number): Promise<number | null> {
    const [row]: Array<{ unit_id: number }> = await manager.query(
      `SELECT u.unit_id FROM notification_delivery d JOIN app_user u ON u.id = d.user_id WHERE d.id = $1 FOR UPDATE OF d`,
      [id],
    );
    return row?.unit_id ?? null;
  }
}
