/**
 * DEMO DATA for seed 002 (正常离任村干部生活补助经费): the two stipend programmes on the seed's
 * budget lines, their policy rules as data, and 84 demo retirees (演示人员01–84, is_demo = true)
 * whose rates average exactly 660 元 a month — 55,440 元 a month, 166,320 元 a quarter, 665,280 元
 * a year, as budgeted. Their ID numbers are generated (valid GB 11643 check characters, region
 * 530114 呈贡区, birth dates in the 1950s) and belong to nobody; the accounts are made up.
 */
import {
  DEFAULT_MONTH_RULE,
  DEMO_RETIREE_MONTHLY_RATES_FEN,
  DEPARTURE_RULES_CHENGGONG_2018,
  POSTS,
  checkNationalId,
  nationalIdCheckCharacter,
} from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import { OrgUnit } from '../modules/orgs/org-unit.entity.js';
import { StipendPerson } from '../modules/stipends/stipend-person.entity.js';
import { StipendPost } from '../modules/stipends/stipend-post.entity.js';
import { StipendProgramme } from '../modules/stipends/stipend-programme.entity.js';
import { StipendRuleVersion } from '../modules/stipends/stipend-rule-version.entity.js';

export const DEMO_RETIREE_COUNT = 84;

const DEMO_BANK = '中国农业银行昆明呈贡支行（演示）';

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** A valid, made-up ID number: 530114 + a 1950s birth date + sequence + check character. */
export function demoNationalId(index: number): string {
  const year = 1950 + (index % 10);
  const month = 1 + (index % 12);
  const day = 1 + (index % 28);
  const sequence = pad(100 + index, 3);
  const first17 = `530114${year}${pad(month, 2)}${pad(day, 2)}${sequence}`;
  return first17 + nationalIdCheckCharacter(first17);
}

/**
 * Creates the stipend programmes on the seed's budget lines and the demo roster. `lines` are the
 * budget line ids of 正常离任社区干部生活补贴 and 社区干部离任一次性补助.
 */
export async function seedStipends(
  manager: EntityManager,
  options: { districtId: number; livingSubsidyLineId: number; departureSubsidyLineId: number },
): Promise<{ monthlyProgrammeId: number; oneOffProgrammeId: number; people: number }> {
  const monthly = await manager.save(
    manager.create(StipendProgramme, {
      budgetLineId: options.livingSubsidyLineId,
      kind: 'monthly_quarterly',
      name: '正常离任社区干部生活补贴',
      unitId: options.districtId,
      reportReminderDays: 10,
      isDemo: true,
    }),
  );
  await manager.save(
    manager.create(StipendRuleVersion, {
      programmeId: monthly.id,
      documentNumber: '呈组通〔2018〕88号',
      title:
        '关于进一步做好正常离任村干部生活补贴相关工作的方案（试行）；呈组通〔2007〕143号；呈政复〔2015〕99号',
      effectiveFrom: '2018-01-01',
      rules: { monthRule: DEFAULT_MONTH_RULE },
    }),
  );
  const oneOff = await manager.save(
    manager.create(StipendProgramme, {
      budgetLineId: options.departureSubsidyLineId,
      kind: 'one_off',
      name: '社区干部离任一次性补助',
      rosterProgrammeId: monthly.id,
      unitId: options.districtId,
      reportReminderDays: 10,
      isDemo: true,
    }),
  );
  await manager.save(
    manager.create(StipendRuleVersion, {
      programmeId: oneOff.id,
      documentNumber: DEPARTURE_RULES_CHENGGONG_2018.documentNumber,
      title: '关于进一步做好正常离任村干部生活补贴相关工作的方案（试行）',
      effectiveFrom: DEPARTURE_RULES_CHENGGONG_2018.effectiveFrom,
      rules: { ...DEPARTURE_RULES_CHENGGONG_2018, departureWindowDays: 180 },
    }),
  );

  const communities = await manager.find(OrgUnit, { where: { kind: 'community' }, order: { id: 'ASC' } });
  const rates = DEMO_RETIREE_MONTHLY_RATES_FEN;
  if (rates.length !== DEMO_RETIREE_COUNT) throw new Error('the demo rates must list 84 people');
  for (let index = 0; index < DEMO_RETIREE_COUNT; index += 1) {
    const nationalId = demoNationalId(index);
    const check = checkNationalId(nationalId);
    if (!check.valid) throw new Error(`demo ID ${nationalId} is invalid`);
    const community = communities[index % communities.length];
    // Departures at the re-elections of 2013, 2016 and 2021, all well before 2026: every demo
    // retiree is paid all twelve months of 2026.
    const departureDate = ['2013-04-15', '2016-03-20', '2021-01-10'][index % 3];
    const termYears = departureDate < '2018-12-29' ? 3 : 5;
    const termStart = `${Number(departureDate.slice(0, 4)) - termYears}${departureDate.slice(4)}`;
    const person = await manager.save(
      manager.create(StipendPerson, {
        programmeId: monthly.id,
        streetId: community.parentId!,
        communityId: community.id,
        name: `演示人员${pad(index + 1, 2)}`,
        nationalId,
        birthDate: check.birthDate,
        sex: check.sex,
        departureDate,
        normalDeparture: true,
        eligibleFrom: departureDate,
        monthlyRateFen: rates[index],
        bankName: DEMO_BANK,
        bankAccount: `6228480099${pad(index + 1, 9)}`,
        status: 'active',
        isDemo: true,
      }),
    );
    await manager.save(
      manager.create(StipendPost, {
        personId: person.id,
        post: POSTS[index % POSTS.length],
        termStart,
        termEnd: departureDate,
        source: 'import',
      }),
    );
  }
  return { monthlyProgrammeId: monthly.id, oneOffProgrammeId: oneOff.id, people: DEMO_RETIREE_COUNT };
}
