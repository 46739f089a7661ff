import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { REDIS_QUEUE } from '../redis/redis.module.js';
import { QUEUE_NAME, type JobName, type JobPayloads } from './jobs.js';

/** The producer side: typed enqueueing. The worker process runs the handlers. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  readonly queue: Queue;

  constructor(@Inject(REDIS_QUEUE) connection: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.queue = new Queue(QUEUE_NAME, {
      connection,
      prefix: `${config.redis.prefix}:bull`,
      defaultJobOptions: { attempts: 3, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: 1000, removeOnFail: 5000 },
    });
  }

  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: JobsOptions) {
    return this.queue.add(name, payload, options);
  }

  async counts() {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
  }

  async onApplicationShutdown(): Promise<void> {
    // Bounded: with Redis unreachable, close() would otherwise wait on the connection.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.queue.close(), new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
    clearTimeout(timer);
  }
}
