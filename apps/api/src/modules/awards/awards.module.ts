import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { CompetitionsModule } from '../competitions/competitions.module.js';
import { AwardDecisionsRepository } from './award-decisions.repository.js';
import { AwardExportsService } from './award-exports.service.js';
import { CloseNoticesHandler } from './award-jobs.handler.js';
import { AwardTransitionsService } from './award-transitions.service.js';
import { AwardsController, PublicAwardsController } from './awards.controller.js';
import { AwardsFiguresRepository } from './awards-figures.repository.js';
import { AwardsFiguresService } from './awards-figures.service.js';
import { AwardsTodo } from './awards.todo.js';
import { AwardsRepository } from './awards.repository.js';
import { AwardsRemindersRepository } from './awards-reminders.repository.js';
import { AwardReminders } from './awards.reminders.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { DecisionsService } from './decisions.service.js';
import { NoticesService } from './notices.service.js';
import { NoticesRepository } from './notices.repository.js';
import { ObjectionsRepository } from './objections.repository.js';
import { ObjectionsService } from './objections.service.js';
import { SelectionService } from './selection.service.js';

/** Selection, decisions, 公示 with objections, approval (立项) — one service per seam. */
@Module({
  imports: [ApplicationsModule, BudgetsModule, CompetitionsModule],
  controllers: [AwardsController, PublicAwardsController, CalendarController],
  providers: [
    AwardsRepository,
    AwardDecisionsRepository,
    NoticesRepository,
    AwardTransitionsService,
    SelectionService,
    DecisionsService,
    NoticesService,
    ObjectionsService,
    ObjectionsRepository,
    CalendarService,
    AwardReminders,
    AwardsRemindersRepository,
    AwardExportsService,
    CloseNoticesHandler,
    AwardsFiguresRepository,
    AwardsFiguresService,
    AwardsTodo,
  ],
  exports: [AwardsFiguresService],
})
export class AwardsModule {}
