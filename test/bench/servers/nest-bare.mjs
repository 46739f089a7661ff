// Reference for routes without I/O: the framework alone. NestJS on its Fastify adapter, as the API
// uses them, with one controller answering what /api/health answers once its probe is cached (the
// same shape, status and cache header) — and nothing of the API: no logger, guards, filters,
// hooks, plugins or modules. The API's cost over this line is what the project adds per request;
// this line's cost over node:http is the framework's, which no route of a NestJS app can shed.
// Plain JavaScript: the decorators are applied as functions.
import 'reflect-metadata';
import { Controller, Get, Module, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';

class HealthController {
  async health(reply) {
    void reply.status(200).header('cache-control', 'no-store');
    return { status: 'ok', checkedAt: new Date().toISOString(), checks: { database: 'up', redis: 'up' } };
  }
}
Controller('health')(HealthController);
Get()(
  HealthController.prototype,
  'health',
  Object.getOwnPropertyDescriptor(HealthController.prototype, 'health'),
);
Res({ passthrough: true })(HealthController.prototype, 'health', 0);

class BareModule {}
Module({ controllers: [HealthController] })(BareModule);

const app = await NestFactory.create(BareModule, new FastifyAdapter(), { logger: false });
app.setGlobalPrefix('api');
await app.listen(Number(process.env.PORT), '127.0.0.1');
process.send?.('ready');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
