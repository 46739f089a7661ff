/**
 * DEMO DATA for the rest of seed 000's annual plan (issue 15), made through the services users
 * call (seed-services.ts), after the base demo seed has committed:
 * - a building leaders' quarterly work fund (按季度发放楼栋长工作经费) with 演示 rates, rosters in
 *   four communities and the third quarter of 2026 reported, audited, batched, approved and paid;
 * - a study trip of community cadres (组织社区干部到先进地区学习社会治理经验), approved, attended,
 *   with its evidence and actual costs on the ledger, and a second trip awaiting approval;
 * - the social organisations: five introduced in 2026 with agreements, and the provider of the 2025
 *   党建引领基层治理服务项目 whose evaluation passed and whose 15,000 元 尾款 is paid from the
 *   planned direct expenditure already on the 党建引领基层治理 line (seed 000).
 * The seeds give no figure for the building leaders' rates, the training-cost norms or the demo
 * agreements: those are illustrative and named 演示. Their money sits on a separate demo budget
 * programme so that the seed documents' own programmes keep their exact totals.
 */
import { CreateBudgetLineRequest, CreateProgrammeRequest } from '@xiaoshi/contracts';
import type { DataSource } from 'typeorm';
import { seedBuildingLeaders } from './seed-building-leaders.js';
import { demoActor, seedServices } from './seed-services.js';
import { seedSocialOrgs } from './seed-social-orgs.js';
import { seedTrips } from './seed-trips.js';

const YUAN = 100;

export const DEMO_PLAN_PROGRAMME = {
  name: '2026年社区治理补充经费（演示）',
  lines: {
    buildingLeaders: { name: '楼栋长季度工作经费（演示）', amountFen: 30_000 * YUAN },
    trips: { name: '社区干部学习考察经费（演示）', amountFen: 60_000 * YUAN },
    socialOrgs: { name: '社会组织培育服务经费（演示）', amountFen: 120_000 * YUAN },
  },
} as const;

export async function seedAnnualPlan(dataSource: DataSource): Promise<void> {
  const services = seedServices(dataSource);
  const actors = {
    admin: await demoActor(dataSource, 'admin'),
    finance: await demoActor(dataSource, 'finance'),
    checker: await demoActor(dataSource, 'checker'),
    longcheng: await demoActor(dataSource, 'longcheng'),
    dounan: await demoActor(dataSource, 'dounan'),
  };
  const programme = await services.budgets.createProgramme(
    actors.admin,
    CreateProgrammeRequest.parse({
      year: 2026,
      name: DEMO_PLAN_PROGRAMME.name,
      policyRefs: [
        '呈社建办通〔2020〕6号 关于印发《昆明市呈贡区楼栋长日常管理规定（试行）》的通知',
        '呈财联〔2021〕5号 关于调整呈贡区区级机关培训费综合定额标准的通知',
      ],
      description: '演示数据：种子文件未列出楼栋长工作经费、学习考察和社会组织培育的预算金额，此处金额仅供演示。',
    }),
  );
  const line = async (key: keyof typeof DEMO_PLAN_PROGRAMME.lines) =>
    (
      await services.budgets.createLine(
        actors.admin,
        programme.id,
        CreateBudgetLineRequest.parse(DEMO_PLAN_PROGRAMME.lines[key]),
      )
    ).id;
  const lines = { buildingLeaders: await line('buildingLeaders'), trips: await line('trips'), socialOrgs: await line('socialOrgs') };

  await seedBuildingLeaders(dataSource, services, actors, lines.buildingLeaders);
  await seedTrips(dataSource, services, actors, lines.trips);
  await seedSocialOrgs(dataSource, services, actors, lines.socialOrgs);
}
