import { Logger } from '@nestjs/common';
import { DiscoveryService, NestFactory, Reflector } from '@nestjs/core';
import { DelayedError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { AppModule } from '../app.module.js';
import { RETRY_AFTER_SECONDS, isServiceUnavailable } from '../common/error-response.js';
import { PinoNestLogger } from '../common/pino-nest-logger.js';
import type { AppConfig } from '../config/app-config.js';
import { METRICS, type Metrics } from '../modules/metrics/metrics.js';
import { REDIS_FAST, REDIS_QUEUE } from '../redis/redis.module.js';
import { JOB_HANDLER, checkJobHandlers, type JobHandler } from './job-handler.js';
import { JOB_NAMES, QUEUE_NAME, type JobName } from './jobs.js';
import { QueueService } from './queue.service.js';
import { restoreMissingSchedules, upsertSchedules } from './schedules.js';

export interface RunningWorker {
  close(): Promise<void>;
  log(message: string): void;
}

/**
 * The worker process: the same modules as the API, no HTTP. Every job name must have exactly one
 * handler or the worker refuses to start.
 *
 * PostgreSQL away: a job that fails for it is put back for a few seconds without spending an
 * attempt. Redis away and back: BullMQ reconnects by itself; a job whose worker died mid-run is
 * taken up again once its lock lapses (WORKER_LOCK_DURATION_MS, checked every
 * WORKER_STALLED_INTERVAL_MS).
 * Redis losing its data: every scheduled job (schedules.ts) is registered at boot, checked again
 * whenever the connection becomes ready after a disconnect, and every SCHEDULE_CHECK_INTERVAL_MS
 * (a FLUSHALL needs no disconnect); missing ones are restored.
 */
export async function createWorker(
  config: AppConfig,
  options: { schedule?: boolean } = {},
): Promise<RunningWorker> {
  const context = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: config.logLevel === 'silent' ? false : new PinoNestLogger(pino({ level: config.logLevel })),
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
    async (job, token) => {
      const handler = handlers.get(job.name as JobName);
      if (!handler) throw new Error(`No handler for job ${job.name}`);
      try {
        const result = await handler.handle(job.data);
        metrics.jobsProcessed.inc({ name: job.name, outcome: 'completed' });
        return result;
      } catch (error) {
        // PostgreSQL (or Redis) away: try again a little later without spending one of the job's
        // attempts, so that an outage longer than the retry backoff does not fail the job for good.
        if (token && isServiceUnavailable(error)) {
          metrics.jobsProcessed.inc({ name: job.name, outcome: 'deferred' });
          logger.warn(
            { jobId: job.id, name: job.name, err: error },
            'job deferred: a service is unavailable',
          );
          await job.moveToDelayed(Date.now() + RETRY_AFTER_SECONDS * 1000, token);
          throw new DelayedError();
        }
        metrics.jobsProcessed.inc({ name: job.name, outcome: 'failed' });
        throw error;
      }
    },
    {
      connection,
      prefix: `${config.redis.prefix}:bull`,
      concurrency: 5,
      autorun: true,
      lockDuration: config.queue.lockDurationMs,
      stalledInterval: config.queue.stalledIntervalMs,
      maxStalledCount: config.queue.maxStalledCount,
    },
  );
  worker.on('error', (error) => logger.error({ err: error }, 'worker error'));
  // Ids and names only: payloads are ids too, but a job's data is never logged.
  worker.on('failed', (job, error) =>
    logger.warn(
      { jobId: job?.id, name: job?.name, attemptsMade: job?.attemptsMade, err: error },
      'job failed',
    ),
  );

  let stopKeeping: () => void = () => undefined;
  if (options.schedule !== false) {
    stopKeeping = await keepSchedules(
      context.get(QueueService),
      context.get<Redis>(REDIS_FAST),
      config,
      logger,
    );
  }

  return {
    log: (message) => logger.log(message),
    close: async () => {
      stopKeeping();
      // Let running jobs finish (they hold database connections), but never wait for long:
      // with Redis unreachable a graceful close can hang, and then the close is forced.
      const drained = await Promise.race([
        worker.close().then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 4000).unref()),
      ]);
      if (!drained)
        await Promise.race([worker.close(true), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      await context.close();
    },
  };
}

/** Registers every schedule now, then restores lost ones on reconnect and periodically. Returns a stop function. */
async function keepSchedules(
  queues: QueueService,
  connection: Redis,
  config: AppConfig,
  logger: Logger,
): Promise<() => void> {
  await upsertSchedules(queues.queue);
  let checking = false;
  const check = async (reason: string) => {
    if (checking) return;
    checking = true;
    try {
      const restored = await restoreMissingSchedules(queues.queue);
      if (restored.length) logger.warn({ reason, restored }, 'restored scheduled jobs missing from Redis');
    } catch (error) {
      logger.warn({ reason, err: error }, 'could not check scheduled jobs; will retry');
    } finally {
      checking = false;
    }
  };
  const onReady = () => void check('redis connection ready');
  connection.on('ready', onReady);
  const timer = setInterval(() => void check('periodic check'), config.queue.scheduleCheckIntervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    connection.off('ready', onReady);
  };
}
