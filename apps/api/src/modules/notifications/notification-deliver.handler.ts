import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import type { JobPayloads } from '../../queue/jobs.js';
import { NotificationDeliveryService } from './notification-delivery.service.js';

/** Fans one notification out to its e-mail/SMS deliveries (idempotent: one row per event, user, channel). */
@Injectable()
@HandlesJob('notifications.deliver')
export class NotificationDeliverHandler implements JobHandler<'notifications.deliver'> {
  constructor(private readonly deliveries: NotificationDeliveryService) {}

  async handle(payload: JobPayloads['notifications.deliver']): Promise<{ queued: number }> {
    return { queued: await this.deliveries.fanOut(payload.notificationId) };
  }
}

/** Sends one delivery; sends nothing when it was sent, skipped or failed for good. */
@Injectable()
@HandlesJob('notifications.send')
export class NotificationSendHandler implements JobHandler<'notifications.send'> {
  constructor(private readonly deliveries: NotificationDeliveryService) {}

  handle(payload: JobPayloads['notifications.send']): Promise<void> {
    return this.deliveries.send(payload.deliveryId);
  }
}
