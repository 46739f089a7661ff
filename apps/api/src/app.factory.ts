import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { AppModule } from './app.module.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { languageOf, mapError } from './common/error-response.js';
import { refuseUnstorableText } from './common/hostile-text.js';
import { PinoNestLogger, requestLogSerializers } from './common/pino-nest-logger.js';
import { OneLineRequestLog, securityHeadersFor, streamOnlyMultipart } from './common/request-pipeline.js';
import type { AppConfig } from './config/app-config.js';
import { METRICS, type Metrics } from './modules/metrics/metrics.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the HTTP application (not yet listening). Used by main.ts, the tests and the bench. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      // No query values (search text can be a name or a phone number) and no full addresses.
      serializers: requestLogSerializers,
    },
    // One line per request, on completion (see request-pipeline.ts).
    logController: new OneLineRequestLog(),
    // Honour a caller's request id (from a proxy) when it is sane; otherwise make one.
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  app.useLogger(new PinoNestLogger(fastify.log));
  app.enableShutdownHooks();

  // Cookies are parsed where they are read (the refresh cookie, in auth.controller.ts), not by a
  // hook on every request: only two routes read one. Setting cookies works as before.
  await app.register(fastifyCookie as never, { hook: false });
  await app.register(streamOnlyMultipart(fastifyMultipart as never) as never, {
    limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });
  refuseUnstorableText(fastify);
  // Security headers computed once and replayed on every reply (request-pipeline.ts): helmet's
  // full set for documents, a lean one for the API's data. Running helmet per request cost ~10 µs.
  // Synchronous hooks with callbacks: an async hook costs a promise and a microtask per request.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(securityHeadersFor(request.url)).header('x-request-id', request.id);
    done();
  });

  const metrics = app.get<Metrics>(METRICS);
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
    done();
  });
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.useGlobalFilters(new AllExceptionsFilter());

  if (config.swaggerEnabled) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Xiaoshi 小实事 API')
        .setDescription('Community micro-grant competitions, stipends and performance targets')
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }

  serveWebApp(fastify, config.webDistDir);
  return app;
}

/**
 * Serves the built single-page app on the same port as the API. Unknown non-API paths get
 * index.html so that client-side routes survive a reload; unknown API paths stay JSON 404s.
 */
function serveWebApp(fastify: FastifyInstance, webDistDir: string): void {
  const indexFile = path.join(webDistDir, 'index.html');
  const hasWeb = existsSync(indexFile);
  const hasLoginPage = existsSync(path.join(webDistDir, 'login.html'));
  if (hasWeb) {
    void fastify.register(fastifyStatic, {
      root: webDistDir,
      wildcard: false,
      index: false,
      // The build writes a brotli and a gzip copy of each text file (apps/web/vite.config.ts):
      // served to clients that accept them, never compressed per request. The copies are
      // variants of their file, not routes of their own.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      maxAge: '1y',
      immutable: true,
      setHeaders: (reply, filePath) => {
        if (!filePath.includes(`${path.sep}assets${path.sep}`))
          void reply.header('cache-control', 'no-cache');
      },
    });
  }
  fastify.get('/*', (request, reply) => {
    const url = request.url;
    // Hashed assets written after boot (a rebuild or an in-place deploy) are unknown to the static
    // plugin's route table: serve them from disk when they exist. A missing one must be a 404,
    // never index.html served as script.
    if (hasWeb && url.startsWith('/assets/')) {
      const relative = decodeURIComponent(url.split('?')[0]).slice(1);
      const file = path.resolve(webDistDir, relative);
      const compressedCopy = /\.(br|gz)$/.test(relative); // served only as their file's encoding
      if (
        !compressedCopy &&
        file.startsWith(path.resolve(webDistDir, 'assets') + path.sep) &&
        existsSync(file)
      ) {
        return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(relative);
      }
    }
    if (
      !hasWeb ||
      url.startsWith('/api/') ||
      url === '/api' ||
      url.startsWith('/metrics') ||
      url.startsWith('/assets/')
    ) {
      const mapped = mapError(
        { code: 'FST_ERR_NOT_FOUND', statusCode: 404 },
        languageOf(request.headers['accept-language']),
        String(request.id),
      );
      return reply.status(404).send(mapped.body);
    }
    // The sign-in page comes with its markup already drawn (login.html, written by the web build).
    const page = hasLoginPage && url.split('?')[0] === '/login' ? 'login.html' : 'index.html';
    return reply.header('cache-control', 'no-cache').sendFile(page);
  });
}
