import { creditCodeCheckCharacter } from '@xiaoshi/domain';
import { SocialOrgsMetrics } from '../../apps/api/src/modules/social-orgs/social-orgs.metrics.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Social organisations (issue 15): the registry (GB 32100 codes, masked phones), service
 * agreements with their payment plans, supervision evaluations, and the 尾款 that can only be
 * requested after a passed evaluation — refused before, also when ten requests race, and requested
 * exactly once after. The seed's case: the 2025 党建引领基层治理服务项目 and its 15,000 元 尾款 paid
 * from the planned expenditure already on the 党建引领基层治理 line.
 */
const YUAN = 100;

function code(serial: string): string {
  const first17 = `52530114MJ${serial}`;
  return first17 + creditCodeCheckCharacter(first17);
}

describe('social organisations', () => {
  let t: TestApp;
  const bearer: Record<string, string> = {};
  let demoLine: number;
  let partyLine: number;

  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['admin', 'finance', 'checker', 'auditor', 'longcheng']) bearer[name] = await t.login(name);
    demoLine = (await t.db.query(`SELECT id FROM budget_line WHERE name = '社会组织培育服务经费（演示）'`)).rows[0].id;
    partyLine = (await t.db.query(`SELECT id FROM budget_line WHERE name = '党建引领基层治理项目工作经费'`)).rows[0].id;
  });
  afterAll(() => t.close());

  const api = (who: string) => ({
    get: (path: string) => t.http().get(path).set('authorization', bearer[who]),
    post: (path: string, body?: object) => t.http().post(path).set('authorization', bearer[who]).send(body),
  });
  const ledger = async (line: number) => (await api('admin').get(`/api/budget-lines/${line}`)).body.ledger;

  it('seeds five organisations introduced in 2026 and the 2025 project whose evaluation released its 15,000 元 尾款', async () => {
    const orgs = (await api('admin').get('/api/social-orgs')).body;
    expect(orgs).toHaveLength(6);
    expect(orgs.filter((org: { introducedYear: number }) => org.introducedYear === 2026)).toHaveLength(5);
    for (const org of orgs) {
      expect(org.contactPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(org.isDemo).toBe(true);
    }
    const agreements = (await api('finance').get('/api/social-org-agreements?year=2025')).body;
    expect(agreements).toHaveLength(1);
    const [project] = agreements;
    expect(project).toMatchObject({ title: '呈贡区2025年党建引领基层治理服务项目', budgetLine: { id: partyLine }, paidFen: 50_000 * YUAN });
    expect(project.evaluations).toEqual([expect.objectContaining({ kind: 'final', totalPoints: 86.5, passMark: 60, passed: true })]);
    expect(project.tranches.map((tranche: { status: string; amountFen: number }) => [tranche.status, tranche.amountFen])).toEqual([
      ['settled_outside', 35_000 * YUAN],
      ['paid', 15_000 * YUAN],
    ]);
    // Connected to seed 000's planned expenditure, not committed a second time.
    const expenditures = (await api('admin').get(`/api/direct-expenditures?budgetLineId=${partyLine}`)).body;
    expect(expenditures).toEqual([
      expect.objectContaining({ title: '呈贡区2025年党建引领基层治理服务项目督导评估尾款', amountFen: 15_000 * YUAN, status: 'paid' }),
    ]);
    expect(project.tranches[1].directExpenditureId).toBe(expenditures[0].id);
    expect(await ledger(partyLine)).toMatchObject({ committedFen: 15_000 * YUAN, paidFen: 15_000 * YUAN });
  });

  it('registers organisations with valid GB 32100 codes, masks contact phones and reveals one to admins and finance, audited', async () => {
    const body = {
      name: '测试社工服务中心',
      creditCode: code('9990001'),
      orgType: 'social_work_agency',
      qualifications: ['民办非企业单位登记证书'],
      serviceAreas: ['为老服务'],
      contactName: '测试联系人',
      contactPhone: '13912345678',
      introducedYear: 2026,
    };
    const wrongCheck = await api('admin').post('/api/social-orgs', { ...body, creditCode: body.creditCode.slice(0, 17) + (body.creditCode.endsWith('0') ? '1' : '0') });
    expect(wrongCheck.status).toBe(400);
    expect(Object.keys(wrongCheck.body.fields)).toEqual(['creditCode']);
    const created = await api('admin').post('/api/social-orgs', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ creditCode: body.creditCode, contactPhone: '139****5678' });
    const twice = await api('admin').post('/api/social-orgs', { ...body, name: '另一个' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('SOCIAL_ORG_EXISTS');

    const revealed = await api('finance').post(`/api/social-orgs/${created.body.id}/reveal-contact`);
    expect(revealed.body).toEqual({ socialOrgId: created.body.id, contactName: '测试联系人', contactPhone: '13912345678' });
    expect((await api('auditor').post(`/api/social-orgs/${created.body.id}/reveal-contact`)).status).toBe(403);
    const audit = await t.db.query(`SELECT actor_username FROM audit_event WHERE action = 'social_org.reveal_contact' AND entity_id = $1`, [
      String(created.body.id),
    ]);
    expect(audit.rows.map((row) => row.actor_username)).toEqual(['finance']);
    expect((await api('longcheng').get('/api/social-orgs')).status).toBe(403);
    expect((await api('auditor').post('/api/social-orgs', body)).status).toBe(403);
  });

  it('holds the 尾款 until a passed evaluation — refused before, also under ten concurrent requests — then requests it once', async () => {
    const org = (await api('admin').get('/api/social-orgs')).body.find((candidate: { name: string }) => candidate.name === '测试社工服务中心');
    const agreement = {
      socialOrgId: org.id,
      title: '测试服务协议',
      year: 2026,
      budgetLineId: demoLine,
      amountFen: 10_000 * YUAN,
      signedOn: '2026-05-01',
      startDate: '2026-05-01',
      endDate: '2026-11-30',
      serviceCommunityIds: [(await t.db.query(`SELECT id FROM org_unit WHERE name = '雨花社区'`)).rows[0].id],
      deliverables: [{ title: '入户探访', target: '100户' }],
      tranches: [
        { label: '首期款', amountFen: 6_000 * YUAN, condition: 'on_signing' },
        { label: '尾款', amountFen: 4_000 * YUAN, condition: 'after_evaluation' },
      ],
    };
    const wrongSum = await api('admin').post('/api/social-org-agreements', { ...agreement, amountFen: 9_000 * YUAN });
    expect(wrongSum.status).toBe(400);
    expect(wrongSum.body.fields).toHaveProperty('tranches');
    const created = await api('admin').post('/api/social-org-agreements', agreement);
    expect(created.status).toBe(201);
    const [first, final] = created.body.tranches;
    expect([first.due, final.due]).toEqual([true, false]);

    const before = await ledger(demoLine);
    const payments = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM payment WHERE direct_expenditure_id IN (SELECT direct_expenditure_id FROM social_org_tranche WHERE id = $1)`, [final.id])).rows[0].n;
    const early = await Promise.all(Array.from({ length: 10 }, () => api('admin').post(`/api/social-org-tranches/${final.id}/request-payment`)));
    expect(early.map((response) => response.status)).toEqual(Array(10).fill(409));
    expect(early.every((response) => response.body.code === 'SOCIAL_ORG_EVALUATION_REQUIRED')).toBe(true);
    expect(await ledger(demoLine)).toEqual(before);
    expect(await payments()).toBe(0);

    const scores = (points: number[]) =>
      ['deliverables', 'quality', 'satisfaction', 'management', 'finance'].map((key, index) => ({ key, points: points[index] }));
    const failing = await api('admin').post(`/api/social-org-agreements/${created.body.id}/evaluations`, {
      kind: 'final',
      evaluatedOn: '2026-11-20',
      evaluator: '第三方评估机构',
      scores: scores([20, 10, 12, 6, 5]),
      summary: '未达到合格分数线',
    });
    expect(failing.status).toBe(201);
    expect(failing.body.evaluations[0]).toMatchObject({ totalPoints: 53, passed: false });
    const stillRefused = await api('admin').post(`/api/social-org-tranches/${final.id}/request-payment`);
    expect(stillRefused.body.code).toBe('SOCIAL_ORG_EVALUATION_REQUIRED');
    const outOfRange = await api('admin').post(`/api/social-org-agreements/${created.body.id}/evaluations`, {
      kind: 'final',
      evaluatedOn: '2026-11-25',
      evaluator: '第三方评估机构',
      scores: scores([41, 18, 18, 8, 8]),
      summary: '超出分值',
    });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.fields).toHaveProperty(['scores.0.points']);
    const passing = await api('admin').post(`/api/social-org-agreements/${created.body.id}/evaluations`, {
      kind: 'final',
      evaluatedOn: '2026-11-28',
      evaluator: '第三方评估机构',
      scores: scores([32, 16, 16, 8, 7.5]),
      summary: '整改后复评合格',
    });
    expect(passing.body.evaluations[1]).toMatchObject({ totalPoints: 79.5, passed: true });
    expect(passing.body.tranches[1].due).toBe(true);

    const racing = await Promise.all(Array.from({ length: 10 }, () => api('admin').post(`/api/social-org-tranches/${final.id}/request-payment`)));
    expect(racing.map((response) => response.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    expect(racing.filter((response) => response.status === 409).every((response) => response.body.code === 'SOCIAL_ORG_TRANCHE_REQUESTED')).toBe(true);
    const requested = racing.find((response) => response.status === 200)!.body.tranches[1];
    expect(requested).toMatchObject({ status: 'requested', paymentStatus: 'requested' });
    expect(await payments()).toBe(1);
    const after = await ledger(demoLine);
    expect(after.committedFen - before.committedFen).toBe(4_000 * YUAN);
    const stored = (await t.db.query(`SELECT passed_evaluation_id FROM social_org_tranche WHERE id = $1`, [final.id])).rows[0];
    expect(stored.passed_evaluation_id).toBe(passing.body.evaluations[1].id);

    // Finance approves (maker–checker against the district's request) and records it; then it is paid.
    expect((await api('finance').post(`/api/payments/${requested.paymentId}/approve`)).status).toBe(200);
    const recorded = await t
      .http()
      .post(`/api/payments/${requested.paymentId}/record`)
      .set('authorization', bearer.checker)
      .send({ paidOn: '2026-12-01', voucherNo: 'TEST-SO-0001', bankReference: 'TEST-BANK-0001' });
    expect(recorded.status).toBe(200);
    const view = (await api('auditor').get(`/api/social-org-agreements/${created.body.id}`)).body;
    expect(view.tranches[1].status).toBe('paid');
    expect((await ledger(demoLine)).paidFen - before.paidFen).toBe(4_000 * YUAN);
  });

  it('keeps the gate in the database and frees a tranche whose payment finance rejected', async () => {
    const agreement = (await api('admin').get('/api/social-org-agreements?year=2026')).body.find(
      (candidate: { tranches: Array<{ status: string }> }) => candidate.tranches.every((tranche) => tranche.status === 'pending'),
    );
    const final = agreement.tranches[1];
    const expenditure = (
      await t.db.query(
        `SELECT id FROM direct_expenditure WHERE id NOT IN (SELECT direct_expenditure_id FROM social_org_tranche WHERE direct_expenditure_id IS NOT NULL) LIMIT 1`,
      )
    ).rows[0].id;
    const payment = (await t.db.query(`SELECT id FROM payment ORDER BY id LIMIT 1`)).rows[0].id;
    await expect(
      t.db.query(
        `UPDATE social_org_tranche SET status = 'requested', direct_expenditure_id = $2, payment_id = $3, requested_at = now() WHERE id = $1`,
        [final.id, expenditure, payment],
      ),
    ).rejects.toThrow(/chk_social_org_tranche_gate/);

    const first = agreement.tranches[0];
    const requested = await api('admin').post(`/api/social-org-tranches/${first.id}/request-payment`);
    expect(requested.status).toBe(200);
    const paymentId = requested.body.tranches[0].paymentId;
    expect((await api('admin').post(`/api/social-org-tranches/${first.id}/request-payment`)).status).toBe(409);
    expect((await api('finance').post(`/api/payments/${paymentId}/reject`, { reason: '附件不全' })).status).toBe(200);
    const again = await api('admin').post(`/api/social-org-tranches/${first.id}/request-payment`);
    expect(again.status).toBe(200);
    expect(again.body.tranches[0]).toMatchObject({ status: 'requested', paymentStatus: 'requested' });
    expect(again.body.tranches[0].paymentId).not.toBe(paymentId);
    // One commitment for the tranche, however many requests.
    const commitments = await t.db.query(
      `SELECT count(*)::int AS n FROM ledger_entry WHERE source = 'direct_expenditure' AND kind = 'commitment' AND source_id = $1`,
      [again.body.tranches[0].directExpenditureId],
    );
    expect(commitments.rows[0].n).toBe(1);
  });

  it('publishes organisations introduced, evaluations passed and communities served for the performance tables', async () => {
    const metrics = t.app.get(SocialOrgsMetrics).metrics();
    const district = (await t.db.query(`SELECT id FROM org_unit WHERE kind = 'district'`)).rows[0].id;
    const scope = { year: 2026, unitId: district, budgetLineId: null };
    const introduced = await metrics.find((metric) => metric.key === 'social_orgs.introduced')!.compute(scope, 50);
    // The five of the seed and the one registered above.
    expect(introduced.value).toBe(6);
    const passed = await metrics.find((metric) => metric.key === 'social_orgs.evaluations_passed')!.compute(scope, 50);
    expect(passed.value).toBe(2);
    const served = await metrics.find((metric) => metric.key === 'social_orgs.communities_served')!.compute(scope, 50);
    expect(served.rows.every((row) => row.ref.startsWith('community:'))).toBe(true);
    expect(served.rows.map((row) => row.unitName)).toContain('雨花社区');
    const in2025 = await metrics.find((metric) => metric.key === 'social_orgs.communities_served')!.compute({ ...scope, year: 2025 }, 50);
    expect(in2025.rows.map((row) => row.unitName).sort()).toEqual(['乌龙社区', '斗南社区', '龙街社区']);
  });
});
