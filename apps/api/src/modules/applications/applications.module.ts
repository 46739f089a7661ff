import { Module } from '@nestjs/common';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';
import { AttachmentsService } from './attachments.service.js';

@Module({
  controllers: [ApplicationsController],
  providers: [ApplicationsService, AttachmentsService],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
