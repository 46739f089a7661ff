import fc from 'fast-check';
import { toChineseUppercase } from './chinese-amount.js';

const Y = 100;

/** Reads a 大写 amount back into fen, independently of the writer (for the round-trip property). */
function parseUppercase(text: string): number {
  const body = text.replace(/整$/, '');
  const [intPart, fracPart] = body.includes('元') ? body.split('元') : ['', body];
  let total = 0;
  let section = 0;
  let num = 0;
  for (const ch of intPart) {
    const d = '零壹贰叁肆伍陆柒捌玖'.indexOf(ch);
    if (d > 0) num = d;
    else if (d === 0) continue;
    else if (ch === '拾' || ch === '佰' || ch === '仟') {
      section += num * { 拾: 10, 佰: 100, 仟: 1000 }[ch];
      num = 0;
    } else if (ch === '万') {
      section = (section + num) * 10_000;
      num = 0;
    } else if (ch === '亿') {
      total = (total + section + num) * 100_000_000;
      section = 0;
      num = 0;
    } else throw new Error(`unexpected ${ch} in ${text}`);
  }
  const yuan = total + section + num;
  const jiao = /(.)角/.exec(fracPart)?.[1];
  const fen = /(.)分/.exec(fracPart)?.[1];
  const digit = (c: string | undefined) => (c ? '零壹贰叁肆伍陆柒捌玖'.indexOf(c) : 0);
  return yuan * 100 + digit(jiao) * 10 + digit(fen);
}

describe('toChineseUppercase', () => {
  it.each([
    [126_300 * Y, '壹拾贰万陆仟叁佰元整'], // the 民生小实事 line
    [0, '零元整'],
    [1_000_005 * Y + 7, '壹佰万零伍元零柒分'],
    [50, '伍角'],
    [5, '伍分'],
    [53, '伍角叁分'],
    [1 * Y, '壹元整'],
    [10 * Y, '壹拾元整'],
    [15 * Y, '壹拾伍元整'],
    [1010 * Y, '壹仟零壹拾元整'],
    [100_000 * Y, '壹拾万元整'],
    [100_000_000 * Y, '壹亿元整'],
    [1_000_000_100 * Y, '壹拾亿零壹佰元整'], // 10,0000,0100
    [100_010_000 * Y, '壹亿零壹万元整'], // 1,0001,0000
    [100_000_001 * Y, '壹亿零壹元整'],
    [1_010_000_000 * Y, '壹拾亿零壹仟万元整'], // the zero at the 亿 position is a middle zero
    [2_665_280 * Y, '贰佰陆拾陆万伍仟贰佰捌拾元整'], // seed 002 budget
    [1409 * Y + 50, '壹仟肆佰零玖元伍角'], // PBOC examples follow
    [6007 * Y + 14, '陆仟零柒元壹角肆分'],
    [1680 * Y + 32, '壹仟陆佰捌拾元零叁角贰分'],
    // PBOC allows either zero here to be dropped; we write both (see the module comment).
    [107_000 * Y + 53, '壹拾万零柒仟元零伍角叁分'],
    [16_409 * Y + 2, '壹万陆仟肆佰零玖元零贰分'],
    [325 * Y + 4, '叁佰贰拾伍元零肆分'],
    [10 * Y + 50, '壹拾元零伍角'],
    [1 * Y + 5, '壹元零伍分'],
    [1_000_000_000_000 * Y, '壹万亿元整'],
    [1_000_100_000_000 * Y, '壹万零壹亿元整'],
    [Number.MAX_SAFE_INTEGER, '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'], // 90,0719,9254,7409.91 元
  ])('%d fen → %s', (fen, text) => {
    expect(toChineseUppercase(fen)).toBe(text);
  });

  it('can write 整 after 角', () => {
    expect(toChineseUppercase(50, { zhengAfterJiao: true })).toBe('伍角整');
    expect(toChineseUppercase(1 * Y + 50, { zhengAfterJiao: true })).toBe('壹元伍角整');
    expect(toChineseUppercase(1 * Y + 55, { zhengAfterJiao: true })).toBe('壹元伍角伍分');
    expect(toChineseUppercase(1 * Y, { zhengAfterJiao: true })).toBe('壹元整');
  });

  it('rejects negative and non-integer amounts', () => {
    expect(() => toChineseUppercase(-1)).toThrow(RangeError);
    expect(() => toChineseUppercase(1.5)).toThrow(RangeError);
  });

  // Mostly zeros, so that zero runs land on every position and group boundary.
  const sparse = fc
    .array(fc.constantFrom(0, 0, 0, 0, 1, 7), { minLength: 1, maxLength: 15 })
    .map((digits) => Number(digits.join('')))
    .filter((n) => n > 0);
  const amounts = fc.oneof(
    sparse,
    fc.integer({ min: 1, max: 10 ** 6 }),
    fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  );

  it('property: reads back to the amount; never two 零 in a row, never 零 before a unit; 整 only without 角分', () => {
    fc.assert(
      fc.property(amounts, (fen) => {
        const text = toChineseUppercase(fen);
        expect(text).not.toMatch(/零零|零[拾佰仟万亿元角分整]|^零/);
        expect(text.endsWith('整')).toBe(fen % 10 === 0 && Math.floor(fen / 10) % 10 === 0);
        expect(text.endsWith('整') || text.endsWith('角') || text.endsWith('分')).toBe(true);
        expect(parseUppercase(text)).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });
});
