/**
 * One row of a street's building-leader (楼栋长) roster imported from Excel: the building(s), the
 * units and households covered, the leader, their phone and bank account, and the period served.
 * Every problem of the row is reported at once, by row and column; nothing throws.
 */
import type { CellValue } from './cell-values.js';
import { type SheetColumn, type SheetProblem, checkSheetHeaders, sheetRowReader } from './sheet-row-reader.js';

export type BuildingLeaderColumnKey =
  | 'community'
  | 'buildings'
  | 'buildingCount'
  | 'units'
  | 'households'
  | 'name'
  | 'nationalId'
  | 'phone'
  | 'bankName'
  | 'bankAccount'
  | 'startDate'
  | 'endDate';

/** The template, in sheet order. Examples are demo values (the ID passes GB 11643). */
export const BUILDING_LEADER_COLUMNS: readonly SheetColumn<BuildingLeaderColumnKey>[] = [
  { key: 'community', header: '所属社区', required: true, example: '龙街社区', note: '须为系统中已有的社区名称' },
  { key: 'buildings', header: '楼栋', required: true, example: '学府花园3栋', note: '负责多栋时用顿号分隔' },
  { key: 'buildingCount', header: '负责楼栋数', required: true, example: '1', note: '整数，按栋计发时用于计算' },
  { key: 'units', header: '负责单元', required: false, example: '1—3单元' },
  { key: 'households', header: '覆盖户数', required: true, example: '96', note: '整数，按户数分档计发时用于计算' },
  { key: 'name', header: '姓名', required: true, example: '张丽华' },
  {
    key: 'nationalId',
    header: '身份证号',
    required: true,
    example: '530114197806150024',
    note: '18位，末位可为X；本列已设为文本格式，请勿改为数字',
  },
  { key: 'phone', header: '联系电话', required: true, example: '13987654321' },
  { key: 'bankName', header: '开户银行', required: true, example: '中国农业银行昆明呈贡支行' },
  {
    key: 'bankAccount',
    header: '银行账号',
    required: true,
    example: '6228480010098765432',
    note: '12–30位数字；本列已设为文本格式，请勿改为数字',
  },
  { key: 'startDate', header: '任职起始日期', required: true, example: '2024-03-01' },
  {
    key: 'endDate',
    header: '任职结束日期',
    required: false,
    example: '',
    note: '仍在任的留空；填写后按月计发至该日所在月份',
  },
];

export interface BuildingLeaderRow {
  rowNumber: number;
  communityName: string;
  communityId: number;
  buildings: string;
  buildingCount: number;
  units: string | null;
  households: number;
  name: string;
  nationalId: string;
  birthDate: string;
  sex: 'male' | 'female';
  phone: string;
  bankName: string;
  bankAccount: string;
  startDate: string;
  /** Last day served (inclusive), or null while serving. */
  endDate: string | null;
}

export function checkBuildingLeaderHeaders(headers: readonly string[]) {
  return checkSheetHeaders(BUILDING_LEADER_COLUMNS, headers);
}

export function parseBuildingLeaderRow(
  row: Record<string, CellValue>,
  rowNumber: number,
  context: { knownCommunities: Map<string, number>; asOf?: string },
): { ok: true; value: BuildingLeaderRow } | { ok: false; problems: SheetProblem[] } {
  const read = sheetRowReader(BUILDING_LEADER_COLUMNS, row, rowNumber, context.asOf);
  const community = read.text('community', 100);
  let communityId: number | null = null;
  if (community !== null) {
    communityId = context.knownCommunities.get(community) ?? null;
    if (communityId === null)
      read.problem('community', `系统中没有名为“${community}”的社区`, `No community named “${community}”`);
  }
  const buildings = read.text('buildings', 100);
  const buildingCount = read.integer('buildingCount', 1, 50);
  const units = read.text('units', 100, false);
  const households = read.integer('households', 0, 5000);
  const name = read.text('name', 50);
  const id = read.nationalId('nationalId');
  const phone = read.phone('phone');
  const bankName = read.text('bankName', 100);
  const bankAccount = read.bankAccount('bankAccount');
  const startDate = read.date('startDate', true);
  // A planned end (a term that runs out) may lie ahead; only the start must have happened.
  const endDate = read.date('endDate', false, false);
  if (startDate && endDate && endDate < startDate)
    read.problem('endDate', '任职结束日期早于起始日期', 'The end date is before the start date');

  const problems = read.problems;
  if (
    problems.length > 0 ||
    community === null ||
    communityId === null ||
    buildings === null ||
    buildingCount === null ||
    households === null ||
    name === null ||
    id === null ||
    phone === null ||
    bankName === null ||
    bankAccount === null ||
    startDate === null
  ) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: {
      rowNumber,
      communityName: community,
      communityId,
      buildings,
      buildingCount,
      units,
      households,
      name,
      nationalId: id.nationalId,
      birthDate: id.birthDate,
      sex: id.sex,
      phone,
      bankName,
      bankAccount,
      startDate,
      endDate,
    },
  };
}
