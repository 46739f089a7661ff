import fc from 'fast-check';
import {
  addDays,
  addYears,
  dayNumber,
  daysBetween,
  daysInMonth,
  formatYmd,
  fromDayNumber,
  isIsoDate,
  isIsoMonth,
  lastDayOfMonth,
  parseIsoDate,
} from './calendar-date.js';

describe('calendar dates', () => {
  it.each([
    ['2026-01-31', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-5', false],
    ['26-01-05', false],
    ['2026-01-05T00:00', false],
  ])('isIsoDate(%s) → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['2026-01', true],
    ['2026-12', true],
    ['2026-00', false],
    ['2026-1', false],
    ['2026-01-01', false],
  ])('isIsoMonth(%s) → %s', (value, expected) => {
    expect(isIsoMonth(value)).toBe(expected);
  });

  it('counts days in months, leap years included', () => {
    expect([2024, 2025, 1900, 2000].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 28, 29]);
    expect(lastDayOfMonth('2026-04')).toBe('2026-04-30');
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
  });

  it('day numbers start at the Unix epoch', () => {
    expect(dayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(dayNumber({ year: 2026, month: 1, day: 1 })).toBe(20454);
  });

  it('adds days and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addYears('2016-03-15', 3)).toBe('2019-03-15');
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
    expect(daysBetween('2021-01-01', '2026-01-01')).toBe(1826);
  });

  it('day numbers round-trip and agree with Date.UTC (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -300_000, max: 2_900_000 }), (n) => {
        const ymd = fromDayNumber(n);
        expect(dayNumber(ymd)).toBe(n);
        expect(formatYmd(ymd)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
        expect(parseIsoDate(formatYmd(ymd))).toEqual(ymd);
      }),
    );
  });
});
