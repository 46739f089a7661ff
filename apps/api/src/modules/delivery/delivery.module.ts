import { Module } from '@nestjs/common';
import { OpenProjectsHandler, RemindOverdueHandler } from './delivery-jobs.handler.js';
import { DeliveryController } from './delivery.controller.js';
import { DeliveryFiguresRepository } from './delivery-figures.repository.js';
import { DeliveryFiguresService } from './delivery-figures.service.js';
import { DeliveryTodo } from './delivery.todo.js';
import { DeliveryMetricsRepository } from './delivery-metrics.repository.js';
import { DeliveryMetrics } from './delivery.metrics.js';
import { DeliveryService } from './delivery.service.js';
import { DeliveryRemindersRepository } from './delivery-reminders.repository.js';
import { DeliveryReminders } from './delivery.reminders.js';

@Module({
  controllers: [DeliveryController],
  providers: [
    DeliveryMetrics,
    DeliveryMetricsRepository,
    DeliveryService,
    OpenProjectsHandler,
    RemindOverdueHandler,
    DeliveryReminders,
    DeliveryRemindersRepository,
    DeliveryFiguresRepository,
    DeliveryFiguresService,
    DeliveryTodo,
  ],
  exports: [DeliveryService, DeliveryFiguresService],
})
export class DeliveryModule {}
