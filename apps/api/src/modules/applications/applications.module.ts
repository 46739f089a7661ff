import { Module } from '@nestjs/common';
import { CompetitionsModule } from '../competitions/competitions.module.js';
import { OrgsModule } from '../orgs/orgs.module.js';
import { ApplicationDraftsService } from './application-drafts.service.js';
import { ApplicationFactsRepository } from './application-facts.repository.js';
import { ApplicationFactsService } from './application-facts.service.js';
import { ApplicationLifecycleRepository } from './application-lifecycle.repository.js';
import { ApplicationLifecycleService } from './application-lifecycle.service.js';
import { ApplicationWorkflowService } from './application-workflow.service.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsFiguresRepository } from './applications-figures.repository.js';
import { ApplicationsFiguresService } from './applications-figures.service.js';
import { ApplicationsRepository } from './applications.repository.js';
import { ApplicationsTodo } from './applications.todo.js';
import { ApplicationsService } from './applications.service.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { AttachmentsService } from './attachments.service.js';

@Module({
  imports: [CompetitionsModule, OrgsModule],
  controllers: [ApplicationsController],
  providers: [
    ApplicationsService,
    ApplicationsRepository,
    ApplicationDraftsService,
    ApplicationWorkflowService,
    ApplicationLifecycleService,
    ApplicationLifecycleRepository,
    AttachmentsService,
    AttachmentsRepository,
    ApplicationsFiguresRepository,
    ApplicationsFiguresService,
    ApplicationsTodo,
    ApplicationFactsRepository,
    ApplicationFactsService,
  ],
  exports: [ApplicationsService, ApplicationFactsService, ApplicationLifecycleService, ApplicationsFiguresService, AttachmentsService],
})
export class ApplicationsModule {}
