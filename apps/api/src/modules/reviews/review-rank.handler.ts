import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import type { JobPayloads } from '../../queue/jobs.js';
import { ReviewRankingService } from './review-ranking.service.js';

@Injectable()
@HandlesJob('reviews.rank')
export class ReviewRankHandler implements JobHandler<'reviews.rank'> {
  constructor(private readonly ranking: ReviewRankingService) {}

  handle(payload: JobPayloads['reviews.rank']): Promise<number> {
    return this.ranking.recomputeRanking(payload.competitionId);
  }
}
