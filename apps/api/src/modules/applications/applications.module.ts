import { Module } from '@nestjs/common';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsFiguresRepository } from './applications-figures.repository.js';
import { ApplicationsFiguresService } from './applications-figures.service.js';
import { ApplicationsTodo } from './applications.todo.js';
import { ApplicationsService } from './applications.service.js';
import { AttachmentsService } from './attachments.service.js';

@Module({
  controllers: [ApplicationsController],
  providers: [
    ApplicationsService,
    AttachmentsService,
    ApplicationsFiguresRepository,
    ApplicationsFiguresService,
    ApplicationsTodo,
  ],
  exports: [ApplicationsService, ApplicationsFiguresService],
})
export class ApplicationsModule {}
