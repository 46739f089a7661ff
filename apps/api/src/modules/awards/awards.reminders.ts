import { Injectable } from '@nestjs/common';
import type { HolidayCalendar } from '@xiaoshi/domain';
import { nudgeDue, reminderOffsetDue } from '@xiaoshi/domain';
import {
  ReminderSource,
  WorkingCalendarSource,
  type DueReminder,
  type ReminderContext,
  type ReminderSourceProvider,
  type WorkingCalendarProvider,
} from '../../common/reminder-source.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { AwardsRemindersRepository } from './awards-reminders.repository.js';
import { CalendarService } from './calendar.service.js';

/**
 * The awards' reminders to the district admins: a 公示 ending on the next working day, and
 * objections waiting for a decision (every working day while they wait). The awards module owns the
 * working-day calendar (calendar_day), so it also publishes it to the reminder runner.
 */
@Injectable()
@ReminderSource()
@WorkingCalendarSource()
export class AwardReminders implements ReminderSourceProvider, WorkingCalendarProvider {
  constructor(
    private readonly repository: AwardsRemindersRepository,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationsService,
  ) {}

  holidayCalendar(): Promise<HolidayCalendar> {
    return this.calendar.holidayCalendar();
  }

  async reminders(context: ReminderContext): Promise<DueReminder[]> {
    const notices = await this.repository.openNotices();
    if (!notices.length) return [];
    const admins = await this.notifications.usersWithRoleByUnit('district_admin', notices.map((row) => row.district_id));
    const out: DueReminder[] = [];
    for (const notice of notices) {
      const recipients = admins.get(notice.district_id) ?? [];
      if (reminderOffsetDue(context.date, notice.last_day, [1], context.calendar) !== null) {
        out.push({
          kind: 'notice.ending',
          recipients,
          subject: { type: 'notice', id: notice.id },
          due: notice.last_day,
          params: { notice: notice.title, lastDay: notice.last_day, pendingObjections: notice.pending_objections },
          link: `/notices/${notice.id}`,
        });
      }
      if (notice.oldest_pending_on && nudgeDue(notice.oldest_pending_on, context.date, 1, context.calendar)) {
        out.push({
          kind: 'objection.to_decide',
          recipients,
          subject: { type: 'notice', id: notice.id },
          due: notice.last_day,
          params: { notice: notice.title, pending: notice.pending_objections, lastDay: notice.last_day },
          link: `/notices/${notice.id}`,
        });
      }
    }
    return out;
  }
}
