import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { CompetitionsModule } from '../competitions/competitions.module.js';
import { ReviewAccessService } from './review-access.service.js';
import { ReviewAssignmentService } from './review-assignment.service.js';
import { ReviewAssignmentsRepository } from './review-assignments.repository.js';
import { ReviewConflictsRepository } from './review-conflicts.repository.js';
import { ReviewConflictsService } from './review-conflicts.service.js';
import { ReviewExportsRepository } from './review-exports.repository.js';
import { ReviewExportsService } from './review-exports.service.js';
import { ReviewPanelsRepository } from './review-panels.repository.js';
import { ReviewPanelsService } from './review-panels.service.js';
import { ReviewRankHandler } from './review-rank.handler.js';
import { ReviewRankingRepository } from './review-ranking.repository.js';
import { ReviewRankingService } from './review-ranking.service.js';
import { ReviewRemindersRepository } from './review-reminders.repository.js';
import { ReviewReminders } from './review.reminders.js';
import { ReviewerPoolRepository } from './reviewer-pool.repository.js';
import { ReviewerPoolService } from './reviewer-pool.service.js';
import { ReviewerWorkspaceService } from './reviewer-workspace.service.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsFiguresRepository } from './reviews-figures.repository.js';
import { ReviewsFiguresService } from './reviews-figures.service.js';
import { ReviewsTodo } from './reviews.todo.js';
import { ScoreSheetsRepository } from './score-sheets.repository.js';
import { ScoreSheetsService } from './score-sheets.service.js';

/**
 * Panel review (评审): the expert pool, panels, conflicts of interest, assignment, score sheets,
 * ranking and the panel's spreadsheets — one service per seam, SQL in the repositories.
 */
@Module({
  imports: [ApplicationsModule, CompetitionsModule],
  controllers: [ReviewsController],
  providers: [
    ReviewAccessService,
    ReviewerPoolService,
    ReviewerPoolRepository,
    ReviewPanelsService,
    ReviewPanelsRepository,
    ReviewConflictsService,
    ReviewConflictsRepository,
    ReviewAssignmentService,
    ReviewAssignmentsRepository,
    ReviewerWorkspaceService,
    ScoreSheetsService,
    ScoreSheetsRepository,
    ReviewRankingService,
    ReviewRankingRepository,
    ReviewRankHandler,
    ReviewExportsService,
    ReviewExportsRepository,
    ReviewsFiguresRepository,
    ReviewsFiguresService,
    ReviewsTodo,
    ReviewReminders,
    ReviewRemindersRepository,
  ],
  exports: [ReviewRankingService, ReviewsFiguresService],
})
export class ReviewsModule {}
