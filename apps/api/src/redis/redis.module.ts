import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * For the worker's BullMQ Worker: waits for Redis to come back rather than failing commands.
 * Connects on first use, so processes that never run a Worker (the API) never open it.
 */
export const REDIS_QUEUE = Symbol('REDIS_QUEUE');
/**
 * For enqueueing, rate limits and health: fails fast when Redis is away, so requests never hang
 * on it (commands while disconnected fail at once; a silent server times out after
 * `REDIS_COMMAND_TIMEOUT_MS`, 1 s by default).
 */
export const REDIS_FAST = Symbol('REDIS_FAST');

@Global()
@Module({
  providers: [
    {
      provide: REDIS_QUEUE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Redis(config.redis.url, { maxRetriesPerRequest: null, lazyConnect: true }),
    },
    {
      provide: REDIS_FAST,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Redis(config.redis.url, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 2000,
          commandTimeout: config.redis.commandTimeoutMs,
        }),
    },
  ],
  exports: [REDIS_QUEUE, REDIS_FAST],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS_QUEUE) private readonly queueClient: Redis,
    @Inject(REDIS_FAST) private readonly fastClient: Redis,
  ) {}

  /** disconnect(), not quit(): quit waits for a reply that never comes when Redis is unreachable. */
  onApplicationShutdown(): void {
    this.queueClient.disconnect();
    this.fastClient.disconnect();
  }
}
