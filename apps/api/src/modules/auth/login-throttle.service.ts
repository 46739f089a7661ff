import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@xiaoshi/contracts';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { REDIS_FAST } from '../../redis/redis.module.js';
import { accountDelaySeconds, type LoginDelayPolicy } from './login-delay.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

/** A sign-in attempt refused before its password was looked at: 429 with Retry-After. */
export class LoginThrottledError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS');
  }
}

/**
 * Whose counters an attempt moves. Known accounts are counted per credential (id plus a tag of
 * the current password hash), so a password reset or change starts them afresh; unknown names are
 * counted by name, exactly like known ones, so the answers never tell the two apart.
 */
export interface LoginSubject {
  key: string;
  userId: number | null;
}

export function loginSubject(
  username: string,
  user: { id: number; passwordHash: string } | null,
): LoginSubject {
  const tag = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
  return user
    ? { key: `u${user.id}.${tag(user.passwordHash)}`, userId: user.id }
    : { key: `n.${tag(username)}`, userId: null };
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * Brute-force protection without handing anyone the power to lock an account
 * (docs/decisions/0007-metrics-origin-and-login-throttling.md):
 * - an address that fails too often, whatever the accounts, is refused for a while;
 * - an (account, address) pair is refused for LOGIN_LOCK_MINUTES after LOGIN_MAX_FAILURES;
 * - every failure of an account beyond the first few, from any address, doubles a delay (capped)
 *   during which attempts on it from unfamiliar addresses are refused. Its usual addresses (where
 *   it had a session in the last LOGIN_KNOWN_ADDRESS_DAYS) are exempt: a stranger's failures never
 *   keep the real user out from where they normally work.
 * Counters live in Redis, each with an in-memory insurance limiter for when Redis is away.
 */
@Injectable()
export class LoginThrottleService {
  private readonly logger = new Logger(LoginThrottleService.name);
  private readonly failuresByAddress: RateLimiterRedis;
  private readonly failuresByPair: RateLimiterRedis;
  private readonly failuresByAccount: RateLimiterRedis;
  private readonly accountDelay: RateLimiterRedis;
  private readonly policy: LoginDelayPolicy;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_FAST) redis: Redis,
    private readonly refreshTokens: RefreshTokensRepository,
  ) {
    const auth = config.auth;
    const limiter = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.redis.prefix}:login-${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ points, duration }),
      });
    this.failuresByAddress = limiter('failures-ip', auth.loginIpMaxFailures, auth.loginIpWindowMinutes * 60);
    this.failuresByPair = limiter('failures-pair', auth.loginMaxFailures, auth.loginLockMinutes * 60);
    // Counts only; never refuses by itself.
    this.failuresByAccount = limiter('failures-account', 1_000_000, auth.loginAccountWindowHours * 3600);
    // Holds one blocked key per delayed account, for the length of its delay.
    this.accountDelay = limiter('delay-account', 1, 1);
    this.policy = {
      freeFailures: auth.loginAccountFreeFailures,
      baseSeconds: auth.loginDelayBaseSeconds,
      maxSeconds: auth.loginDelayMaxSeconds,
    };
  }

  /** Before anything is looked up: an address that failed too often is refused. */
  async admitAddress(ip: string): Promise<void> {
    const state = await this.read(this.failuresByAddress, ip);
    if (state && state.consumedPoints >= this.config.auth.loginIpMaxFailures)
      throw new LoginThrottledError(retryAfter(state));
  }

  /** Before the password is checked: the pair's limit, then the account's delay (not at its usual addresses). */
  async admitAccount(subject: LoginSubject, ip: string): Promise<void> {
    const pair = await this.read(this.failuresByPair, `${subject.key}|${ip}`);
    if (pair && pair.consumedPoints >= this.config.auth.loginMaxFailures)
      throw new LoginThrottledError(retryAfter(pair));
    const delay = await this.read(this.accountDelay, subject.key);
    if (!delay || delay.consumedPoints <= 1 || delay.msBeforeNext <= 0) return;
    // Unknown names run the same query (id 0 matches nothing), so timing does not tell them apart.
    if (await this.isUsualAddress(subject.userId ?? 0, ip)) return;
    throw new LoginThrottledError(retryAfter(delay));
  }

  /** A wrong password: counts it everywhere; says whether this failure closed the pair. */
  async failed(subject: LoginSubject, ip: string): Promise<{ pairClosed: boolean }> {
    await this.count(this.failuresByAddress, ip);
    const pairKey = `${subject.key}|${ip}`;
    const pair = await this.count(this.failuresByPair, pairKey);
    const pairClosed = pair !== null && pair.consumedPoints === this.config.auth.loginMaxFailures;
    // The pair stays closed for a full window from the failure that closed it.
    if (pairClosed)
      await this.write(() => this.failuresByPair.block(pairKey, this.config.auth.loginLockMinutes * 60));
    const account = await this.count(this.failuresByAccount, subject.key);
    const wait = account ? accountDelaySeconds(account.consumedPoints, this.policy) : 0;
    if (wait > 0) await this.write(() => this.accountDelay.block(subject.key, wait));
    return { pairClosed };
  }

  /** The right password: this address has proved itself for this account. */
  async succeeded(subject: LoginSubject, ip: string): Promise<void> {
    await this.write(() => this.failuresByPair.delete(`${subject.key}|${ip}`));
  }

  private isUsualAddress(userId: number, ip: string): Promise<boolean> {
    return this.refreshTokens.hadSessionFrom(userId, ip, this.config.auth.loginKnownAddressDays);
  }

  /** A limiter's state; on a store failure (after the insurance limiter) the attempt is let through and logged. */
  private async read(limiter: RateLimiterRedis, key: string): Promise<RateLimiterRes | null> {
    try {
      return await limiter.get(key);
    } catch (error) {
      this.logger.warn({ err: error }, 'login limiter unreadable');
      return null;
    }
  }

  private async count(limiter: RateLimiterRedis, key: string): Promise<RateLimiterRes | null> {
    try {
      return await limiter.consume(key);
    } catch (error) {
      // Over the limit already (a concurrent attempt got there first): that is the state.
      if (error instanceof RateLimiterRes) return error;
      this.logger.warn({ err: error }, 'login limiter failed');
      return null;
    }
  }

  private async write(operation: () => Promise<unknown>): Promise<void> {
    try {
      await operation();
    } catch (error) {
      this.logger.warn({ err: error }, 'login limiter failed');
    }
  }
}
