import { Injectable } from '@nestjs/common';
import { formatShanghaiMinute, lastDayOfWindow, reminderOffsetDue } from '@xiaoshi/domain';
import {
  ReminderSource,
  type DueReminder,
  type ReminderContext,
  type ReminderSourceProvider,
} from '../../common/reminder-source.js';
import { ReviewRemindersRepository } from './review-reminders.repository.js';

/** Score sheets due: each reviewer with unsubmitted sheets, 3 and 1 working days before the review closes. */
@Injectable()
@ReminderSource()
export class ReviewReminders implements ReminderSourceProvider {
  constructor(private readonly repository: ReviewRemindersRepository) {}

  async reminders(context: ReminderContext): Promise<DueReminder[]> {
    const out: DueReminder[] = [];
    for (const row of await this.repository.pendingSheets(context.now)) {
      const lastDay = lastDayOfWindow(row.review_closes_at);
      const days = reminderOffsetDue(context.date, lastDay, [3, 1], context.calendar);
      if (days === null) continue;
      out.push({
        kind: 'review.sheet_due',
        recipients: [row.reviewer_user_id],
        subject: { type: 'competition-review', id: row.competition_id },
        due: lastDay,
        params: { competition: row.title, pending: row.pending, closesAt: formatShanghaiMinute(row.review_closes_at), days },
        link: '/reviews',
      });
    }
    return out;
  }
}
