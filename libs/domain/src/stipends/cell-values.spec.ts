import fc from 'fast-check';
import { cellText, isEmptyCell, parseDateCell, parseDigitsCell, parseYuanCellToFen } from './cell-values.js';

describe('parseDateCell', () => {
  it.each<[string | number | null, string]>([
    ['2026-01-05', '2026-01-05'],
    ['2026-1-5', '2026-01-05'],
    ['2026/1/5', '2026-01-05'],
    ['2026/01/05', '2026-01-05'],
    ['2026.1.5', '2026-01-05'],
    ['2026年1月5日', '2026-01-05'],
    ['2026年01月05日', '2026-01-05'],
    ['20260105', '2026-01-05'],
    ['2026/1/5 0:00:00', '2026-01-05'],
    ['２０２６年１月５日', '2026-01-05'],
    [' 2024/2/29 ', '2024-02-29'],
    [46027, '2026-01-05'],
    [46027.75, '2026-01-05'],
    ['46027', '2026-01-05'],
    [61, '1900-03-01'],
    [43830, '2019-12-31'],
  ])('%p → %s', (value, date) => {
    expect(parseDateCell(value)).toEqual({ ok: true, date });
  });

  it.each<[string | number | null | undefined, string]>([
    [null, 'empty'],
    [undefined, 'empty'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['2023/2/29', 'not_a_date'],
    ['2026-13-01', 'not_a_date'],
    ['2026年2月30日', 'not_a_date'],
    [60, 'not_a_date'],
    [3_000_000, 'not_a_date'],
    [-5, 'not_a_date'],
    [NaN, 'format'],
    ['05/01/2026', 'format'],
    ['明年', 'format'],
    ['2026-01', 'format'],
  ])('%p → %s', (value, error) => {
    expect(parseDateCell(value)).toEqual({ ok: false, error });
  });
});

describe('parseYuanCellToFen', () => {
  it.each<[string | number, number]>([
    ['660', 66_000],
    [660, 66_000],
    ['660.5', 66_050],
    [660.5, 66_050],
    [0.1, 10],
    ['0.01', 1],
    [1234.56, 123_456],
    ['1,200.00', 120_000],
    ['2,665,280', 266_528_000],
    ['¥660', 66_000],
    ['￥ 660', 66_000],
    ['660元', 66_000],
    ['６６０', 66_000],
    ['660.000', 66_000],
    ['0', 0],
  ])('%p → %i fen', (value, fen) => {
    expect(parseYuanCellToFen(value)).toEqual({ ok: true, fen });
  });

  it.each<[string | number | null, string]>([
    [null, 'empty'],
    ['', 'empty'],
    ['六百', 'format'],
    ['66,0', 'format'],
    ['1.2.3', 'format'],
    ['660.555', 'precision'],
    [0.1 + 0.2, 'precision'],
    [1e21, 'precision'],
    ['-660', 'negative'],
    [-1, 'negative'],
    [Infinity, 'format'],
  ])('%p → %s', (value, error) => {
    expect(parseYuanCellToFen(value)).toEqual({ ok: false, error });
  });

  it('is exact for every amount with at most two decimals (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => {
        const text = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
        expect(parseYuanCellToFen(text)).toEqual({ ok: true, fen });
        expect(parseYuanCellToFen(Number(text))).toEqual({ ok: true, fen });
      }),
    );
  });
});

describe('parseDigitsCell and text', () => {
  it.each<[string | number, boolean, unknown]>([
    ['6222 0210 0112 3456 789', false, { ok: true, digits: '6222021001123456789' }],
    ['6222-0210-0112', false, { ok: true, digits: '622202100112' }],
    [622202100112, false, { ok: true, digits: '622202100112' }],
    [
      Number('6222021001123456789'), // what Excel does to a long account typed as a number
      false,
      { ok: false, error: 'precision' },
    ],
    ['6.22202E+18', false, { ok: false, error: 'precision' }],
    ['6222abc', false, { ok: false, error: 'format' }],
    ['53011419550101003x', true, { ok: true, digits: '53011419550101003X' }],
    ['53011419550101003x', false, { ok: false, error: 'format' }],
    ['', false, { ok: false, error: 'empty' }],
  ])('%p (X allowed: %p)', (value, allowX, expected) => {
    expect(parseDigitsCell(value, allowX)).toEqual(expected);
  });

  it('normalises text cells', () => {
    expect(cellText('  张三 ')).toBe('张三');
    expect(cellText(null)).toBe('');
    expect(cellText(12)).toBe('12');
    expect(isEmptyCell('  ')).toBe(true);
    expect(isEmptyCell(0)).toBe(false);
  });
});
