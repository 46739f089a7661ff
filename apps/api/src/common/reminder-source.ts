import { SetMetadata } from '@nestjs/common';
import type { ReminderKind } from '@xiaoshi/contracts';
import type { HolidayCalendar } from '@xiaoshi/domain';

/**
 * The contract between the notifications module, which sends scheduled reminders once a day on
 * working days, and the modules that know what is due (a window closing, a sheet to score, a 公示
 * ending, a payment to approve…). A module publishes its reminders by declaring a provider class
 * marked `@ReminderSource()` that implements `ReminderSourceProvider`; the notifications module
 * discovers every such provider at boot (Nest's DiscoveryService) and fans the reminders out to
 * in-app, e-mail and SMS. Dependencies stay one way: no source module imports the notifications
 * module for this, and the notifications module never reads another module's tables.
 *
 * The working-day calendar is data owned by the awards module (calendar_day); it publishes it the
 * same way, with `@WorkingCalendarSource()`.
 */
export const REMINDER_SOURCE = 'xiaoshi:reminder-source';
export const WORKING_CALENDAR_SOURCE = 'xiaoshi:working-calendar-source';

/** Marks an injectable provider class as a publisher of reminders. */
export const ReminderSource = (): ClassDecorator => SetMetadata(REMINDER_SOURCE, true);

/** Marks the provider that answers the working-day calendar (exactly one in the application). */
export const WorkingCalendarSource = (): ClassDecorator => SetMetadata(WORKING_CALENDAR_SOURCE, true);

export interface ReminderContext {
  /** The day the reminders are for (Asia/Shanghai, 'YYYY-MM-DD'); always a working day. */
  date: string;
  /** 09:00 Beijing time on that day: "now" for windows that open and close at an instant. */
  now: Date;
  calendar: HolidayCalendar;
}

/** One reminder about one thing (a competition, a notice, a project…) to one or more users. */
export interface DueReminder {
  kind: ReminderKind;
  /** Users to remind (active accounts; duplicates are dropped). */
  recipients: readonly number[];
  /** What it is about, e.g. { type: 'competition', id: 12 }: part of the once-only key. */
  subject: { type: string; id: number | string };
  /** The deadline or event day the reminder is about (YYYY-MM-DD), shown to admins. */
  due: string | null;
  /** Template parameters (notification-templates.ts names the ones each kind uses). */
  params: Record<string, string | number>;
  /** Portal path that opens the subject, e.g. '/competitions/12'. */
  link: string | null;
  /**
   * How often a recipient may get this reminder about this subject: once per `period`. Defaults to
   * the day (at most once per recipient per day); e.g. a quarter ('2026Q1') sends it once a quarter.
   */
  period?: string;
}

export interface ReminderSourceProvider {
  /** Reminders due on `context.date`. Providers only read; the notifications module sends. */
  reminders(context: ReminderContext): Promise<DueReminder[]>;
}

export interface WorkingCalendarProvider {
  holidayCalendar(): Promise<HolidayCalendar>;
}
