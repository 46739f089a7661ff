import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  NOTIFICATION_CHANNELS,
  isReminderKind,
  topicOfKind,
  type DeliveryReason,
  type NotificationChannelName,
} from '@xiaoshi/contracts';
import { shanghaiDate } from '@xiaoshi/domain';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { QueueService } from '../../queue/queue.service.js';
import { DeliveriesRepository, type FanoutRow, type SendRow } from './deliveries.repository.js';
import { EmailRejectedError, EmailUnavailableError } from './email.channel.js';
import { NotificationChannels } from './notification-channels.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { renderEmail, renderReminder, smsParams } from './notification-templates.js';
import { SmsRateLimiter } from './sms-rate-limiter.js';
import { SmsRejectedError, SmsUnavailableError } from './sms/sms-provider.js';

/** Our stable ids for a delivery, as the provider sees them: a retried send is recognisable. */
export const emailMessageId = (deliveryId: number, domain: string) => `<xiaoshi.delivery.${deliveryId}@${domain}>`;
export const smsOutId = (deliveryId: number) => `xs${deliveryId}`;

/** A send that failed: why, whether retrying can help. Never carries content or addresses. */
interface Failure {
  reason: DeliveryReason;
  detail: string;
  permanent: boolean;
}

function failureOf(error: unknown): Failure {
  if (error instanceof EmailRejectedError) return { reason: 'smtp_rejected', detail: error.detail, permanent: true };
  if (error instanceof EmailUnavailableError) return { reason: 'smtp_unreachable', detail: error.detail, permanent: false };
  if (error instanceof SmsRejectedError) return { reason: 'provider_rejected', detail: error.providerCode, permanent: true };
  if (error instanceof SmsUnavailableError) return { reason: 'provider_unreachable', detail: error.providerCode, permanent: false };
  return { reason: 'provider_unreachable', detail: error instanceof Error ? error.name : 'unknown', permanent: false };
}

/**
 * Delivery you can trust (issue 14 §3). A notification fans out to one delivery row per external
 * channel the user wants (unique per event, user and channel), each sent by its own job with
 * retries and backoff. A send is: claim the row (pending → sending, committed), call the provider
 * with an id derived from the row, record it (→ sent). The one window where a dying worker leaves
 * doubt is between the provider's acceptance and the record: the next run finds the row still
 * 'sending' and
 *  - for SMS asks the provider whether a message with our OutId went out (QuerySendDetails), and
 *    records it, or sends again only if it did not;
 *  - for e-mail cannot ask an SMTP server, so it does not send again: the row becomes
 *    'unconfirmed' for an admin to check and retry (with the same Message-ID).
 * See docs/decisions/0009-notifications.md.
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly logger = new Logger('NotificationDelivery');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: DeliveriesRepository,
    private readonly channels: NotificationChannels,
    private readonly preferences: NotificationPreferencesService,
    private readonly rate: SmsRateLimiter,
    private readonly queue: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The job options of one send: retries with exponential backoff. */
  private sendOptions(deliveryId: number, retry?: number) {
    return {
      jobId: retry ? `send-${deliveryId}-r${retry}` : `send-${deliveryId}`,
      attempts: this.config.notifications.sendAttempts,
      backoff: { type: 'exponential', delay: this.config.notifications.retryDelayMs },
    };
  }

  /** Creates the notification's delivery rows (idempotent) and enqueues a send for each pending one. */
  async fanOut(notificationId: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.deliveries.fanoutRow(manager, notificationId);
      if (!row) return 0;
      const topic = topicOfKind(row.kind);
      const wanted = await this.preferences.channelsFor(row.user_id, row.district_id, topic, manager);
      let queued = 0;
      for (const channel of NOTIFICATION_CHANNELS) {
        if (!this.enabled(channel) || !wanted[channel]) continue;
        const reason = this.blocker(channel, row, topic);
        const id = await this.deliveries.insert(manager, {
          notificationId,
          userId: row.user_id,
          channel,
          eventKey: row.dedupe_key ?? `notification:${notificationId}`,
          status: reason ? 'skipped' : 'pending',
          reason,
        });
        if (id && !reason) {
          await this.queue.enqueue('notifications.send', { deliveryId: id }, { ...this.sendOptions(id), transaction: manager });
          queued += 1;
        }
      }
      return queued;
    });
  }

  private enabled(channel: NotificationChannelName): boolean {
    return channel === 'email' ? this.channels.emailEnabled : this.channels.smsEnabled;
  }

  /** Why this channel cannot reach the user now, if it cannot. */
  private blocker(
    channel: NotificationChannelName,
    row: Pick<FanoutRow, 'active' | 'email' | 'phone' | 'verified_phone'>,
    topic: string,
  ): DeliveryReason | null {
    if (!row.active) return 'user_inactive';
    if (!this.enabled(channel)) return 'channel_off';
    if (channel === 'email') return row.email ? null : 'no_email';
    if (!row.phone) return 'no_phone';
    if (row.verified_phone !== row.phone) return 'phone_unverified';
    return this.channels.sms?.templateFor(topic) ? null : 'sms_template_missing';
  }

  /** The job: sends one delivery unless it has been sent, skipped, failed for good or left in doubt. */
  async send(deliveryId: number): Promise<void> {
    const row = await this.deliveries.sendRow(deliveryId);
    if (!row) return;
    if (row.status === 'pending') return this.attempt(row);
    if (row.status === 'sending') return this.recover(row);
  }

  private async attempt(row: SendRow): Promise<void> {
    const topic = topicOfKind(row.kind);
    const wanted = await this.preferences.channelsFor(row.user_id, row.district_id, topic);
    const reason = wanted[row.channel] ? this.blocker(row.channel, row, topic) : 'opted_out';
    if (reason) {
      await this.deliveries.settle(row.id, 'skipped', reason, null);
      return;
    }
    if (row.channel === 'sms' && row.phone) {
      const allowance = await this.rate.take(row.phone);
      if (allowance.allowed === 'day') {
        await this.deliveries.settle(row.id, 'skipped', 'rate_limited_day', null);
        return;
      }
      if (allowance.allowed === 'minute') {
        // Not a failure: the same delivery is simply sent a little later, without spending a try.
        await this.queue.enqueue('notifications.send', { deliveryId: row.id }, {
          ...this.sendOptions(row.id, Date.now()),
          delay: allowance.retryAfterMs + 100,
        });
        return;
      }
    }
    if (!(await this.deliveries.claim(row.id))) return;
    await this.transmit(row, row.attempts + 1);
  }

  /** A run found the row still 'sending': an earlier run stopped between claim and record. */
  private async recover(row: SendRow): Promise<void> {
    if (row.channel === 'email' || !this.channels.sms || !row.phone) {
      this.logger.warn({ deliveryId: row.id, channel: row.channel }, 'send interrupted; not resent automatically');
      await this.deliveries.settle(row.id, 'unconfirmed', 'interrupted', 'worker stopped during the send');
      return;
    }
    const sentOn = shanghaiDate(row.attempt_started_at ?? new Date());
    const found = await this.channels.sms.findSent(row.phone, sentOn, smsOutId(row.id));
    if (found) {
      this.logger.log({ deliveryId: row.id }, 'interrupted SMS found at the provider; recorded as sent');
      await this.deliveries.markSent(row.id, found.messageId);
      return;
    }
    if (!(await this.deliveries.reclaim(row.id))) return;
    await this.transmit(row, row.attempts + 1);
  }

  private async transmit(row: SendRow, attempt: number): Promise<void> {
    try {
      const { messageId } = row.channel === 'email' ? await this.sendEmail(row) : await this.sendSms(row);
      await this.deliveries.markSent(row.id, messageId);
      this.logger.log({ deliveryId: row.id, channel: row.channel, attempt }, 'notification delivered');
    } catch (error) {
      const failure = failureOf(error);
      const final = failure.permanent || attempt >= this.config.notifications.sendAttempts;
      await this.deliveries.settle(row.id, final ? 'failed' : 'pending', failure.reason, failure.detail);
      this.logger.warn(
        { deliveryId: row.id, channel: row.channel, attempt, reason: failure.reason, detail: failure.detail, final },
        'notification delivery failed',
      );
      if (!final) throw error;
    }
  }

  private async sendEmail(row: SendRow) {
    const language = row.language ?? 'zh-CN';
    const base = this.config.notifications.publicBaseUrl;
    const message = row.params && isReminderKind(row.kind) ? renderReminder(row.kind, language, row.params) : { title: row.title, body: row.body };
    const token = this.preferences.tokens.sign({ userId: row.user_id, topic: topicOfKind(row.kind), channel: 'email' });
    const unsubscribeUrl = `${base}/public/unsubscribe?token=${encodeURIComponent(token)}`;
    const internal = row.link && row.link.startsWith('/') && !row.link.startsWith('//');
    const content = renderEmail({
      language,
      recipientName: row.display_name,
      message,
      link: internal ? `${base}${row.link}` : null,
      unsubscribeUrl,
    });
    return this.channels.email.send({
      ...content,
      to: row.email ?? '',
      messageId: emailMessageId(row.id, this.channels.email.senderDomain),
      unsubscribeUrl,
    });
  }

  private async sendSms(row: SendRow) {
    const sms = this.channels.sms;
    const templateCode = sms?.templateFor(topicOfKind(row.kind));
    if (!sms || !templateCode || !row.phone) throw new SmsRejectedError('not configured');
    return sms.send({
      phone: row.phone,
      templateCode,
      params: smsParams(row.kind, row.params, row.title),
      outId: smsOutId(row.id),
    });
  }
}
