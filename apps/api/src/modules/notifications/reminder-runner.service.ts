import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReminderKind, ReminderRunView } from '@xiaoshi/contracts';
import { isWorkingDay, shanghaiDate } from '@xiaoshi/domain';
import type { DataSource } from 'typeorm';
import {
  REMINDER_SOURCE,
  WORKING_CALENDAR_SOURCE,
  type DueReminder,
  type ReminderSourceProvider,
  type WorkingCalendarProvider,
} from '../../common/reminder-source.js';
import { NotificationsService } from './notifications.service.js';

interface Discovered {
  sources: Array<{ name: string; provider: ReminderSourceProvider }>;
  calendar: WorkingCalendarProvider;
}

/** The once-only key of a reminder to one recipient (the recipient id is appended per row). */
export function reminderKey(reminder: DueReminder, date: string): string {
  return `reminder:${reminder.kind}:${reminder.subject.type}:${reminder.subject.id}:${reminder.period ?? date}`;
}

/**
 * The daily reminders (issue 14 §4): on working days only, asks every `@ReminderSource()` provider
 * what is due and notifies each recipient at most once per reminder and period (a unique key per
 * recipient, so running the job twice the same day sends nothing more).
 */
@Injectable()
export class ReminderRunner {
  private readonly logger = new Logger('Reminders');
  private discovered: Discovered | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  private load(): Discovered {
    if (this.discovered) return this.discovered;
    const sources: Discovered['sources'] = [];
    const calendars: WorkingCalendarProvider[] = [];
    const seen = new Set<unknown>();
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype || typeof metatype !== 'function' || seen.has(instance)) continue;
      seen.add(instance);
      if (this.reflector.get<boolean | undefined>(REMINDER_SOURCE, metatype)) {
        sources.push({ name: metatype.name, provider: instance as ReminderSourceProvider });
      }
      if (this.reflector.get<boolean | undefined>(WORKING_CALENDAR_SOURCE, metatype)) {
        calendars.push(instance as WorkingCalendarProvider);
      }
    }
    if (calendars.length !== 1) throw new Error(`expected one working calendar source, found ${calendars.length}`);
    this.discovered = { sources, calendar: calendars[0] };
    return this.discovered;
  }

  /** Runs the reminders of `date` ('today' in Beijing time by default), optionally of some kinds only. */
  async run(date: string | 'today', kinds?: readonly ReminderKind[]): Promise<ReminderRunView> {
    const day = date === 'today' ? shanghaiDate(new Date()) : date;
    const { sources, calendar } = this.load();
    const holidays = await calendar.holidayCalendar();
    if (!isWorkingDay(day, holidays)) return { date: day, workingDay: false, reminded: 0, byKind: {} };
    const context = { date: day, now: new Date(`${day}T09:00:00+08:00`), calendar: holidays };
    const byKind: ReminderRunView['byKind'] = {};
    let failed: unknown = null;
    for (const { name, provider } of sources) {
      try {
        const due = (await provider.reminders(context)).filter((reminder) => !kinds || kinds.includes(reminder.kind));
        if (!due.length) continue;
        await this.dataSource.transaction(async (manager) => {
          for (const reminder of due) {
            const ids = await this.notifications.notifyReminder(manager, reminder.recipients, {
              kind: reminder.kind,
              params: reminder.params,
              link: reminder.link,
              dedupeKey: reminderKey(reminder, day),
            });
            byKind[reminder.kind] = (byKind[reminder.kind] ?? 0) + ids.length;
          }
        });
      } catch (error) {
        // One module's failure does not hold back the others; the job fails afterwards and its
        // retry sends only what is still missing (the keys make the rest a no-op).
        this.logger.error({ source: name, date: day, err: error }, 'reminder source failed');
        failed = error;
      }
    }
    if (failed) throw failed;
    const reminded = Object.values(byKind).reduce((sum, count) => sum + count, 0);
    if (reminded) this.logger.log({ date: day, reminded, byKind }, 'reminders sent');
    return { date: day, workingDay: true, reminded, byKind };
  }
}
