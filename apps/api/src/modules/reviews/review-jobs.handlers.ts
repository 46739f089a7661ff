import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import type { JobPayloads } from '../../queue/jobs.js';
import { ReviewsService } from './reviews.service.js';
import { shanghaiDate } from '@xiaoshi/domain';

@Injectable()
@HandlesJob('reviews.rank')
export class ReviewRankHandler implements JobHandler<'reviews.rank'> {
  constructor(private readonly reviews: ReviewsService) {}

  handle(payload: JobPayloads['reviews.rank']): Promise<number> {
    return this.reviews.recomputeRanking(payload.competitionId);
  }
}

@Injectable()
@HandlesJob('reviews.remind-pending')
export class ReviewReminderHandler implements JobHandler<'reviews.remind-pending'> {
  constructor(private readonly reviews: ReviewsService) {}

  handle(payload: JobPayloads['reviews.remind-pending']): Promise<number> {
    const date = payload.date === 'today' ? shanghaiDate(new Date()) : payload.date;
    return this.reviews.remindPending(date);
  }
}
