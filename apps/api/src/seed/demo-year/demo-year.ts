/**
 * DEMO DATA — the demo year (issue 11 §9): 2026 told step by step through the services users call,
 * each step on its own date (story-clock.ts), so that a fresh `npm start` opens on 2026-12-03 with
 * every page and indicator showing a real-looking year. Every row is demo data (演示).
 */
import type { Role } from '@xiaoshi/contracts';
import { OrgUnit } from '../../modules/orgs/org-unit.entity.js';
import { passwordHasher } from '../../modules/users/password-hasher.js';
import { User } from '../../modules/users/user.entity.js';
import { DEMO_PASSWORD, DEMO_YEAR_USERS } from '../demo-org-units.js';
import type { SeedContext } from '../seed-context.js';
import type { StoryClock } from '../story-clock.js';
import { runCalls } from './story-calls.js';
import { applicationSpecs } from './story-data.js';
import { runDelivery } from './story-delivery.js';
import { runStipends } from './story-stipends.js';
import { runSurveys } from './story-surveys.js';

export interface DemoYearSummary extends Record<string, unknown> {
  applications: number;
  scoreSheets: number;
  awardedProjects: number;
  awardedFen: number;
  progressReports: number;
  photos: number;
  inspections: number;
  projectPayments: number;
  projectPaidFen: number;
  stipendReports: number;
  stipendBatchesPaid: number;
  stipendPaidFen: number;
  surveyAnswers: number;
  manualValues: number;
  streetReports: number;
  seconds: Record<string, number>;
}

export async function seedDemoYear(context: SeedContext, clock: StoryClock): Promise<DemoYearSummary> {
  const seconds: Record<string, number> = {};
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await run();
    seconds[name] = Math.round((Date.now() - started) / 100) / 10;
    return result;
  };
  await seedDemoYearUsers(context);
  const calls = await timed('calls', () => runCalls(context, clock, applicationSpecs()));
  const delivery = await timed('delivery', () => runDelivery(context, clock, calls.awarded));
  const stipends = await timed('stipends', () => runStipends(context, clock));
  const surveys = await timed('surveys', () => runSurveys(context, clock));
  return {
    applications: calls.applications,
    scoreSheets: calls.sheets,
    awardedProjects: calls.awarded.length,
    awardedFen: calls.awarded.reduce((sum, project) => sum + project.amountFen, 0),
    progressReports: delivery.progressReports,
    photos: delivery.photos,
    inspections: delivery.inspections,
    projectPayments: delivery.payments,
    projectPaidFen: delivery.paidFen,
    stipendReports: stipends.reports,
    stipendBatchesPaid: stipends.batchesPaid,
    stipendPaidFen: stipends.paidFen,
    surveyAnswers: surveys.answers,
    manualValues: surveys.manualValues,
    streetReports: surveys.streetReports,
    seconds,
  };
}

/** The year's other accounts: the eight other streets' officers and the panel's experts. */
async function seedDemoYearUsers(context: SeedContext): Promise<void> {
  const passwordHash = await passwordHasher.hash(DEMO_PASSWORD);
  await context.dataSource.transaction(async (manager) => {
    const units = new Map((await manager.find(OrgUnit)).map((unit) => [unit.code, unit.id]));
    for (const demo of DEMO_YEAR_USERS) {
      const unitId = units.get(demo.unit);
      if (!unitId) throw new Error(`the demo unit ${demo.unit} is missing`);
      await manager.save(
        manager.create(User, {
          username: demo.username,
          displayName: demo.displayName,
          passwordHash,
          unitId,
          roles: [...demo.roles] as Role[],
          isDemo: true,
        }),
      );
    }
  });
}
