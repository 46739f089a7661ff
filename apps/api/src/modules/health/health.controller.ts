import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthReport } from '@xiaoshi/contracts';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { RETRY_AFTER_SECONDS } from '../../common/error-response.js';
import { Public } from '../../common/route-access.decorator.js';
import { REDIS_FAST } from '../../redis/redis.module.js';
import { HealthRepository } from './health.repository.js';

/** Probe results are reused for this long, so load balancers polling hard cannot load the database. */
const PROBE_TTL_MS = 1000;

async function probe(action: () => Promise<unknown>, timeoutMs: number): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      action(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
    ]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/api/health`: 200 when PostgreSQL and Redis both answer, otherwise 503 with `Retry-After` and
 * `checks` naming the dependency that is down.
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  private last: { at: number; report: Promise<HealthReport> } | null = null;

  constructor(
    private readonly database: HealthRepository,
    @Inject(REDIS_FAST) private readonly redis: Redis,
  ) {}

  private async check(): Promise<HealthReport> {
    const [database, redis] = await Promise.all([
      probe(() => this.database.ping(), 2000),
      probe(() => this.redis.ping(), 2000),
    ]);
    return {
      status: database === 'up' && redis === 'up' ? 'ok' : 'degraded',
      checkedAt: new Date().toISOString(),
      checks: { database, redis },
    };
  }

  @Get()
  @Public()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const now = Date.now();
    // One probe in flight at a time; concurrent callers share its answer.
    if (!this.last || now - this.last.at > PROBE_TTL_MS) this.last = { at: now, report: this.check() };
    const report = await this.last.report;
    void reply.status(report.status === 'ok' ? 200 : 503).header('cache-control', 'no-store');
    if (report.status !== 'ok') void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return report;
  }
}
