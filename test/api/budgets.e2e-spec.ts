import { startTestApp, type TestApp } from '../support/test-app.js';

const YUAN = 100;

describe('programmes, budget lines and the ledger', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  async function programmes() {
    const response = await t.http().get('/api/programmes?year=2026').set('authorization', admin);
    expect(response.status).toBe(200);
    return response.body as Array<{ name: string; totalBudgetFen: number; policyRefs: string[]; lines: Array<{ id: number; name: string; ledger: Record<string, number> }> }>;
  }

  it('seeds the 2026 budget lines of seed 000 and seed 002 exactly', async () => {
    const [governance, stipends] = await programmes();
    expect(governance.name).toBe('社会治理工作经费');
    expect(governance.lines.map((line) => line.ledger.budgetFen)).toEqual([126_300 * YUAN, 135_000 * YUAN, 150_000 * YUAN]);
    expect(governance.totalBudgetFen).toBe(411_300 * YUAN);
    expect(governance.policyRefs.join()).toContain('呈社建通〔2022〕2号');
    expect(stipends.name).toBe('正常离任村干部生活补助经费');
    expect(stipends.lines.map((line) => line.ledger.budgetFen)).toEqual([665_280 * YUAN, 2_000_000 * YUAN]);
    expect(stipends.totalBudgetFen).toBe(2_665_280 * YUAN);
    expect(stipends.policyRefs.join()).toContain('呈组通〔2018〕88号');
  });

  it('seeds the calls with their caps, per-street minimums and award ranges', async () => {
    const response = await t.http().get('/api/competitions?year=2026').set('authorization', admin);
    const byKind = Object.fromEntries(response.body.map((c: { kind: string }) => [c.kind, c]));
    expect(byKind.livelihood).toMatchObject({ minPerStreet: 5, awardMin: 3, awardMax: 5, envelopeFen: 126_300 * YUAN, requiredSources: ['residentMoney'] });
    expect(byKind.livelihood.categories.map((c: { key: string; capFen: number }) => [c.key, c.capFen])).toEqual([
      ['works', 500_000 * YUAN],
      ['service', 50_000 * YUAN],
    ]);
    expect(byKind.governance).toMatchObject({ minPerStreet: 2, awardMin: 4, awardMax: 5 });
    expect(byKind.governance.categories[0].capFen).toBe(30_000 * YUAN);
    expect(byKind.volunteer).toMatchObject({ awardMin: 6, awardMax: 6, requiresPartner: true });
    expect(byKind.volunteer.categories[0].capFen).toBe(20_000 * YUAN);
    for (const competition of response.body) {
      expect(competition.rubric.reduce((sum: number, c: { maxPoints: number }) => sum + c.maxPoints, 0)).toBe(100);
    }
  });

  it('seeds the planned direct expenditures and reserves them on their lines', async () => {
    const response = await t.http().get('/api/direct-expenditures').set('authorization', admin);
    // Seed 000's three; the demo's study trip and social-organisation tranches follow (issue 15).
    expect(response.body.slice(0, 3).map((d: { title: string; amountFen: number; status: string }) => [d.title, d.amountFen, d.status])).toEqual([
      ['呈贡区2025年党建引领基层治理服务项目督导评估尾款', 15_000 * YUAN, 'paid'],
      ['“3.5学雷锋志愿服务日”活动经费', 15_000 * YUAN, 'planned'],
      ['“12.5国际志愿者日”活动经费', 15_000 * YUAN, 'planned'],
    ]);
    const [governance] = await programmes();
    // The 尾款 is the demo's seed case: released by a passed evaluation, committed and paid once.
    const partyBuilding = governance.lines[1].ledger;
    expect(partyBuilding).toMatchObject({
      committedFen: 15_000 * YUAN,
      paidFen: 15_000 * YUAN,
      availableFen: 120_000 * YUAN,
      reservedFen: 120_000 * YUAN,
      unreservedFen: 0,
    });
  });

  it('adjusts a line with a reason, audits it, and refuses a cut into reserved money', async () => {
    const [governance] = await programmes();
    const line = governance.lines[0];
    const raise = await t.http()
      .post(`/api/budget-lines/${line.id}/adjustments`)
      .set('authorization', admin)
      .send({ amountFen: 10_000 * YUAN, reason: '追加预算（演示）' });
    expect(raise.status).toBe(201);
    expect(raise.body.ledger).toMatchObject({ adjustmentsFen: 10_000 * YUAN, adjustedBudgetFen: 136_300 * YUAN, unreservedFen: 10_000 * YUAN });
    const cut = await t.http()
      .post(`/api/budget-lines/${line.id}/adjustments`)
      .set('authorization', admin)
      .send({ amountFen: -20_000 * YUAN, reason: '调减' });
    expect(cut.status).toBe(409);
    expect(cut.body.code).toBe('BUDGET_EXCEEDED');
    expect(Object.keys(cut.body.fields)).toEqual(['amountFen']);
    const noReason = await t.http().post(`/api/budget-lines/${line.id}/adjustments`).set('authorization', admin).send({ amountFen: 100 });
    expect(noReason.status).toBe(400);
    const entries = await t.http().get(`/api/budget-lines/${line.id}/ledger`).set('authorization', admin);
    expect(entries.body).toHaveLength(1);
    expect(entries.body[0]).toMatchObject({ kind: 'adjustment', amountFen: 10_000 * YUAN, reason: '追加预算（演示）' });
    const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'ledger.adjustment' AND entity_id = $1`, [String(line.id)]);
    expect(audit.rows[0].n).toBe(1);
  });

  it('never reserves more than a line holds, even under concurrent requests', async () => {
    const [, stipends] = await programmes();
    const line = stipends.lines[0]; // 665,280 元, nothing reserved
    // 30 requests of 30,000 元 each race for 665,280 元: exactly 22 fit (660,000).
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        t.http()
          .post('/api/direct-expenditures')
          .set('authorization', admin)
          .send({ budgetLineId: line.id, title: `并发测试支出${index}`, amountFen: 30_000 * YUAN }),
      ),
    );
    expect(attempts.filter((response) => response.status === 201)).toHaveLength(22);
    expect(attempts.filter((response) => response.status === 409).every((response) => response.body.code === 'BUDGET_EXCEEDED')).toBe(true);
    const after = await t.http().get(`/api/budget-lines/${line.id}`).set('authorization', admin);
    expect(after.body.ledger.reservedFen).toBe(660_000 * YUAN);
    expect(after.body.ledger.unreservedFen).toBe(5_280 * YUAN);
  });

  it('keeps committed within budget in the database itself', async () => {
    const [governance] = await programmes();
    await expect(
      t.db.query(`UPDATE budget_line SET committed_fen = amount_fen + adjusted_fen + 1 WHERE id = $1`, [governance.lines[2].id]),
    ).rejects.toThrow(/chk_budget_line_committed/);
    await expect(t.db.query(`UPDATE budget_line SET paid_fen = committed_fen + 1 WHERE id = $1`, [governance.lines[2].id])).rejects.toThrow(
      /chk_budget_line_paid/,
    );
  });

  it('shows budgets to finance and auditors, not to streets; only admins change them', async () => {
    expect((await t.http().get('/api/programmes').set('authorization', await t.login('finance'))).status).toBe(200);
    expect((await t.http().get('/api/programmes').set('authorization', await t.login('auditor'))).status).toBe(200);
    expect((await t.http().get('/api/programmes').set('authorization', await t.login('longcheng'))).status).toBe(403);
    const [governance] = await programmes();
    const auditorAdjust = await t.http()
      .post(`/api/budget-lines/${governance.lines[0].id}/adjustments`)
      .set('authorization', await t.login('auditor'))
      .send({ amountFen: 100, reason: 'x' });
    expect(auditorAdjust.status).toBe(403);
  });
});

describe('competition set-up', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  function draftCompetition(lineId: number, overrides: Record<string, unknown> = {}) {
    const now = Date.now();
    return {
      budgetLineId: lineId,
      kind: 'generic',
      title: '测试比选',
      envelopeFen: 10_000 * YUAN,
      categories: [{ key: 'service', name: '服务类', capFen: 5_000 * YUAN }],
      submissionOpensAt: new Date(now + 86_400_000).toISOString(),
      submissionClosesAt: new Date(now + 10 * 86_400_000).toISOString(),
      reviewOpensAt: new Date(now + 11 * 86_400_000).toISOString(),
      reviewClosesAt: new Date(now + 20 * 86_400_000).toISOString(),
      implementationDeadline: new Date(now + 200 * 86_400_000).toISOString().slice(0, 10),
      minPerStreet: 1,
      awardMin: 1,
      awardMax: 3,
      rubric: [
        { key: 'quality', name: '质量', maxPoints: 60 },
        { key: 'value', name: '效益', maxPoints: 40 },
      ],
      tranchePlan: [
        { percentBp: 3000, condition: 'on_approval' },
        { percentBp: 7000, condition: 'after_acceptance' },
      ],
      ...overrides,
    };
  }

  async function stipendLineId(): Promise<number> {
    const { rows } = await t.db.query(`SELECT id FROM budget_line WHERE name = '社区干部离任一次性补助'`);
    return rows[0].id;
  }

  it('creates a draft call within the line and audits it', async () => {
    const response = await t.http().post('/api/competitions').set('authorization', admin).send(draftCompetition(await stipendLineId()));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'draft', rubricLocked: false, windowOpen: false });
    const streetView = await t.http().get(`/api/competitions/${response.body.id}`).set('authorization', await t.login('longcheng'));
    expect(streetView.status).toBe(404); // drafts are the district's own business
  });

  it('refuses a rubric that does not sum to 100 and a tranche plan that does not sum to 100%', async () => {
    const response = await t.http()
      .post('/api/competitions')
      .set('authorization', admin)
      .send(draftCompetition(await stipendLineId(), { rubric: [{ key: 'quality', name: '质量', maxPoints: 90 }], tranchePlan: [{ percentBp: 5000, condition: 'on_approval' }] }));
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields).some((field) => field.startsWith('rubric'))).toBe(true);
    expect(Object.keys(response.body.fields).some((field) => field.startsWith('tranchePlan'))).toBe(true);
  });

  it('refuses windows out of order and an envelope above the line', async () => {
    const lineId = await stipendLineId();
    const reversed = await t.http()
      .post('/api/competitions')
      .set('authorization', admin)
      .send(draftCompetition(lineId, { submissionClosesAt: new Date(Date.now() - 86_400_000).toISOString() }));
    expect(reversed.status).toBe(400);
    expect(reversed.body.fields).toHaveProperty('submissionClosesAt');
    const tooBig = await t.http().post('/api/competitions').set('authorization', admin).send(draftCompetition(lineId, { envelopeFen: 3_000_000 * YUAN }));
    expect(tooBig.status).toBe(409);
    expect(tooBig.body.fields).toHaveProperty('envelopeFen');
  });

  it('locks the rubric once submissions have opened', async () => {
    const list = await t.http().get('/api/competitions?year=2026').set('authorization', admin);
    const livelihood = list.body.find((c: { kind: string }) => c.kind === 'livelihood');
    expect(livelihood.rubricLocked).toBe(true);
    const response = await t.http()
      .patch(`/api/competitions/${livelihood.id}`)
      .set('authorization', admin)
      .send({ rubric: [{ key: 'all', name: '综合', maxPoints: 100 }], version: livelihood.version });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('RUBRIC_LOCKED');
    const description = await t.http()
      .patch(`/api/competitions/${livelihood.id}`)
      .set('authorization', admin)
      .send({ description: '补充说明', version: livelihood.version });
    expect(description.status).toBe(200);
    expect(description.body.minPerStreet).toBe(5); // omitted fields keep their values
  });

  it('publishes a draft and only admins manage calls', async () => {
    const created = await t.http().post('/api/competitions').set('authorization', admin).send(draftCompetition(await stipendLineId(), { envelopeFen: 1_000 * YUAN }));
    const published = await t.http().post(`/api/competitions/${created.body.id}/publish`).set('authorization', admin);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect((await t.http().post(`/api/competitions/${created.body.id}/publish`).set('authorization', admin)).status).toBe(409);
    const street = await t.http().post('/api/competitions').set('authorization', await t.login('longcheng')).send(draftCompetition(await stipendLineId()));
    expect(street.status).toBe(403);
  });
});
