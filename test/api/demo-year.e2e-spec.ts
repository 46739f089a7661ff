import { seedDemo, type SeedOutcome } from '../../apps/api/src/seed/demo-seed.js';
import { DEMO_USERS, DEMO_YEAR_USERS } from '../../apps/api/src/seed/demo-org-units.js';
import { SeedContext } from '../../apps/api/src/seed/seed-context.js';
import { figureDifferences, figureRows } from '../support/ledger-figures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 11 §9: the demo year. On a database cloned from the base-only template, the demo year is
 * seeded as `npm start` seeds it; then a newcomer signs in and finds a 2026 in which every page
 * and indicator shows figures: applications at every stage, projects in delivery and accepted,
 * tranches paid within their awards, stipend batches paid, survey answers counted, the target
 * tables' actuals, the dashboards; and seeding again changes nothing.
 */
describe('the demo year (issue 11 §9)', () => {
  let t: TestApp;
  // The seed's own application context, open for the whole file: it shares the API's connection
  // pool in this process, so it is closed only once the API is.
  let context: SeedContext;
  let seeded: SeedOutcome;
  const bearer: Record<string, string> = {};

  const get = async (who: string, path: string) => {
    const response = await t.http().get(path).set('authorization', bearer[who]);
    if (response.status !== 200)
      throw new Error(`GET ${path} as ${who}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const count = async (sql: string, values: unknown[] = []) =>
    Number((await t.db.query(sql, values)).rows[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    context = await SeedContext.open(t.config);
    seeded = await seedDemo(context);
    for (const username of ['admin', 'finance', 'checker', 'inspector', 'longcheng', 'wulong', 'auditor']) {
      bearer[username] = await t.login(username);
    }
  }, 300_000);

  afterAll(async () => {
    await t?.close();
    await context?.close().catch(() => undefined);
  });

  it('seeds the demo year on top of the base, and every demo account signs in with the demo password', async () => {
    expect(seeded).toMatchObject({ base: 'present', story: 'seeded' });
    for (const user of [...DEMO_USERS, ...DEMO_YEAR_USERS]) {
      const signed = await t
        .http()
        .post('/api/auth/login')
        .send({ username: user.username, password: 'Xiaoshi#2026' });
      expect({ user: user.username, status: signed.status }).toEqual({ user: user.username, status: 200 });
    }
  });

  it('shows applications from every street at every stage: screened out, not funded, in delivery, accepted, closed', async () => {
    const list = await get('admin', '/api/applications?limit=200');
    const items = list.items as Array<{ status: string; street: { id: number } | null }>;
    const statuses = new Set(items.map((item) => item.status));
    for (const stage of [
      ['ineligible', 'withdrawn'],
      ['not_funded'],
      ['in_progress', 'acceptance_requested', 'rectification'],
      ['accepted'],
      ['closed'],
    ]) {
      expect({ stage, present: stage.some((status) => statuses.has(status)) }).toEqual({
        stage,
        present: true,
      });
    }
    const streets = await count(
      `SELECT count(DISTINCT o.parent_id) AS n FROM application a JOIN org_unit o ON o.id = a.community_id`,
    );
    expect(streets).toBe(10);
    // A street officer of the demo year sees its own street's entries.
    const wulong = await get('wulong', '/api/applications?limit=200');
    expect(wulong.items.length).toBeGreaterThan(0);
    expect(wulong.items.length).toBeLessThan(items.length);
  });

  it('has the 15 projects in delivery, under acceptance, in rectification and accepted, with progress photos and inspections', async () => {
    const projects = (await get('admin', '/api/projects')) as Array<{
      id: number;
      status: string;
      amountFen: number;
      percentComplete: number;
      money: { releasedFen: number; requestedFen: number; paidFen: number };
    }>;
    expect(projects).toHaveLength(15);
    const statuses = new Set(projects.map((project) => project.status));
    for (const status of ['in_progress', 'acceptance_requested', 'inspecting', 'rectification', 'accepted']) {
      expect({ status, present: statuses.has(status) }).toEqual({ status, present: true });
    }
    for (const project of projects) {
      expect(project.percentComplete).toBeGreaterThan(0);
      // Paid within the award, never above what was released.
      expect(project.money.paidFen).toBeGreaterThan(0);
      expect(project.money.paidFen).toBeLessThanOrEqual(project.money.releasedFen);
      expect(project.money.requestedFen).toBeLessThanOrEqual(project.amountFen);
    }
    const accepted = projects.find((project) => project.status === 'accepted')!;
    const reports = (await get('admin', `/api/projects/${projects[0].id}/progress-reports`)) as Array<{
      percentComplete: number;
    }>;
    expect(reports.length).toBeGreaterThanOrEqual(4);
    const photos = await count(`SELECT count(*) AS n FROM project_photo WHERE type = 'progress_photo'`);
    expect(photos).toBeGreaterThanOrEqual(projects.length * 4);
    const inspections = (await get('inspector', `/api/projects/${accepted.id}/inspections`)) as Array<{
      outcome: string | null;
    }>;
    expect(inspections.map((inspection) => inspection.outcome)).toContain('passed');
    // One project went through rectification before it passed; one is still in rectification.
    expect(
      await count(`SELECT count(*) AS n FROM inspection WHERE outcome = 'rectification'`),
    ).toBeGreaterThanOrEqual(2);
    // Every progress report and inspection is dated within the story, never after 2026-12-03.
    expect(
      await count(
        `SELECT count(*) AS n FROM progress_report WHERE created_at > '2026-12-03T10:00:00+08:00' OR created_at < '2026-07-01'`,
      ),
    ).toBe(0);
  });

  it('pays the tranches maker–checker: requested by finance, approved by the checker, recorded; some still waiting', async () => {
    const payments = (await get('finance', '/api/payments')) as Array<{
      source: string;
      status: string;
      amountFen: number;
      requestedBy: { name: string };
      approvedBy: { name: string } | null;
      paidOn: string | null;
    }>;
    const awards = payments.filter((payment) => payment.source === 'award');
    const paid = awards.filter((payment) => payment.status === 'paid');
    expect(paid.length).toBeGreaterThanOrEqual(15);
    for (const payment of paid) {
      expect(payment.approvedBy).not.toBeNull();
      expect(payment.approvedBy!.name).not.toBe(payment.requestedBy.name);
      expect(payment.paidOn! <= '2026-12-03').toBe(true);
    }
    expect(awards.some((payment) => payment.status === 'requested')).toBe(true);
    expect(awards.some((payment) => payment.status === 'approved')).toBe(true);
    // Paid per project never above its award.
    expect(
      await count(
        `SELECT count(*) AS n FROM (SELECT p.id FROM project p JOIN payment m ON m.project_id = p.id AND m.status = 'paid'
         GROUP BY p.id, p.amount_fen HAVING sum(m.amount_fen) > p.amount_fen) over`,
      ),
    ).toBe(0);
  });

  it('pays the living subsidy for the first three quarters and has the fourth being reported', async () => {
    const batches = (await get('finance', '/api/stipends/batches?limit=50')).items as Array<{
      status: string;
      quarter: number | null;
      year: number | null;
      totalFen: number;
      programme?: { name: string };
    }>;
    const living = await count(
      `SELECT count(*) AS n FROM stipend_batch b JOIN stipend_programme p ON p.id = b.programme_id
       WHERE p.name = '正常离任社区干部生活补贴' AND b.status = 'paid' AND b.year = 2026`,
    );
    expect(living).toBe(3);
    // 84 retirees at 55,440 元 a month: 166,320 元 a quarter.
    expect(
      await count(
        `SELECT sum(b.total_fen) AS n FROM stipend_batch b JOIN stipend_programme p ON p.id = b.programme_id
         WHERE p.name = '正常离任社区干部生活补贴' AND b.status = 'paid'`,
      ),
    ).toBe(3 * 166_320 * 100);
    expect(batches.filter((batch) => batch.status === 'paid').length).toBeGreaterThanOrEqual(3);
    expect(
      await count(
        `SELECT count(*) AS n FROM stipend_street_report WHERE year = 2026 AND quarter = 4 AND status = 'submitted'`,
      ),
    ).toBeGreaterThan(0);
  });

  it('counts survey answers, and the target tables show actual values, satisfaction included', async () => {
    const surveys = (await get('admin', '/api/surveys')) as Array<{
      title: string;
      results: { answers: number; satisfaction: number | null };
    }>;
    const demo = surveys.filter((survey) => survey.title.includes('满意度测评'));
    expect(demo.length).toBeGreaterThanOrEqual(2);
    for (const survey of demo) {
      expect(survey.results.answers).toBeGreaterThanOrEqual(30);
      expect(survey.results.satisfaction).toBeGreaterThan(80);
    }
    const summary = (await get('admin', '/api/performance/summary?year=2026')) as Array<{
      indicators: Array<{ key: string; actual: number | null }>;
      total: number;
    }>;
    expect(summary).toHaveLength(2);
    for (const table of summary) {
      for (const indicator of table.indicators) {
        expect({ key: indicator.key, hasValue: indicator.actual !== null && indicator.actual > 0 }).toEqual({
          key: indicator.key,
          hasValue: true,
        });
      }
      expect(table.total).toBeGreaterThan(0);
    }
    const evaluation = await get(
      'admin',
      `/api/performance/tables/${(await t.db.query(`SELECT min(id) AS id FROM performance_table`)).rows[0].id}/evaluation`,
    );
    expect(evaluation.streetReports.length).toBeGreaterThanOrEqual(2);
  });

  it('fills the dashboards and the 工作台 with figures', async () => {
    const dashboard = await get('admin', '/api/dashboards?year=2026');
    expect(dashboard.total.committedFen).toBeGreaterThan(0);
    expect(dashboard.total.paidFen).toBeGreaterThan(0);
    expect(dashboard.total.paidFen).toBeLessThan(dashboard.total.committedFen);
    expect(
      dashboard.byStreet.filter((street: { projects: number }) => street.projects > 0).length,
    ).toBeGreaterThanOrEqual(5);
    expect(
      dashboard.byMonth.filter((month: { paidFen: number }) => month.paidFen > 0).length,
    ).toBeGreaterThanOrEqual(6);
    for (const stage of dashboard.funnel as Array<{ stage: string; count: number }>) {
      expect({ stage: stage.stage, nonZero: stage.count > 0 }).toEqual({ stage: stage.stage, nonZero: true });
    }
    expect(dashboard.passRate.inspected).toBeGreaterThan(0);
    expect(dashboard.stipends.length).toBeGreaterThanOrEqual(3);
    const ledger = await get('finance', '/api/ledger/dashboard');
    expect(JSON.stringify(ledger)).not.toBe('{}');
    const workbench = await get('admin', '/api/workbench');
    expect(workbench.todos.some((todo: { count: number }) => todo.count > 0)).toBe(true);
    const checker = await get('checker', '/api/workbench');
    expect(checker.todos.some((todo: { count: number }) => todo.count > 0)).toBe(true);
  });

  it('keeps the ledger and project figures equal to the base rows over the whole year (issue 13 §2)', async () => {
    expect(await figureDifferences(t.db)).toEqual([]);
    const rows = await figureRows(t.db);
    expect(rows.ledger_figure).toBeGreaterThanOrEqual(6);
    expect(rows.ledger_street_figure).toBeGreaterThan(0);
    expect(rows.project_figure).toBeGreaterThan(0);
    // And the roll-up figures (migration 1764000001000), kept through the whole year's writes.
    expect(rows.application_figure).toBeGreaterThan(0);
    expect(rows.award_figure).toBeGreaterThan(0);
    expect(rows.project_line_figure).toBeGreaterThan(0);
  });

  it('does nothing when seeded again', async () => {
    const before = await count(
      `SELECT (SELECT count(*) FROM application) + (SELECT count(*) FROM payment) + (SELECT count(*) FROM survey_answer)
        + (SELECT count(*) FROM stipend_batch) + (SELECT count(*) FROM progress_report) AS n`,
    );
    const again = await seedDemo(context);
    expect(again).toMatchObject({ base: 'present', story: 'present' });
    expect(
      await count(
        `SELECT (SELECT count(*) FROM application) + (SELECT count(*) FROM payment) + (SELECT count(*) FROM survey_answer)
          + (SELECT count(*) FROM stipend_batch) + (SELECT count(*) FROM progress_report) AS n`,
      ),
    ).toBe(before);
  }, 60_000);
});
