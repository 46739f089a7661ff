import {
  endOfShanghaiDay,
  formatShanghaiMinute,
  formatShanghaiSecond,
  shanghaiDate,
  shanghaiHour,
  shanghaiInstant,
  shanghaiMonth,
  shanghaiWallClock,
  shanghaiYear,
  startOfShanghaiMonth,
} from './shanghai-time.js';

describe('Asia/Shanghai time', () => {
  it.each([
    ['2026-03-31T09:00:00Z', '2026-03-31', '2026-03-31 17:00'],
    ['2026-03-31T15:59:59Z', '2026-03-31', '2026-03-31 23:59'],
    ['2026-03-31T16:00:00Z', '2026-04-01', '2026-04-01 00:00'],
    ['2025-12-31T16:30:00Z', '2026-01-01', '2026-01-01 00:30'],
  ])('%s is %s / %s', (iso, date, minute) => {
    expect(shanghaiDate(new Date(iso))).toBe(date);
    expect(formatShanghaiMinute(new Date(iso))).toBe(minute);
  });

  it('reads the month, the year, the hour and the seconds in Beijing', () => {
    const newYear = new Date('2025-12-31T16:30:05Z');
    expect(shanghaiMonth(newYear)).toBe('2026-01');
    expect(shanghaiYear(newYear)).toBe(2026);
    expect(shanghaiHour(newYear)).toBe(0);
    expect(formatShanghaiSecond(newYear)).toBe('2026-01-01 00:30:05');
    expect(shanghaiWallClock(newYear)).toBe('2026-01-01T00:30:05');
  });

  it.each([
    ['2026-05-01', undefined, '2026-04-30T16:00:00.000Z'],
    ['2026-05-01', '09:00', '2026-05-01T01:00:00.000Z'],
    ['2026-05-01T09:00', undefined, '2026-05-01T01:00:00.000Z'],
    ['2026-05-01T23:59:59', undefined, '2026-05-01T15:59:59.000Z'],
    ['2026-01-01', '00:30', '2025-12-31T16:30:00.000Z'],
  ])('%s %s Beijing is %s', (date, time, iso) => {
    expect(shanghaiInstant(date, time).toISOString()).toBe(iso);
  });

  it('is the inverse of the wall clock', () => {
    const instant = new Date('2026-07-15T20:45:10Z');
    expect(shanghaiInstant(shanghaiWallClock(instant)).getTime()).toBe(instant.getTime());
  });

  it.each(['2026-02-30', '2026-13-01', '2026-05-01T24:00', 'tomorrow', '2026-5-1'])('refuses %s', (text) => {
    expect(() => shanghaiInstant(text)).toThrow(RangeError);
  });

  it('ends a day at its last second and starts a month at midnight, in Beijing', () => {
    expect(endOfShanghaiDay('2026-09-30').toISOString()).toBe('2026-09-30T15:59:59.000Z');
    expect(startOfShanghaiMonth(new Date('2026-08-31T16:00:00Z')).toISOString()).toBe('2026-08-31T16:00:00.000Z');
    expect(startOfShanghaiMonth(new Date('2026-08-31T15:59:59Z')).toISOString()).toBe('2026-07-31T16:00:00.000Z');
  });
});
