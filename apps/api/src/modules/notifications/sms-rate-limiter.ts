import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { REDIS_FAST } from '../../redis/redis.module.js';

export type SmsAllowance = 'ok' | 'minute' | 'day';

/**
 * Text messages to one phone number, per minute and per day (SMS_RATE_PER_MINUTE / _PER_DAY), in
 * Redis so that every worker and API process shares the count. Numbers are hashed in the keys.
 * Verification codes and notifications count alike: both cost money and both can annoy.
 */
@Injectable()
export class SmsRateLimiter {
  private readonly perMinute: RateLimiterRedis;
  private readonly perDay: RateLimiterRedis;

  constructor(@Inject(REDIS_FAST) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const prefix = `${config.redis.prefix}:sms-rate`;
    const { perMinute, perDay } = config.notifications.smsRate;
    this.perMinute = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:minute`, points: perMinute, duration: 60 });
    this.perDay = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:day`, points: perDay, duration: 86_400 });
  }

  /** Takes one message from both allowances, or none when either is spent. */
  async take(phone: string): Promise<{ allowed: SmsAllowance; retryAfterMs: number }> {
    const key = createHash('sha256').update(phone).digest('hex').slice(0, 32);
    try {
      await this.perMinute.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) return { allowed: 'minute', retryAfterMs: error.msBeforeNext };
      throw error;
    }
    try {
      await this.perDay.consume(key);
    } catch (error) {
      await this.perMinute.reward(key).catch(() => undefined);
      if (error instanceof RateLimiterRes) return { allowed: 'day', retryAfterMs: error.msBeforeNext };
      throw error;
    }
    return { allowed: 'ok', retryAfterMs: 0 };
  }
}
