import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { TrainingNormsService } from './training-norms.service.js';
import { TripCompletionService } from './trip-completion.service.js';
import { TripsController } from './trips.controller.js';
import { TripsMetrics } from './trips.metrics.js';
import { TripsRepository } from './trips.repository.js';
import { TripsService } from './trips.service.js';
import { TripsFiguresRepository } from './trips-figures.repository.js';
import { TripsFiguresService } from './trips-figures.service.js';
import { TripsTodo } from './trips.todo.js';

/** Study and training trips (issue 15); actual costs go through the budgets module's service. */
@Module({
  imports: [BudgetsModule],
  controllers: [TripsController],
  providers: [
    TripsRepository,
    TrainingNormsService,
    TripsService,
    TripCompletionService,
    TripsMetrics,
    TripsFiguresRepository,
    TripsFiguresService,
    TripsTodo,
  ],
  exports: [TrainingNormsService, TripsService, TripCompletionService],
})
export class TripsModule {}
