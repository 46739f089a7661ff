import { Global, Module } from '@nestjs/common';
import { LoggingChannel, NOTIFICATION_CHANNELS } from './channels.js';
import { NotificationDeliverHandler } from './notification-deliver.handler.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

@Global()
@Module({
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationDeliverHandler,
    // Real gateways replace these providers; until configured, messages are logged.
    { provide: NOTIFICATION_CHANNELS, useValue: [new LoggingChannel('email'), new LoggingChannel('sms')] },
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
