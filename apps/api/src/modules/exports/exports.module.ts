import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { UsersModule } from '../users/users.module.js';
import { ExportRunHandler } from './export-run.handler.js';
import { ExportsController } from './exports.controller.js';
import { ExportsRepository } from './exports.repository.js';
import { ExportsService } from './exports.service.js';

@Module({
  imports: [ApplicationsModule, UsersModule],
  controllers: [ExportsController],
  providers: [ExportsService, ExportsRepository, ExportRunHandler],
})
export class ExportsModule {}
