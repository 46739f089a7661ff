/**
 * DEMO DATA — seed 002's living subsidy (正常离任社区干部生活补贴) in 2026, through the stipend
 * services: for each of the first three quarters every street reports its roster in the quarter's
 * last month, the district approves the reports, finance prepares the batch, the checker (a second
 * finance officer) approves it — committing it on the budget line — and finance records it paid
 * early in the next month. The fourth quarter is being reported on 3 December: six streets have
 * reported, four of them approved, so the batch cannot be prepared yet.
 */
import { STREET_OFFICERS } from '../demo-org-units.js';
import { StipendBatchesService } from '../../modules/stipends/stipend-batches.service.js';
import { StipendReportsService } from '../../modules/stipends/stipend-reports.service.js';
import type { SeedContext } from '../seed-context.js';
import type { StoryClock } from '../story-clock.js';

export const LIVING_SUBSIDY_PROGRAMME = '正常离任社区干部生活补贴';

/** The quarters paid in full: reports, approval, batch, approval, payment (Asia/Shanghai). */
const PAID_QUARTERS = [
  {
    quarter: 1,
    report: '2026-03-1',
    approve: '2026-03-26 10:00',
    prepare: '2026-03-30 10:00',
    check: '2026-03-31 15:00',
    paid: '2026-04-03',
  },
  {
    quarter: 2,
    report: '2026-06-1',
    approve: '2026-06-24 10:00',
    prepare: '2026-06-26 10:00',
    check: '2026-06-29 15:00',
    paid: '2026-07-03',
  },
  {
    quarter: 3,
    report: '2026-09-1',
    approve: '2026-09-24 10:00',
    prepare: '2026-09-27 10:00',
    check: '2026-09-29 15:00',
    paid: '2026-10-09',
  },
] as const;

export interface StipendsOutcome {
  reports: number;
  batchesPaid: number;
  paidFen: number;
}

export async function runStipends(context: SeedContext, clock: StoryClock): Promise<StipendsOutcome> {
  const reports = context.get(StipendReportsService);
  const batches = context.get(StipendBatchesService);
  const [programme]: Array<{ id: number }> = await context.dataSource.query(
    `SELECT id FROM stipend_programme WHERE name = $1 AND kind = 'monthly_quarterly'`,
    [LIVING_SUBSIDY_PROGRAMME],
  );
  if (!programme) throw new Error(`the demo programme ${LIVING_SUBSIDY_PROGRAMME} is missing`);
  const admin = await context.actor('admin');
  const finance = await context.actor('finance');
  const checker = await context.actor('checker');
  const streets = await Promise.all(
    Object.values(STREET_OFFICERS).map((username) => context.actor(username)),
  );
  const outcome: StipendsOutcome = { reports: 0, batchesPaid: 0, paidFen: 0 };

  /** The streets report over three days (the 15th–17th, or the 25th–27th in the fourth quarter); one step a day. */
  const report = async (quarter: number, prefix: string, which: typeof streets) => {
    const submitted: Array<{ id: number; version: number }> = [];
    for (let dayIndex = 0; dayIndex < 3; dayIndex += 1) {
      const today = which.filter((_street, index) => index % 3 === dayIndex);
      await clock.step(`${prefix}${5 + dayIndex} 16:00`, async (now) => {
        for (const street of today) {
          submitted.push(
            await reports.submit(
              street,
              programme.id,
              {
                streetId: street.user.unit.id,
                year: 2026,
                quarter,
                note: `演示：2026年第${quarter}季度正常离任社区干部名册，无人员变动`,
              },
              now,
            ),
          );
          outcome.reports += 1;
        }
      });
    }
    return submitted;
  };

  for (const period of PAID_QUARTERS) {
    const submitted = await report(period.quarter, period.report, streets);
    await clock.step(period.approve, async (now) => {
      for (const row of submitted) await reports.approve(admin, row.id, { version: row.version }, now);
    });
    const batch = await clock.step(period.prepare, (now) =>
      batches.generate(finance, programme.id, { year: 2026, quarter: period.quarter }, now),
    );
    const approved = await clock.step(period.check, (now) =>
      batches.approve(checker, batch.id, { version: batch.version }, now),
    );
    const paid = await clock.step(`${period.paid} 16:00`, (now) =>
      batches.markPaid(
        finance,
        batch.id,
        {
          version: approved.version,
          paidOn: period.paid,
          reference: `YH-2026Q${period.quarter}-LZGB（演示）`,
        },
        now,
      ),
    );
    outcome.batchesPaid += 1;
    outcome.paidFen += paid.totalFen;
  }

  // The fourth quarter, under way: six streets reported, four approved.
  const q4 = await report(4, '2026-11-2', streets.slice(0, 6));
  await clock.step('2026-12-01 10:00', async (now) => {
    for (const row of q4.slice(0, 4)) await reports.approve(admin, row.id, { version: row.version }, now);
  });
  return outcome;
}
