/**
 * DEMO DATA: building leaders' quarterly work fund (楼栋长工作经费, 呈社建办通〔2020〕6号) on the
 * stipend engine.
 * - base: a programme with 演示 household-band rates and twelve leaders in four communities of
 *   龙城街道 and 斗南街道 (one who left on 15 August, one who started on 20 July);
 * - demo year: 2026 Q3 reported by both streets, audited, batched by one finance officer, approved
 *   by another and paid in October.
 * The ID numbers pass GB 11643 and belong to nobody; accounts and phones are made up.
 */
import {
  CreateBuildingLeaderRequest,
  CreateStipendProgrammeRequest,
  CreateStipendRuleVersionRequest,
} from '@xiaoshi/contracts';
import { DEFAULT_MONTH_RULE, DEMO_BUILDING_LEADER_RATES, nationalIdCheckCharacter } from '@xiaoshi/domain';
import { BuildingLeadersService } from '../modules/stipends/building-leaders.service.js';
import { StipendBatchesService } from '../modules/stipends/stipend-batches.service.js';
import { StipendProgrammesService } from '../modules/stipends/stipend-programmes.service.js';
import { StipendReportsService } from '../modules/stipends/stipend-reports.service.js';
import type { SeedContext } from './seed-context.js';
import type { StoryClock } from './story-clock.js';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function leaderId(index: number): string {
  const first17 = `530114${1968 + (index % 17)}${pad(1 + (index % 12), 2)}${pad(3 + (index % 25), 2)}${pad(200 + index, 3)}`;
  return first17 + nationalIdCheckCharacter(first17);
}

const COMMUNITIES = [
  { name: '龙街社区', street: 'longcheng', estate: '龙街花园' },
  { name: '文华社区', street: 'longcheng', estate: '文华小区' },
  { name: '斗南社区', street: 'dounan', estate: '斗南雅苑' },
  { name: '花园社区', street: 'dounan', estate: '花园新村' },
] as const;

const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const HOUSEHOLDS = [48, 96, 150, 72, 118, 130, 56, 88, 164, 40, 104, 126];

export const BUILDING_LEADER_PROGRAMME = '楼栋长季度工作经费（演示）';

/** Base: the programme, its rule version and the roster. */
export async function seedBuildingLeaders(context: SeedContext, budgetLineId: number): Promise<void> {
  const programmes = context.get(StipendProgrammesService);
  const leaders = context.get(BuildingLeadersService);
  const actors = {
    admin: await context.actor('admin'),
    longcheng: await context.actor('longcheng'),
    dounan: await context.actor('dounan'),
  };
  const programme = await programmes.create(
    actors.admin,
    CreateStipendProgrammeRequest.parse({
      budgetLineId,
      kind: 'monthly_quarterly',
      rosterKind: 'building_leader',
      name: BUILDING_LEADER_PROGRAMME,
    }),
  );
  await programmes.addRuleVersion(
    actors.admin,
    programme.id,
    CreateStipendRuleVersionRequest.parse({
      documentNumber: '呈社建办通〔2020〕6号',
      title: '昆明市呈贡区楼栋长日常管理规定（试行）——经费标准为演示数据，以区级正式标准为准',
      effectiveFrom: '2026-01-01',
      rules: { monthRule: DEFAULT_MONTH_RULE, rates: DEMO_BUILDING_LEADER_RATES, demo: true },
    }),
  );

  const units: Array<{ id: number; name: string }> = await context.dataSource.query(
    `SELECT id, name FROM org_unit WHERE kind = 'community' AND name = ANY($1::text[])`,
    [COMMUNITIES.map((community) => community.name)],
  );
  let index = 0;
  for (const community of COMMUNITIES) {
    const communityId = units.find((unit) => unit.name === community.name)!.id;
    for (let building = 1; building <= 3; building += 1) {
      const leaving = community.name === '龙街社区' && building === 3;
      const joining = community.name === '花园社区' && building === 3;
      await leaders.create(
        actors[community.street],
        programme.id,
        CreateBuildingLeaderRequest.parse({
          communityId,
          buildings: `${community.estate}${building * 2 - 1}栋`,
          buildingCount: 1,
          units: `1—${building + 1}单元`,
          households: HOUSEHOLDS[index],
          name: `${SURNAMES[index]}演示楼栋长`,
          nationalId: leaderId(index),
          phone: `1390871${pad(4100 + index, 4)}`,
          bankName: '中国农业银行昆明呈贡支行（演示）',
          bankAccount: `62284800997${pad(index + 1, 8)}`,
          startDate: joining ? '2026-07-20' : `202${4 + (index % 2)}-0${1 + (index % 6)}-01`,
          endDate: leaving ? '2026-08-15' : null,
        }),
      );
      index += 1;
    }
  }
}

/** Demo year: 2026 Q3 reported by both streets, audited, batched, approved by a second officer and paid. */
export async function seedBuildingLeadersQuarter(context: SeedContext, clock: StoryClock): Promise<void> {
  const reports = context.get(StipendReportsService);
  const batches = context.get(StipendBatchesService);
  const [{ id: programmeId }]: Array<{ id: number }> = await context.dataSource.query(
    `SELECT id FROM stipend_programme WHERE name = $1`,
    [BUILDING_LEADER_PROGRAMME],
  );
  const admin = await context.actor('admin');
  const finance = await context.actor('finance');
  const checker = await context.actor('checker');
  const submitted: Array<{ id: number; version: number }> = [];
  for (const [street, day] of [
    ['longcheng', '2026-09-24 15:20'],
    ['dounan', '2026-09-25 10:40'],
  ] as const) {
    const actor = await context.actor(street);
    submitted.push(
      await clock.step(day, (now) =>
        reports.submit(actor, programmeId, { streetId: actor.user.unit.id, year: 2026, quarter: 3, note: '演示：第三季度楼栋长名册' }, now),
      ),
    );
  }
  for (const report of submitted) {
    await clock.step('2026-09-29 09:30', (now) => reports.approve(admin, report.id, { version: report.version }, now));
  }
  const batch = await clock.step('2026-10-09 10:00', (now) =>
    batches.generate(finance, programmeId, { year: 2026, quarter: 3 }, now),
  );
  const approved = await clock.step('2026-10-12 11:00', (now) => batches.approve(checker, batch.id, { version: batch.version }, now));
  await clock.step('2026-10-15 16:00', (now) =>
    batches.markPaid(finance, batch.id, { version: approved.version, paidOn: '2026-10-15', reference: 'YH-2026Q3-LDZ（演示）' }, now),
  );
}
