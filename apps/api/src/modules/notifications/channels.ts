import { Logger } from '@nestjs/common';

export interface OutboundMessage {
  to: string;
  subject: string;
  text: string;
}

/** An external channel (e-mail, SMS). Real gateways implement this; the default only logs. */
export interface NotificationChannel {
  readonly name: 'email' | 'sms';
  send(message: OutboundMessage): Promise<void>;
}

export class LoggingChannel implements NotificationChannel {
  private readonly logger = new Logger('NotificationChannel');
  constructor(readonly name: 'email' | 'sms') {}

  async send(message: OutboundMessage): Promise<void> {
    this.logger.log({ channel: this.name, to: message.to, subject: message.subject }, 'notification sent (logging transport)');
  }
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
