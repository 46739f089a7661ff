import { Module } from '@nestjs/common';
import { CompetitionsModule } from '../competitions/competitions.module.js';
import { ReviewExportsService } from './review-exports.service.js';
import { ReviewRankHandler, ReviewReminderHandler } from './review-jobs.handlers.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsService } from './reviews.service.js';

@Module({
  imports: [CompetitionsModule],
  controllers: [ReviewsController],
  providers: [ReviewsService, ReviewExportsService, ReviewRankHandler, ReviewReminderHandler],
  exports: [ReviewsService],
})
export class ReviewsModule {}
