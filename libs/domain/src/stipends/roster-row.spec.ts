import { checkNationalId, nationalIdCheckCharacter } from '../check-digits.js';
import {
  ROSTER_COLUMNS,
  type RosterRow,
  checkRosterHeaders,
  findDuplicateNationalIds,
  parsePostLabel,
  parseRosterRow,
} from './roster-row.js';

const YOUNG_ID = '53011420000101002' + nationalIdCheckCharacter('53011420000101002');

const context = {
  knownCommunities: new Map([
    ['龙城社区', 11],
    ['洛龙社区', 12],
  ]),
};

const GOOD: Record<string, string | number | null> = {
  姓名: '李桂芬',
  身份证号: '530114195803120023',
  所属社区: '龙城社区',
  曾任职务: '居委会主任',
  任职起始日期: '2016-03-15',
  任职结束日期: '2021/1/10',
  离任日期: '2021年1月10日',
  离任类型: '正常离任',
  '月补助标准（元）': '660',
  开户银行: '中国农业银行昆明呈贡支行',
  银行账号: '6228 4800 1001 2345 678',
  状态: '在册',
  死亡日期: null,
};

const problemsOf = (
  overrides: Record<string, string | number | null>,
  ctx: Parameters<typeof parseRosterRow>[2] = context,
) => {
  const result = parseRosterRow({ ...GOOD, ...overrides }, 7, ctx);
  return result.ok ? [] : result.problems.map((p) => `${p.column}: ${p.problem}`);
};

describe('ROSTER_COLUMNS', () => {
  it('lists the thirteen Chinese headers in order', () => {
    expect(ROSTER_COLUMNS.map((c) => c.header)).toEqual([
      '姓名',
      '身份证号',
      '所属社区',
      '曾任职务',
      '任职起始日期',
      '任职结束日期',
      '离任日期',
      '离任类型',
      '月补助标准（元）',
      '开户银行',
      '银行账号',
      '状态',
      '死亡日期',
    ]);
    expect(ROSTER_COLUMNS.filter((c) => !c.required).map((c) => c.header)).toEqual([
      '任职结束日期',
      '死亡日期',
    ]);
  });

  it('has a valid example ID and its examples parse as a row', () => {
    const example = ROSTER_COLUMNS.find((c) => c.key === 'nationalId')?.example ?? '';
    expect(checkNationalId(example).valid).toBe(true);
    const row = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.header, c.example]));
    expect(parseRosterRow(row, 2, context).ok).toBe(true);
  });

  it('checks a header row', () => {
    expect(checkRosterHeaders(['序号', '姓名', '身份证号', '月补助标准(元)'])).toEqual({
      missing: [
        '所属社区',
        '曾任职务',
        '任职起始日期',
        '离任日期',
        '离任类型',
        '开户银行',
        '银行账号',
        '状态',
      ],
      unknown: ['序号'],
    });
    expect(checkRosterHeaders(ROSTER_COLUMNS.map((c) => c.header))).toEqual({ missing: [], unknown: [] });
  });
});

describe('parseRosterRow', () => {
  it('parses a good row, deriving birth date and sex from the ID', () => {
    const expected: RosterRow = {
      rowNumber: 7,
      name: '李桂芬',
      nationalId: '530114195803120023',
      birthDate: '1958-03-12',
      sex: 'female',
      communityName: '龙城社区',
      communityId: 11,
      formerPost: 'director',
      termStart: '2016-03-15',
      termEnd: '2021-01-10',
      departureDate: '2021-01-10',
      normalDeparture: true,
      monthlyRateFen: 66_000,
      bankName: '中国农业银行昆明呈贡支行',
      bankAccount: '6228480010012345678',
      status: 'active',
      deathDate: null,
    };
    expect(parseRosterRow(GOOD, 7, context)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, Record<string, string | number | null>, Partial<RosterRow>]>([
    [
      'Excel serial dates',
      { 任职起始日期: 42444, 离任日期: 44206, 任职结束日期: '44206' },
      { termStart: '2016-03-15', departureDate: '2021-01-10', termEnd: '2021-01-10' },
    ],
    ['empty term end', { 任职结束日期: '' }, { termEnd: null }],
    ['numeric rate with fen', { '月补助标准（元）': 660.5 }, { monthlyRateFen: 66_050 }],
    ['rate text with grouping', { '月补助标准（元）': '1,200.00' }, { monthlyRateFen: 120_000 }],
    ['half-width header', { '月补助标准（元）': null, '月补助标准(元)': '700' }, { monthlyRateFen: 70_000 }],
    [
      'lower-case x in ID',
      { 身份证号: '53011419550101003x' },
      { nationalId: '53011419550101003X', sex: 'male', birthDate: '1955-01-01' },
    ],
    ['male ID', { 身份证号: '530114196209070013' }, { sex: 'male', birthDate: '1962-09-07' }],
    ['非正常离任', { 离任类型: '非正常离任' }, { normalDeparture: false }],
    ['暂停', { 状态: '暂停' }, { status: 'suspended' }],
    [
      '已故 with a death date',
      { 状态: '已故', 死亡日期: '2025/11/3' },
      { status: 'deceased', deathDate: '2025-11-03' },
    ],
    ['一肩挑 label', { 曾任职务: '书记、主任“一肩挑”' }, { formerPost: 'secretary_and_director' }],
    ['12-digit numeric account', { 银行账号: 622848001001 }, { bankAccount: '622848001001' }],
    ['spaces around the name', { 姓名: '  李桂芬 ' }, { name: '李桂芬' }],
  ])('accepts %s', (_name, overrides, expected) => {
    const result = parseRosterRow({ ...GOOD, ...overrides }, 7, context);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject(expected);
  });

  it.each<[string, Record<string, string | number | null>, string[]]>([
    ['empty name', { 姓名: ' ' }, ['姓名: 必填项为空']],
    ['bad ID check digit', { 身份证号: '530114195803120024' }, ['身份证号: 身份证号校验位错误，请核对']],
    [
      'ID with an impossible birth date',
      { 身份证号: '530114195802300023' },
      ['身份证号: 身份证号中的出生日期无效'],
    ],
    ['short ID', { 身份证号: '5301141958' }, ['身份证号: 身份证号应为18位数字，末位可为X']],
    [
      'ID turned into a number by Excel',
      { 身份证号: Number('530114195803120023') },
      ['身份证号: 身份证号被 Excel 转成了数字，末几位已丢失；请将该列设为文本后重新填写'],
    ],
    ['unknown community', { 所属社区: '火星社区' }, ['所属社区: 系统中没有名为“火星社区”的社区']],
    ['unknown post', { 曾任职务: '村长' }, ['曾任职务: 无法识别的职务“村长”']],
    ['bad date', { 任职起始日期: '2016-02-30' }, ['任职起始日期: 不是有效日期']],
    [
      'unreadable date',
      { 离任日期: '去年' },
      ['离任日期: 日期格式无法识别，请使用 2026-01-05、2026/1/5 或 2026年1月5日'],
    ],
    ['term end before start', { 任职结束日期: '2015-01-01' }, ['任职结束日期: 任职结束日期早于任职起始日期']],
    ['term end after departure', { 任职结束日期: '2022-01-01' }, ['任职结束日期: 任职结束日期晚于离任日期']],
    [
      'departure before start',
      { 离任日期: '2015-01-01', 任职结束日期: null },
      ['离任日期: 离任日期早于任职起始日期'],
    ],
    [
      'under 18 at the start',
      { 身份证号: YOUNG_ID, 任职起始日期: '2016-03-15' },
      ['任职起始日期: 任职起始时未满18周岁，请核对身份证号或日期'],
    ],
    ['bad departure type', { 离任类型: '退休' }, ['离任类型: 应为“正常离任”或“非正常离任”']],
    [
      'rate with three decimals',
      { '月补助标准（元）': '660.555' },
      ['月补助标准（元）: 金额最多保留两位小数（分）'],
    ],
    ['negative rate', { '月补助标准（元）': -660 }, ['月补助标准（元）: 金额不能为负数']],
    ['zero rate', { '月补助标准（元）': '0' }, ['月补助标准（元）: 月补助标准应大于0']],
    [
      'rate in words',
      { '月补助标准（元）': '六百六十' },
      ['月补助标准（元）: 金额格式无法识别，请填写数字，如 660 或 660.50'],
    ],
    ['account too short', { 银行账号: '62284800100' }, ['银行账号: 银行账号应为12至30位数字（现为11位）']],
    ['account too long', { 银行账号: '6'.repeat(31) }, ['银行账号: 银行账号应为12至30位数字（现为31位）']],
    ['account with letters', { 银行账号: '6228A80010012345678' }, ['银行账号: 银行账号只能包含数字']],
    [
      'account turned into a number',
      { 银行账号: Number('6228480010012345678') },
      ['银行账号: 银行账号被 Excel 转成了数字，末几位已丢失；请将该列设为文本后重新填写'],
    ],
    ['bad status', { 状态: '退休' }, ['状态: 应为“在册”“暂停”或“已故”']],
    ['已故 without a death date', { 状态: '已故' }, ['死亡日期: 必填项为空']],
    ['death date while 在册', { 死亡日期: '2025-11-03' }, ['死亡日期: 状态不是“已故”却填写了死亡日期']],
    ['death before departure', { 状态: '已故', 死亡日期: '2020-11-03' }, ['死亡日期: 死亡日期早于离任日期']],
  ])('reports %s', (_name, overrides, expected) => {
    expect(problemsOf(overrides)).toEqual(expected);
  });

  it('reports dates after the import date when asOf is given', () => {
    expect(problemsOf({ 状态: '已故', 死亡日期: '2026-02-01' }, { ...context, asOf: '2026-01-15' })).toEqual([
      '死亡日期: 日期晚于导入日期（2026-01-15）',
    ]);
  });

  it('reports every problem of a row at once, with row, column and both languages', () => {
    const result = parseRosterRow({}, 12, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.column)).toEqual([
      '姓名',
      '身份证号',
      '所属社区',
      '曾任职务',
      '任职起始日期',
      '离任日期',
      '离任类型',
      '月补助标准（元）',
      '开户银行',
      '银行账号',
      '状态',
    ]);
    for (const p of result.problems) {
      expect(p.row).toBe(12);
      expect(p.problem).toBe('必填项为空');
      expect(p.problemEn).toBe('Required value is empty');
    }
  });

  it('finds the same ID on two rows', () => {
    const a = parseRosterRow(GOOD, 2, context);
    const b = parseRosterRow({ ...GOOD, 姓名: '李桂芳' }, 5, context);
    const c = parseRosterRow({ ...GOOD, 身份证号: '530114196209070013' }, 6, context);
    const rows = [a, b, c].flatMap((r) => (r.ok ? [r.value] : []));
    expect(findDuplicateNationalIds(rows)).toEqual([
      { row: 5, column: '身份证号', problem: '身份证号与第2行重复', problemEn: 'Same ID number as row 2' },
    ]);
  });
});

describe('parsePostLabel', () => {
  it.each([
    ['一肩挑', 'secretary_and_director'],
    ['书记、主任一肩挑', 'secretary_and_director'],
    ['社区党委书记兼居委会主任（一肩挑）', 'secretary_and_director'],
    ['党组织书记', 'secretary'],
    ['社区党总支书记', 'secretary'],
    ['居委会主任', 'director'],
    ['主任', 'director'],
    ['副书记', 'deputy_secretary'],
    ['居委会副主任', 'deputy_director'],
    ['监委会主任', 'supervisory_director'],
    ['居务监督委员会主任', 'supervisory_director'],
    ['委员', 'committee_member'],
    ['两委委员', 'committee_member'],
    ['村长', null],
    ['', null],
  ])('%s → %s', (label, post) => {
    expect(parsePostLabel(label)).toBe(post);
  });
});
