import { Injectable } from '@nestjs/common';
import { formatShanghaiMinute, lastDayOfWindow, reminderOffsetDue, workingDaysBetween } from '@xiaoshi/domain';
import {
  ReminderSource,
  type DueReminder,
  type ReminderContext,
  type ReminderSourceProvider,
} from '../../common/reminder-source.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CompetitionRemindersRepository, type OpenWindowRow } from './competition-reminders.repository.js';

/** "Window closes in 3 working days", then "on the next working day". */
export const WINDOW_CLOSING_OFFSETS = [3, 1] as const;

/**
 * The competitions' reminders: a submission window about to close (to the district's street
 * officers and whoever still has a draft), and each street still short of its minimum (to its
 * officers, every working day of the call's reminder period before the close).
 */
@Injectable()
@ReminderSource()
export class CompetitionReminders implements ReminderSourceProvider {
  constructor(
    private readonly repository: CompetitionRemindersRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async reminders(context: ReminderContext): Promise<DueReminder[]> {
    const windows = await this.repository.openWindows(context.now);
    if (!windows.length) return [];
    const counts = await this.repository.streetCounts(windows.map((row) => row.id));
    const streetIds = [...new Set(counts.map((row) => row.street_id))];
    const officers = await this.notifications.usersWithRoleByUnit('street_officer', streetIds);
    return [
      ...(await this.windowClosing(context, windows, counts, officers)),
      ...this.streetShort(context, windows, counts, officers),
    ];
  }

  private async windowClosing(
    context: ReminderContext,
    windows: OpenWindowRow[],
    counts: Array<{ competition_id: number; street_id: number }>,
    officers: Map<number, number[]>,
  ): Promise<DueReminder[]> {
    const due = windows
      .map((row) => ({ row, days: reminderOffsetDue(context.date, lastDayOfWindow(row.closes_at), WINDOW_CLOSING_OFFSETS, context.calendar) }))
      .filter((entry): entry is { row: OpenWindowRow; days: number } => entry.days !== null);
    if (!due.length) return [];
    const drafters = await this.repository.drafters(due.map((entry) => entry.row.id));
    return due.map(({ row, days }) => ({
      kind: 'competition.window_closing',
      recipients: [
        ...counts.filter((count) => count.competition_id === row.id).flatMap((count) => officers.get(count.street_id) ?? []),
        ...drafters.filter((drafter) => drafter.competition_id === row.id).map((drafter) => drafter.user_id),
      ],
      subject: { type: 'competition', id: row.id },
      due: lastDayOfWindow(row.closes_at),
      params: { competition: row.title, closesAt: formatShanghaiMinute(row.closes_at), days },
      link: `/competitions/${row.id}`,
    }));
  }

  /** Streets below the minimum, within the call's reminder period (calendar days) before the close. */
  private streetShort(
    context: ReminderContext,
    windows: OpenWindowRow[],
    counts: Array<{ competition_id: number; street_id: number; submitted: number }>,
    officers: Map<number, number[]>,
  ): DueReminder[] {
    const out: DueReminder[] = [];
    for (const row of windows) {
      const lastDay = lastDayOfWindow(row.closes_at);
      const calendarDaysLeft = (Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${context.date}T00:00:00Z`)) / 86_400_000;
      if (row.min_per_street <= 0 || calendarDaysLeft > row.reminder_days_before_close) continue;
      for (const count of counts.filter((entry) => entry.competition_id === row.id && entry.submitted < row.min_per_street)) {
        out.push({
          kind: 'competition.street_short',
          recipients: officers.get(count.street_id) ?? [],
          subject: { type: 'competition-street', id: `${row.id}-${count.street_id}` },
          due: lastDay,
          params: {
            competition: row.title,
            submitted: count.submitted,
            minimum: row.min_per_street,
            closesAt: formatShanghaiMinute(row.closes_at),
            workingDaysLeft: workingDaysBetween(context.date, lastDay, context.calendar),
          },
          link: `/competitions/${row.id}`,
        });
      }
    }
    return out;
  }
}
