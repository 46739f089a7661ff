import { Module } from '@nestjs/common';
import { ApplicationLifecycleRepository } from './application-lifecycle.repository.js';
import { ApplicationLifecycleService } from './application-lifecycle.service.js';
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
    ApplicationLifecycleService,
    ApplicationLifecycleRepository,
    AttachmentsService,
    ApplicationsFiguresRepository,
    ApplicationsFiguresService,
    ApplicationsTodo,
  ],
  exports: [ApplicationsService, ApplicationLifecycleService, ApplicationsFiguresService],
})
export class ApplicationsModule {}
