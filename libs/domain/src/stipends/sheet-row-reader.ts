/**
 * Reading one row of an imported sheet, cell by cell, collecting every problem by row and column
 * (Chinese and English) instead of throwing. Shared by the roster parsers of each programme kind.
 */
import { checkNationalId } from '../check-digits.js';
import {
  type CellValue,
  cellText,
  isEmptyCell,
  parseDateCell,
  parseDigitsCell,
} from './cell-values.js';

export interface SheetProblem {
  row: number;
  /** The Chinese column header. */
  column: string;
  problem: string;
  problemEn: string;
}

export interface SheetColumn<K extends string> {
  key: K;
  header: string;
  required: boolean;
  example: string;
  note?: string;
}

/** Header comparison ignores spaces and full-/half-width differences: 户数(户) = 户数（户）. */
export function headerKey(header: string): string {
  return header.normalize('NFKC').replace(/\s+/g, '');
}

/** File-level check of a header row: missing required columns and columns not in the template. */
export function checkSheetHeaders<K extends string>(
  columns: readonly SheetColumn<K>[],
  headers: readonly string[],
): { missing: string[]; unknown: string[] } {
  const given = new Set(headers.map(headerKey));
  const known = new Set(columns.map((c) => headerKey(c.header)));
  return {
    missing: columns.filter((c) => c.required && !given.has(headerKey(c.header))).map((c) => c.header),
    unknown: headers.filter((h) => h.trim() !== '' && !known.has(headerKey(h))),
  };
}

/** Cell readers over one row; each records its problems and returns null when the cell is unusable. */
export function sheetRowReader<K extends string>(
  columns: readonly SheetColumn<K>[],
  row: Record<string, CellValue>,
  rowNumber: number,
  asOf?: string,
) {
  const headerOf = new Map(columns.map((column) => [column.key, column.header]));
  const cells = new Map<string, CellValue>(Object.entries(row).map(([k, v]) => [headerKey(k), v]));
  const problems: SheetProblem[] = [];
  const cell = (key: K): CellValue => cells.get(headerKey(headerOf.get(key) ?? key));
  const problem = (key: K, zh: string, en: string) =>
    problems.push({ row: rowNumber, column: headerOf.get(key) ?? key, problem: zh, problemEn: en });
  const missing = (key: K) => problem(key, '必填项为空', 'Required value is empty');

  const text = (key: K, maxLength: number, required = true): string | null => {
    const value = cellText(cell(key));
    if (value === '') {
      if (required) missing(key);
      return null;
    }
    if (value.length > maxLength) {
      problem(key, `长度超过${maxLength}个字符`, `Longer than ${maxLength} characters`);
      return null;
    }
    return value;
  };

  const date = (key: K, required: boolean, notAfterAsOf = true): string | null => {
    const raw = cell(key);
    if (isEmptyCell(raw)) {
      if (required) missing(key);
      return null;
    }
    const parsed = parseDateCell(raw);
    if (!parsed.ok) {
      if (parsed.error === 'not_a_date') problem(key, '不是有效日期', 'Not a real calendar date');
      else
        problem(
          key,
          '日期格式无法识别，请使用 2026-01-05、2026/1/5 或 2026年1月5日',
          'Unrecognised date format; use 2026-01-05, 2026/1/5 or 2026年1月5日',
        );
      return null;
    }
    if (notAfterAsOf && asOf !== undefined && parsed.date > asOf) {
      problem(key, `日期晚于导入日期（${asOf}）`, `Date is after the import date (${asOf})`);
      return null;
    }
    return parsed.date;
  };

  /** A whole number in [min, max]: typed as a number or as text. */
  const integer = (key: K, min: number, max: number): number | null => {
    const raw = cell(key);
    if (isEmptyCell(raw)) {
      missing(key);
      return null;
    }
    const textValue = cellText(raw);
    if (!/^\d+$/.test(textValue)) {
      problem(key, '应为整数', 'Must be a whole number');
      return null;
    }
    const value = Number(textValue);
    if (value < min || value > max) {
      problem(key, `应在${min}至${max}之间`, `Must be between ${min} and ${max}`);
      return null;
    }
    return value;
  };

  const nationalId = (key: K) => {
    const idCell = parseDigitsCell(cell(key), true);
    if (!idCell.ok) {
      if (idCell.error === 'empty') missing(key);
      else if (idCell.error === 'precision')
        problem(
          key,
          '身份证号被 Excel 转成了数字，末几位已丢失；请将该列设为文本后重新填写',
          'Excel turned the ID into a number and lost digits; format the column as text and re-enter it',
        );
      else problem(key, '身份证号应为18位数字，末位可为X', 'The ID must be 18 digits, the last may be X');
      return null;
    }
    const check = checkNationalId(idCell.digits);
    if (check.valid) return { nationalId: idCell.digits, birthDate: check.birthDate, sex: check.sex };
    if (check.reason === 'format')
      problem(key, '身份证号应为18位数字，末位可为X', 'The ID must be 18 digits, the last may be X');
    else if (check.reason === 'birth_date')
      problem(key, '身份证号中的出生日期无效', 'The birth date inside the ID is not a real date');
    else problem(key, '身份证号校验位错误，请核对', 'The ID check digit is wrong; check the number');
    return null;
  };

  const bankAccount = (key: K): string | null => {
    const account = parseDigitsCell(cell(key));
    if (!account.ok) {
      if (account.error === 'empty') missing(key);
      else if (account.error === 'precision')
        problem(
          key,
          '银行账号被 Excel 转成了数字，末几位已丢失；请将该列设为文本后重新填写',
          'Excel turned the account into a number and lost digits; format the column as text and re-enter it',
        );
      else problem(key, '银行账号只能包含数字', 'The account may contain digits only');
      return null;
    }
    if (account.digits.length < 12 || account.digits.length > 30) {
      problem(
        key,
        `银行账号应为12至30位数字（现为${account.digits.length}位）`,
        `The account must have 12 to 30 digits (has ${account.digits.length})`,
      );
      return null;
    }
    return account.digits;
  };

  /** A mobile (11 digits from 1) or a landline (area code 0xx(x) and 7–8 digits). */
  const phone = (key: K): string | null => {
    const value = cellText(cell(key)).replace(/[\s()（）]/g, '');
    if (value === '') {
      missing(key);
      return null;
    }
    const digits = value.replace(/-/g, '');
    if (/^1\d{10}$/.test(digits) || /^0\d{9,11}$/.test(digits)) return digits;
    problem(
      key,
      '联系电话应为11位手机号或带区号的固定电话',
      'Give an 11-digit mobile number or a landline with its area code',
    );
    return null;
  };

  return { problems, problem, text, date, integer, nationalId, bankAccount, phone };
}
