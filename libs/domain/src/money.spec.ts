import fc from 'fast-check';
import { fenToYuanString, formatWan, formatYuan, sumFen, yuanToFen } from './money.js';

describe('yuanToFen', () => {
  it.each([
    ['126300', 12_630_000],
    ['126,300', 12_630_000],
    ['126300.5', 12_630_050],
    ['1263.05', 126_305],
    ['0', 0],
    ['0.01', 1],
    ['  50,000.00 ', 5_000_000],
    ['1,234,567.89', 123_456_789],
    ['007', 700],
  ])('parses %j as %d fen', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it.each([
    ['1.234', 'more than two decimals'],
    ['-5', 'negative'],
    ['+5', 'sign'],
    ['', 'empty'],
    ['.5', 'no whole part'],
    ['5.', 'dangling point'],
    ['12,34', 'bad grouping'],
    ['1,2345', 'bad grouping'],
    [',123', 'leading comma'],
    ['1e5', 'exponent'],
    ['abc', 'garbage'],
    ['１２３', 'full-width digits'],
    ['99999999999999999', 'beyond safe range'],
  ])('rejects %j (%s)', (text) => {
    expect(yuanToFen(text)).toBeNull();
  });

  it('round-trips with fenToYuanString and formatYuan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(yuanToFen(fenToYuanString(fen))).toBe(fen);
        expect(yuanToFen(formatYuan(fen))).toBe(fen);
      }),
    );
  });
});

describe('formatting', () => {
  it.each([
    [12_630_000, '126300.00', '126,300.00'],
    [0, '0.00', '0.00'],
    [5, '0.05', '0.05'],
    [123_456_789, '1234567.89', '1,234,567.89'],
    [-150, '-1.50', '-1.50'],
  ])('%d fen → %s / %s', (fen, plain, grouped) => {
    expect(fenToYuanString(fen)).toBe(plain);
    expect(formatYuan(fen)).toBe(grouped);
    expect(formatYuan(fen, { grouping: false })).toBe(plain);
  });

  it.each([
    [12_630_000, '12.63万'],
    [15_000_000, '15万'],
    [12_600_000, '12.6万'],
    [266_528_000, '266.53万'], // 2,665,280 元
    [12_635_000, '12.64万'], // half rounds up
    [12_634_999, '12.63万'],
    [100, '0万'],
    [0, '0万'],
    [-15_000_000, '-15万'],
  ])('formatWan(%d) = %s', (fen, text) => {
    expect(formatWan(fen)).toBe(text);
  });

  it('refuses non-integer fen (a programming error)', () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError);
    expect(() => formatWan(Number.NaN)).toThrow(RangeError);
  });
});

describe('sumFen', () => {
  it('adds integers exactly', () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(sumFen([66_528_000, 200_000_000])).toBe(266_528_000);
  });

  it('throws on unsafe operands or totals', () => {
    expect(() => sumFen([0.5])).toThrow(RangeError);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});
