import fc from 'fast-check';
import { noticeSchedule, noticeStartViolations } from './notice-schedule.js';
import { CALENDAR_2026_CN as CAL, noticePeriod } from './working-days.js';

describe('noticeSchedule: the day-by-day account of a 公示 period', () => {
  it('skips National Day and counts the make-up Saturday (Wed 30 Sep 2026, 5 working days)', () => {
    const schedule = noticeSchedule('2026-09-30', 5, CAL);
    expect(schedule).toMatchObject({
      start: '2026-09-30',
      firstDay: '2026-09-30',
      lastDay: '2026-10-12',
      workingDays: 5,
    });
    expect(schedule.counted).toEqual([
      { date: '2026-09-30', kind: 'weekday' },
      { date: '2026-10-08', kind: 'weekday' },
      { date: '2026-10-09', kind: 'weekday' },
      { date: '2026-10-10', kind: 'make_up' },
      { date: '2026-10-12', kind: 'weekday' },
    ]);
    expect(schedule.skipped).toEqual([
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' })),
      { date: '2026-10-11', kind: 'weekend' },
    ]);
  });

  it('starts on the next working day when published on a weekend (Sat 5 Dec 2026)', () => {
    const schedule = noticeSchedule('2026-12-05', 5, CAL);
    expect(schedule.firstDay).toBe('2026-12-07');
    expect(schedule.lastDay).toBe('2026-12-11');
    expect(schedule.skipped).toEqual([
      { date: '2026-12-05', kind: 'weekend' },
      { date: '2026-12-06', kind: 'weekend' },
    ]);
    expect(schedule.closesAt.toISOString()).toBe('2026-12-11T16:00:00.000Z'); // 00:00 Beijing, 12 Dec
  });

  it('answers for past days too (planning and looking back): New Year 2026, 3 working days', () => {
    const schedule = noticeSchedule('2026-01-01', 3, CAL);
    expect(schedule.counted).toEqual([
      { date: '2026-01-04', kind: 'make_up' },
      { date: '2026-01-05', kind: 'weekday' },
      { date: '2026-01-06', kind: 'weekday' },
    ]);
    expect(schedule.skipped.map((day) => day.kind)).toEqual(['holiday', 'holiday', 'holiday']);
  });

  it('always agrees with noticePeriod and accounts for every day of the period', () => {
    const start = fc
      .integer({ min: 0, max: 420 })
      .map((offset) => new Date(Date.UTC(2025, 11, 1) + offset * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 30 }), (day, n) => {
        const schedule = noticeSchedule(day, n, CAL);
        const period = noticePeriod(day, n, CAL);
        expect(schedule.lastDay).toBe(period.lastDay);
        expect(schedule.counted).toHaveLength(n);
        expect(schedule.counted[0].date).toBe(period.firstDay);
        expect(schedule.counted[n - 1].date).toBe(period.lastDay);
        const days = [...schedule.counted, ...schedule.skipped].map((entry) => entry.date).sort();
        const span = (Date.parse(period.lastDay) - Date.parse(day)) / 86_400_000 + 1;
        expect(days).toHaveLength(span);
        expect(new Set(days).size).toBe(span);
      }),
    );
  });
});

describe('noticeStartViolations: a notice starts today or later, Beijing time', () => {
  // 00:30 on 3 Dec 2026 in Beijing is still 2 Dec in UTC.
  const justAfterMidnight = new Date('2026-12-02T16:30:00Z');
  const lateEvening = new Date('2026-12-03T15:59:00Z');

  it('refuses yesterday with a message on publishOn in both languages', () => {
    expect(noticeStartViolations('2026-12-02', justAfterMidnight)).toEqual([
      {
        field: 'publishOn',
        code: 'NOTICE_START_IN_PAST',
        zh: '公示开始日期不能早于今天（2026-12-03）',
        en: 'A notice cannot start before today (2026-12-03, Beijing time)',
      },
    ]);
    expect(noticeStartViolations('2025-12-31', lateEvening)).toHaveLength(1);
  });

  it('accepts today and any later day', () => {
    for (const now of [justAfterMidnight, lateEvening]) {
      expect(noticeStartViolations('2026-12-03', now)).toEqual([]);
      expect(noticeStartViolations('2027-01-04', now)).toEqual([]);
    }
  });
});
