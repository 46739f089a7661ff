import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { languageOf, mapError } from './error-response.js';
import { safeError } from './pino-nest-logger.js';

const UNAVAILABLE_LOG_INTERVAL_MS = 5_000;

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  /** During an outage every request fails the same way: one warning per interval says so. */
  private lastUnavailableLog = 0;
  private unavailableSinceLog = 0;

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const mapped = mapError(exception, languageOf(request.headers['accept-language']), String(request.id));
    const unavailable = !mapped.unexpected && mapped.retryAfterSeconds !== undefined;
    if (unavailable) this.unavailableSinceLog += 1;
    const logUnavailable = unavailable && Date.now() - this.lastUnavailableLog >= UNAVAILABLE_LOG_INTERVAL_MS;
    if (mapped.unexpected || logUnavailable) {
      // The route pattern, not the URL: query strings carry search text. The error is reduced to
      // its type, code, scrubbed message, SQL text and stack frames: never SQL parameters or bodies.
      const line = {
        requestId: String(request.id),
        method: request.method,
        route: request.routeOptions?.url ?? 'unmatched',
        error: safeError(exception),
      };
      if (mapped.unexpected) this.logger.error(line, 'Unhandled error');
      else {
        this.logger.warn({ ...line, requestsRefused: this.unavailableSinceLog }, 'Service unavailable');
        this.lastUnavailableLog = Date.now();
        this.unavailableSinceLog = 0;
      }
    }
    if (mapped.retryAfterSeconds !== undefined)
      void reply.header('retry-after', String(mapped.retryAfterSeconds));
    void reply.status(mapped.status).send(mapped.body);
  }
}
