import fc from 'fast-check';
import {
  addWorkingDays,
  CALENDAR_2026_CN as CAL,
  checkHolidayCalendar,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  noticePeriod,
  workingDaysBetween,
  type HolidayCalendar,
} from './working-days.js';

// 2026-01-01 is a Thursday. Weekdays of the dates below were worked out from that
// (e.g. 2026-10-01 is day 274 of the year: 273 days after a Thursday, 273 = 39·7 → Thursday).

describe('the 2026 calendar', () => {
  it('has 33 days off and 6 make-up days', () => {
    // 3 + 9 + 3 + 5 + 3 + 3 + 7
    expect(CAL.holidays).toHaveLength(33);
    expect(CAL.makeUpWorkdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(checkHolidayCalendar(CAL)).toEqual([]);
  });

  it.each([
    ['2026-01-01', false, 'Thu, 元旦'],
    ['2026-01-04', true, 'Sun, make-up'],
    ['2026-01-05', true, 'Mon'],
    ['2026-01-10', false, 'Sat'],
    ['2026-02-14', true, 'Sat, make-up'],
    ['2026-02-15', false, 'Sun, 春节'],
    ['2026-02-23', false, 'Mon, 春节 last day'],
    ['2026-02-24', true, 'Tue'],
    ['2026-02-28', true, 'Sat, make-up'],
    ['2026-04-06', false, 'Mon, 清明'],
    ['2026-05-09', true, 'Sat, make-up'],
    ['2026-06-19', false, 'Fri, 端午'],
    ['2026-09-20', true, 'Sun, make-up'],
    ['2026-09-25', false, 'Fri, 中秋'],
    ['2026-10-07', false, 'Wed, 国庆'],
    ['2026-10-08', true, 'Thu'],
    ['2026-10-10', true, 'Sat, make-up'],
    ['2026-10-11', false, 'Sun'],
    ['2027-01-01', true, 'Fri, outside the calendar: an ordinary weekday'],
  ])('%s working = %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, CAL)).toBe(expected);
  });
});

describe('noticePeriod (5 working days unless stated)', () => {
  it.each([
    // Wed 30 Sep = d1; 1–7 Oct off; Thu 8 d2, Fri 9 d3, Sat 10 (make-up) d4, Sun 11 off, Mon 12 d5.
    ['2026-09-30', 5, '2026-09-30', '2026-10-12', 'across 国庆'],
    // Thu 24 Sep d1; 25–27 中秋; Mon 28 d2, 29 d3, 30 d4; 1–7 Oct off; Thu 8 Oct d5.
    ['2026-09-24', 5, '2026-09-24', '2026-10-08', 'across 中秋 and 国庆'],
    // Sat 19 Sep is a rest day; Sun 20 is a make-up working day → d1; Mon 21 … Thu 24 d5.
    ['2026-09-19', 5, '2026-09-20', '2026-09-24', 'published on a Saturday before a Sunday make-up day'],
    ['2026-09-20', 5, '2026-09-20', '2026-09-24', 'published on a Sunday make-up day (a working day)'],
    // Thu 12 Feb d1, Fri 13 d2, Sat 14 (make-up) d3, 15–23 春节, Tue 24 d4, Wed 25 d5.
    ['2026-02-12', 5, '2026-02-12', '2026-02-25', 'across 春节'],
    // Sat 14 Feb (make-up) d1; 15–23 off; 24 d2, 25 d3, 26 d4, 27 d5; Sat 28 (make-up) would be d6.
    ['2026-02-14', 5, '2026-02-14', '2026-02-27', 'published on a Saturday make-up day'],
    ['2026-02-14', 6, '2026-02-14', '2026-02-28', '6 days ending on the Saturday make-up day'],
    // Sun 15 Feb is 春节: day 1 is Tue 24, d5 is Sat 28 (make-up).
    ['2026-02-15', 5, '2026-02-24', '2026-02-28', 'published during 春节'],
    // Sun 8 Mar: an ordinary Sunday → Mon 9 … Fri 13.
    ['2026-03-08', 5, '2026-03-09', '2026-03-13', 'published on an ordinary Sunday'],
    ['2026-03-09', 5, '2026-03-09', '2026-03-13', 'published on a Monday'],
    // Thu 30 Apr d1; 1–5 May off; Wed 6 d2, 7 d3, 8 d4, Sat 9 (make-up) d5.
    ['2026-04-30', 5, '2026-04-30', '2026-05-09', 'across 劳动节, ending on a make-up Saturday'],
    // Fri 3 Apr d1; 4–6 清明; Tue 7 d2 … Fri 10 d5.
    ['2026-04-03', 5, '2026-04-03', '2026-04-10', 'across 清明'],
    // Wed 31 Dec 2025 d1; 1–3 Jan off; Sun 4 (make-up) d2, Mon 5 d3, Tue 6 d4, Wed 7 d5.
    ['2025-12-31', 5, '2025-12-31', '2026-01-07', 'across 元旦'],
    ['2026-06-18', 1, '2026-06-18', '2026-06-18', 'one day'],
    ['2026-06-19', 1, '2026-06-22', '2026-06-22', 'one day published on 端午'],
  ])('published %s for %d → %s … %s (%s)', (published, n, first, last) => {
    const period = noticePeriod(published, n, CAL);
    expect(period.firstDay).toBe(first);
    expect(period.lastDay).toBe(last);
  });

  it('closes at the end of the last day in Beijing time', () => {
    expect(noticePeriod('2026-09-30', 5, CAL).closesAt.toISOString()).toBe('2026-10-12T16:00:00.000Z');
  });

  it('refuses a notice of no working days', () => {
    expect(() => noticePeriod('2026-09-30', 0, CAL)).toThrow(RangeError);
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it.each([
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-10-09', 1, '2026-10-10'],
    ['2026-10-09', 2, '2026-10-12'],
    ['2026-10-08', -1, '2026-09-30'],
    ['2026-10-12', -3, '2026-10-08'],
    ['2026-10-03', 0, '2026-10-03'],
    ['2026-10-03', 1, '2026-10-08'],
  ])('%s + %d → %s', (start, n, end) => {
    expect(addWorkingDays(start, n, CAL)).toBe(end);
    expect(workingDaysBetween(start, end, CAL)).toBe(n);
  });

  it.each([
    ['2026-09-30', '2026-10-12', 4],
    ['2026-10-01', '2026-10-07', 0],
    // 2026 starts on a Thursday: 52 weeks + 1 Thursday → 261 weekdays. Weekday holidays:
    // 元旦 2 (Thu, Fri), 春节 6 (16–20, 23 Feb), 清明 1, 劳动节 3, 端午 1, 中秋 1, 国庆 5 = 19.
    // 261 − 19 + 6 make-up days = 248 (1 Jan, excluded as the start, is a holiday anyway).
    ['2026-01-01', '2026-12-31', 248],
    ['2026-10-12', '2026-09-30', -4],
    ['2026-05-01', '2026-05-01', 0],
  ])('between %s and %s: %d', (a, b, n) => {
    expect(workingDaysBetween(a, b, CAL)).toBe(n);
  });

  it('nextWorkingDayOnOrAfter skips holidays and weekends', () => {
    expect(nextWorkingDayOnOrAfter('2026-10-01', CAL)).toBe('2026-10-08');
    expect(nextWorkingDayOnOrAfter('2026-10-10', CAL)).toBe('2026-10-10');
    expect(nextWorkingDayOnOrAfter('2026-10-11', CAL)).toBe('2026-10-12');
  });

  it('property: workingDaysBetween inverts addWorkingDays, and the end is a working day', () => {
    const day = fc
      .integer({ min: 0, max: 730 })
      .map((i) => new Date(Date.UTC(2025, 6, 1) + i * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), (start, n) => {
        const end = addWorkingDays(start, n, CAL);
        expect(workingDaysBetween(start, end, CAL)).toBe(n);
        if (n !== 0) expect(isWorkingDay(end, CAL)).toBe(true);
      }),
    );
  });

  it('rejects malformed dates (a programming error)', () => {
    expect(() => isWorkingDay('2026-02-30', CAL)).toThrow(RangeError);
    expect(() => isWorkingDay('2026/02/03', CAL)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-03', 1.5, CAL)).toThrow(RangeError);
  });
});

describe('checkHolidayCalendar', () => {
  it('reports bad, duplicate, weekday make-up and contradictory dates', () => {
    const cal: HolidayCalendar = {
      holidays: ['2026-10-01', '2026-10-01', '2026-13-01'],
      makeUpWorkdays: ['2026-10-09', '2026-10-01'],
    };
    expect(checkHolidayCalendar(cal).map((v) => `${v.field}:${v.code}`)).toEqual([
      'holidays.1:DATE_DUPLICATE',
      'holidays.2:DATE_INVALID',
      'makeUpWorkdays.0:MAKEUP_NOT_WEEKEND',
      'makeUpWorkdays.1:MAKEUP_NOT_WEEKEND',
      'makeUpWorkdays.1:DATE_BOTH_OFF_AND_WORKED',
    ]);
  });
});
