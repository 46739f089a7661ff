import { shanghaiDate } from './shanghai-time.js';
import { addWorkingDays, isWorkingDay, workingDaysBetween, type HolidayCalendar } from './working-days.js';

/**
 * Rules of notifications and reminders (issue 14): which channels apply to a user, when a reminder
 * is due on the working-day calendar, and the limits of phone verification. Pure: dates are
 * Asia/Shanghai 'YYYY-MM-DD', `now` is an argument.
 */

export interface ChannelChoice {
  email: boolean;
  sms: boolean;
}

export type ChannelSource = 'user' | 'district' | 'builtin';

/**
 * The user's own choice wins, else the district default, else the built-in default. In-app
 * notifications are always on and are not part of the choice.
 */
export function resolveChannels(
  builtin: ChannelChoice,
  district: ChannelChoice | null | undefined,
  user: ChannelChoice | null | undefined,
): ChannelChoice & { source: ChannelSource } {
  if (user) return { email: user.email, sms: user.sms, source: 'user' };
  if (district) return { email: district.email, sms: district.sms, source: 'district' };
  return { email: builtin.email, sms: builtin.sms, source: 'builtin' };
}

/**
 * Built-in channels per topic: e-mail for everything; SMS for the deadline reminders that keep a
 * district's cycle on time (officers live on their phones), not for status-change events.
 */
export function builtinChannels(topic: string): ChannelChoice {
  const smsByDefault = [
    'competition.window_closing',
    'competition.street_short',
    'review.sheet_due',
    'notice.ending',
    'project.report_due',
    'stipend_report.due',
  ];
  return { email: true, sms: smsByDefault.includes(topic) };
}

/**
 * The last calendar day of a window that closes at `closesAt`: a window closing at 00:00 closes at
 * the end of the day before.
 */
export function lastDayOfWindow(closesAt: Date): string {
  return shanghaiDate(new Date(closesAt.getTime() - 1));
}

/** The deadline day itself when it is a working day, else the working day before it. */
export function lastWorkingDayOnOrBefore(day: string, cal: HolidayCalendar): string {
  return isWorkingDay(day, cal) ? day : addWorkingDays(day, -1, cal);
}

/**
 * Which "N working days before" reminder is due today for a deadline, if any. Counted to the last
 * working day on or before the deadline (people act on working days): with offsets [3, 1], a
 * window whose last day is Friday is reminded on Tuesday and Thursday; one closing on a Sunday, on
 * Tuesday and Thursday too. Nothing on a non-working day.
 */
export function reminderOffsetDue(
  today: string,
  deadlineDay: string,
  offsets: readonly number[],
  cal: HolidayCalendar,
): number | null {
  if (!isWorkingDay(today, cal)) return null;
  const left = workingDaysBetween(today, lastWorkingDayOnOrBefore(deadlineDay, cal), cal);
  return offsets.includes(left) ? left : null;
}

/**
 * For work that waits on someone (a payment to approve, an inspection to record): due on the first
 * working day after it started waiting, then every `every` working days while it waits.
 */
export function nudgeDue(waitingSince: string, today: string, every: number, cal: HolidayCalendar): boolean {
  if (!Number.isInteger(every) || every < 1) throw new RangeError(`every must be a positive integer: ${every}`);
  if (!isWorkingDay(today, cal)) return false;
  const waited = workingDaysBetween(waitingSince, today, cal);
  return waited >= 1 && (waited - 1) % every === 0;
}

/** The last working day of the month of `day` ('YYYY-MM-DD'). */
export function lastWorkingDayOfMonth(day: string, cal: HolidayCalendar): string {
  const [year, month] = day.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return lastWorkingDayOnOrBefore(last, cal);
}

/** Phone verification: a 6-digit code, valid 10 minutes, 5 wrong tries. */
export const PHONE_CODE_TTL_MS = 10 * 60 * 1000;
export const PHONE_CODE_MAX_ATTEMPTS = 5;

export type PhoneCodeCheck = 'ok' | 'expired' | 'used' | 'too_many_attempts';

/** Whether a stored code may still be tried (the hash comparison itself is done by the caller). */
export function phoneCodeUsable(
  code: { expiresAt: Date; attempts: number; consumedAt: Date | null },
  now: Date,
): PhoneCodeCheck {
  if (code.consumedAt) return 'used';
  if (code.attempts >= PHONE_CODE_MAX_ATTEMPTS) return 'too_many_attempts';
  if (now.getTime() >= code.expiresAt.getTime()) return 'expired';
  return 'ok';
}
