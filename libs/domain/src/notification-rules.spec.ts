import {
  builtinChannels,
  lastDayOfWindow,
  lastWorkingDayOfMonth,
  nudgeDue,
  phoneCodeUsable,
  reminderOffsetDue,
  resolveChannels,
} from './notification-rules.js';
import { CALENDAR_2026_CN as CAL } from './working-days.js';

describe('which channels apply', () => {
  const builtin = { email: true, sms: false };
  it.each([
    [null, null, { email: true, sms: false, source: 'builtin' }],
    [{ email: false, sms: true }, null, { email: false, sms: true, source: 'district' }],
    [{ email: false, sms: true }, { email: true, sms: true }, { email: true, sms: true, source: 'user' }],
    [null, { email: false, sms: false }, { email: false, sms: false, source: 'user' }],
  ])('district %j, user %j → %j', (district, user, expected) => {
    expect(resolveChannels(builtin, district, user)).toEqual(expected);
  });

  it('sends SMS by default for deadline reminders only', () => {
    expect(builtinChannels('competition.window_closing')).toEqual({ email: true, sms: true });
    expect(builtinChannels('payment.awaiting_approval')).toEqual({ email: true, sms: false });
    expect(builtinChannels('events.application')).toEqual({ email: true, sms: false });
  });
});

describe('reminders on the working-day calendar', () => {
  it('takes a window closing at midnight as closing the day before', () => {
    expect(lastDayOfWindow(new Date('2026-12-05T00:00:00+08:00'))).toBe('2026-12-04');
    expect(lastDayOfWindow(new Date('2026-12-04T17:00:00+08:00'))).toBe('2026-12-04');
  });

  // 2026-12-04 is a Friday.
  it.each([
    ['2026-12-01', '2026-12-04', 3], // Tuesday: 3 working days before Friday
    ['2026-12-02', '2026-12-04', null],
    ['2026-12-03', '2026-12-04', 1], // Thursday: closes tomorrow
    ['2026-12-04', '2026-12-04', null],
    ['2026-12-03', '2026-12-06', 1], // a Sunday deadline counts to the Friday before
    ['2026-12-05', '2026-12-08', null], // Saturday: never on a non-working day
    ['2026-12-04', '2026-12-07', 1], // Friday before a Monday deadline: the next working day
    // National Day (1–7 Oct off): from Wednesday 30 Sep the next working day is Thursday 8 Oct.
    ['2026-09-30', '2026-10-08', 1],
    ['2026-09-28', '2026-10-08', 3],
  ])('today %s, deadline %s → %s', (today, deadline, expected) => {
    expect(reminderOffsetDue(today, deadline, [3, 1], CAL)).toBe(expected);
  });

  it('nudges on the first working day of waiting and then every N working days', () => {
    const since = '2026-12-01'; // Tuesday
    const due = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-07', '2026-12-08']
      .filter((day) => nudgeDue(since, day, 3, CAL));
    expect(due).toEqual(['2026-12-02', '2026-12-07']);
    expect(() => nudgeDue(since, '2026-12-02', 0, CAL)).toThrow(RangeError);
  });

  it('finds the last working day of a month', () => {
    expect(lastWorkingDayOfMonth('2026-12-10', CAL)).toBe('2026-12-31'); // Thursday
    expect(lastWorkingDayOfMonth('2026-10-03', CAL)).toBe('2026-10-30'); // 31 Oct is a Saturday
    expect(lastWorkingDayOfMonth('2026-02-02', CAL)).toBe('2026-02-28'); // make-up Saturday
  });
});

describe('phone codes', () => {
  const now = new Date('2026-12-03T10:00:00+08:00');
  const code = { expiresAt: new Date(now.getTime() + 60_000), attempts: 0, consumedAt: null };
  it('accepts a fresh code and refuses used, expired and over-tried ones', () => {
    expect(phoneCodeUsable(code, now)).toBe('ok');
    expect(phoneCodeUsable({ ...code, consumedAt: now }, now)).toBe('used');
    expect(phoneCodeUsable({ ...code, attempts: 5 }, now)).toBe('too_many_attempts');
    expect(phoneCodeUsable(code, new Date(now.getTime() + 60_000))).toBe('expired');
  });
});
