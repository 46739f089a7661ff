/**
 * 中文大写金额 for vouchers, following the PBOC 《支付结算办法》 annex 《正确填写票据和结算凭证的
 * 基本规定》:
 * - digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟, groups 万 and 亿 (above 亿, 万 again: 壹万亿);
 * - an amount ending at 元 gets 整 (壹拾贰万陆仟叁佰元整); one with 分 never does. After 角 the
 *   rule says 整 "可以不写" (may be omitted); we omit it by default (伍角, 壹元伍角) and offer
 *   `{ zhengAfterJiao: true }` for 伍角整;
 * - zeros between non-zero digits are written once as 零, wherever the run sits: inside a group
 *   (陆仟零柒元), across a group boundary (壹拾万零柒仟元, 壹拾亿零壹佰元), across 元 into 角
 *   (壹仟陆佰捌拾元零叁角贰分) and for a zero 角 before a non-zero 分 (壹万陆仟肆佰零玖元零贰分,
 *   which the rules require). Where the rules allow either form we always write the 零 — it leaves
 *   no room for an inserted digit;
 * - a leading 拾 is written 壹拾 (壹拾元整, 壹拾万元整), as the rules require;
 * - amounts below one 元 carry no 元 and no leading 零 (伍角, 伍分, 伍角叁分); 0 is 零元整.
 * The '人民币' prefix is the voucher template's business, not this function's.
 */

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
/** Group mark written after the digit at position 4·i (counted from 元). */
const GROUP_MARKS = ['', '万', '亿', '万'];

export function toChineseUppercase(fen: number, options: { zhengAfterJiao?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen) || fen < 0) {
    throw new RangeError(`大写金额 needs a non-negative integer amount of fen: ${fen}`);
  }
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fen1 = fen % 10;
  if (fen === 0) return '零元整';

  let out = '';
  let pendingZero = false; // a zero run has started after a written digit
  const write = (digit: number, unit: string) => {
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[digit] + unit;
  };

  const digits = String(yuan);
  const n = digits.length;
  for (let i = 0; i < n; i++) {
    const pos = n - 1 - i; // 0 = 元 position
    const d = Number(digits[i]);
    if (yuan > 0 && d !== 0) write(d, UNITS[pos % 4]);
    else if (out !== '') pendingZero = true;
    if (pos % 4 === 0 && pos > 0) {
      const group = Math.floor(pos / 4);
      // Mark a group when it holds a non-zero digit; 亿 is also due when only the 万亿 part is
      // non-zero (壹万亿, not 壹万). The pending zero survives the mark: 壹拾万零柒仟.
      const groupDigits = digits.slice(Math.max(0, i - 3), i + 1);
      const higher = digits.slice(0, i + 1);
      if (/[1-9]/.test(groupDigits)) out += GROUP_MARKS[group];
      else if (group === 2 && /[1-9]/.test(higher)) out += '亿';
    }
  }
  if (yuan > 0) out += '元';

  if (jiao === 0 && fen1 === 0) return out + '整';
  if (jiao !== 0) write(jiao, '角');
  else if (yuan > 0) pendingZero = true; // 元零贰分
  if (fen1 !== 0) write(fen1, '分');
  else if (options.zhengAfterJiao) out += '整';
  return out;
}
