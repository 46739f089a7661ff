/**
 * DEMO DATA: building leaders' quarterly work fund (楼栋长工作经费, 呈社建办通〔2020〕6号) on the
 * stipend engine — a programme with 演示 household-band rates, twelve leaders in four communities
 * of 龙城街道 and 斗南街道 (one who left on 15 August, one who started on 20 July), and 2026 Q3
 * reported by both streets, audited, batched by one finance officer, approved by another and paid.
 * The ID numbers pass GB 11643 and belong to nobody; accounts and phones are made up.
 */
import {
  CreateBuildingLeaderRequest,
  CreateStipendProgrammeRequest,
  CreateStipendRuleVersionRequest,
} from '@xiaoshi/contracts';
import { DEFAULT_MONTH_RULE, DEMO_BUILDING_LEADER_RATES, nationalIdCheckCharacter } from '@xiaoshi/domain';
import { In, type DataSource } from 'typeorm';
import type { AuthenticatedActor } from '../common/actor.js';
import { StipendPerson } from '../modules/stipends/stipend-person.entity.js';
import { StipendProgramme } from '../modules/stipends/stipend-programme.entity.js';
import type { SeedServices } from './seed-services.js';

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

export async function seedBuildingLeaders(
  dataSource: DataSource,
  services: SeedServices,
  actors: Record<'admin' | 'finance' | 'checker' | 'longcheng' | 'dounan', AuthenticatedActor>,
  budgetLineId: number,
): Promise<void> {
  const programme = await services.programmes.create(
    actors.admin,
    CreateStipendProgrammeRequest.parse({
      budgetLineId,
      kind: 'monthly_quarterly',
      rosterKind: 'building_leader',
      name: '楼栋长季度工作经费（演示）',
    }),
  );
  await services.programmes.addRuleVersion(
    actors.admin,
    programme.id,
    CreateStipendRuleVersionRequest.parse({
      documentNumber: '呈社建办通〔2020〕6号',
      title: '昆明市呈贡区楼栋长日常管理规定（试行）——经费标准为演示数据，以区级正式标准为准',
      effectiveFrom: '2026-01-01',
      rules: { monthRule: DEFAULT_MONTH_RULE, rates: DEMO_BUILDING_LEADER_RATES, demo: true },
    }),
  );

  const units: Array<{ id: number; name: string }> = await dataSource.query(
    `SELECT id, name FROM org_unit WHERE kind = 'community' AND name = ANY($1::text[])`,
    [COMMUNITIES.map((community) => community.name)],
  );
  let index = 0;
  for (const community of COMMUNITIES) {
    const communityId = units.find((unit) => unit.name === community.name)!.id;
    for (let building = 1; building <= 3; building += 1) {
      const leaving = community.name === '龙街社区' && building === 3;
      const joining = community.name === '花园社区' && building === 3;
      await services.leaders.create(
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

  // 2026 Q3: both streets report, the district audits, finance batches, a second officer approves.
  for (const street of ['longcheng', 'dounan'] as const) {
    const report = await services.reports.submit(actors[street], programme.id, {
      streetId: actors[street].user.unit.id,
      year: 2026,
      quarter: 3,
      note: '演示：第三季度楼栋长名册',
    });
    await services.reports.approve(actors.admin, report.id, { version: report.version });
  }
  const batch = await services.batches.generate(actors.finance, programme.id, { year: 2026, quarter: 3 });
  const approved = await services.batches.approve(actors.checker, batch.id, { version: batch.version });
  await services.batches.markPaid(actors.finance, batch.id, {
    version: approved.version,
    paidOn: '2026-10-15',
    reference: 'YH-2026Q3-LDZ（演示）',
  });

  // Labelled as demo data wherever the portal shows the 演示 tag.
  await dataSource.getRepository(StipendProgramme).update({ id: programme.id }, { isDemo: true });
  await dataSource.getRepository(StipendPerson).update({ programmeId: In([programme.id]) }, { isDemo: true });
}
