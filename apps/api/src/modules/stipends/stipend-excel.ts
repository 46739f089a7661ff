import { DomainError, type BuildingLeaderFacts, type StipendRosterKind } from '@xiaoshi/contracts';
import { ROSTER_COLUMNS, fenToYuanString } from '@xiaoshi/domain';
import ExcelJS from 'exceljs';
import { fields } from './stipend-common.js';
import { ColumnStyles, zipCaughtUp } from '../../common/excel-rows.js';
import { TEXT_FORMAT, importTemplate } from './roster-template.js';

export { XLSX_MIME } from '../../common/download.js';

/** Most rows one roster import may carry (a street's roster is tens to hundreds of people). */
export const MAX_IMPORT_ROWS = 5000;

/** Columns a street's sheet may carry besides the template's, ignored on import. */
const IGNORED_HEADERS = new Set(['序号', '备注']);

const MONEY_FORMAT = '#,##0.00';
/** Payees written between two checks that the zip keeps up with the 发放表's XML. */
const PAYROLL_BATCH = 500;

export interface SheetRow {
  rowNumber: number;
  record: Record<string, string | number | null>;
}

export interface RosterSheet {
  headerRow: number;
  headers: string[];
  rows: SheetRow[];
}

/** A cell as the domain's parsers take it: text, a number or nothing. */
function plainCell(value: ExcelJS.CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  // ExcelJS turns date serials into UTC midnights: the calendar date is the UTC date.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : plainCell(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value)
    return plainCell((value.result ?? null) as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return null;
}

/**
 * Reads the first worksheet of an .xlsx roster. The header row is the first of the top ten rows
 * that names 身份证号 (streets often put a title above it); blank rows are skipped.
 */
export async function readRosterSheet(bytes: Buffer): Promise<RosterSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new DomainError(
      'VALIDATION_FAILED',
      fields([
        ['file', '文件不是有效的 Excel（.xlsx）表格', 'The file is not a valid Excel (.xlsx) workbook'],
      ]),
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) {
    throw new DomainError('VALIDATION_FAILED', fields([['file', '表格是空的', 'The workbook is empty']]));
  }
  if (sheet.rowCount > MAX_IMPORT_ROWS + 10) {
    throw new DomainError(
      'VALIDATION_FAILED',
      fields([['file', `每次最多导入 ${MAX_IMPORT_ROWS} 行`, `At most ${MAX_IMPORT_ROWS} rows per import`]]),
    );
  }
  const textOf = (row: ExcelJS.Row, column: number) => {
    const value = plainCell(row.getCell(column).value);
    return value === null ? '' : String(value).normalize('NFKC').trim();
  };
  let headerRow = 1;
  for (let number = 1; number <= Math.min(10, sheet.rowCount); number += 1) {
    const row = sheet.getRow(number);
    const texts = Array.from({ length: row.cellCount }, (_, index) => textOf(row, index + 1));
    if (texts.some((text) => text.replace(/\s+/g, '') === '身份证号')) {
      headerRow = number;
      break;
    }
  }
  const header = sheet.getRow(headerRow);
  const columns: Array<{ index: number; header: string }> = [];
  for (let index = 1; index <= header.cellCount; index += 1) {
    const text = textOf(header, index);
    if (text !== '') columns.push({ index, header: text });
  }
  const rows: SheetRow[] = [];
  for (let number = headerRow + 1; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    const record: Record<string, string | number | null> = {};
    let blank = true;
    for (const column of columns) {
      if (IGNORED_HEADERS.has(column.header)) continue;
      const value = plainCell(row.getCell(column.index).value);
      record[column.header] = value;
      if (value !== null && String(value).trim() !== '') blank = false;
    }
    if (!blank) rows.push({ rowNumber: number, record });
  }
  return {
    headerRow,
    headers: columns.map((column) => column.header).filter((name) => !IGNORED_HEADERS.has(name)),
    rows,
  };
}

async function bufferOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

/** The cadre roster's import template (see roster-template.ts: no example row on the data sheet). */
export async function rosterTemplate(exampleCommunity: string | null): Promise<Buffer> {
  return importTemplate({
    dataSheet: '名册',
    columns: ROSTER_COLUMNS.map((column) => ({
      ...column,
      text: column.key === 'nationalId' || column.key === 'bankAccount',
    })),
    example: exampleCommunity ? { community: exampleCommunity } : {},
    rules: [
      '任一行有误则整表不导入；按身份证号更新已有人员；名单中未出现的人员不会被删除，停发请在系统中办理。',
      '身份证号和银行账号两列已设为文本格式，请直接填写或粘贴为文本，勿改为数字格式。',
    ],
  });
}

export interface PayrollLine {
  street: string;
  community: string;
  name: string;
  nationalId: string;
  bankName: string;
  bankAccount: string;
  months: string[];
  monthlyRateFen: number;
  amountFen: number;
  note: string;
}

const yuan = (fen: number) => Number(fenToYuanString(fen));

/**
 * 发放表 streamed into an .xlsx file at `target` (ExcelJS's streaming writer: each row is written
 * out as it comes, so a 100,000-person quarter never sits in memory): one row per payee with a
 * subtotal per street, the total, then a sheet of street totals. Lines must arrive grouped by street.
 */
export async function writePayrollWorkbook(
  target: string,
  title: string,
  lines: AsyncIterable<PayrollLine>,
  masked: boolean,
): Promise<{ people: number; totalFen: number }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: target, useStyles: true });
  const sheet = workbook.addWorksheet('发放表');
  const headers = ['序号', '街道', '社区', '姓名', '身份证号', '开户银行', '银行账号', '发放月份', '月标准（元）', '金额（元）', '备注'];
  const widths = [6, 12, 14, 10, 22, 28, 26, 24, 14, 14, 30];
  sheet.columns = widths.map((width, index) => ({
    width,
    // ID numbers and accounts as text, so office software keeps all 18 digits.
    style: index === 4 || index === 6 ? { numFmt: TEXT_FORMAT } : index === 8 || index === 9 ? { numFmt: MONEY_FORMAT } : {},
  }));
  const styles = new ColumnStyles(sheet);
  sheet.mergeCells(1, 1, 1, headers.length);
  const heading = sheet.getRow(1);
  heading.getCell(1).value = masked ? `${title}（核对用，已脱敏，不得用于银行代发）` : title;
  heading.getCell(1).font = { bold: true, size: 14 };
  heading.getCell(1).alignment = { horizontal: 'center' };
  heading.commit();
  const headerRow = sheet.getRow(2);
  headerRow.values = headers;
  styleHeader(headerRow);
  headerRow.commit();

  const streets: Array<{ street: string; people: number; amountFen: number }> = [];
  let serial = 0;
  for await (const line of lines) {
    let group = streets[streets.length - 1];
    if (!group || group.street !== line.street) {
      if (group) addSubtotal(sheet, group);
      group = { street: line.street, people: 0, amountFen: 0 };
      streets.push(group);
    }
    serial += 1;
    group.people += 1;
    group.amountFen += line.amountFen;
    styles.commit(
      sheet.addRow([
        serial,
        line.street,
        line.community,
        line.name,
        line.nationalId,
        line.bankName,
        line.bankAccount,
        line.months.length ? line.months.join('、') : '一次性',
        yuan(line.monthlyRateFen),
        yuan(line.amountFen),
        line.note,
      ]),
    );
    if (serial % PAYROLL_BATCH === 0) await zipCaughtUp(sheet);
  }
  if (streets.length) addSubtotal(sheet, streets[streets.length - 1]);
  const totalFen = streets.reduce((sum, group) => sum + group.amountFen, 0);
  const total = sheet.addRow(['', '合计', '', `${serial}人`, '', '', '', '', '', yuan(totalFen), '']);
  total.font = { bold: true };
  total.commit();
  sheet.commit();

  const summary = workbook.addWorksheet('街道汇总');
  summary.columns = [
    { header: '街道', key: 'street', width: 16 },
    { header: '人数', key: 'people', width: 8 },
    { header: '金额（元）', key: 'amount', width: 16, style: { numFmt: MONEY_FORMAT } },
  ];
  styleHeader(summary.getRow(1));
  for (const group of streets)
    summary.addRow({ street: group.street, people: group.people, amount: yuan(group.amountFen) }).commit();
  const sum = summary.addRow({ street: '合计', people: serial, amount: yuan(totalFen) });
  sum.font = { bold: true };
  sum.commit();
  summary.commit();
  await workbook.commit();
  return { people: serial, totalFen };
}

function addSubtotal(
  sheet: ExcelJS.Worksheet,
  group: { street: string; people: number; amountFen: number },
): void {
  const row = sheet.addRow([
    '',
    `${group.street}小计`,
    '',
    `${group.people}人`,
    '',
    '',
    '',
    '',
    '',
    yuan(group.amountFen),
    '',
  ]);
  row.font = { bold: true };
  row.commit();
}

export interface RosterExportRow {
  street: string;
  community: string;
  name: string;
  nationalId: string;
  sex: string;
  departureDate: string | null;
  normalDeparture: boolean | null;
  eligibleFrom: string;
  monthlyRateFen: number;
  bankName: string;
  bankAccount: string;
  status: string;
  deathDate: string | null;
  removedOn: string | null;
  building: BuildingLeaderFacts | null;
}

/** The roster for officials' use: ID numbers, accounts and phones always masked (not for the bank). */
export async function rosterWorkbook(
  title: string,
  rosterKind: StipendRosterKind,
  rows: readonly RosterExportRow[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  const kindColumns =
    rosterKind === 'building_leader'
      ? [
          { header: '楼栋', key: 'buildings', width: 18 },
          { header: '负责楼栋数', key: 'buildingCount', width: 10 },
          { header: '负责单元', key: 'units', width: 12 },
          { header: '覆盖户数', key: 'households', width: 10 },
          { header: '联系电话（脱敏）', key: 'phone', width: 16 },
          { header: '任职起始日期', key: 'eligibleFrom', width: 12 },
        ]
      : [
          { header: '离任日期', key: 'departureDate', width: 12 },
          { header: '离任类型', key: 'departureType', width: 10 },
          { header: '享受起始日期', key: 'eligibleFrom', width: 12 },
        ];
  sheet.columns = [
    { header: '序号', key: 'serial', width: 6 },
    { header: '街道', key: 'street', width: 12 },
    { header: '社区', key: 'community', width: 14 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '身份证号（脱敏）', key: 'nationalId', width: 22 },
    { header: '性别', key: 'sex', width: 6 },
    ...kindColumns,
    { header: '月补助标准（元）', key: 'rate', width: 14, style: { numFmt: MONEY_FORMAT } },
    { header: '开户银行', key: 'bankName', width: 26 },
    { header: '银行账号（脱敏）', key: 'bankAccount', width: 24 },
    { header: '状态', key: 'status', width: 8 },
    { header: '死亡日期', key: 'deathDate', width: 12 },
    { header: '停发日期', key: 'removedOn', width: 12 },
  ];
  styleHeader(sheet.getRow(1));
  rows.forEach((row, index) =>
    sheet.addRow({
      serial: index + 1,
      street: row.street,
      community: row.community,
      name: row.name,
      nationalId: row.nationalId,
      sex: row.sex,
      departureDate: row.departureDate ?? '',
      departureType: row.normalDeparture === null ? '' : row.normalDeparture ? '正常离任' : '非正常离任',
      eligibleFrom: row.eligibleFrom,
      buildings: row.building?.buildings ?? '',
      buildingCount: row.building?.buildingCount ?? '',
      units: row.building?.units ?? '',
      households: row.building?.households ?? '',
      phone: row.building?.phone ?? '',
      rate: yuan(row.monthlyRateFen),
      bankName: row.bankName,
      bankAccount: row.bankAccount,
      status: row.status,
      deathDate: row.deathDate ?? '',
      removedOn: row.removedOn ?? '',
    }),
  );
  const note = sheet.addRow({ serial: '', street: title });
  note.font = { italic: true };
  return bufferOf(workbook);
}
