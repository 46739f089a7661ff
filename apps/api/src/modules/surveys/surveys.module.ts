import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { CompetitionsModule } from '../competitions/competitions.module.js';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { SurveyAnswersService } from './survey-answers.service.js';
import { PublicSurveysController, SurveysController } from './surveys.controller.js';
import { SurveysMetrics } from './surveys.metrics.js';
import { SurveysRepository } from './surveys.repository.js';
import { SurveysService } from './surveys.service.js';

/** Satisfaction surveys (满意度测评); publishes `surveys.*` metrics for the target tables. */
@Module({
  imports: [BudgetsModule, CompetitionsModule, DeliveryModule],
  controllers: [SurveysController, PublicSurveysController],
  providers: [SurveysRepository, SurveysService, SurveyAnswersService, SurveysMetrics],
  exports: [SurveysService],
})
export class SurveysModule {}
