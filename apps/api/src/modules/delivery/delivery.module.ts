import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AcceptanceService } from './acceptance.service.js';
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
import { InspectionsRepository } from './inspections.repository.js';
import { InspectionsService } from './inspections.service.js';
import { ProgressRepository } from './progress.repository.js';
import { ProgressService } from './progress.service.js';
import { ProjectMovesService } from './project-moves.service.js';
import { ProjectOpeningService } from './project-opening.service.js';
import { ProjectPhotosService } from './project-photos.service.js';
import { ProjectsRepository } from './projects.repository.js';
import { ProjectsService } from './projects.service.js';

/**
 * Delivery: projects opened from approved awards (tranches, milestones), progress reports and
 * photos, acceptance (requests, inspectors under the conflict rules, inspections, rectification).
 * The project's moves drive the application's lifecycle through the applications module.
 */
@Module({
  imports: [ApplicationsModule],
  controllers: [DeliveryController],
  providers: [
    ProjectsRepository,
    InspectionsRepository,
    ProgressRepository,
    ProjectsService,
    ProjectMovesService,
    ProjectOpeningService,
    ProgressService,
    ProjectPhotosService,
    AcceptanceService,
    InspectionsService,
    DeliveryService,
    OpenProjectsHandler,
    RemindOverdueHandler,
    DeliveryMetrics,
    DeliveryMetricsRepository,
    DeliveryReminders,
    DeliveryRemindersRepository,
    DeliveryFiguresRepository,
    DeliveryFiguresService,
    DeliveryTodo,
  ],
  exports: [DeliveryService, DeliveryFiguresService],
})
export class DeliveryModule {}
