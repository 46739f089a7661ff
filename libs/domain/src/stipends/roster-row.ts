/**
 * One row of a retired-cadre stipend roster imported from a street's Excel sheet (strings, numbers
 * or empty cells, keyed by the Chinese column header). Every problem of the row is reported at once,
 * by row number and column header, in Chinese and English; nothing throws.
 */
import { checkNationalId } from '../check-digits.js';
import { addYears } from './calendar-date.js';
import {
  type CellValue,
  cellText,
  isEmptyCell,
  parseDateCell,
  parseDigitsCell,
  parseYuanCellToFen,
} from './cell-values.js';
import type { Post } from './departure-subsidy.js';

export type RosterStatus = 'active' | 'suspended' | 'deceased';

export interface RosterRow {
  rowNumber: number;
  name: string;
  /** Upper-case, 18 characters, GB 11643 valid. */
  nationalId: string;
  birthDate: string;
  sex: 'male' | 'female';
  communityName: string;
  communityId: number;
  formerPost: Post;
  termStart: string;
  termEnd: string | null;
  departureDate: string;
  normalDeparture: boolean;
  monthlyRateFen: number;
  bankName: string;
  bankAccount: string;
  status: RosterStatus;
  deathDate: string | null;
}

export interface RosterProblem {
  row: number;
  /** The Chinese column header. */
  column: string;
  problem: string;
  problemEn: string;
}

export type RosterColumnKey =
  | 'name'
  | 'nationalId'
  | 'community'
  | 'formerPost'
  | 'termStart'
  | 'termEnd'
  | 'departureDate'
  | 'departureType'
  | 'monthlyRateYuan'
  | 'bankName'
  | 'bankAccount'
  | 'status'
  | 'deathDate';

export interface RosterColumn {
  key: RosterColumnKey;
  header: string;
  required: boolean;
  example: string;
  /** When the column is conditionally required or has a closed list of values. */
  note?: string;
}

/** The roster template, in sheet order. Examples are demo values (the ID passes GB 11643). */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { key: 'name', header: '姓名', required: true, example: '李桂芬' },
  {
    key: 'nationalId',
    header: '身份证号',
    required: true,
    example: '530114195803120023',
    note: '18位，末位可为X；请设置为文本格式',
  },
  {
    key: 'community',
    header: '所属社区',
    required: true,
    example: '龙城社区',
    note: '须为系统中已有的社区名称',
  },
  {
    key: 'formerPost',
    header: '曾任职务',
    required: true,
    example: '居委会主任',
    note: '一肩挑/党组织书记/居委会主任/副书记/副主任/监委会主任/委员',
  },
  { key: 'termStart', header: '任职起始日期', required: true, example: '2016-03-15' },
  {
    key: 'termEnd',
    header: '任职结束日期',
    required: false,
    example: '2021-01-10',
    note: '空则视为任职至离任日期',
  },
  { key: 'departureDate', header: '离任日期', required: true, example: '2021-01-10' },
  {
    key: 'departureType',
    header: '离任类型',
    required: true,
    example: '正常离任',
    note: '正常离任/非正常离任',
  },
  { key: 'monthlyRateYuan', header: '月补助标准（元）', required: true, example: '660' },
  { key: 'bankName', header: '开户银行', required: true, example: '中国农业银行昆明呈贡支行' },
  {
    key: 'bankAccount',
    header: '银行账号',
    required: true,
    example: '6228480010012345678',
    note: '12–30位数字；请设置为文本格式',
  },
  { key: 'status', header: '状态', required: true, example: '在册', note: '在册/暂停/已故' },
  { key: 'deathDate', header: '死亡日期', required: false, example: '', note: '状态为“已故”时必填' },
];

const HEADER_OF: Record<RosterColumnKey, string> = Object.fromEntries(
  ROSTER_COLUMNS.map((c) => [c.key, c.header]),
) as Record<RosterColumnKey, string>;

/** Header comparison ignores spaces and full-/half-width differences: 月补助标准(元) = 月补助标准（元）. */
function headerKey(header: string): string {
  return header.normalize('NFKC').replace(/\s+/g, '');
}

/** File-level check of a sheet's header row: missing required columns and columns not in the template. */
export function checkRosterHeaders(headers: readonly string[]): { missing: string[]; unknown: string[] } {
  const given = new Set(headers.map(headerKey));
  const known = new Set(ROSTER_COLUMNS.map((c) => headerKey(c.header)));
  return {
    missing: ROSTER_COLUMNS.filter((c) => c.required && !given.has(headerKey(c.header))).map((c) => c.header),
    unknown: headers.filter((h) => h.trim() !== '' && !known.has(headerKey(h))),
  };
}

const strip = (text: string) => text.normalize('NFKC').replace(/[\s、,，“”"'‘’()（）]/g, '');

const POST_ALIASES: Record<Post, string[]> = {
  secretary_and_director: [
    '一肩挑',
    '书记主任一肩挑',
    '书记兼主任',
    '书记主任',
    '党组织书记居委会主任',
    '社区党组织书记居委会主任',
    '党组织书记兼居委会主任',
  ],
  secretary: [
    '书记',
    '党组织书记',
    '社区党组织书记',
    '党委书记',
    '社区党委书记',
    '党总支书记',
    '社区党总支书记',
    '党支部书记',
    '社区党支部书记',
  ],
  director: ['主任', '居委会主任', '社区居委会主任', '居民委员会主任', '社区居民委员会主任'],
  deputy_secretary: [
    '副书记',
    '党组织副书记',
    '社区党组织副书记',
    '社区副书记',
    '党委副书记',
    '社区党委副书记',
    '党总支副书记',
    '党支部副书记',
  ],
  deputy_director: ['副主任', '居委会副主任', '社区居委会副主任', '居民委员会副主任'],
  supervisory_director: [
    '监委会主任',
    '监委主任',
    '居务监督委员会主任',
    '居务监委会主任',
    '监督委员会主任',
    '社区居务监督委员会主任',
  ],
  committee_member: [
    '委员',
    '两委委员',
    '居委会委员',
    '社区居委会委员',
    '党组织委员',
    '党委委员',
    '支委',
    '支部委员',
  ],
};
const POST_BY_ALIAS = new Map<string, Post>(
  (Object.entries(POST_ALIASES) as Array<[Post, string[]]>).flatMap(([post, aliases]) =>
    aliases.map((alias) => [strip(alias), post] as const),
  ),
);

/** A Chinese post label as written in rosters → Post; anything mentioning 一肩挑 is 一肩挑. */
export function parsePostLabel(label: string): Post | null {
  const key = strip(label);
  if (key === '') return null;
  if (key.includes('一肩挑')) return 'secretary_and_director';
  return POST_BY_ALIAS.get(key) ?? null;
}

const STATUS_BY_LABEL: Record<string, RosterStatus> = {
  在册: 'active',
  暂停: 'suspended',
  已故: 'deceased',
  死亡: 'deceased',
};
const DEPARTURE_BY_LABEL: Record<string, boolean> = {
  正常离任: true,
  正常: true,
  非正常离任: false,
  非正常: false,
};

export function parseRosterRow(
  row: Record<string, string | number | null>,
  rowNumber: number,
  context: {
    knownCommunities: Map<string, number>;
    /** The import date: no date in the row may be later. Omit to skip that check. */
    asOf?: string;
  },
): { ok: true; value: RosterRow } | { ok: false; problems: RosterProblem[] } {
  const cells = new Map<string, CellValue>(Object.entries(row).map(([k, v]) => [headerKey(k), v]));
  const cell = (key: RosterColumnKey): CellValue => cells.get(headerKey(HEADER_OF[key]));
  const problems: RosterProblem[] = [];
  const problem = (key: RosterColumnKey, zh: string, en: string) =>
    problems.push({ row: rowNumber, column: HEADER_OF[key], problem: zh, problemEn: en });
  const missing = (key: RosterColumnKey) => problem(key, '必填项为空', 'Required value is empty');

  const text = (key: RosterColumnKey, maxLength: number): string | null => {
    const value = cellText(cell(key));
    if (value === '') {
      missing(key);
      return null;
    }
    if (value.length > maxLength) {
      problem(key, `长度超过${maxLength}个字符`, `Longer than ${maxLength} characters`);
      return null;
    }
    return value;
  };

  const date = (key: RosterColumnKey, required: boolean): string | null => {
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
    if (context.asOf !== undefined && parsed.date > context.asOf) {
      problem(key, `日期晚于导入日期（${context.asOf}）`, `Date is after the import date (${context.asOf})`);
      return null;
    }
    return parsed.date;
  };

  // 姓名
  const name = text('name', 50);

  // 身份证号
  let nationalId: string | null = null;
  let birthDate: string | null = null;
  let sex: 'male' | 'female' | null = null;
  const idCell = parseDigitsCell(cell('nationalId'), true);
  if (!idCell.ok) {
    if (idCell.error === 'empty') missing('nationalId');
    else if (idCell.error === 'precision')
      problem(
        'nationalId',
        '身份证号被 Excel 转成了数字，末几位已丢失；请将该列设为文本后重新填写',
        'Excel turned the ID into a number and lost digits; format the column as text and re-enter it',
      );
    else
      problem('nationalId', '身份证号应为18位数字，末位可为X', 'The ID must be 18 digits, the last may be X');
  } else {
    const check = checkNationalId(idCell.digits);
    if (check.valid) {
      nationalId = idCell.digits;
      birthDate = check.birthDate;
      sex = check.sex;
    } else if (check.reason === 'format') {
      problem('nationalId', '身份证号应为18位数字，末位可为X', 'The ID must be 18 digits, the last may be X');
    } else if (check.reason === 'birth_date') {
      problem('nationalId', '身份证号中的出生日期无效', 'The birth date inside the ID is not a real date');
    } else {
      problem('nationalId', '身份证号校验位错误，请核对', 'The ID check digit is wrong; check the number');
    }
  }

  // 所属社区
  let communityName: string | null = null;
  let communityId: number | null = null;
  const community = text('community', 100);
  if (community !== null) {
    const id = context.knownCommunities.get(community);
    if (id === undefined)
      problem('community', `系统中没有名为“${community}”的社区`, `No community named “${community}”`);
    else {
      communityName = community;
      communityId = id;
    }
  }

  // 曾任职务
  let formerPost: Post | null = null;
  const postText = text('formerPost', 50);
  if (postText !== null) {
    formerPost = parsePostLabel(postText);
    if (formerPost === null)
      problem('formerPost', `无法识别的职务“${postText}”`, `Unrecognised post “${postText}”`);
  }

  // Dates
  const termStart = date('termStart', true);
  const termEnd = date('termEnd', false);
  const departureDate = date('departureDate', true);

  // 离任类型
  let normalDeparture: boolean | null = null;
  const departureType = text('departureType', 10);
  if (departureType !== null) {
    const value = DEPARTURE_BY_LABEL[strip(departureType)];
    if (value === undefined)
      problem('departureType', '应为“正常离任”或“非正常离任”', 'Must be 正常离任 or 非正常离任');
    else normalDeparture = value;
  }

  // 月补助标准（元）
  let monthlyRateFen: number | null = null;
  const rate = parseYuanCellToFen(cell('monthlyRateYuan'));
  if (!rate.ok) {
    if (rate.error === 'empty') missing('monthlyRateYuan');
    else if (rate.error === 'negative')
      problem('monthlyRateYuan', '金额不能为负数', 'The amount cannot be negative');
    else if (rate.error === 'precision')
      problem('monthlyRateYuan', '金额最多保留两位小数（分）', 'At most two decimals (fen)');
    else
      problem(
        'monthlyRateYuan',
        '金额格式无法识别，请填写数字，如 660 或 660.50',
        'Unrecognised amount; enter a number such as 660 or 660.50',
      );
  } else if (rate.fen === 0) {
    problem('monthlyRateYuan', '月补助标准应大于0', 'The monthly rate must be more than zero');
  } else {
    monthlyRateFen = rate.fen;
  }

  // 开户银行
  const bankName = text('bankName', 100);

  // 银行账号
  let bankAccount: string | null = null;
  const account = parseDigitsCell(cell('bankAccount'));
  if (!account.ok) {
    if (account.error === 'empty') missing('bankAccount');
    else if (account.error === 'precision')
      problem(
        'bankAccount',
        '银行账号被 Excel 转成了数字，末几位已丢失；请将该列设为文本后重新填写',
        'Excel turned the account into a number and lost digits; format the column as text and re-enter it',
      );
    else problem('bankAccount', '银行账号只能包含数字', 'The account may contain digits only');
  } else if (account.digits.length < 12 || account.digits.length > 30) {
    problem(
      'bankAccount',
      `银行账号应为12至30位数字（现为${account.digits.length}位）`,
      `The account must have 12 to 30 digits (has ${account.digits.length})`,
    );
  } else {
    bankAccount = account.digits;
  }

  // 状态, 死亡日期
  let status: RosterStatus | null = null;
  const statusText = text('status', 10);
  if (statusText !== null) {
    status = STATUS_BY_LABEL[strip(statusText)] ?? null;
    if (status === null) problem('status', '应为“在册”“暂停”或“已故”', 'Must be 在册, 暂停 or 已故');
  }
  const deathDateGiven = !isEmptyCell(cell('deathDate'));
  const deathDate = date('deathDate', status === 'deceased');
  if (status !== null && status !== 'deceased' && deathDateGiven) {
    problem(
      'deathDate',
      '状态不是“已故”却填写了死亡日期',
      'A death date is given but the status is not 已故',
    );
  }

  // Cross-column checks, only between values that parsed.
  if (termStart && termEnd && termEnd < termStart)
    problem('termEnd', '任职结束日期早于任职起始日期', 'The term ends before it starts');
  if (termStart && departureDate && departureDate < termStart)
    problem('departureDate', '离任日期早于任职起始日期', 'The departure is before the term start');
  if (termEnd && departureDate && termEnd > departureDate)
    problem('termEnd', '任职结束日期晚于离任日期', 'The term ends after the departure date');
  if (birthDate && termStart && termStart < addYears(birthDate, 18))
    problem(
      'termStart',
      '任职起始时未满18周岁，请核对身份证号或日期',
      'Under 18 at the term start; check the ID number or the date',
    );
  if (deathDate && departureDate && deathDate < departureDate)
    problem('deathDate', '死亡日期早于离任日期', 'The death date is before the departure date');

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      rowNumber,
      name: name as string,
      nationalId: nationalId as string,
      birthDate: birthDate as string,
      sex: sex as 'male' | 'female',
      communityName: communityName as string,
      communityId: communityId as number,
      formerPost: formerPost as Post,
      termStart: termStart as string,
      termEnd,
      departureDate: departureDate as string,
      normalDeparture: normalDeparture as boolean,
      monthlyRateFen: monthlyRateFen as number,
      bankName: bankName as string,
      bankAccount: bankAccount as string,
      status: status as RosterStatus,
      deathDate: status === 'deceased' ? deathDate : null,
    },
  };
}

/** Sheet-level check: the same person (身份证号) twice. Reports each repeat against its first row. */
export function findDuplicateNationalIds(
  rows: readonly Pick<RosterRow, 'rowNumber' | 'nationalId'>[],
): RosterProblem[] {
  const first = new Map<string, number>();
  const problems: RosterProblem[] = [];
  for (const row of rows) {
    const seen = first.get(row.nationalId);
    if (seen === undefined) first.set(row.nationalId, row.rowNumber);
    else
      problems.push({
        row: row.rowNumber,
        column: HEADER_OF.nationalId,
        problem: `身份证号与第${seen}行重复`,
        problemEn: `Same ID number as row ${seen}`,
      });
  }
  return problems;
}
