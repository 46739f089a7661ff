import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import type { JobPayloads } from '../../queue/jobs.js';
import { NotificationsService } from './notifications.service.js';

@Injectable()
@HandlesJob('notifications.deliver')
export class NotificationDeliverHandler implements JobHandler<'notifications.deliver'> {
  constructor(private readonly notifications: NotificationsService) {}

  handle(payload: JobPayloads['notifications.deliver']): Promise<void> {
    return this.notifications.deliver(payload.notificationId);
  }
}
