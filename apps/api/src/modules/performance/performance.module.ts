import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { OrgsModule } from '../orgs/orgs.module.js';
import { ActualValuesRepository } from './actual-values.repository.js';
import { ActualValuesService } from './actual-values.service.js';
import { EvaluationExportService } from './evaluation-export.service.js';
import { EvaluationsRepository } from './evaluations.repository.js';
import { MetricCatalogue } from './metric-catalogue.service.js';
import { PerformanceFiguresService } from './performance-figures.service.js';
import { PerformanceController } from './performance.controller.js';
import { SelfEvaluationController } from './self-evaluation.controller.js';
import { SelfEvaluationService } from './self-evaluation.service.js';
import { StreetReportsService } from './street-reports.service.js';
import { TableAccess } from './table-access.service.js';
import { TableFigures } from './table-figures.service.js';
import { TargetTablesRepository } from './target-tables.repository.js';
import { TargetTablesService } from './target-tables.service.js';

/**
 * Performance target tables (项目绩效目标表) and the self-evaluation. Live figures come only from
 * the metrics other modules publish (apps/api/src/common/metric-source.ts), found by discovery.
 */
@Module({
  imports: [DiscoveryModule, BudgetsModule, OrgsModule],
  controllers: [PerformanceController, SelfEvaluationController],
  providers: [
    TargetTablesRepository,
    ActualValuesRepository,
    EvaluationsRepository,
    MetricCatalogue,
    TableAccess,
    TableFigures,
    TargetTablesService,
    ActualValuesService,
    SelfEvaluationService,
    StreetReportsService,
    EvaluationExportService,
    PerformanceFiguresService,
  ],
  exports: [ActualValuesService, SelfEvaluationService, PerformanceFiguresService],
})
export class PerformanceModule {}
