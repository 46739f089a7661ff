/**
 * DEMO DATA: the social organisations of seed 000's annual goals (引进5个社会组织, 培育发展社会组织).
 * - base: the register — five organisations introduced in 2026 and the provider of the 2025
 *   党建引领基层治理服务项目;
 * - demo year: the 2025 project's agreement, whose first tranche was settled from the 2025 budget,
 *   whose supervision evaluation (督导评估) passed in January 2026 and whose 15,000 元 尾款 — the
 *   planned direct expenditure seed 000 puts on the 党建引领基层治理 line — was requested, approved
 *   and paid in February; and the five 2026 service agreements on the demo line, signed in April,
 *   two of them with their first tranche requested in late November.
 * Names, codes, contacts and scores are made up (演示); the credit codes pass GB 32100.
 */
import { CreateAgreementRequest, CreateSocialOrgRequest, type SocialOrgType } from '@xiaoshi/contracts';
import { DEFAULT_EVALUATION_CRITERIA, creditCodeCheckCharacter } from '@xiaoshi/domain';
import { PaymentsService } from '../modules/payments/payments.service.js';
import { AgreementsService } from '../modules/social-orgs/agreements.service.js';
import { SocialOrgsService } from '../modules/social-orgs/social-orgs.service.js';
import { TranchePaymentsService } from '../modules/social-orgs/tranche-payments.service.js';
import type { SeedContext } from './seed-context.js';
import type { StoryClock } from './story-clock.js';

const YUAN = 100;

function creditCode(serial: number): string {
  const first17 = `52530114MJ${String(7_310_000 + serial).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const ORGS: ReadonlyArray<{
  name: string;
  orgType: SocialOrgType;
  qualifications: string[];
  serviceAreas: string[];
  contact: string;
  introducedYear: number;
  communities: string[];
}> = [
  {
    name: '呈贡区同心社会工作服务中心（演示）',
    orgType: 'social_work_agency',
    qualifications: ['民办非企业单位登记证书', '3A等级社会组织（演示）'],
    serviceAreas: ['党建引领基层治理', '社区议事协商'],
    contact: '段演示',
    introducedYear: 2025,
    communities: ['龙街社区', '乌龙社区', '斗南社区'],
  },
  {
    name: '云岭社区发展促进会（演示）',
    orgType: 'social_group',
    qualifications: ['社会团体法人登记证书'],
    serviceAreas: ['社区营造', '居民自治'],
    contact: '杨演示',
    introducedYear: 2026,
    communities: ['文华社区', '三台社区'],
  },
  {
    name: '春城长者关爱服务中心（演示）',
    orgType: 'social_work_agency',
    qualifications: ['民办非企业单位登记证书', '养老服务机构备案'],
    serviceAreas: ['为老服务', '邻里互助'],
    contact: '赵演示',
    introducedYear: 2026,
    communities: ['洛羊社区', '梅子社区'],
  },
  {
    name: '彩云青少年成长服务社（演示）',
    orgType: 'private_non_enterprise',
    qualifications: ['民办非企业单位登记证书'],
    serviceAreas: ['青少年服务', '四点半课堂'],
    contact: '钱演示',
    introducedYear: 2026,
    communities: ['大学城社区', '吴家营社区'],
  },
  {
    name: '滇池之畔志愿服务联合会（演示）',
    orgType: 'social_group',
    qualifications: ['社会团体法人登记证书', '志愿服务组织标识'],
    serviceAreas: ['志愿服务', '应急救援'],
    contact: '孙演示',
    introducedYear: 2026,
    communities: ['花园社区', '锦绣社区', '雨花社区'],
  },
  {
    name: '呈贡区和美家庭服务中心（演示）',
    orgType: 'social_work_agency',
    qualifications: ['民办非企业单位登记证书', '婚姻家庭辅导资质（演示）'],
    serviceAreas: ['家庭服务', '儿童关爱'],
    contact: '周演示',
    introducedYear: 2026,
    communities: ['七甸社区', '马金铺社区'],
  },
];

/** Base: the register. */
export async function seedSocialOrgs(context: SeedContext): Promise<void> {
  const orgs = context.get(SocialOrgsService);
  const admin = await context.actor('admin');
  for (const [index, org] of ORGS.entries()) {
    await orgs.create(
      admin,
      CreateSocialOrgRequest.parse({
        name: org.name,
        creditCode: creditCode(index + 1),
        orgType: org.orgType,
        registrationAuthority: '昆明市呈贡区民政局（演示）',
        registeredOn: `20${19 + index}-0${3 + (index % 6)}-18`,
        qualifications: org.qualifications,
        serviceAreas: org.serviceAreas,
        contactName: org.contact,
        contactPhone: `1388710${String(5100 + index).padStart(4, '0')}`,
        address: `昆明市呈贡区（演示地址${index + 1}号）`,
        introducedYear: org.introducedYear,
      }),
    );
  }
}

/** Demo year: the agreements, the 2025 project's evaluation and its paid 尾款. */
export async function seedSocialOrgAgreements(context: SeedContext, clock: StoryClock, demoLineId: number): Promise<void> {
  const agreements = context.get(AgreementsService);
  const tranches = context.get(TranchePaymentsService);
  const payments = context.get(PaymentsService);
  const admin = await context.actor('admin');
  const finance = await context.actor('finance');
  const dataSource = context.dataSource;
  const registered: Array<{ id: number; name: string }> = await dataSource.query(
    `SELECT id, name FROM social_org WHERE name = ANY($1::text[])`,
    [ORGS.map((org) => org.name)],
  );
  const orgIds = ORGS.map((org) => registered.find((row) => row.name === org.name)!.id);
  const units: Array<{ id: number; name: string }> = await dataSource.query(
    `SELECT id, name FROM org_unit WHERE kind = 'community' AND name = ANY($1::text[])`,
    [[...new Set(ORGS.flatMap((org) => org.communities))]],
  );
  const communityIds = (names: readonly string[]) => names.map((name) => units.find((unit) => unit.name === name)!.id);
  // The 2025 project: its 尾款 is seed 000's planned 15,000 元 on the 党建引领基层治理 line.
  const [planned]: Array<{ id: number; budget_line_id: number }> = await dataSource.query(
    `SELECT id, budget_line_id FROM direct_expenditure WHERE title = '呈贡区2025年党建引领基层治理服务项目督导评估尾款'`,
  );
  let agreement = await clock.step('2026-01-08 10:00', () =>
    agreements.create(
      admin,
      CreateAgreementRequest.parse({
        socialOrgId: orgIds[0],
        title: '呈贡区2025年党建引领基层治理服务项目',
        year: 2025,
        budgetLineId: planned.budget_line_id,
        amountFen: 50_000 * YUAN,
        signedOn: '2025-03-10',
        startDate: '2025-03-15',
        endDate: '2025-12-31',
        serviceCommunityIds: communityIds(ORGS[0].communities),
        deliverables: [
          { title: '开展社区议事协商活动', target: '每个服务社区不少于6次' },
          { title: '培育社区骨干和志愿者', target: '不少于60人' },
          { title: '形成党建引领基层治理案例', target: '3篇' },
        ],
        tranches: [
          { label: '首期款（2025年度已支付）', amountFen: 35_000 * YUAN, condition: 'on_signing', settledOutside: true },
          {
            label: '督导评估尾款',
            amountFen: 15_000 * YUAN,
            condition: 'after_evaluation',
            directExpenditureId: planned.id,
          },
        ],
        passMark: 60,
      }),
    ),
  );
  agreement = await clock.step('2026-01-20 15:00', (now) =>
    agreements.evaluate(
      admin,
      agreement.id,
      {
        kind: 'final',
        evaluatedOn: '2026-01-20',
        evaluator: '呈贡区社会工作部督导评估组（演示）',
        scores: DEFAULT_EVALUATION_CRITERIA.map((criterion, index) => ({
          key: criterion.key,
          points: [35, 17.5, 18, 8, 8][index],
          comment: index === 0 ? '议事协商活动和骨干培育均达标（演示）' : null,
        })),
        summary: '项目目标基本完成，档案较规范，服务对象评价较好，评估合格（演示）。',
      },
      now,
    ),
  );
  const final = agreement.tranches.find((tranche) => tranche.condition === 'after_evaluation')!;
  agreement = await clock.step('2026-01-26 10:00', (now) => tranches.request(admin, final.id, now));
  const paymentId = agreement.tranches.find((tranche) => tranche.id === final.id)!.paymentId!;
  await clock.step('2026-02-06 11:00', (now) => payments.approve(finance, paymentId, now));
  await clock.step('2026-02-10 15:00', (now) =>
    payments.record(
      finance,
      paymentId,
      { paidOn: '2026-02-10', voucherNo: 'PZ-2026-0210-DDPG（演示）', bankReference: 'YH-2026-0210-015（演示）' },
      undefined,
      now,
    ),
  );

  // The five organisations introduced in 2026, each with a service agreement on the demo line.
  const firstTranches: number[] = [];
  for (let index = 1; index < ORGS.length; index += 1) {
    const org = ORGS[index];
    const created = await clock.step('2026-04-01 10:00', () =>
      agreements.create(
        admin,
        CreateAgreementRequest.parse({
          socialOrgId: orgIds[index],
          title: `2026年${org.serviceAreas[0]}项目（演示）`,
          year: 2026,
          budgetLineId: demoLineId,
          amountFen: 20_000 * YUAN,
          signedOn: '2026-04-01',
          startDate: '2026-04-01',
          endDate: '2026-12-31',
          serviceCommunityIds: communityIds(org.communities),
          deliverables: [
            { title: `${org.serviceAreas[0]}活动`, target: '每月不少于2次' },
            { title: '服务对象满意度测评', target: '满意率不低于90%' },
          ],
          tranches: [
            { label: '首期款', amountFen: 12_000 * YUAN, condition: 'on_signing' },
            { label: '尾款', amountFen: 8_000 * YUAN, condition: 'after_evaluation' },
          ],
        }),
      ),
    );
    if (index <= 2) firstTranches.push(created.tranches[0].id);
  }
  // Two first tranches requested late in the year (Wed 25 Nov): they wait for finance's approval (工作台).
  for (const trancheId of firstTranches) {
    await clock.step('2026-11-25 10:00', (now) => tranches.request(admin, trancheId, now));
  }
}
