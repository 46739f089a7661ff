import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source.js';
import { ThrottleModule } from './common/throttle.js';
import { AccessModule } from './modules/access/access.module.js';
import { ApplicationsModule } from './modules/applications/applications.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { AwardsModule } from './modules/awards/awards.module.js';
import { BudgetsModule } from './modules/budgets/budgets.module.js';
import { CompetitionsModule } from './modules/competitions/competitions.module.js';
import { DashboardsModule } from './modules/dashboards/dashboards.module.js';
import { ExportsModule } from './modules/exports/exports.module.js';
import { FilesModule } from './modules/files/files.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { MetricsModule } from './modules/metrics/metrics.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { OrgsModule } from './modules/orgs/orgs.module.js';
import { StipendsModule } from './modules/stipends/stipends.module.js';
import { ReviewsModule } from './modules/reviews/reviews.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { DeliveryModule } from './modules/delivery/delivery.module.js';
import { PaymentsModule } from './modules/payments/payments.module.js';
import { SocialOrgsModule } from './modules/social-orgs/social-orgs.module.js';
import { TripsModule } from './modules/trips/trips.module.js';
import { PerformanceModule } from './modules/performance/performance.module.js';
import { SurveysModule } from './modules/surveys/surveys.module.js';
import { RollupsModule } from './modules/rollups/rollups.module.js';
import { QueueModule } from './queue/queue.module.js';
import { RedisModule } from './redis/redis.module.js';

@Module({})
export class AppModule {
  /** The configuration is passed in, never read here: tests and tools build their own. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({ useFactory: () => ({ ...dataSourceOptions(config), migrationsRun: false }) }),
        DiscoveryModule,
        RedisModule,
        MetricsModule,
        QueueModule,
        AuditModule,
        AccessModule,
        OrgsModule,
        UsersModule,
        AuthModule,
        FilesModule,
        NotificationsModule,
        BudgetsModule,
        CompetitionsModule,
        ApplicationsModule,
        ExportsModule,
        StipendsModule,
        AwardsModule,
        ThrottleModule,
        ReviewsModule,
        DeliveryModule,
        PaymentsModule,
        TripsModule,
        SocialOrgsModule,
        SurveysModule,
        PerformanceModule,
        DashboardsModule,
        RollupsModule,
        HealthModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
