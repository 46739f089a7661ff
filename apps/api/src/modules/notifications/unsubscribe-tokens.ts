import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TOPICS,
  type NotificationChannelName,
  type NotificationTopic,
} from '@xiaoshi/contracts';

export interface UnsubscribeClaim {
  userId: number;
  topic: NotificationTopic;
  channel: NotificationChannelName;
}

/**
 * One-click unsubscribe links need no login, so the link itself proves who may switch what off: a
 * stateless token `<payload>.<mac>`, the payload naming (user, topic, channel), signed with HMAC-SHA256
 * under a key derived from the deployment's secret. Unsubscribing is idempotent, so a token may be
 * used any number of times; it only ever turns one channel of one topic off for one user.
 */
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('xiaoshi:unsubscribe:v1').digest();
  }

  sign(claim: UnsubscribeClaim): string {
    const payload = Buffer.from(`${claim.userId}|${claim.topic}|${claim.channel}`, 'utf8').toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  verify(token: string): UnsubscribeClaim | null {
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const [userText, topic, channel] = Buffer.from(payload, 'base64url').toString('utf8').split('|');
    const userId = Number(userText);
    if (!Number.isSafeInteger(userId) || userId <= 0) return null;
    if (!(NOTIFICATION_TOPICS as readonly string[]).includes(topic)) return null;
    if (!(NOTIFICATION_CHANNELS as readonly string[]).includes(channel)) return null;
    return { userId, topic: topic as NotificationTopic, channel: channel as NotificationChannelName };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url').slice(0, 32);
  }
}
