import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { ExportRunHandler } from './export-run.handler.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

@Module({
  imports: [ApplicationsModule],
  controllers: [ExportsController],
  providers: [ExportsService, ExportRunHandler],
})
export class ExportsModule {}
