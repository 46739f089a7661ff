/**
 * The demo data, in two layers (issue 11 §9):
 * - base: what the seed documents and the product define — 呈贡区 with its ten streets and 58
 *   communities, one demo account per role, the 2026 programmes, budget lines, calls and planned
 *   expenditures of seed 000 and 002 with their exact numbers, the stipend rules and the 84
 *   retirees, the approved performance target tables with their surveys, and the reference data of
 *   the annual plan (seed-annual-plan.ts). The API tests start from it.
 * - demo year: the 2026 cycle told through the services users call (demo-year/), so that every
 *   page and indicator of a fresh `npm start` shows a real-looking year on 2026-12-03.
 * Every row is demo data (is_demo, 演示); seed-guard.ts keeps it out of any other database.
 */
import type { AuditAction, Role } from '@xiaoshi/contracts';
import { AuditService } from '../modules/audit/audit.service.js';
import { BudgetLine } from '../modules/budgets/budget-line.entity.js';
import { DirectExpenditure } from '../modules/budgets/direct-expenditure.entity.js';
import { Programme } from '../modules/budgets/programme.entity.js';
import { CompetitionCategory } from '../modules/competitions/competition-category.entity.js';
import { Competition } from '../modules/competitions/competition.entity.js';
import { OrgUnit } from '../modules/orgs/org-unit.entity.js';
import { passwordHasher } from '../modules/users/password-hasher.js';
import { User } from '../modules/users/user.entity.js';
import { seedDemoYear } from './demo-year/demo-year.js';
import { DEMO_CITY, DEMO_DISTRICT, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_STREETS, DEMO_USERS } from './demo-org-units.js';
import { SEED_ACTOR, type SeedContext } from './seed-context.js';
import { BASE_MARKER, STORY_MARKER, STORY_STARTED_MARKER, demoState, markAllDemo, storyRefusal } from './seed-guard.js';
import { seedAnnualPlanBase, seedAnnualPlanStory } from './seed-annual-plan.js';
import { SEED_2026, seedCompetitions } from './seed-2026-budgets.js';
import { seedPerformance } from './seed-performance.js';
import { seedStipends } from './seed-stipends.js';
import { StoryClock } from './story-clock.js';

export interface SeedOutcome {
  base: 'seeded' | 'present' | 'not_empty';
  story: 'seeded' | 'present' | 'skipped' | 'refused';
  /** What happened, one line each, for the CLI. */
  messages: string[];
}

/** Seeds what is missing: the base into an empty database, then (unless `baseOnly`) the demo year. */
export async function seedDemo(context: SeedContext, options: { baseOnly?: boolean; now?: Date } = {}): Promise<SeedOutcome> {
  const messages: string[] = [];
  const seeded = await seedBase(context, options.now);
  let base: SeedOutcome['base'] = seeded ? 'seeded' : 'present';
  const before = await demoState(context.dataSource);
  if (!seeded && !before.base) base = 'not_empty';
  messages.push(
    seeded
      ? 'demo data seeded: base (呈贡区, demo accounts, the 2026 programmes of seed 000 and 002)'
      : before.base
        ? 'demo data: base already present'
        : 'demo data: the database is not empty and holds no demo data — nothing seeded',
  );
  if (options.baseOnly) return { base, story: 'skipped', messages: [...messages, 'demo year: skipped (--base-only)'] };
  if (before.story === 'done') return { base, story: 'present', messages: [...messages, 'demo year: already present'] };
  const refusal = storyRefusal(before);
  if (refusal) return { base, story: 'refused', messages: [...messages, `demo year refused: ${refusal}`] };
  const started = Date.now();
  await record(context, STORY_STARTED_MARKER, {});
  const summary = await seedDemoYear(context, new StoryClock(context));
  await markAllDemo(context.dataSource);
  await record(context, STORY_MARKER, summary);
  messages.push(`demo year seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`);
  return { base, story: 'seeded', messages };
}

async function record(context: SeedContext, action: AuditAction, after: Record<string, unknown>): Promise<void> {
  const audit = context.get(AuditService);
  const [district]: Array<{ id: number }> = await context.dataSource.query(
    `SELECT id FROM org_unit WHERE code = $1`,
    [DEMO_DISTRICT.code],
  );
  await context.dataSource.transaction((manager) =>
    audit.record(manager, SEED_ACTOR, { action, entityType: 'org_unit', entityId: district?.id ?? 0, after }),
  );
}

/** The base demo data into an empty database (no org unit). Returns false if it was not empty. */
export async function seedBase(context: SeedContext, now = new Date()): Promise<boolean> {
  const passwordHash = await passwordHasher.hash(DEMO_PASSWORD);
  const seeded = await context.dataSource.transaction(async (manager) => {
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
    // The city goes in last so that every unit of the district keeps its id; then the district
    // moves under it and its subtree's ancestors gain the city, root first.
    const city = await save({ kind: 'city', name: DEMO_CITY.name, code: DEMO_CITY.code, ancestorIds: [] });
    await manager.query(`UPDATE org_unit SET parent_id = $1, ancestor_ids = ARRAY[$1::int] WHERE id = $2`, [city.id, district.id]);
    await manager.query(`UPDATE org_unit SET ancestor_ids = ARRAY[$1::int] || ancestor_ids WHERE ancestor_ids @> ARRAY[$2::int]`, [
      city.id,
      district.id,
    ]);
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
    return true;
  });
  if (!seeded) return false;
  // The annual plan's reference data and what happened on its programmes in 2026 (building leaders'
  // third quarter, the September study trip, the social organisations' agreements and 尾款), through
  // the services users call, once the above has committed. The API tests start from these.
  await seedAnnualPlanBase(context);
  await seedAnnualPlanStory(context, new StoryClock(context));
  await markAllDemo(context.dataSource);
  await record(context, BASE_MARKER, {
    streets: DEMO_STREETS.length,
    communities: DEMO_STREETS.flatMap((street) => street.communities).length,
    users: DEMO_USERS.length,
  });
  return true;
}
