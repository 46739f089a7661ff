import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { CompetitionsModule } from '../competitions/competitions.module.js';
import { ReviewExportsService } from './review-exports.service.js';
import { ReviewRankHandler, ReviewReminderHandler } from './review-jobs.handlers.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewRemindersRepository } from './review-reminders.repository.js';
import { ReviewReminders } from './review.reminders.js';
import { ReviewsFiguresRepository } from './reviews-figures.repository.js';
import { ReviewsFiguresService } from './reviews-figures.service.js';
import { ReviewsTodo } from './reviews.todo.js';
import { ReviewsService } from './reviews.service.js';

@Module({
  imports: [ApplicationsModule, CompetitionsModule],
  controllers: [ReviewsController],
  providers: [
    ReviewsService,
    ReviewExportsService,
    ReviewRankHandler,
    ReviewReminderHandler,
    ReviewsFiguresRepository,
    ReviewsFiguresService,
    ReviewsTodo,
    ReviewReminders,
    ReviewRemindersRepository,
  ],
  exports: [ReviewsService, ReviewsFiguresService],
})
export class ReviewsModule {}
