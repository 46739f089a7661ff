/**
 * DEMO DATA for the rest of seed 000's annual plan (issue 15), made through the services users
 * call. The seeds give no figure for the building leaders' rates, the training-cost norms or the
 * social organisations' agreements: those are illustrative and named 演示, and their money sits on a
 * separate demo programme so that the seed documents' own programmes keep their exact totals.
 *
 * Base (reference data): the demo programme and its three lines, the building leaders' programme
 * with its rates and roster, the training-cost norm table and the register of social organisations.
 *
 * Its 2026 story, also in the base layer (the API tests read it): the building leaders' third
 * quarter reported, approved and paid; the
 * September study trip and the spring 2027 one awaiting approval; the social organisations'
 * agreements, the 2025 project's passed evaluation and its paid 尾款.
 */
import { CreateBudgetLineRequest, CreateProgrammeRequest } from '@xiaoshi/contracts';
import { BudgetsService } from '../modules/budgets/budgets.service.js';
import { seedBuildingLeaders, seedBuildingLeadersQuarter } from './seed-building-leaders.js';
import type { SeedContext } from './seed-context.js';
import { seedSocialOrgAgreements, seedSocialOrgs } from './seed-social-orgs.js';
import { seedTrainingNorms, seedTrips } from './seed-trips.js';
import type { StoryClock } from './story-clock.js';

const YUAN = 100;

export const DEMO_PLAN_PROGRAMME = {
  name: '2026年社区治理补充经费（演示）',
  lines: {
    buildingLeaders: { name: '楼栋长季度工作经费（演示）', amountFen: 30_000 * YUAN },
    trips: { name: '社区干部学习考察经费（演示）', amountFen: 60_000 * YUAN },
    socialOrgs: { name: '社会组织培育服务经费（演示）', amountFen: 120_000 * YUAN },
  },
} as const;

type PlanLine = keyof typeof DEMO_PLAN_PROGRAMME.lines;

/** Base: the demo programme, the building leaders' roster, the norm table, the register. */
export async function seedAnnualPlanBase(context: SeedContext): Promise<void> {
  const budgets = context.get(BudgetsService);
  const admin = await context.actor('admin');
  const programme = await budgets.createProgramme(
    admin,
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
  const line = async (key: PlanLine) =>
    (await budgets.createLine(admin, programme.id, CreateBudgetLineRequest.parse(DEMO_PLAN_PROGRAMME.lines[key]))).id;
  const buildingLeaders = await line('buildingLeaders');
  await line('trips');
  await line('socialOrgs');
  await seedBuildingLeaders(context, buildingLeaders);
  await seedTrainingNorms(context);
  await seedSocialOrgs(context);
}

/** The id of a line of the demo programme. */
async function planLine(context: SeedContext, key: PlanLine): Promise<number> {
  const [row]: Array<{ id: number }> = await context.dataSource.query(`SELECT id FROM budget_line WHERE name = $1`, [
    DEMO_PLAN_PROGRAMME.lines[key].name,
  ]);
  if (!row) throw new Error(`the demo line ${DEMO_PLAN_PROGRAMME.lines[key].name} is missing`);
  return row.id;
}

/** What happened on the annual plan's programmes in 2026 (base layer, told on its own dates). */
export async function seedAnnualPlanStory(context: SeedContext, clock: StoryClock): Promise<void> {
  await seedSocialOrgAgreements(context, clock, await planLine(context, 'socialOrgs'));
  await seedTrips(context, clock, await planLine(context, 'trips'));
  await seedBuildingLeadersQuarter(context, clock);
}
