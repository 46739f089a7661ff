import { Injectable } from '@nestjs/common';
import { quarterOf } from '@xiaoshi/domain';
import {
  ReminderSource,
  type DueReminder,
  type ReminderContext,
  type ReminderSourceProvider,
} from '../../common/reminder-source.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { quarterEnd } from './stipend-common.js';
import { StipendRemindersRepository } from './stipend-reminders.repository.js';

/**
 * The quarterly roster report (季度名册报送): within a programme's reminder period before the
 * quarter ends (its report deadline), the officers of every street with people on the roster and
 * no report submitted or approved — once per programme, street and quarter.
 */
@Injectable()
@ReminderSource()
export class StipendReminders implements ReminderSourceProvider {
  constructor(
    private readonly repository: StipendRemindersRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async reminders(context: ReminderContext): Promise<DueReminder[]> {
    const current = quarterOf(context.date);
    if (!current) return [];
    const { year, quarter } = current;
    const due = quarterEnd(year, quarter);
    const daysLeft = Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${context.date}T00:00:00Z`)) / 86_400_000);
    const out: DueReminder[] = [];
    for (const programme of await this.repository.programmesReminding(daysLeft)) {
      const streets = await this.repository.unreportedStreets(programme.id, year, quarter);
      const officers = await this.notifications.usersWithRoleByUnit('street_officer', streets.map((street) => street.street_id));
      for (const street of streets) {
        out.push({
          kind: 'stipend_report.due',
          recipients: officers.get(street.street_id) ?? [],
          subject: { type: 'stipend-programme-street', id: `${programme.id}-${street.street_id}` },
          due,
          params: { year, quarter, programme: programme.name, people: street.people, due },
          link: `/stipends/programmes/${programme.id}/reports?year=${year}&quarter=${quarter}`,
          period: `${year}Q${quarter}`,
        });
      }
    }
    return out;
  }
}
