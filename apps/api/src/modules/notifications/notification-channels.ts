import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { EmailChannel } from './email.channel.js';
import { AliyunSmsProvider } from './sms/aliyun-sms.provider.js';
import type { SmsProvider } from './sms/sms-provider.js';

/**
 * The external channels as configured: e-mail over SMTP, SMS through the provider. A channel that
 * is not configured is off — no row, no job, nothing that pretends to send.
 */
@Injectable()
export class NotificationChannels {
  readonly sms: SmsProvider | null;

  constructor(
    readonly email: EmailChannel,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.sms = config.notifications.sms ? new AliyunSmsProvider(config.notifications.sms) : null;
  }

  get emailEnabled(): boolean {
    return this.email.enabled;
  }

  get smsEnabled(): boolean {
    return this.sms !== null;
  }

  get anyEnabled(): boolean {
    return this.emailEnabled || this.smsEnabled;
  }
}
