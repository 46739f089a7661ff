import { createSecondDistrict, type SecondDistrict } from '../support/second-district.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface RollupRowBody {
  district: { id: number; name: string };
  execution: { budgetFen: number; committedFen: number; paidFen: number; executionRateBp: number | null };
  funnel: { byStatus: Record<string, number>; applications: number; awards: number; awardedFen: number; projects: number; projectsAccepted: number };
  indicators: { tables: number; met: number; total: number };
}

/** Roll-ups across districts (issue 13 §6): the city officer's figures are the base rows' sums. */
describe('roll-ups across districts', () => {
  let t: TestApp;
  let second: SecondDistrict;
  let chenggong: number;

  beforeAll(async () => {
    t = await startTestApp();
    second = await createSecondDistrict(t);
    chenggong = (await t.db.query<{ id: number }>(`SELECT id FROM org_unit WHERE code = 'demo-district'`)).rows[0].id;
    // Money on the second district's line, as the ledger would leave it.
    await t.db.query(`UPDATE budget_line SET committed_fen = 50000000, paid_fen = 12345600 WHERE id = $1`, [second.lineId]);
  }, 120_000);
  afterAll(() => t.close());

  /** The figures of one district recomputed from the base rows, independently of the API's SQL. */
  async function expected(districtId: number) {
    const money = (
      await t.db.query(
        `SELECT coalesce(sum(l.amount_fen + l.adjusted_fen), 0)::bigint AS budget, coalesce(sum(l.committed_fen), 0)::bigint AS committed,
                coalesce(sum(l.paid_fen), 0)::bigint AS paid
         FROM budget_line l JOIN programme g ON g.id = l.programme_id WHERE g.year = 2026 AND l.unit_id = $1`,
        [districtId],
      )
    ).rows[0];
    const statuses = (
      await t.db.query<{ status: string; n: number }>(
        `SELECT a.status, count(*)::int AS n FROM application a
         WHERE a.competition_id IN (SELECT c.id FROM competition c JOIN budget_line l ON l.id = c.budget_line_id
                                    JOIN programme g ON g.id = l.programme_id WHERE g.year = 2026 AND g.unit_id = $1)
         GROUP BY a.status`,
        [districtId],
      )
    ).rows;
    const budgetFen = Number(money.budget);
    const paidFen = Number(money.paid);
    return {
      execution: {
        budgetFen,
        committedFen: Number(money.committed),
        paidFen,
        executionRateBp: budgetFen > 0 ? Math.round((paidFen * 10000) / budgetFen) : null,
      },
      byStatus: Object.fromEntries(statuses.map((row) => [row.status, row.n])),
      applications: statuses.reduce((sum, row) => sum + row.n, 0),
    };
  }

  it('gives the city officer one row per district below, equal to the base rows, and a totals row', async () => {
    const response = await t.http().get('/api/rollups?year=2026').set('authorization', await t.login('city'));
    expect(response.status).toBe(200);
    expect(response.body.year).toBe(2026);
    expect(response.body.unit).toMatchObject({ name: '昆明市（演示）', kind: 'city' });
    const rows = response.body.districts as RollupRowBody[];
    expect(rows.map((row) => row.district.id).sort((a, b) => a - b)).toEqual([chenggong, second.districtId].sort((a, b) => a - b));
    for (const row of rows) {
      const want = await expected(row.district.id);
      expect(row.execution).toEqual(want.execution);
      expect(row.funnel.byStatus).toEqual(want.byStatus);
      expect(row.funnel.applications).toBe(want.applications);
    }
    const jia = rows.find((row) => row.district.id === second.districtId)!;
    expect(jia.execution).toEqual({ budgetFen: 123_456_700, committedFen: 50_000_000, paidFen: 12_345_600, executionRateBp: 1000 });
    expect(jia.funnel.byStatus).toEqual({ draft: 1 });
    expect(jia.indicators).toEqual({ tables: 0, met: 0, total: 0 });
    // Totals: the sums of the rows, the rate recomputed from the sums.
    const total = response.body.total;
    const sum = (pick: (row: RollupRowBody) => number) => rows.reduce((acc, row) => acc + pick(row), 0);
    expect(total.execution.budgetFen).toBe(sum((row) => row.execution.budgetFen));
    expect(total.execution.paidFen).toBe(sum((row) => row.execution.paidFen));
    expect(total.execution.committedFen).toBe(sum((row) => row.execution.committedFen));
    expect(total.execution.executionRateBp).toBe(Math.round((total.execution.paidFen * 10000) / total.execution.budgetFen));
    expect(total.funnel.applications).toBe(sum((row) => row.funnel.applications));
    expect(total.indicators.total).toBe(sum((row) => row.indicators.total));
  });

  it('counts 呈贡区\'s targets met as its own performance page does', async () => {
    const admin = await t.login('admin');
    const summary = await t.http().get('/api/performance/summary?year=2026').set('authorization', admin);
    expect(summary.status).toBe(200);
    const actuals = (summary.body as Array<{ indicators: Array<{ met: boolean | null }> }>).flatMap((table) => table.indicators);
    const response = await t.http().get('/api/rollups?year=2026').set('authorization', admin);
    expect(response.status).toBe(200);
    // A district admin sees their own district's row only.
    expect(response.body.districts.map((row: RollupRowBody) => row.district.id)).toEqual([chenggong]);
    const own = response.body.districts[0] as RollupRowBody;
    expect(own.indicators.tables).toBe((summary.body as unknown[]).length);
    expect(own.indicators.total).toBe(actuals.length);
    expect(own.indicators.met).toBe(actuals.filter((actual) => actual.met === true).length);
    expect(own.indicators.total).toBeGreaterThan(0);
  });

  it('refuses roles without roll-ups, and a bad year with a field message', async () => {
    for (const username of ['finance', 'longcheng', 'community', 'reviewer', second.users.street]) {
      const response = await t.http().get('/api/rollups').set('authorization', await t.login(username));
      expect({ username, status: response.status }).toEqual({ username, status: 403 });
    }
    const bad = await t.http().get('/api/rollups?year=abc').set('authorization', await t.login('city'));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(['year']);
  });

  it('lets the tree hold a province above the city, and refuses a unit under the wrong kind', async () => {
    const city = (await t.db.query<{ id: number }>(`SELECT id FROM org_unit WHERE kind = 'city'`)).rows[0].id;
    const insert = (kind: string, name: string, parentId: number | null) =>
      t.db.query(`INSERT INTO org_unit (kind, name, parent_id, ancestor_ids, version) VALUES ($1, $2, $3, '{}', 1)`, [kind, name, parentId]);
    await expect(insert('street', '挂错的街道', city)).rejects.toThrow(/cannot sit under a city unit/);
    await expect(insert('district', '挂错的区', second.streetId)).rejects.toThrow(/cannot sit under a street unit/);
    await expect(insert('province', '挂错的省', city)).rejects.toThrow(/chk_org_unit_parent|cannot sit under/);
    await expect(insert('community', '无上级社区', null)).rejects.toThrow(/chk_org_unit_parent/);
    await insert('province', '云南省（测试）', null);
    const province = (await t.db.query<{ id: number }>(`SELECT id FROM org_unit WHERE kind = 'province'`)).rows[0].id;
    await t.db.query(`UPDATE org_unit SET parent_id = $1, ancestor_ids = ARRAY[$1::int] WHERE id = $2`, [province, city]);
    await t.db.query(`UPDATE org_unit SET ancestor_ids = ARRAY[$1::int] || ancestor_ids WHERE ancestor_ids @> ARRAY[$2::int]`, [province, city]);
    // A province officer reads the same districts through the city.
    await t.db.query(
      `INSERT INTO app_user (username, display_name, password_hash, unit_id, roles, version)
       SELECT 'province.officer', '省级查看', password_hash, $1, ARRAY['city_officer']::varchar[], 1 FROM app_user WHERE username = 'city'`,
      [province],
    );
    const response = await t.http().get('/api/rollups?year=2026').set('authorization', await t.login('province.officer'));
    expect(response.status).toBe(200);
    expect(response.body.unit.kind).toBe('province');
    expect(response.body.districts.map((row: RollupRowBody) => row.district.id).sort((a: number, b: number) => a - b)).toEqual(
      [chenggong, second.districtId].sort((a, b) => a - b),
    );
  });

  it('keeps the city officer out of every district record and write', async () => {
    const city = await t.login('city');
    const reads = [`/api/programmes`, `/api/applications/${second.applicationId}`, `/api/competitions/${second.competitionId}`, `/api/org-units/${chenggong}`, '/api/dashboards'];
    for (const path of reads) {
      const response = await t.http().get(path).set('authorization', city);
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
    }
    const write = await t.http().post(`/api/programmes/${second.programmeId}/lines`).set('authorization', city).send({ name: 'x', amountFen: 1 });
    expect(write.status).toBe(403);
  });
});
