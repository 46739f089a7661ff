import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { CompetitionsController } from './competitions.controller.js';
import { CompetitionsRepository } from './competitions.repository.js';
import { CompetitionsService } from './competitions.service.js';
import { CompetitionRemindersRepository } from './competition-reminders.repository.js';
import { CompetitionReminders } from './competition.reminders.js';
import { StreetReminderHandler } from './street-reminder.handler.js';

@Module({
  imports: [BudgetsModule],
  controllers: [CompetitionsController],
  providers: [CompetitionsService, CompetitionsRepository, StreetReminderHandler, CompetitionReminders, CompetitionRemindersRepository],
  exports: [CompetitionsService],
})
export class CompetitionsModule {}
