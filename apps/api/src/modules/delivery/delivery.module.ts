import { Module } from '@nestjs/common';
import { OpenProjectsHandler, RemindOverdueHandler } from './delivery-jobs.handler.js';
import { DeliveryController } from './delivery.controller.js';
import { DeliveryService } from './delivery.service.js';

@Module({
  controllers: [DeliveryController],
  providers: [DeliveryService, OpenProjectsHandler, RemindOverdueHandler],
  exports: [DeliveryService],
})
export class DeliveryModule {}
