import { formatShanghaiMinute, shanghaiDate } from './shanghai-time.js';

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
});
