import { Logger } from '@nestjs/common';
import { DiscoveryService, NestFactory, Reflector } from '@nestjs/core';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppModule } from '../app.module.js';
import type { AppConfig } from '../config/app-config.js';
import { METRICS, type Metrics } from '../modules/metrics/metrics.js';
import { REDIS_QUEUE } from '../redis/redis.module.js';
import { JOB_HANDLER, checkJobHandlers, type JobHandler } from './job-handler.js';
import { JOB_NAMES, QUEUE_NAME, type JobName } from './jobs.js';
import { QueueService } from './queue.service.js';

export interface RunningWorker {
  close(): Promise<void>;
  log(message: string): void;
}

/**
 * The worker process: the same modules as the API, no HTTP. Every job name must have exactly one
 * handler or the worker refuses to start.
 */
export async function createWorker(config: AppConfig, options: { schedule?: boolean } = {}): Promise<RunningWorker> {
  const context = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: config.logLevel === 'silent' ? false : ['log', 'warn', 'error'],
  });
  const logger = new Logger('Worker');
  const discovery = context.get(DiscoveryService);
  const reflector = context.get(Reflector);
  const handlers = new Map<JobName, JobHandler<JobName>>();
  const handled: string[] = [];
  for (const wrapper of discovery.getProviders()) {
    if (!wrapper.metatype || !wrapper.instance) continue;
    const name = reflector.get<JobName | undefined>(JOB_HANDLER, wrapper.metatype);
    if (!name) continue;
    handled.push(name);
    handlers.set(name, wrapper.instance as JobHandler<JobName>);
  }
  checkJobHandlers(JOB_NAMES, handled);

  const metrics = context.get<Metrics>(METRICS);
  const connection = context.get<Redis>(REDIS_QUEUE);
  const worker = new Worker(
    QUEUE_NAME,
    async (job) => {
      const handler = handlers.get(job.name as JobName);
      if (!handler) throw new Error(`No handler for job ${job.name}`);
      try {
        const result = await handler.handle(job.data);
        metrics.jobsProcessed.inc({ name: job.name, outcome: 'completed' });
        return result;
      } catch (error) {
        metrics.jobsProcessed.inc({ name: job.name, outcome: 'failed' });
        throw error;
      }
    },
    { connection, prefix: `${config.redis.prefix}:bull`, concurrency: 5, autorun: true },
  );
  worker.on('error', (error) => logger.error({ err: error }, 'worker error'));

  if (options.schedule !== false) {
    // Nightly verification of the audit chain, 03:00 Beijing time.
    await context
      .get(QueueService)
      .queue.upsertJobScheduler(
        'audit-verify-nightly',
        { pattern: '0 3 * * *', tz: 'Asia/Shanghai' },
        { name: 'audit.verify-chain', data: { requestedByUserId: null } },
      );
    // Daily reminders to streets short of their minimum, 08:00 Beijing time.
    await context.get(QueueService).queue.upsertJobScheduler(
      'street-reminders-daily',
      { pattern: '0 8 * * *', tz: 'Asia/Shanghai' },
      { name: 'competitions.remind-short-streets', data: { date: 'today' } },
    );
    // Stipends: remind streets to report their quarterly roster before the quarter ends, 08:10.
    await context.get(QueueService).queue.upsertJobScheduler(
      'stipend-report-reminders-daily',
      { pattern: '10 8 * * *', tz: 'Asia/Shanghai' },
      { name: 'stipends.remind-streets', data: { date: 'today' } },
    );
    await context.get(QueueService).queue.upsertJobScheduler(
      'review-reminders-daily',
      { pattern: '0 8 * * *', tz: 'Asia/Shanghai' },
      { name: 'reviews.remind-pending', data: { date: 'today' } },
    );
    await context.get(QueueService).queue.upsertJobScheduler(
      'close-notices-daily',
      { pattern: '5 0 * * *', tz: 'Asia/Shanghai' },
      { name: 'awards.close-notices', data: {} },
    );
    // Delivery: open projects for newly approved awards, and remind officers of overdue reports.
    await context.get(QueueService).queue.upsertJobScheduler(
      'delivery-open-projects',
      { every: 10 * 60 * 1000 },
      { name: 'delivery.open-projects', data: {} },
    );
    await context.get(QueueService).queue.upsertJobScheduler(
      'delivery-overdue-daily',
      { pattern: '20 8 * * *', tz: 'Asia/Shanghai' },
      { name: 'delivery.remind-overdue', data: { date: 'today' } },
    );
  }

  return {
    log: (message) => logger.log(message),
    close: async () => {
      // Let running jobs finish (they hold database connections), but never wait for long:
      // with Redis unreachable a graceful close can hang, and then the close is forced.
      const drained = await Promise.race([
        worker.close().then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 4000).unref()),
      ]);
      if (!drained) await Promise.race([worker.close(true), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      await context.close();
    },
  };
}
