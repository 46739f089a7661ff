import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError } from '@xiaoshi/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/route-access.decorator.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { METRICS, type Metrics } from './metrics.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether the Authorization header carries the metrics token. Both sides are hashed first, so the
 * comparison takes the same time whatever the presented value's length or content.
 */
export function presentsToken(authorization: string | undefined, token: string): boolean {
  const presented = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(token));
}

/**
 * Prometheus scrape endpoint, outside /api (docs/decisions/0007). It answers only to the bearer
 * METRICS_TOKEN; with no token configured it does not exist (404) on the public port.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const token = this.config.metrics.token;
    if (!token) throw new DomainError('NOT_FOUND');
    if (!presentsToken(authorization, token)) {
      void reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new DomainError('UNAUTHENTICATED');
    }
    void reply.header('content-type', this.metrics.registry.contentType).header('cache-control', 'no-store');
    return this.metrics.registry.metrics();
  }
}
