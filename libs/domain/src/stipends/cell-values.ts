/**
 * Spreadsheet cell values as they arrive from an Excel import (strings, numbers or empty), turned
 * into domain values without loss: calendar dates and yuan amounts in exact fen.
 */
import { addDays, formatYmd, toYmd } from './calendar-date.js';

export type CellValue = string | number | null | undefined;

/** NFKC (full-width digits and punctuation → ASCII) and trimmed; '' for empty cells. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return value.normalize('NFKC').trim();
}

/** null, undefined or blank text (a number, even NaN, is not empty: it is a value to check). */
export function isEmptyCell(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && cellText(value) === '');
}

/** Excel 1900 date system: serial 61 = 1900-03-01 (serials up to 60 straddle Excel's fake 1900-02-29). */
const EXCEL_SERIAL_MIN = 61;
const EXCEL_SERIAL_MAX = 2_958_465; // 9999-12-31
const EXCEL_EPOCH = '1899-12-30';

export type DateCellResult =
  { ok: true; date: string } | { ok: false; error: 'empty' | 'format' | 'not_a_date' };

/**
 * A date cell: 'YYYY-MM-DD' (also 'YYYY-M-D'), 'YYYY/M/D', 'YYYY.M.D', 'YYYY年M月D日', 'YYYYMMDD',
 * optionally followed by a midnight-style time ('2026/1/5 0:00:00'), or an Excel serial number
 * (number or numeric text; a time fraction is dropped).
 */
export function parseDateCell(value: CellValue): DateCellResult {
  if (typeof value === 'number') return excelSerial(value);
  const text = cellText(value);
  if (text === '') return { ok: false, error: 'empty' };
  const withoutTime = text.replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '');
  const match =
    /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(withoutTime) ??
    /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(withoutTime) ??
    /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/.exec(withoutTime) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(withoutTime) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(withoutTime);
  if (match) {
    const ymd = toYmd(Number(match[1]), Number(match[2]), Number(match[3]));
    return ymd ? { ok: true, date: formatYmd(ymd) } : { ok: false, error: 'not_a_date' };
  }
  if (/^\d{1,7}(\.\d+)?$/.test(text)) return excelSerial(Number(text));
  return { ok: false, error: 'format' };
}

function excelSerial(serial: number): DateCellResult {
  if (!Number.isFinite(serial)) return { ok: false, error: 'format' };
  const whole = Math.floor(serial);
  if (whole < EXCEL_SERIAL_MIN || whole > EXCEL_SERIAL_MAX) return { ok: false, error: 'not_a_date' };
  return { ok: true, date: addDays(EXCEL_EPOCH, whole) };
}

export type YuanCellResult =
  { ok: true; fen: number } | { ok: false; error: 'empty' | 'format' | 'negative' | 'precision' };

/**
 * A yuan amount → integer fen, exactly (decimal string arithmetic, never float multiplication).
 * Accepts numbers and text like '660', '660.5', '1,200.00', '¥660', '660元'. More than two
 * decimals (other than trailing zeros) is a precision error, not silently rounded.
 */
export function parseYuanCellToFen(value: CellValue): YuanCellResult {
  if (typeof value === 'number' && !Number.isFinite(value)) return { ok: false, error: 'format' };
  let text = cellText(value);
  if (text === '') return { ok: false, error: 'empty' };
  if (typeof value === 'number' && /e/i.test(text)) return { ok: false, error: 'precision' };
  text = text.replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '');
  let negative = false;
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1);
  }
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, error: 'format' };
  const integer = match[1].replace(/,/g, '');
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return { ok: false, error: 'precision' };
  const fen = Number(integer) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return { ok: false, error: 'precision' };
  if (negative && fen !== 0) return { ok: false, error: 'negative' };
  return { ok: true, fen };
}

export type DigitsCellResult =
  { ok: true; digits: string } | { ok: false; error: 'empty' | 'format' | 'precision' };

/**
 * A long digit string (bank account, ID number) typed into a cell: spaces and hyphens removed.
 * A number beyond 2^53 (Excel turned the text into a number and lost digits) is a precision error.
 */
export function parseDigitsCell(value: CellValue, allowTrailingX = false): DigitsCellResult {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) return { ok: false, error: 'precision' };
    return { ok: true, digits: String(value) };
  }
  const text = cellText(value).replace(/[\s-]/g, '');
  if (text === '') return { ok: false, error: 'empty' };
  if (/^\d(\.\d+)?E\+\d+$/i.test(text)) return { ok: false, error: 'precision' };
  const pattern = allowTrailingX ? /^\d+[Xx]?$/ : /^\d+$/;
  if (!pattern.test(text)) return { ok: false, error: 'format' };
  return { ok: true, digits: text.toUpperCase() };
}
