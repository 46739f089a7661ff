import type { DashboardView } from '@xiaoshi/contracts';
import { rateBp } from '@xiaoshi/domain';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { approvedProjects } from '../support/fixtures.js';
import {
  assignAcceptance,
  payTranche,
  projectOf,
  recordInspection,
  submittedApplication,
} from '../support/pipeline-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const YUAN = 100;
/** Every application of the arranged pipeline asks for (and is awarded) 36,000 元. */
const AWARD_FEN = 36_000 * YUAN;
const ADVANCE_FEN = 10_800 * YUAN; // 30% released on approval
const FINAL_FEN = 25_200 * YUAN; // the rest, after acceptance

/**
 * The dashboards against a pipeline arranged through the API: three approved livelihood projects of
 * 龙城 (one accepted after rectification and paid its advance, one accepted first time and paid in
 * full, one failed), one more application submitted by 斗南, a budget adjustment, and stipend
 * batches written by SQL in this test's own database.
 */
describe('dashboards: budget execution, funnel, pass rate and stipends, scoped by street', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let admin: string;
  let livelihoodLine: number;
  let livelihoodCall: number;
  let governanceCall: number;
  const streets: Record<string, number> = {};

  const dashboard = async (who: string, query = ''): Promise<DashboardView> => {
    const response = await t.http().get(`/api/dashboards${query}`).set('authorization', who);
    expect(response.status).toBe(200);
    return response.body as DashboardView;
  };

  /** A paid stipend batch written straight into this test's database (the lines of these people). */
  const paidBatch = async (options: {
    programme: string;
    kind: 'quarterly' | 'one_off';
    quarter: number | null;
    electionDate: string | null;
    paidOn: string;
    people: Array<{ street: string; amountFen: number }>;
  }) => {
    const programme = (
      await t.db.query(`SELECT id, roster_programme_id FROM stipend_programme WHERE name = $1`, [
        options.programme,
      ])
    ).rows[0] as { id: number; roster_programme_id: number | null };
    const roster = programme.roster_programme_id ?? programme.id;
    const users = (
      await t.db.query(`SELECT username, id FROM app_user WHERE username IN ('finance', 'checker')`)
    ).rows;
    const userId = (name: string) => users.find((row) => row.username === name).id as number;
    const total = options.people.reduce((sum, person) => sum + person.amountFen, 0);
    const batch = await t.db.query(
      `INSERT INTO stipend_batch (programme_id, kind, year, quarter, election_date, status, total_fen, people_count,
         prepared_by_user_id, prepared_at, approved_by_user_id, approved_at, paid_by_user_id, paid_at, paid_on, version)
       VALUES ($1, $2, 2026, $3, $4, 'paid', $5, $6, $7, now(), $8, now(), $7, now(), $9, 1) RETURNING id`,
      [
        programme.id,
        options.kind,
        options.quarter,
        options.electionDate,
        total,
        options.people.length,
        userId('finance'),
        userId('checker'),
        options.paidOn,
      ],
    );
    const used: number[] = [];
    for (const person of options.people) {
      const row = (
        await t.db.query(
          `SELECT p.* FROM stipend_person p WHERE p.programme_id = $1 AND p.street_id = $2 AND p.id <> ALL($3::int[]) ORDER BY p.id LIMIT 1`,
          [roster, streets[person.street], used],
        )
      ).rows[0];
      used.push(row.id);
      await t.db.query(
        `INSERT INTO stipend_batch_line (batch_id, person_id, street_id, community_id, name, national_id, bank_name, bank_account, months, monthly_rate_fen, amount_fen)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '{}', $9, $10)`,
        [
          batch.rows[0].id,
          row.id,
          row.street_id,
          row.community_id,
          row.name,
          row.national_id,
          row.bank_name,
          row.bank_account,
          row.monthly_rate_fen,
          person.amountFen,
        ],
      );
    }
    return programme.id;
  };

  let cadres: number;
  let departures: number;

  beforeAll(async () => {
    t = await startTestApp({ env: { SWAGGER_ENABLED: 'true' } });
    worker = await createWorker(t.config, { schedule: false });
    admin = await t.login('admin');
    for (const row of (await t.db.query(`SELECT id, code FROM org_unit WHERE kind = 'street'`)).rows)
      streets[row.code.replace('demo-', '')] = row.id;
    livelihoodCall = (
      await t.db.query(`SELECT id, budget_line_id FROM competition WHERE kind = 'livelihood'`)
    ).rows[0].id;
    livelihoodLine = (
      await t.db.query(`SELECT budget_line_id FROM competition WHERE id = $1`, [livelihoodCall])
    ).rows[0].budget_line_id;
    governanceCall = (await t.db.query(`SELECT id FROM competition WHERE kind = 'governance'`)).rows[0].id;

    const [first, second, third] = await approvedProjects(t, { count: 3 });
    const [reworked, clean, failed] = [
      await projectOf(t, first),
      await projectOf(t, second),
      await projectOf(t, third),
    ];
    await submittedApplication(t, { street: 'dounan', communityName: '斗南社区' });

    // Acceptance: rectification then passed; passed at once; failed.
    await recordInspection(t, await assignAcceptance(t, reworked), 'rectification');
    await recordInspection(t, await assignAcceptance(t, reworked), 'passed');
    await recordInspection(t, await assignAcceptance(t, clean), 'passed');
    await recordInspection(t, await assignAcceptance(t, failed), 'failed');

    // Money: the reworked project its advance, the clean one everything; one more request unapproved.
    await payTranche(t, { projectId: reworked, amountFen: ADVANCE_FEN, voucherNo: 'DB-0001' });
    await payTranche(t, { projectId: clean, amountFen: ADVANCE_FEN, voucherNo: 'DB-0002' });
    await payTranche(t, { projectId: clean, amountFen: FINAL_FEN, voucherNo: 'DB-0003' });
    await payTranche(t, { projectId: failed, amountFen: ADVANCE_FEN, voucherNo: 'DB-0004', approve: false });

    const adjusted = await t
      .http()
      .post(`/api/budget-lines/${livelihoodLine}/adjustments`)
      .set('authorization', admin)
      .send({ amountFen: 3_700 * YUAN, reason: '年中追加（测试）' });
    expect([adjusted.status, adjusted.body.code]).toEqual([201, undefined]);

    cadres = await paidBatch({
      programme: '正常离任社区干部生活补贴',
      kind: 'quarterly',
      quarter: 2,
      electionDate: null,
      paidOn: '2026-07-10',
      people: [
        { street: 'longcheng', amountFen: 1_980 * YUAN },
        { street: 'longcheng', amountFen: 1_980 * YUAN },
        { street: 'dounan', amountFen: 1_320 * YUAN },
      ],
    });
    departures = await paidBatch({
      programme: '社区干部离任一次性补助',
      kind: 'one_off',
      quarter: null,
      electionDate: '2026-06-30',
      paidOn: '2026-08-15',
      people: [{ street: 'longcheng', amountFen: 4_800 * YUAN }],
    });
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('shows the district its budget execution by line: budget ± adjustments, committed, paid, rate', async () => {
    const view = await dashboard(admin);
    expect(view.scope).toMatchObject({ kind: 'district', year: 2026, unit: { name: '呈贡区' } });
    expect(view.scope.streets).toHaveLength(10);
    const line = view.byLine.find((row) => row.budgetLineId === livelihoodLine)!;
    // 126,300 元 plus the 3,700 元 adjustment; three awards of 36,000; 10,800 + 10,800 + 25,200 paid.
    expect(line).toMatchObject({
      adjustedBudgetFen: 130_000 * YUAN,
      committedFen: 3 * AWARD_FEN,
      paidFen: 2 * ADVANCE_FEN + FINAL_FEN,
      executionRateBp: 3600,
    });
    // The total is the sum of the lines, and its rate is paid ÷ adjusted budget of that sum.
    const sum = (pick: (row: DashboardView['byLine'][number]) => number) =>
      view.byLine.reduce((total, row) => total + pick(row), 0);
    expect(view.total).toMatchObject({
      adjustedBudgetFen: sum((row) => row.adjustedBudgetFen!),
      committedFen: sum((row) => row.committedFen),
      paidFen: sum((row) => row.paidFen),
      executionRateBp: rateBp(
        sum((row) => row.paidFen),
        sum((row) => row.adjustedBudgetFen!),
      ),
    });
    // Every ledger movement lands in a month; the months add up to the totals.
    expect(view.byMonth.reduce((total, month) => total + month.paidFen, 0)).toBe(view.total!.paidFen);
    expect(view.byMonth.reduce((total, month) => total + month.committedFen!, 0)).toBe(
      view.total!.committedFen,
    );
  });

  it('counts the funnel from submission to payment, and the acceptance pass rate', async () => {
    const view = await dashboard(admin);
    expect(view.funnel).toEqual([
      { stage: 'submitted', count: 4, amountFen: 4 * AWARD_FEN },
      { stage: 'screened', count: 3, amountFen: 3 * AWARD_FEN },
      { stage: 'scored', count: 3, amountFen: 3 * AWARD_FEN },
      { stage: 'awarded', count: 3, amountFen: 3 * AWARD_FEN },
      { stage: 'accepted', count: 2, amountFen: 2 * AWARD_FEN },
      // One project paid in full; money paid to all of them.
      { stage: 'paid', count: 1, amountFen: 2 * ADVANCE_FEN + FINAL_FEN },
    ]);
    // Three inspected: one passed after rectification, one at once, one failed.
    expect(view.passRate).toEqual({
      inspected: 3,
      passed: 2,
      firstPassed: 1,
      rateBp: 6666,
      firstRateBp: 3333,
    });

    // One competition at a time: the livelihood call holds everything, the governance call nothing.
    const livelihood = await dashboard(admin, `?competitionId=${livelihoodCall}`);
    expect(livelihood.funnel).toEqual(view.funnel);
    expect(livelihood.scope.competitionId).toBe(livelihoodCall);
    const governance = await dashboard(admin, `?competitionId=${governanceCall}`);
    expect(governance.funnel.every((stage) => stage.count === 0 && stage.amountFen === 0)).toBe(true);
    expect(governance.passRate).toMatchObject({ inspected: 0, rateBp: null });
    // The money charts are the year's whatever the funnel shows.
    expect(governance.byLine).toEqual(view.byLine);
  });

  it('shows stipend payments by programme and quarter, people and amount', async () => {
    const view = await dashboard(admin);
    expect(view.stipends).toEqual(
      expect.arrayContaining([
        {
          programmeId: cadres,
          programme: '正常离任社区干部生活补贴',
          quarter: 2,
          people: 3,
          amountFen: 5_280 * YUAN,
        },
        // A one-off batch counts in the quarter it was paid.
        {
          programmeId: departures,
          programme: '社区干部离任一次性补助',
          quarter: 3,
          people: 1,
          amountFen: 4_800 * YUAN,
        },
      ]),
    );
    const longcheng = await dashboard(await t.login('longcheng'));
    expect(longcheng.stipends.filter((row) => row.programmeId === cadres)).toEqual([
      {
        programmeId: cadres,
        programme: '正常离任社区干部生活补贴',
        quarter: 2,
        people: 2,
        amountFen: 3_960 * YUAN,
      },
    ]);
    const dounan = await dashboard(await t.login('dounan'));
    expect(dounan.stipends.filter((row) => row.programmeId === cadres)).toEqual([
      {
        programmeId: cadres,
        programme: '正常离任社区干部生活补贴',
        quarter: 2,
        people: 1,
        amountFen: 1_320 * YUAN,
      },
    ]);
    expect(dounan.stipends.some((row) => row.programmeId === departures)).toBe(false);
  });

  it('gives a street its own street only; another street is 404', async () => {
    const longchengOfficer = await t.login('longcheng');
    const view = await dashboard(longchengOfficer);
    expect(view.scope).toMatchObject({
      kind: 'street',
      unit: { id: streets.longcheng, name: '龙城街道' },
      streets: [],
    });
    expect(view.total).toBeNull();
    expect(view.byStreet.map((row) => row.name)).toEqual(['龙城街道']);
    expect(view.byStreet[0]).toMatchObject({ projects: 3, projectsAccepted: 2 });
    // Its money on the livelihood line, without the district's budget.
    expect(view.byLine.find((row) => row.budgetLineId === livelihoodLine)).toEqual({
      budgetLineId: livelihoodLine,
      name: expect.any(String),
      programme: '社会治理工作经费',
      adjustedBudgetFen: null,
      committedFen: 3 * AWARD_FEN,
      paidFen: 2 * ADVANCE_FEN + FINAL_FEN,
      executionRateBp: null,
    });
    expect(view.funnel.map((stage) => stage.count)).toEqual([3, 3, 3, 3, 2, 1]);
    // By month: what was paid to the street (payments and stipend batches), nothing else.
    const streetStipendsPaid = view.stipends.reduce((total, row) => total + row.amountFen, 0);
    expect(view.byMonth.reduce((total, month) => total + month.paidFen, 0)).toBe(
      2 * ADVANCE_FEN + FINAL_FEN + streetStipendsPaid,
    );
    expect(view.byMonth.every((month) => month.committedFen === null)).toBe(true);
    // Naming its own street is the same view; naming another is as if it did not exist.
    expect((await dashboard(longchengOfficer, `?streetId=${streets.longcheng}`)).funnel).toEqual(view.funnel);
    for (const query of [`?streetId=${streets.dounan}`, '?streetId=999999', '?competitionId=999999']) {
      const response = await t.http().get(`/api/dashboards${query}`).set('authorization', longchengOfficer);
      expect(response.status).toBe(404);
    }

    const dounan = await dashboard(await t.login('dounan'));
    expect(dounan.funnel.map((stage) => stage.count)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(dounan.byStreet[0]).toMatchObject({ name: '斗南街道', projects: 0 });
    expect(dounan.byLine.some((row) => row.budgetLineId === livelihoodLine)).toBe(false);

    // The district narrows to a street and sees what that street sees.
    const narrowed = await dashboard(admin, `?streetId=${streets.longcheng}`);
    expect(narrowed.scope.kind).toBe('street');
    expect(narrowed.funnel).toEqual(view.funnel);
    expect(narrowed.byStreet).toEqual(view.byStreet);
    const districtRow = (await dashboard(admin)).byStreet.find((row) => row.streetId === streets.longcheng);
    expect(districtRow).toEqual(view.byStreet[0]);
  });

  it('lets the auditor and finance read, refuses roles without dashboards, and validates the query', async () => {
    const district = await dashboard(admin);
    const auditor = await dashboard(await t.login('auditor'));
    expect({ ...auditor, computedAt: null }).toEqual({ ...district, computedAt: null });
    await dashboard(await t.login('finance'));
    for (const username of ['community', 'reviewer', 'inspector', 'partner']) {
      const response = await t
        .http()
        .get('/api/dashboards')
        .set('authorization', await t.login(username));
      expect(response.status).toBe(403);
    }
    expect((await t.http().get('/api/dashboards')).status).toBe(401);
    const bad = await t.http().get('/api/dashboards?year=twenty&streetId=-1').set('authorization', admin);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['streetId', 'year']);
    // Another year has its own (here: empty) figures.
    const empty = await dashboard(admin, '?year=2030');
    expect(empty.byLine).toEqual([]);
    expect(empty.total).toMatchObject({ adjustedBudgetFen: 0, executionRateBp: 0 });
    expect(empty.funnel.every((stage) => stage.count === 0)).toBe(true);
  });

  it('writes nothing: no write route, and reading leaves the audit log and the ledger as they were', async () => {
    const docs = await t.http().get('/api/docs-json');
    const paths = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>).filter(
      ([path]) => path.startsWith('/api/dashboards') || path.startsWith('/api/workbench'),
    );
    expect(paths.map(([path]) => path).sort()).toEqual(['/api/dashboards', '/api/workbench']);
    for (const [, methods] of paths) expect(Object.keys(methods)).toEqual(['get']);
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      expect((await t.http()[method]('/api/dashboards').set('authorization', admin)).status).toBe(404);
    }
    const counts = async () =>
      (
        await t.db.query(
          `SELECT (SELECT count(*) FROM audit_event)::int AS audit, (SELECT count(*) FROM ledger_entry)::int AS ledger,
                  (SELECT max(updated_at) FROM budget_line) AS lines`,
        )
      ).rows[0];
    const before = await counts();
    await dashboard(admin);
    await dashboard(await t.login('longcheng'));
    await t.http().get('/api/workbench').set('authorization', admin);
    expect(await counts()).toEqual(before);
  });
});
