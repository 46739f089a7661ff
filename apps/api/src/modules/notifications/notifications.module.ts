import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DeliveriesRepository } from './deliveries.repository.js';
import { DeliveryAdminService } from './delivery-admin.service.js';
import { EmailChannel } from './email.channel.js';
import { NotificationChannels } from './notification-channels.js';
import { NotificationDeliverHandler, NotificationSendHandler } from './notification-deliver.handler.js';
import { NotificationDeliveryService } from './notification-delivery.service.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import {
  NotificationDeliveriesController,
  NotificationSettingsController,
  NotificationsController,
  PublicNotificationsController,
} from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { PhoneVerificationService } from './phone-verification.service.js';
import { PreferencesRepository } from './preferences.repository.js';
import { ReminderRunner } from './reminder-runner.service.js';
import { RemindersHandler } from './reminders.handler.js';
import { SmsRateLimiter } from './sms-rate-limiter.js';

/**
 * Notifications that reach people (issue 14): the in-app inbox, e-mail over SMTP and SMS through a
 * provider, each delivery a job with retries; preferences, phone verification, one-click
 * unsubscribe; and the daily reminders gathered from every module's `@ReminderSource()`.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  controllers: [
    NotificationsController,
    NotificationSettingsController,
    NotificationDeliveriesController,
    PublicNotificationsController,
  ],
  providers: [
    NotificationsService,
    PreferencesRepository,
    DeliveriesRepository,
    EmailChannel,
    NotificationChannels,
    SmsRateLimiter,
    NotificationPreferencesService,
    NotificationDeliveryService,
    PhoneVerificationService,
    DeliveryAdminService,
    ReminderRunner,
    NotificationDeliverHandler,
    NotificationSendHandler,
    RemindersHandler,
  ],
  exports: [NotificationsService, ReminderRunner],
})
export class NotificationsModule {}
