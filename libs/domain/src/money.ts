/**
 * Money is integer fen (分) held in a JS number that must stay a safe integer (|x| ≤ 2^53 − 1,
 * i.e. about 90 万亿 元 — far beyond any budget). Floats never hold money: parsing and formatting
 * work on the decimal digits, not on `x / 100`.
 */

const YUAN_TEXT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses an amount typed in 元 into fen. Accepts plain digits ('126300'), correctly grouped
 * thousands ('126,300'), and up to two decimals ('126300.5', '1263.05'); surrounding blanks are
 * ignored. Anything else — negatives, a sign, more than two decimals, misplaced commas, a bare '.',
 * an amount beyond the safe-integer range — gives null so the caller can report the field.
 */
export function yuanToFen(text: string): number | null {
  const match = YUAN_TEXT.exec(text.trim());
  if (!match) return null;
  const whole = match[1].replace(/,/g, '');
  const fraction = (match[2] ?? '').padEnd(2, '0');
  // Build the fen digits as a string so no float ever touches the value.
  const fen = Number(whole + fraction);
  return Number.isSafeInteger(fen) ? fen : null;
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** '126300.00' — two decimals, no grouping; the form used in exports and input fields. */
export function fenToYuanString(fen: number): string {
  return formatYuan(fen, { grouping: false });
}

/** '126,300.00' — two decimals with thousands grouping (default), the form shown to people. */
export function formatYuan(fen: number, { grouping = true }: { grouping?: boolean } = {}): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${grouping ? groupThousands(whole) : whole}.${cents}`;
}

/**
 * '12.63万' — 万元 with at most two decimals, rounded half away from zero on 0.01 万 (= 100 元),
 * trailing zeros trimmed: 150,000 元 → '15万', 126,000 元 → '12.6万'. Amounts below 50 元 show
 * as '0万'; use formatYuan where small amounts matter.
 */
export function formatWan(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  // 0.01 万元 = 100 元 = 10,000 fen.
  const hundredths = Math.floor((Math.abs(fen) + 5_000) / 10_000);
  const whole = Math.floor(hundredths / 100);
  const fraction = String(hundredths % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${hundredths === 0 ? '' : sign}${whole}${fraction ? '.' + fraction : ''}万`;
}

/** Sums fen amounts; an unsafe operand or total is a programming error, so it throws. */
export function sumFen(values: readonly number[]): number {
  let total = 0;
  for (const value of values) {
    assertFen(value);
    total += value;
    if (!Number.isSafeInteger(total)) throw new RangeError('sum of fen exceeds the safe-integer range');
  }
  return total;
}
