import { toChineseUppercase } from '@xiaoshi/domain';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { addSecondFinanceOfficer, approvedProjects } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const YUAN = 100;

describe('payments in tranches: maker–checker, release rules, idempotent recording, reversal', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let admin: string;
  let finance: string;
  let finance2: string;
  let projectId: number;
  let lineId: number;
  const lineTotals = async () => {
    const row = (await t.db.query(`SELECT committed_fen, paid_fen FROM budget_line WHERE id = $1`, [lineId]))
      .rows[0];
    return { committed: Number(row.committed_fen), paid: Number(row.paid_fen) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    worker = await createWorker(t.config, { schedule: false });
    admin = await t.login('admin');
    finance = await t.login('finance');
    await addSecondFinanceOfficer(t, admin, 'Finance2026pass');
    finance2 = await t.login('finance2', 'Finance2026pass');
    const [applicationId] = await approvedProjects(t, { count: 3 });
    const project = await t
      .http()
      .get(`/api/applications/${applicationId}/project`)
      .set('authorization', admin);
    expect(project.status).toBe(200);
    projectId = project.body.id;
    lineId = (await t.db.query(`SELECT budget_line_id FROM project WHERE id = $1`, [projectId])).rows[0]
      .budget_line_id;
  }, 120_000);
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('materialises the tranches from the plan, summing exactly to the award, 30% released on approval', async () => {
    const project = (await t.http().get(`/api/projects/${projectId}`).set('authorization', admin)).body;
    expect(project.amountFen).toBe(36_000 * YUAN);
    expect(project.tranches).toEqual([
      expect.objectContaining({
        index: 0,
        condition: 'on_approval',
        amountFen: 10_800 * YUAN,
        released: true,
      }),
      expect.objectContaining({
        index: 1,
        condition: 'after_acceptance',
        amountFen: 25_200 * YUAN,
        released: false,
      }),
    ]);
    expect(project.money).toEqual({
      releasedFen: 10_800 * YUAN,
      requestedFen: 0,
      paidFen: 0,
      availableFen: 10_800 * YUAN,
    });
    // Projects are opened once, however often the job or the reads run.
    const count = await t.db.query(`SELECT count(*)::int AS n FROM project`);
    await t.http().get('/api/projects').set('authorization', admin);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM project`)).rows[0].n).toBe(count.rows[0].n);
    expect(count.rows[0].n).toBe(3);
  });

  it('refuses more than the released amount, and the final tranche before acceptance', async () => {
    const over = await t
      .http()
      .post('/api/payments')
      .set('authorization', admin)
      .send({ projectId, amountFen: 10_800 * YUAN + 1, purpose: '预拨' });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('PAYMENT_OVER_RELEASED');
    expect(over.body.fields).toHaveProperty('amountFen');
    const whole = await t
      .http()
      .post('/api/payments')
      .set('authorization', finance)
      .send({ projectId, amountFen: 36_000 * YUAN, purpose: '全额' });
    expect(whole.body.code).toBe('PAYMENT_OVER_RELEASED');
    const bad = await t
      .http()
      .post('/api/payments')
      .set('authorization', admin)
      .send({ projectId, amountFen: 0, purpose: '' });
    expect(bad.status).toBe(400);
  });

  it('enforces maker–checker: the requester cannot approve; another finance officer can', async () => {
    const requested = await t
      .http()
      .post('/api/payments')
      .set('authorization', finance)
      .set('Idempotency-Key', 'advance-request-0001')
      .send({ projectId, amountFen: 10_800 * YUAN, purpose: '立项预拨 30%' });
    expect(requested.status).toBe(201);
    expect(requested.body.status).toBe('requested');
    const replay = await t
      .http()
      .post('/api/payments')
      .set('authorization', finance)
      .set('Idempotency-Key', 'advance-request-0001')
      .send({ projectId, amountFen: 10_800 * YUAN, purpose: '立项预拨 30%' });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(requested.body.id);
    // Requested money is counted: nothing more is available.
    const more = await t
      .http()
      .post('/api/payments')
      .set('authorization', admin)
      .send({ projectId, amountFen: 1, purpose: '再拨' });
    expect(more.body.code).toBe('PAYMENT_OVER_RELEASED');

    const self = await t
      .http()
      .post(`/api/payments/${requested.body.id}/approve`)
      .set('authorization', finance);
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('PAYMENT_SELF_APPROVAL');
    const byAdmin = await t
      .http()
      .post(`/api/payments/${requested.body.id}/approve`)
      .set('authorization', admin);
    expect(byAdmin.status).toBe(403);
    // The CHECK stands behind the service rule.
    await expect(
      t.db.query(
        `UPDATE payment SET approved_by_user_id = requested_by_user_id, status = 'approved' WHERE id = $1`,
        [requested.body.id],
      ),
    ).rejects.toThrow(/chk_payment_maker_checker/);
    const approved = await t
      .http()
      .post(`/api/payments/${requested.body.id}/approve`)
      .set('authorization', finance2);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: { name: '复核会计（测试）' } });
  });

  it('records a payment once under 50 concurrent attempts: one record, one ledger entry', async () => {
    const payment = (await t.http().get(`/api/payments?projectId=${projectId}`).set('authorization', finance))
      .body[0];
    const before = await lineTotals();
    const body = { paidOn: '2026-06-01', voucherNo: 'FK-2026-0001', bankReference: 'BOC20260601000123' };
    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .post(`/api/payments/${payment.id}/record`)
          .set('authorization', finance)
          .set('Idempotency-Key', i < 25 ? 'record-key-0001' : `other-key-${String(i).padStart(4, '0')}`)
          .send(body),
      ),
    );
    expect(attempts.some((r) => r.status >= 500)).toBe(false);
    const ok = attempts.filter((r) => r.status === 200);
    const refused = attempts.filter((r) => r.status === 409);
    expect(ok.length + refused.length).toBe(50);
    expect(refused.every((r) => r.body.code === 'PAYMENT_ALREADY_RECORDED')).toBe(true);
    expect(ok.every((r) => r.body.status === 'paid' && r.body.voucherNo === 'FK-2026-0001')).toBe(true);
    const entries = await t.db.query(
      `SELECT count(*)::int AS n FROM ledger_entry WHERE kind = 'payment' AND budget_line_id = $1`,
      [lineId],
    );
    expect(entries.rows[0].n).toBe(1);
    expect((await lineTotals()).paid - before.paid).toBe(10_800 * YUAN);
    const paidRows = await t.db.query(
      `SELECT count(*)::int AS n FROM payment WHERE project_id = $1 AND status = 'paid'`,
      [projectId],
    );
    expect(paidRows.rows[0].n).toBe(1);
    const again = await t
      .http()
      .post(`/api/payments/${payment.id}/record`)
      .set('authorization', finance)
      .set('Idempotency-Key', 'record-key-0001')
      .send(body);
    expect(again.status).toBe(200);
    expect(
      (await t.http().post(`/api/payments/${payment.id}/record`).set('authorization', finance).send(body))
        .body.code,
    ).toBe('PAYMENT_ALREADY_RECORDED');
  });

  it('prints the voucher with the amount in 大写', async () => {
    const payment = (await t.http().get(`/api/payments?projectId=${projectId}`).set('authorization', finance))
      .body[0];
    const voucher = await t
      .http()
      .get(`/api/payments/${payment.id}/voucher`)
      .set('authorization', await t.login('auditor'));
    expect(voucher.status).toBe(200);
    expect(voucher.headers['content-type']).toMatch(/text\/html/);
    // A printable document: helmet's page headers, with its own <style> allowed and no script from elsewhere.
    expect(voucher.headers['content-security-policy']).toContain("default-src 'self'");
    expect(voucher.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(voucher.headers['content-security-policy']).toContain("script-src 'self'");
    expect(voucher.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(toChineseUppercase(10_800 * YUAN)).toBe('壹万零捌佰元整');
    expect(voucher.text).toContain('人民币壹万零捌佰元整');
    expect(voucher.text).toContain('FK-2026-0001');
    expect(voucher.text).toContain('10,800.00');
  });

  it('reverses a mistaken payment with a reason: paid goes back down, the row stays', async () => {
    const payment = (await t.http().get(`/api/payments?projectId=${projectId}`).set('authorization', finance))
      .body[0];
    const before = await lineTotals();
    const noReason = await t
      .http()
      .post(`/api/payments/${payment.id}/reverse`)
      .set('authorization', finance)
      .send({});
    expect(noReason.status).toBe(400);
    const reversed = await t
      .http()
      .post(`/api/payments/${payment.id}/reverse`)
      .set('authorization', finance)
      .send({ reason: '收款账户有误，银行退回' });
    expect(reversed.status).toBe(200);
    expect(reversed.body).toMatchObject({ status: 'reversed', reversedReason: '收款账户有误，银行退回' });
    const after = await lineTotals();
    expect(before.paid - after.paid).toBe(10_800 * YUAN);
    expect(after.committed).toBe(before.committed);
    const sum = await t.db.query(
      `SELECT coalesce(sum(amount_fen), 0)::bigint AS s FROM ledger_entry WHERE budget_line_id = $1 AND kind IN ('payment', 'payment_reversal')`,
      [lineId],
    );
    expect(Number(sum.rows[0].s)).toBe(after.paid);
    expect(
      (
        await t
          .http()
          .post(`/api/payments/${payment.id}/reverse`)
          .set('authorization', finance)
          .send({ reason: '再次' })
      ).status,
    ).toBe(409);
    // The released money is available again for a corrected payment.
    const project = (await t.http().get(`/api/projects/${projectId}`).set('authorization', admin)).body;
    expect(project.money).toMatchObject({ paidFen: 0, availableFen: 10_800 * YUAN });
    const audit = await t.db.query(
      `SELECT action FROM audit_event WHERE entity_type = 'payment' AND entity_id = $1 ORDER BY seq`,
      [String(payment.id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'payment.request',
      'payment.approve',
      'payment.record',
      'payment.reverse',
    ]);
  });

  it('pays a committed direct expenditure through the same flow, never above its amount', async () => {
    const expenditure = (
      await t.db.query(`SELECT id, budget_line_id FROM direct_expenditure WHERE title LIKE '%学雷锋%'`)
    ).rows[0];
    const early = await t
      .http()
      .post('/api/payments')
      .set('authorization', admin)
      .send({ directExpenditureId: expenditure.id, amountFen: 15_000 * YUAN, purpose: '活动经费' });
    expect(early.status).toBe(409);
    expect(
      (await t.http().post(`/api/direct-expenditures/${expenditure.id}/approve`).set('authorization', admin))
        .status,
    ).toBe(200);
    const over = await t
      .http()
      .post('/api/payments')
      .set('authorization', admin)
      .send({ directExpenditureId: expenditure.id, amountFen: 15_000 * YUAN + 1, purpose: '活动经费' });
    expect(over.body.code).toBe('PAYMENT_OVER_RELEASED');
    const requested = await t
      .http()
      .post('/api/payments')
      .set('authorization', admin)
      .send({
        directExpenditureId: expenditure.id,
        amountFen: 15_000 * YUAN,
        purpose: '“3.5学雷锋志愿服务日”活动经费',
        idempotencyKey: 'de-request-0001',
      });
    expect(requested.status).toBe(201);
    expect(
      (await t.http().post(`/api/payments/${requested.body.id}/approve`).set('authorization', finance))
        .status,
    ).toBe(200);
    const recorded = await t
      .http()
      .post(`/api/payments/${requested.body.id}/record`)
      .set('authorization', finance2)
      .send({ paidOn: '2026-03-06', voucherNo: 'FK-2026-0002', bankReference: 'BOC20260306000001' });
    expect(recorded.status).toBe(200);
    const status = await t.db.query(`SELECT status FROM direct_expenditure WHERE id = $1`, [expenditure.id]);
    expect(status.rows[0].status).toBe('paid');
    const dup = await t
      .http()
      .post('/api/payments')
      .set('authorization', admin)
      .send({ directExpenditureId: expenditure.id, amountFen: 1, purpose: '再付' });
    expect(dup.body.code).toBe('PAYMENT_OVER_RELEASED');
  });

  it('answers by role and unit: auditors and streets read, write nothing; other streets see nothing', async () => {
    const auditor = await t.login('auditor');
    const payments = await t.http().get('/api/payments').set('authorization', auditor);
    expect(payments.status).toBe(200);
    expect(payments.body.length).toBeGreaterThanOrEqual(2);
    expect(
      (
        await t
          .http()
          .post('/api/payments')
          .set('authorization', auditor)
          .send({ projectId, amountFen: 100, purpose: 'x' })
      ).status,
    ).toBe(403);
    const payment = payments.body[0];
    expect(
      (await t.http().post(`/api/payments/${payment.id}/approve`).set('authorization', auditor)).status,
    ).toBe(403);
    expect(
      (
        await t
          .http()
          .post(`/api/payments/${payment.id}/record`)
          .set('authorization', await t.login('longcheng'))
          .send({ paidOn: '2026-01-01', voucherNo: 'x', bankReference: 'y' })
      ).status,
    ).toBe(403);
    const own = await t
      .http()
      .get(`/api/payments?projectId=${projectId}`)
      .set('authorization', await t.login('longcheng'));
    expect(own.body.length).toBe(1);
    const dounan = await t.login('dounan');
    expect(
      (await t.http().get(`/api/payments?projectId=${projectId}`).set('authorization', dounan)).body,
    ).toEqual([]);
    const own1 = own.body[0].id;
    expect((await t.http().get(`/api/payments/${own1}`).set('authorization', dounan)).status).toBe(404);
    expect((await t.http().get(`/api/payments/${own1}/voucher`).set('authorization', dounan)).status).toBe(
      404,
    );
  });

  it('exports the payment register and the ledger dashboard with the execution rate', async () => {
    const register = await t
      .http()
      .get('/api/payments/register')
      .set('authorization', finance)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(register.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(register.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('拨付登记簿')!;
    expect(sheet.getRow(1).getCell(6).value).toBe('金额（元）');
    // This suite's two payments, among the demo's (study trip, social organisations' tranches).
    const amounts = (sheet.getColumn(6).values as unknown[]).slice(2);
    expect(amounts).toEqual(expect.arrayContaining([10800, 15000]));

    const dashboard = await t
      .http()
      .get('/api/ledger/dashboard')
      .set('authorization', await t.login('auditor'));
    expect(dashboard.status).toBe(200);
    const volunteering = dashboard.body.byLine.find(
      (line: { name: string }) => line.name === '社工和志愿服务经费',
    );
    expect(volunteering).toMatchObject({
      budgetFen: 150_000 * YUAN,
      paidFen: 15_000 * YUAN,
      executionRateBp: 1000,
    });
    const longcheng = dashboard.body.byStreet.find((street: { name: string }) => street.name === '龙城街道');
    expect(longcheng).toMatchObject({ awardedFen: 108_000 * YUAN, paidFen: 0, projects: 3 });
    expect(
      (
        await t
          .http()
          .get('/api/ledger/dashboard')
          .set('authorization', await t.login('longcheng'))
      ).status,
    ).toBe(403);
  });
});
