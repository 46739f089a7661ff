import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DomainError, QUEUE_COUNT_STATES, type QueueCountsView } from '@xiaoshi/contracts';
import { Queue, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import { isServiceUnavailable } from '../common/error-response.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { REDIS_FAST } from '../redis/redis.module.js';
import { QUEUE_NAME, type JobName, type JobPayloads } from './jobs.js';
import { onTransactionEnd } from './transaction-hooks.js';

/** How long an enqueue waits for a connection that is reconnecting before answering 503. */
const RECONNECT_GRACE_MS = 500;

/**
 * The producer side: typed enqueueing. The worker process runs the handlers.
 *
 * Redis away never makes a request hang: an enqueue fails within `QUEUE_ENQUEUE_TIMEOUT_MS` with
 * SERVICE_UNAVAILABLE (503). Work that belongs to a database change is enqueued inside its
 * transaction (`enqueue(..., { transaction: manager })`): a failure then rolls the change back, and
 * the job only becomes runnable once the change has committed.
 */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  readonly queue: Queue;
  private readonly logger = new Logger('Queue');
  private readonly timeoutMs: number;
  private readonly commitGraceMs: number;

  constructor(
    @Inject(REDIS_FAST) private readonly connection: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.timeoutMs = config.queue.enqueueTimeoutMs;
    this.commitGraceMs = config.queue.commitGraceMs;
    this.queue = new Queue(QUEUE_NAME, {
      connection,
      prefix: `${config.redis.prefix}:bull`,
      defaultJobOptions: {
        attempts: 3,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      },
    });
    // Connection errors surface on the calls that hit them; an unhandled 'error' event would crash.
    this.queue.on('error', () => undefined);
  }

  /**
   * Adds a job. With `transaction`, the job is added now but held back (delayed) until that
   * transaction commits, then released at once; if the transaction rolls back it is removed. Either
   * way a Redis failure throws (and so rolls the transaction back). Should the release be lost (Redis
   * gone right after the commit), the job still runs after `QUEUE_COMMIT_GRACE_MS`; should the
   * removal be lost, the handler finds no row and does nothing (handlers are idempotent).
   */
  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: JobsOptions & { transaction?: EntityManager } = {},
  ): Promise<Job> {
    const { transaction, ...jobOptions } = options;
    const inTransaction = Boolean(transaction?.queryRunner?.isTransactionActive);
    const job = await this.bounded(() =>
      this.queue.add(
        name,
        payload,
        inTransaction ? { ...jobOptions, delay: this.commitGraceMs } : jobOptions,
      ),
    );
    if (inTransaction && transaction) {
      onTransactionEnd(transaction, {
        commit: () => void this.release(job, jobOptions.delay),
        rollback: () => void job.remove().catch(() => undefined),
      });
    }
    return job;
  }

  async counts(): Promise<QueueCountsView> {
    return this.bounded(() => this.queue.getJobCounts(...QUEUE_COUNT_STATES));
  }

  /** After the commit: run the job now (or after the delay the caller asked for). */
  private async release(job: Job, delay: number | undefined): Promise<void> {
    try {
      if (delay) await job.changeDelay(delay);
      else await job.promote();
    } catch (error) {
      // Already running (the grace period passed) or Redis just went away: it runs anyway.
      this.logger.warn({ jobId: job.id, name: job.name, err: error }, 'could not release a job after commit');
    }
  }

  /** Redis unreachable or silent: SERVICE_UNAVAILABLE within the timeout, never a hang. */
  private async bounded<T>(work: () => Promise<T>): Promise<T> {
    // Closed for good: fail at once.
    if (['close', 'end'].includes(this.connection.status)) {
      throw new DomainError(
        'SERVICE_UNAVAILABLE',
        undefined,
        `queue: Redis connection ${this.connection.status}`,
      );
    }
    // Reconnecting after having been up: a blip (a dropped socket, a failover) is waited out for a
    // moment, a Redis that is down still answers 503 well within a second. (Failing at once turned a
    // reconnect of a few milliseconds into a refused export on a loaded machine.)
    const reconnecting = this.connection.status === 'reconnecting';
    const boundMs = reconnecting ? Math.min(RECONNECT_GRACE_MS, this.timeoutMs) : this.timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    let stopWaiting = () => undefined as void;
    try {
      return await Promise.race([
        // Still connecting (a process just started) or reconnecting: wait for the connection
        // within the bound.
        (this.connection.status === 'ready'
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              this.connection.once('ready', resolve);
              stopWaiting = () => void this.connection.off('ready', resolve);
            })
        ).then(work),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new DomainError(
                  'SERVICE_UNAVAILABLE',
                  undefined,
                  reconnecting
                    ? 'queue: Redis connection reconnecting'
                    : 'queue: Redis did not answer in time',
                ),
              ),
            boundMs,
          );
        }),
      ]);
    } catch (error) {
      if (error instanceof DomainError || !isServiceUnavailable(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new DomainError('SERVICE_UNAVAILABLE', undefined, `queue: Redis unavailable (${reason})`);
    } finally {
      clearTimeout(timer);
      stopWaiting();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // Bounded: with Redis unreachable, close() would otherwise wait on the connection.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.queue.close(), new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
    clearTimeout(timer);
  }
}
