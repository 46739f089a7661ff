import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { addSecondFinanceOfficer, approvedProjects } from '../support/fixtures.js';
import { figureDifferences, figureRows, figureSnapshot } from '../support/ledger-figures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 13 §2: the ledger's figures per line and month, per street and line, and the projects per
 * street and status are kept in the transaction of each money movement and project change (the
 * triggers of migration 1764000000900). They equal the figures recomputed from the base rows after
 * concurrent movements on one line and one street, and a refused or failed movement leaves them
 * as they were. The demo year's check is in demo-year.e2e-spec.ts.
 */
describe('ledger figures kept with each money movement (issue 13 §2)', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let admin: string;
  let finance: string;
  let finance2: string;
  let projects: Array<{ id: number; budget_line_id: number; street_id: number }>;
  const paymentIds: number[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    worker = await createWorker(t.config, { schedule: false });
    admin = await t.login('admin');
    finance = await t.login('finance');
    await addSecondFinanceOfficer(t, admin, 'Finance2026pass');
    finance2 = await t.login('finance2', 'Finance2026pass');
    // The projects of one street (龙城街道) on the livelihood competition's line (three fit its envelope).
    const applicationIds = await approvedProjects(t, { count: 3 });
    projects = (
      await t.db.query(
        `SELECT id, budget_line_id, street_id FROM project WHERE application_id = ANY($1::int[]) ORDER BY id`,
        [applicationIds],
      )
    ).rows;
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const streetFigure = async () => {
    const row = (
      await t.db.query(
        `SELECT awarded_fen, paid_fen FROM ledger_street_figure WHERE street_id = $1 AND budget_line_id = $2`,
        [projects[0].street_id, projects[0].budget_line_id],
      )
    ).rows[0];
    return { awardedFen: Number(row.awarded_fen), paidFen: Number(row.paid_fen) };
  };

  it('holds the figures of the base and of the approved awards, equal to their rows', async () => {
    expect(projects.length).toBeGreaterThanOrEqual(3);
    expect(new Set(projects.map((p) => `${p.street_id} ${p.budget_line_id}`)).size).toBe(1);
    expect(await figureDifferences(t.db)).toEqual([]);
    const rows = await figureRows(t.db);
    expect(rows.ledger_figure).toBeGreaterThan(0);
    expect(rows.ledger_street_figure).toBeGreaterThan(0);
    expect(rows.project_figure).toBeGreaterThan(0);
    const awarded = await t.db.query(
      `SELECT sum(amount_fen)::bigint AS fen FROM project WHERE id = ANY($1::int[])`,
      [projects.map((p) => p.id)],
    );
    expect(await streetFigure()).toEqual({ awardedFen: Number(awarded.rows[0].fen), paidFen: 0 });
  });

  it('stays exact under ~50 concurrent payments, reversals and commitments on one line and street', async () => {
    // Each project's released money in eight payments: 24 payments of one street on one line.
    const PARTS = 8;
    const requests: Array<{ projectId: number; amountFen: number }> = [];
    for (const p of projects.slice(0, 3)) {
      const available = (await t.http().get(`/api/projects/${p.id}`).set('authorization', admin)).body.money
        .availableFen as number;
      for (let k = 0; k < PARTS; k += 1)
        requests.push({ projectId: p.id, amountFen: Math.floor(available / PARTS) });
    }
    const requested = await Promise.all(
      requests.map((r) =>
        t
          .http()
          .post('/api/payments')
          .set('authorization', finance)
          .send({ ...r, purpose: '立项预拨（分笔）' }),
      ),
    );
    expect(requested.map((r) => r.status)).toEqual(requests.map(() => 201));
    paymentIds.push(...requested.map((r) => r.body.id as number));
    const approved = await Promise.all(
      paymentIds.map((id) => t.http().post(`/api/payments/${id}/approve`).set('authorization', finance2)),
    );
    expect(approved.map((r) => r.status)).toEqual(paymentIds.map(() => 200));
    // Ten small direct expenditures of the district on another line, committed in the same race.
    const otherLine = (
      await t.db.query(
        `SELECT id FROM budget_line WHERE id <> $1 ORDER BY amount_fen + adjusted_fen - committed_fen DESC, id LIMIT 1`,
        [projects[0].budget_line_id],
      )
    ).rows[0].id as number;
    const expenditures: number[] = [];
    for (let k = 0; k < 10; k += 1) {
      const created = await t
        .http()
        .post('/api/direct-expenditures')
        .set('authorization', admin)
        .send({ budgetLineId: otherLine, title: `并发台账测试支出${k}`, amountFen: 1_000 * 100 });
      expect(created.status).toBe(201);
      expenditures.push(created.body.id);
    }

    // Two attempts per payment, each with its own key, and the ten commitments: 58 requests race.
    const attempts = await Promise.all([
      ...paymentIds.flatMap((id, i) =>
        [0, 1].map((k) =>
          t
            .http()
            .post(`/api/payments/${id}/record`)
            .set('authorization', finance)
            .set('Idempotency-Key', `figures-record-${i}-${k}`)
            .send({
              paidOn: '2026-06-01',
              voucherNo: `LF-2026-${String(i).padStart(4, '0')}`,
              bankReference: `BOC-LF-${i}`,
            }),
        ),
      ),
      ...expenditures.map((id) =>
        t.http().post(`/api/direct-expenditures/${id}/approve`).set('authorization', admin),
      ),
    ]);
    expect(attempts.some((r) => r.status >= 500)).toBe(false);
    expect(attempts.filter((r) => r.status === 200)).toHaveLength(paymentIds.length + expenditures.length);
    expect(
      attempts.filter((r) => r.status === 409).every((r) => r.body.code === 'PAYMENT_ALREADY_RECORDED'),
    ).toBe(true);
    const paidAll = requests.reduce((sum, r) => sum + r.amountFen, 0);
    expect((await streetFigure()).paidFen).toBe(paidAll);
    expect(await figureDifferences(t.db)).toEqual([]);

    // Two concurrent reversals of each of the first twelve payments: twelve go through.
    const reversals = await Promise.all(
      paymentIds
        .slice(0, 12)
        .flatMap((id) =>
          [0, 1].map(() =>
            t
              .http()
              .post(`/api/payments/${id}/reverse`)
              .set('authorization', finance)
              .send({ reason: '银行退回（测试）' }),
          ),
        ),
    );
    expect(reversals.some((r) => r.status >= 500)).toBe(false);
    expect(reversals.filter((r) => r.status === 200)).toHaveLength(12);
    const reversedFen = requests.slice(0, 12).reduce((sum, r) => sum + r.amountFen, 0);
    expect((await streetFigure()).paidFen).toBe(paidAll - reversedFen);
    expect(await figureDifferences(t.db)).toEqual([]);

    // The ledger dashboard reads them: the street shows what was paid to it, and its projects.
    const dashboard = await t.http().get('/api/ledger/dashboard').set('authorization', admin);
    expect(dashboard.status).toBe(200);
    const street = (
      dashboard.body.byStreet as Array<{ streetId: number; paidFen: number; projects: number }>
    ).find((s) => s.streetId === projects[0].street_id)!;
    expect(street).toMatchObject({ paidFen: paidAll - reversedFen, projects: projects.length });
  });

  it('leaves the figures as they were when a movement is refused or rolled back after its entry', async () => {
    // A payment whose ledger entry is written, then refused for a voucher number already used: the
    // whole transaction rolls back, figures included.
    const reversedProject = projects[0];
    const before = await figureSnapshot(t.db);
    const request = await t
      .http()
      .post('/api/payments')
      .set('authorization', finance)
      .send({ projectId: reversedProject.id, amountFen: 100, purpose: '更正后重拨' });
    expect(request.status).toBe(201);
    expect(
      (await t.http().post(`/api/payments/${request.body.id}/approve`).set('authorization', finance2)).status,
    ).toBe(200);
    const taken = await t
      .http()
      .post(`/api/payments/${request.body.id}/record`)
      .set('authorization', finance)
      .send({ paidOn: '2026-06-02', voucherNo: 'LF-2026-0020', bankReference: 'BOC-LF-again' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('VOUCHER_NUMBER_TAKEN');
    expect(await figureSnapshot(t.db)).toEqual(before);

    // A commitment refused by the line's CHECK (BUDGET_EXCEEDED): no room left on the line.
    const expenditure = (
      await t.db.query(
        `SELECT id, budget_line_id FROM direct_expenditure WHERE title LIKE '%12.5国际志愿者日%'`,
      )
    ).rows[0];
    const line = (
      await t.db.query(`SELECT amount_fen FROM budget_line WHERE id = $1`, [expenditure.budget_line_id])
    ).rows[0];
    await t.db.query(`UPDATE budget_line SET amount_fen = committed_fen - adjusted_fen WHERE id = $1`, [
      expenditure.budget_line_id,
    ]);
    try {
      const refused = await t
        .http()
        .post(`/api/direct-expenditures/${expenditure.id}/approve`)
        .set('authorization', admin);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('BUDGET_EXCEEDED');
    } finally {
      await t.db.query(`UPDATE budget_line SET amount_fen = $2 WHERE id = $1`, [
        expenditure.budget_line_id,
        line.amount_fen,
      ]);
    }
    expect(await figureSnapshot(t.db)).toEqual(before);

    // The same commitment with room goes through, and the figures move by exactly its amount.
    const approved = await t
      .http()
      .post(`/api/direct-expenditures/${expenditure.id}/approve`)
      .set('authorization', admin);
    expect(approved.status).toBe(200);
    expect(await figureSnapshot(t.db)).not.toEqual(before);
    expect(await figureDifferences(t.db)).toEqual([]);
  });
});
