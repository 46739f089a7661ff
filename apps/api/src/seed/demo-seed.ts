import type { DataSource } from 'typeorm';
import type { Role } from '@xiaoshi/contracts';
import type { Actor } from '../common/actor.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { BudgetLine } from '../modules/budgets/budget-line.entity.js';
import { DirectExpenditure } from '../modules/budgets/direct-expenditure.entity.js';
import { Programme } from '../modules/budgets/programme.entity.js';
import { CompetitionCategory } from '../modules/competitions/competition-category.entity.js';
import { Competition } from '../modules/competitions/competition.entity.js';
import { OrgUnit } from '../modules/orgs/org-unit.entity.js';
import { passwordHasher } from '../modules/users/password-hasher.js';
import { User } from '../modules/users/user.entity.js';
import { DEMO_DISTRICT, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_STREETS, DEMO_USERS } from './demo-org-units.js';
import { seedAnnualPlan } from './seed-annual-plan.js';
import { SEED_2026, seedCompetitions } from './seed-2026-budgets.js';
import { seedPerformance } from './seed-performance.js';
import { seedStipends } from './seed-stipends.js';

const SYSTEM: Actor = { user: null, requestId: 'seed', ip: '127.0.0.1' };

/** Seeds the demo district when the database holds no org units. Returns false if it was not empty. */
export async function seedDemoData(dataSource: DataSource, now = new Date()): Promise<boolean> {
  const passwordHash = await passwordHasher.hash(DEMO_PASSWORD);
  const audit = new AuditService(dataSource);
  const seeded = await dataSource.transaction(async (manager) => {
    await manager.query('LOCK TABLE org_unit IN EXCLUSIVE MODE');
    if ((await manager.count(OrgUnit)) > 0) return false;
    const save = (unit: Partial<OrgUnit>) => manager.save(manager.create(OrgUnit, { ...unit, isDemo: true }));
    const district = await save({ kind: 'district', name: DEMO_DISTRICT.name, code: DEMO_DISTRICT.code, ancestorIds: [] });
    for (const street of DEMO_STREETS) {
      const streetUnit = await save({
        kind: 'street',
        name: street.name,
        code: street.code,
        parentId: district.id,
        ancestorIds: [district.id],
      });
      let index = 0;
      for (const community of street.communities) {
        index += 1;
        await save({
          kind: 'community',
          name: `${community}社区`,
          code: `${street.code}-${index}`,
          parentId: streetUnit.id,
          ancestorIds: [district.id, streetUnit.id],
        });
      }
    }
    for (const organisation of DEMO_ORGANISATIONS) {
      await save({ kind: 'organisation', ...organisation, parentId: district.id, ancestorIds: [district.id] });
    }
    const units = new Map((await manager.find(OrgUnit)).map((unit) => [unit.code, unit.id]));
    for (const demo of DEMO_USERS) {
      await manager.save(
        manager.create(User, {
          username: demo.username,
          displayName: demo.displayName,
          passwordHash,
          unitId: units.get(demo.unit)!,
          roles: [...demo.roles] as Role[],
          isDemo: true,
        }),
      );
    }
    // The 2026 programmes, budget lines, calls and planned direct expenditures of the seeds.
    const lineIds = new Map<string, number>();
    for (const programmeSeed of [SEED_2026.governance, SEED_2026.stipends]) {
      const programme = await manager.save(
        manager.create(Programme, {
          year: programmeSeed.year,
          name: programmeSeed.name,
          policyRefs: [...programmeSeed.policyRefs],
          unitId: district.id,
          isDemo: true,
        }),
      );
      for (const [key, line] of Object.entries(programmeSeed.lines)) {
        const saved = await manager.save(
          manager.create(BudgetLine, { programmeId: programme.id, name: line.name, amountFen: line.amountFen, unitId: district.id, isDemo: true }),
        );
        lineIds.set(key, saved.id);
      }
    }
    for (const expenditure of SEED_2026.directExpenditures) {
      await manager.save(
        manager.create(DirectExpenditure, {
          budgetLineId: lineIds.get(expenditure.line)!,
          title: expenditure.title,
          amountFen: expenditure.amountFen,
          plannedDate: expenditure.plannedDate,
          isDemo: true,
        }),
      );
    }
    for (const { line, categories, ...competition } of seedCompetitions(now)) {
      const saved = await manager.save(
        manager.create(Competition, { ...competition, budgetLineId: lineIds.get(line)!, status: 'published', isDemo: true }),
      );
      await manager.save(categories.map((category) => manager.create(CompetitionCategory, { ...category, competitionId: saved.id })));
    }
    // Seed 002's stipend programmes and 84 demo retirees (apps/api/src/seed/seed-stipends.ts).
    await seedStipends(manager, {
      districtId: district.id,
      livingSubsidyLineId: lineIds.get('livingSubsidy')!,
      departureSubsidyLineId: lineIds.get('departureSubsidy')!,
    });
    // The 2026 performance target tables of both seeds, bound to live figures (seed-performance.ts).
    await seedPerformance(manager, { districtId: district.id, lineIds, now });
    await audit.record(manager, SYSTEM, {
      action: 'seed.demo_data',
      entityType: 'org_unit',
      entityId: district.id,
      after: { streets: DEMO_STREETS.length, communities: DEMO_STREETS.flatMap((s) => s.communities).length, users: DEMO_USERS.length },
    });
    return true;
  });
  // The rest of seed 000's annual plan, through the services users call, once the above has committed.
  if (seeded) await seedAnnualPlan(dataSource);
  return seeded;
}
