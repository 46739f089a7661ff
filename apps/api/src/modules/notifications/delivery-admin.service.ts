import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DELIVERY_STATUSES,
  DomainError,
  topicOfKind,
  type DeliveryListQuery,
  type DeliveryStatus,
  type DeliverySummaryView,
  type DeliveryView,
  type Page,
} from '@xiaoshi/contracts';
import { maskEmail, maskPhone } from '@xiaoshi/domain';
import type { DataSource } from 'typeorm';
import type { AuthenticatedActor, AuthUser } from '../../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { QueueService } from '../../queue/queue.service.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { DeliveriesRepository, type DeliveryListRow } from './deliveries.repository.js';
import { NotificationChannels } from './notification-channels.js';

/**
 * The admins' view of e-mail and SMS delivery (issue 14 §3): status, tries and the reason of the
 * last failure for every delivery in their scope, and a retry for failed or unconfirmed ones.
 * Addresses are masked; message bodies are never shown here.
 */
@Injectable()
export class DeliveryAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: DeliveriesRepository,
    private readonly channels: NotificationChannels,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly queue: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, query: DeliveryListQuery): Promise<Page<DeliveryView>> {
    this.access.requirePermission(user, 'notifications.read');
    const rows = await this.deliveries.list(user.unit.id, query);
    const items = rows.slice(0, query.limit).map((row) => this.view(row));
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }

  async summary(user: AuthUser): Promise<DeliverySummaryView> {
    this.access.requirePermission(user, 'notifications.read');
    const counts = Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, 0])) as Record<DeliveryStatus, number>;
    for (const row of await this.deliveries.counts(user.unit.id)) counts[row.status] = row.count;
    return { channels: { email: this.channels.emailEnabled, sms: this.channels.smsEnabled }, counts };
  }

  /** Sends a failed or unconfirmed delivery again (same Message-ID / OutId), as a new job. */
  async retry(actor: AuthenticatedActor, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const unitId = await this.deliveries.recipientUnit(manager, id);
      if (unitId === null) throw new DomainError('NOT_FOUND');
      await this.access.requireUnits(actor.user, 'notifications.manage', [unitId], manager);
      if (!(await this.deliveries.reopen(manager, id))) throw new DomainError('DELIVERY_NOT_RETRYABLE');
      await this.audit.record(manager, actor, { action: 'notification_delivery.retry', entityType: 'notification_delivery', entityId: id });
      await this.queue.enqueue(
        'notifications.send',
        { deliveryId: id },
        {
          jobId: `send-${id}-retry-${Date.now()}`,
          attempts: this.config.notifications.sendAttempts,
          backoff: { type: 'exponential', delay: this.config.notifications.retryDelayMs },
          transaction: manager,
        },
      );
    });
  }

  private view(row: DeliveryListRow): DeliveryView {
    return {
      id: row.id,
      notificationId: row.notification_id,
      kind: row.kind,
      topic: topicOfKind(row.kind),
      title: row.title,
      channel: row.channel,
      recipient: { id: row.user_id, displayName: row.display_name, unitName: row.unit_name },
      address: row.channel === 'email' ? maskEmail(row.email) : maskPhone(row.phone),
      status: row.status,
      attempts: row.attempts,
      reason: row.reason,
      detail: row.detail,
      providerMessageId: row.provider_message_id,
      createdAt: row.created_at.toISOString(),
      sentAt: row.sent_at ? row.sent_at.toISOString() : null,
    };
  }
}
