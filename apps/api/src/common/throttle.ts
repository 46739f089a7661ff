import {
  Inject,
  Injectable,
  Module,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { DomainError } from '@xiaoshi/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { REDIS_FAST } from '../redis/redis.module.js';

export interface ThrottleRule {
  /** Names the bucket: routes sharing a name share a limit. */
  bucket: string;
  points: number;
  durationSeconds: number;
}

const THROTTLE = 'xiaoshi:throttle';

/** Limits requests per client address, e.g. the public objection form. */
export const Throttle = (rule: ThrottleRule) => SetMetadata(THROTTLE, rule);

@Injectable()
export class ThrottleGuard implements CanActivate {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(REDIS_FAST) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private limiterFor(rule: ThrottleRule): RateLimiterRedis {
    let limiter = this.limiters.get(rule.bucket);
    if (!limiter) {
      const options = { points: rule.points, duration: rule.durationSeconds };
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.config.redis.prefix}:throttle:${rule.bucket}`,
        ...options,
        insuranceLimiter: new RateLimiterMemory(options),
      });
      this.limiters.set(rule.bucket, limiter);
    }
    return limiter;
  }

  /** Each handler's rule, read from the metadata once (most routes have none). */
  private readonly ruleOf = new WeakMap<Function, { target: Function; rule: ThrottleRule | undefined }>();

  private routeRule(context: ExecutionContext): ThrottleRule | undefined {
    const handler = context.getHandler();
    const target = context.getClass();
    const known = this.ruleOf.get(handler);
    if (known?.target === target) return known.rule;
    const rule = this.reflector.getAllAndOverride<ThrottleRule | undefined>(THROTTLE, [handler, target]);
    this.ruleOf.set(handler, { target, rule });
    return rule;
  }

  /** Synchronous for unthrottled routes: no promise, no microtask on the common path. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const rule = this.routeRule(context);
    return rule ? this.consume(rule, context) : true;
  }

  private async consume(rule: ThrottleRule, context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    try {
      await this.limiterFor(rule).consume(request.ip);
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        void http.getResponse<FastifyReply>().header('retry-after', Math.ceil(error.msBeforeNext / 1000));
        throw new DomainError('TOO_MANY_REQUESTS');
      }
      throw error;
    }
  }
}

@Module({ providers: [{ provide: APP_GUARD, useClass: ThrottleGuard }] })
export class ThrottleModule {}
