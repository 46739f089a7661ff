import { nationalIdCheckCharacter } from '@xiaoshi/domain';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../support/test-app.js';

const YUAN = 100;
const Q1_TOTAL = 166_320 * YUAN;

/** Downloads a file response as a Buffer. */
function download(request: ReturnType<ReturnType<TestApp['http']>['get']>) {
  return request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** A second finance officer, so that one prepares and another approves (maker–checker). */
async function secondFinanceOfficer(t: TestApp, admin: string): Promise<string> {
  const district = (await t.db.query(`SELECT id FROM org_unit WHERE kind = 'district'`)).rows[0].id;
  const created = await t
    .http()
    .post('/api/users')
    .set('authorization', admin)
    .send({
      username: 'finance2',
      displayName: '复核财务人员（测试）',
      unitId: district,
      roles: ['finance'],
      initialPassword: 'Initial2026pw',
    });
  expect(created.status).toBe(201);
  const first = await t
    .http()
    .post('/api/auth/login')
    .send({ username: 'finance2', password: 'Initial2026pw' });
  const change = await t
    .http()
    .post('/api/auth/change-password')
    .set('authorization', `Bearer ${first.body.accessToken}`)
    .send({ currentPassword: 'Initial2026pw', newPassword: 'Checker2026pw' });
  expect(change.status).toBe(204);
  return t.login('finance2', 'Checker2026pw');
}

describe('the quarterly cycle: street report → district audit → batch once → maker–checker → payroll → paid', () => {
  let t: TestApp;
  const bearer: Record<string, string> = {};
  let monthlyId: number;
  let lineId: number;
  let streets: Array<{ id: number; name: string }>;
  let batchId: number;

  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['admin', 'finance', 'longcheng', 'dounan', 'auditor'])
      bearer[name] = await t.login(name);
    bearer.finance2 = await secondFinanceOfficer(t, bearer.admin);
    const programmes = await t.http().get('/api/stipends/programmes').set('authorization', bearer.admin);
    const monthly = programmes.body.find(
      (programme: { kind: string }) => programme.kind === 'monthly_quarterly',
    );
    monthlyId = monthly.id;
    lineId = monthly.budgetLine.id;
    streets = (await t.db.query(`SELECT id, name FROM org_unit WHERE kind = 'street' ORDER BY id`)).rows;
  });
  afterAll(() => t.close());

  const street = (name: string) => streets.find((candidate) => candidate.name === name)!.id;
  const submit = (who: string, streetId: number, quarter = 1) =>
    t
      .http()
      .post(`/api/stipends/programmes/${monthlyId}/reports`)
      .set('authorization', bearer[who])
      .send({ streetId, year: 2026, quarter });
  const audit = async (
    reportId: number,
    action: 'approve' | 'return',
    body: Record<string, unknown> = {},
  ) => {
    const current = await t
      .http()
      .get(`/api/stipends/reports/${reportId}`)
      .set('authorization', bearer.admin);
    return t
      .http()
      .post(`/api/stipends/reports/${reportId}/${action}`)
      .set('authorization', bearer.admin)
      .send({ version: current.body.version, ...body });
  };
  const generate = (who: string, quarter = 1) =>
    t
      .http()
      .post(`/api/stipends/programmes/${monthlyId}/batches`)
      .set('authorization', bearer[who])
      .send({ year: 2026, quarter });
  const batch = (id: number, who = 'finance') =>
    t.http().get(`/api/stipends/batches/${id}`).set('authorization', bearer[who]);
  const line = async () =>
    (await t.http().get(`/api/budget-lines/${lineId}`).set('authorization', bearer.admin)).body.ledger;

  it('refuses a batch while streets with people have no approved report', async () => {
    const response = await generate('finance');
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('STIPEND_REPORTS_PENDING');
    expect(response.body.fields.streets).toContain('龙城街道');
    const shapeless = await t.http().post(`/api/stipends/programmes/${monthlyId}/batches`).set('authorization', bearer.finance).send({});
    expect(shapeless.status).toBe(400);
    expect(shapeless.body.fields).toHaveProperty('quarter');
    expect((await generate('longcheng')).status).toBe(403);
  });

  it('lets a street report its quarter; the district returns it with a reason, then approves the resubmission', async () => {
    const people = (
      await t.db.query(`SELECT count(*)::int AS n FROM stipend_person WHERE street_id = $1 AND programme_id = $2`, [
        street('龙城街道'),
        monthlyId,
      ])
    ).rows[0].n;
    const first = await submit('longcheng', street('龙城街道'));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'submitted', peopleCount: people, year: 2026, quarter: 1 });
    expect(first.body.changes.every((change: { kind: string }) => change.kind === 'addition')).toBe(true);
    expect(first.body.entries[0].nationalId).toMatch(/\*{8}/);
    expect((await submit('longcheng', street('龙城街道'))).status).toBe(409);
    expect((await submit('longcheng', street('斗南街道'))).status).toBe(404);
    expect(
      (
        await t
          .http()
          .post(`/api/stipends/reports/${first.body.id}/approve`)
          .set('authorization', bearer.longcheng)
          .send({ version: 1 })
      ).status,
    ).toBe(403);

    const noReason = await audit(first.body.id, 'return');
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toHaveProperty('reason');
    const returned = await audit(first.body.id, 'return', { reason: '请核对银行账号' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: '请核对银行账号' });
    const inbox = await t.http().get('/api/notifications').set('authorization', bearer.longcheng);
    expect(
      inbox.body.items.some(
        (n: { kind: string; body: string }) =>
          n.kind === 'stipend_report.returned' && n.body.includes('请核对银行账号'),
      ),
    ).toBe(true);

    const again = await submit('longcheng', street('龙城街道'));
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const approved = await audit(first.body.id, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      auditedBy: '区社会工作部管理员（演示）',
      returnReason: null,
    });
    // Masked for the district too: the clear values are an audited reveal of one person.
    const forDistrict = await t
      .http()
      .get(`/api/stipends/reports/${first.body.id}`)
      .set('authorization', bearer.admin);
    expect(forDistrict.body.entries[0].nationalId).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);

    const ownStatus = await t
      .http()
      .get(`/api/stipends/programmes/${monthlyId}/reports?year=2026&quarter=1`)
      .set('authorization', bearer.longcheng);
    expect(ownStatus.body.map((row: { street: { name: string } }) => row.street.name)).toEqual(['龙城街道']);
    const allStatus = await t
      .http()
      .get(`/api/stipends/programmes/${monthlyId}/reports?year=2026&quarter=1`)
      .set('authorization', bearer.admin);
    expect(allStatus.body).toHaveLength(10);
    expect(
      allStatus.body.find((row: { street: { name: string } }) => row.street.name === '龙城街道'),
    ).toMatchObject({
      dueDate: '2026-03-31',
      report: { status: 'approved' },
    });
    const actions = await t.db.query(
      `SELECT action FROM audit_event WHERE entity_type = 'stipend_street_report'
         AND entity_id IN (SELECT id::text FROM stipend_street_report WHERE programme_id = $1) ORDER BY seq`,
      [monthlyId],
    );
    expect(actions.rows.map((row) => row.action)).toEqual([
      'stipend_report.submit',
      'stipend_report.return',
      'stipend_report.submit',
      'stipend_report.approve',
    ]);
  });

  it('generates the quarter once — ten simultaneous requests make exactly one batch', async () => {
    for (const { id, name } of streets.filter((candidate) => candidate.name !== '龙城街道')) {
      const report = await submit('admin', id);
      expect([name, report.status]).toEqual([name, 201]);
      expect((await audit(report.body.id, 'approve')).status).toBe(200);
    }
    // Autovacuum off for the lines, as when it has not come round yet: the planner's figures on them
    // below are the ones the generation itself left.
    await t.db.query(`ALTER TABLE stipend_batch_line SET (autovacuum_enabled = false)`);
    const plannerRows = async () =>
      (
        await t.db.query(
          `SELECT reltuples::int AS rows, (SELECT count(*)::int FROM stipend_batch_line) AS actual
           FROM pg_class WHERE relname = 'stipend_batch_line'`,
        )
      ).rows[0] as { rows: number; actual: number };
    const plannerBefore = await plannerRows();
    const attempts = await Promise.all(Array.from({ length: 10 }, () => generate('finance')));
    const statuses = attempts.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    expect(
      attempts
        .filter((response) => response.status === 409)
        .every((response) => response.body.code === 'STIPEND_BATCH_EXISTS'),
    ).toBe(true);
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM stipend_batch WHERE programme_id = $1`, [
      monthlyId,
    ]);
    expect(rows.rows[0].n).toBe(1);
    const created = attempts.find((response) => response.status === 201)!.body;
    batchId = created.id;
    expect(created).toMatchObject({
      status: 'prepared',
      totalFen: Q1_TOTAL,
      peopleCount: 84,
      period: '2026Q1',
      preparedBy: '财务人员（演示）',
    });
    expect(created.byStreet.reduce((sum: number, row: { totalFen: number }) => sum + row.totalFen, 0)).toBe(
      Q1_TOTAL,
    );
    expect(
      created.lines.every((row: { months: string[] }) => row.months.join() === '2026-01,2026-02,2026-03'),
    ).toBe(true);
    expect(created.availableActions).toEqual(['reject']);
    // The lines are most of their table: the planner's statistics were refreshed with the batch, so
    // its pages are planned on 84 lines, not on the empty table they were written to.
    const planner = await plannerRows();
    expect(planner.rows).not.toBe(plannerBefore.rows);
    expect(planner.rows).toBe(planner.actual);
    expect(planner.actual).toBe(plannerBefore.actual + 84);
    await t.db.query(`ALTER TABLE stipend_batch_line RESET (autovacuum_enabled)`);
    // The database itself holds one batch per programme and quarter.
    await expect(
      t.db.query(
        `INSERT INTO stipend_batch (programme_id, kind, year, quarter, status, total_fen, people_count, prepared_by_user_id, prepared_at, version)
         SELECT programme_id, kind, year, quarter, 'prepared', total_fen, people_count, prepared_by_user_id, now(), 1 FROM stipend_batch WHERE id = $1`,
        [batchId],
      ),
    ).rejects.toThrow(/uq_stipend_batch_quarter/);
    // Nothing is committed before approval.
    expect((await line()).committedFen).toBe(0);
    // Once batched, the quarter's reports are closed.
    expect((await submit('admin', street('龙城街道'))).status).toBe(409);
  });

  it('needs a second finance officer to approve, and approval commits the total on the budget line', async () => {
    const current = (await batch(batchId)).body;
    const self = await t
      .http()
      .post(`/api/stipends/batches/${batchId}/approve`)
      .set('authorization', bearer.finance)
      .send({ version: current.version });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('STIPEND_SELF_APPROVAL');
    for (const who of ['longcheng', 'auditor', 'admin']) {
      const denied = await t
        .http()
        .post(`/api/stipends/batches/${batchId}/approve`)
        .set('authorization', bearer[who])
        .send({ version: current.version });
      expect(denied.status).toBe(403);
      expect(denied.body.code).toBe('FORBIDDEN');
    }
    const early = await t
      .http()
      .get(`/api/stipends/batches/${batchId}/payroll`)
      .set('authorization', bearer.finance);
    expect(early.status).toBe(409);
    const stale = await t
      .http()
      .post(`/api/stipends/batches/${batchId}/approve`)
      .set('authorization', bearer.finance2)
      .send({ version: current.version + 1 });
    expect(stale.status).toBe(409);
    expect((await batch(batchId, 'finance2')).body.availableActions).toEqual(['approve', 'reject']);
    const approved = await t
      .http()
      .post(`/api/stipends/batches/${batchId}/approve`)
      .set('authorization', bearer.finance2)
      .send({ version: current.version });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: '复核财务人员（测试）' });
    expect(await line()).toMatchObject({
      committedFen: Q1_TOTAL,
      paidFen: 0,
      committedBySource: { stipend: Q1_TOTAL },
    });
    const entries = await t
      .http()
      .get(`/api/budget-lines/${lineId}/ledger`)
      .set('authorization', bearer.admin);
    expect(entries.body).toEqual([
      expect.objectContaining({
        kind: 'commitment',
        source: 'stipend',
        sourceId: batchId,
        amountFen: Q1_TOTAL,
      }),
    ]);
    const twice = await t
      .http()
      .post(`/api/stipends/batches/${batchId}/approve`)
      .set('authorization', bearer.finance2)
      .send({ version: approved.body.version });
    expect(twice.status).toBe(409);
    // The database itself refuses a preparer approving their own batch.
    await expect(
      t.db.query(`UPDATE stipend_batch SET approved_by_user_id = prepared_by_user_id WHERE id = $1`, [
        batchId,
      ]),
    ).rejects.toThrow(/chk_stipend_batch_maker_checker/);
  });

  it('writes the bank payroll with full ID numbers and accounts, yuan with two decimals and totals by street', async () => {
    expect(
      (await t.http().get(`/api/stipends/batches/${batchId}/payroll`).set('authorization', bearer.admin))
        .status,
    ).toBe(403);
    const file = await download(
      t.http().get(`/api/stipends/batches/${batchId}/payroll`).set('authorization', bearer.finance),
    );
    expect(file.status).toBe(200);
    expect(decodeURIComponent(String(file.headers['content-disposition']))).toContain('发放表.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('发放表')!;
    expect(String(sheet.getCell(1, 1).value)).toContain('2026年第1季度');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      '序号',
      '街道',
      '社区',
      '姓名',
      '身份证号',
      '开户银行',
      '银行账号',
      '发放月份',
      '月标准（元）',
      '金额（元）',
      '备注',
    ]);
    const payees: Array<{ id: string; account: string; amount: number }> = [];
    const subtotals = new Map<string, number>();
    let total = 0;
    sheet.eachRow((row, number) => {
      if (number <= 2) return;
      const label = String(row.getCell(2).value);
      if (typeof row.getCell(1).value === 'number') {
        payees.push({
          id: String(row.getCell(5).value),
          account: String(row.getCell(7).value),
          amount: row.getCell(10).value as number,
        });
      } else if (label.endsWith('小计'))
        subtotals.set(label.replace('小计', ''), row.getCell(10).value as number);
      else if (label === '合计') total = row.getCell(10).value as number;
    });
    const stored = await t.db.query(
      `SELECT national_id, bank_account FROM stipend_person WHERE programme_id = $1 ORDER BY national_id`,
      [monthlyId],
    );
    expect(payees.map((payee) => payee.id).sort()).toEqual(stored.rows.map((row) => row.national_id));
    expect(payees.map((payee) => payee.account).sort()).toEqual(
      stored.rows.map((row) => row.bank_account).sort(),
    );
    expect(total).toBe(166_320);
    expect(Math.round(payees.reduce((sum, payee) => sum + payee.amount * 100, 0))).toBe(Q1_TOTAL);
    expect(subtotals.size).toBe(10);
    expect(Math.round([...subtotals.values()].reduce((sum, value) => sum + value * 100, 0))).toBe(Q1_TOTAL);
    expect(sheet.getRow(3).getCell(10).numFmt).toBe('#,##0.00');
    const summary = workbook.getWorksheet('街道汇总')!;
    expect(summary.getRow(summary.rowCount).values).toEqual([undefined, '合计', 84, 166_320]);
    const downloads = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'stipend_batch.payroll_export' AND entity_id = $1`,
      [String(batchId)],
    );
    expect(downloads.rows[0].n).toBe(1);

    // The review copy is not for the bank: masked, and a street sees only its own lines.
    const review = await download(
      t.http().get(`/api/stipends/batches/${batchId}/export`).set('authorization', bearer.longcheng),
    );
    expect(review.status).toBe(200);
    const reviewBook = new ExcelJS.Workbook();
    await reviewBook.xlsx.load(review.body as unknown as ArrayBuffer);
    const reviewSheet = reviewBook.getWorksheet('发放表')!;
    expect(String(reviewSheet.getCell(1, 1).value)).toContain('已脱敏');
    const reviewStreets = new Set<string>();
    reviewSheet.eachRow((row, number) => {
      if (number <= 2 || typeof row.getCell(1).value !== 'number') return;
      reviewStreets.add(String(row.getCell(2).value));
      expect(String(row.getCell(5).value)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(String(row.getCell(7).value)).toMatch(/^\*+\d{4}$/);
    });
    expect([...reviewStreets]).toEqual(['龙城街道']);
    const streetView = await batch(batchId, 'longcheng');
    expect(streetView.body.byStreet.map((row: { street: { name: string } }) => row.street.name)).toEqual([
      '龙城街道',
    ]);
    expect(streetView.body.lines[0].bankAccount).toMatch(/^\*+\d{4}$/);
  });

  it('pages a batch’s lines by keyset in street, community, person order, scoped like the view', async () => {
    const whole = await batch(batchId, 'finance');
    expect(whole.body.lineCount).toBe(whole.body.peopleCount);
    expect(whole.body.lines).toHaveLength(whole.body.peopleCount);
    expect(whole.body.linesNextCursor).toBeNull();
    const walk = async (who: string) => {
      const seen: Array<{ personId: number; street: string; community: string; nationalId: string }> = [];
      let cursor: number | null = 0;
      let pages = 0;
      while (cursor !== null) {
        const page: { status: number; body: { items: typeof seen; nextCursor: number | null } } = await t
          .http()
          .get(`/api/stipends/batches/${batchId}/lines?limit=7&cursor=${cursor}`)
          .set('authorization', bearer[who]);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(7);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
        pages += 1;
      }
      return { seen, pages };
    };
    const { seen, pages } = await walk('finance');
    expect(pages).toBe(Math.ceil(whole.body.peopleCount / 7));
    expect(seen.map((line) => line.personId)).toEqual(whole.body.lines.map((line: { personId: number }) => line.personId));
    expect(new Set(seen.map((line) => line.personId)).size).toBe(seen.length);
    for (const line of seen) expect(line.nationalId).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const street = await walk('longcheng');
    expect(new Set(street.seen.map((line) => line.street))).toEqual(new Set(['龙城街道']));
    const streetView = await batch(batchId, 'longcheng');
    expect(street.seen).toHaveLength(streetView.body.lineCount);
    // Bad paging input is a field-level 400.
    const bad = await t.http().get(`/api/stipends/batches/${batchId}/lines?limit=0`).set('authorization', bearer.finance);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields ?? {})).toContain('limit');
  });

  it("marks the batch paid, paying the commitment, and shows it in each person's payment history", async () => {
    const current = (await batch(batchId)).body;
    expect(current.availableActions).toEqual(['payroll', 'mark_paid']);
    const future = await t
      .http()
      .post(`/api/stipends/batches/${batchId}/mark-paid`)
      .set('authorization', bearer.finance)
      .send({ version: current.version, paidOn: '2099-01-01' });
    expect(future.status).toBe(400);
    const paid = await t
      .http()
      .post(`/api/stipends/batches/${batchId}/mark-paid`)
      .set('authorization', bearer.finance)
      .send({ version: current.version, paidOn: '2026-04-10', reference: '农行代发 2026-0410' });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({
      status: 'paid',
      paidBy: '财务人员（演示）',
      paymentReference: '农行代发 2026-0410',
    });
    expect(await line()).toMatchObject({ committedFen: Q1_TOTAL, paidFen: Q1_TOTAL });
    expect(
      (
        await t
          .http()
          .post(`/api/stipends/batches/${batchId}/mark-paid`)
          .set('authorization', bearer.finance)
          .send({ version: paid.body.version })
      ).status,
    ).toBe(409);
    const person = (
      await t.db.query(
        `SELECT id, monthly_rate_fen::int AS rate FROM stipend_person WHERE street_id = $1 AND programme_id = $2 ORDER BY id LIMIT 1`,
        [street('龙城街道'), monthlyId],
      )
    ).rows[0];
    const history = await t
      .http()
      .get(`/api/stipends/people/${person.id}`)
      .set('authorization', bearer.longcheng);
    expect(history.body.payments).toEqual([
      expect.objectContaining({
        batchId,
        period: '2026Q1',
        batchStatus: 'paid',
        months: ['2026-01', '2026-02', '2026-03'],
        amountFen: person.rate * 3,
      }),
    ]);
    const trail = await t.db.query(
      `SELECT action FROM audit_event WHERE (entity_type = 'stipend_batch' AND entity_id = $1) OR (entity_type = 'budget_line' AND entity_id = $2) ORDER BY seq`,
      [String(batchId), String(lineId)],
    );
    expect(trail.rows.map((row) => row.action)).toEqual([
      'stipend_batch.prepare',
      'ledger.commitment',
      'stipend_batch.approve',
      'stipend_batch.payroll_export',
      'ledger.payment',
      'stipend_batch.mark_paid',
    ]);
  });

  it("reports the next quarter's changes — a bank change, a removal, a death — and pays by month accordingly", async () => {
    const own = (
      await t.db.query(
        `SELECT id, version, monthly_rate_fen::int AS rate FROM stipend_person WHERE street_id = $1 AND programme_id = $2 ORDER BY id LIMIT 3`,
        [street('龙城街道'), monthlyId],
      )
    ).rows;
    const [banked, removed, deceased] = own;
    const edit = (
      id: number,
      path: string,
      body: Record<string, unknown>,
      method: 'patch' | 'post' = 'patch',
    ) =>
      t.http()[method](`/api/stipends/people/${id}${path}`).set('authorization', bearer.longcheng).send(body);
    expect(
      (
        await edit(banked.id, '', {
          bankName: '中国建设银行呈贡支行',
          bankAccount: '6217003860001234567',
          version: banked.version,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await edit(
          removed.id,
          '/remove',
          { effectiveDate: '2026-05-01', reason: '户籍迁出', version: removed.version },
          'post',
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await edit(deceased.id, '', {
          status: 'deceased',
          deathDate: '2026-04-20',
          version: deceased.version,
        })
      ).status,
    ).toBe(200);

    const report = await submit('longcheng', street('龙城街道'), 2);
    expect(report.status).toBe(201);
    const changes = Object.fromEntries(
      report.body.changes.map((change: { kind: string; personId: number }) => [change.personId, change]),
    );
    expect(changes[banked.id]).toMatchObject({
      kind: 'bank_change',
      after: '中国建设银行呈贡支行 ***************4567',
    });
    expect(changes[removed.id]).toMatchObject({
      kind: 'removal',
      effectiveDate: '2026-05-01',
      after: '户籍迁出',
    });
    expect(changes[deceased.id]).toMatchObject({ kind: 'death', effectiveDate: '2026-04-20' });
    expect(report.body.changes).toHaveLength(3);
    expect((await audit(report.body.id, 'approve')).status).toBe(200);
    for (const { id } of streets.filter((candidate) => candidate.name !== '龙城街道')) {
      const other = await submit('admin', id, 2);
      expect(other.body.changes).toEqual([]);
      await audit(other.body.id, 'approve');
    }
    const q2 = await generate('finance', 2);
    expect(q2.status).toBe(201);
    // The removal (from 1 May) and the death (20 April) leave April paid, May and June not.
    expect(q2.body.totalFen).toBe(Q1_TOTAL - 2 * removed.rate - 2 * deceased.rate);
    const lines = Object.fromEntries(q2.body.lines.map((row: { personId: number }) => [row.personId, row]));
    expect(lines[removed.id].months).toEqual(['2026-04']);
    expect(lines[deceased.id].months).toEqual(['2026-04']);
    // Masked on screen for finance too; the batch line keeps the new account for the bank payroll.
    expect(lines[banked.id].bankAccount).toBe('***************4567');
    const frozen = await t.db.query(`SELECT bank_account FROM stipend_batch_line WHERE batch_id = $1 AND person_id = $2`, [
      q2.body.id,
      banked.id,
    ]);
    expect(frozen.rows[0].bank_account).toBe('6217003860001234567');

    // A rejected batch frees its quarter for a corrected one.
    const rejected = await t
      .http()
      .post(`/api/stipends/batches/${q2.body.id}/reject`)
      .set('authorization', bearer.finance2)
      .send({ version: q2.body.version, reason: '复核发现需更正' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '复核发现需更正' });
    const redo = await generate('finance', 2);
    expect(redo.status).toBe(201);
    const history = await t
      .http()
      .get(`/api/stipends/batches?programmeId=${monthlyId}`)
      .set('authorization', bearer.auditor);
    expect(
      history.body.items.map((row: { period: string; status: string }) => [row.period, row.status]),
    ).toEqual([
      ['2026Q2', 'prepared'],
      ['2026Q2', 'rejected'],
      ['2026Q1', 'paid'],
    ]);
  });
});

describe('the one-off departure subsidy after a 两委 election', () => {
  let t: TestApp;
  const bearer: Record<string, string> = {};
  let oneOffId: number;
  let monthlyId: number;
  let lineId: number;
  const ELECTION = '2024-01-15';

  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['admin', 'finance', 'longcheng', 'dounan']) bearer[name] = await t.login(name);
    bearer.finance2 = await secondFinanceOfficer(t, bearer.admin);
    const programmes = (await t.http().get('/api/stipends/programmes').set('authorization', bearer.admin))
      .body;
    monthlyId = programmes.find((programme: { kind: string }) => programme.kind === 'monthly_quarterly').id;
    const oneOff = programmes.find((programme: { kind: string }) => programme.kind === 'one_off');
    oneOffId = oneOff.id;
    lineId = oneOff.budgetLine.id;
    const community = async (name: string) =>
      (await t.db.query(`SELECT id FROM org_unit WHERE name = $1`, [name])).rows[0].id as number;
    const cadres = [
      // 一肩挑, one full five-year term → 1 month.
      {
        name: '离任甲',
        id: '53011419650101001',
        community: '龙街社区',
        normal: true,
        posts: [{ post: 'secretary_and_director', termStart: '2019-01-15', termEnd: ELECTION }],
      },
      // 主任 for a three-year term (elected 2016) and a five-year one (2019) → 2 months at 2,200.
      {
        name: '离任乙',
        id: '53011419660202002',
        community: '斗南社区',
        normal: true,
        posts: [
          { post: 'director', termStart: '2016-01-15', termEnd: '2019-01-15' },
          { post: 'director', termStart: '2019-01-15', termEnd: ELECTION },
        ],
      },
      // 副主任 since 2021: the term is not full → nothing.
      {
        name: '离任丙',
        id: '53011419670303003',
        community: '文华社区',
        normal: true,
        posts: [{ post: 'deputy_director', termStart: '2021-03-01', termEnd: ELECTION }],
      },
      // Left, but not normally: not listed at all.
      {
        name: '离任丁',
        id: '53011419680404004',
        community: '龙街社区',
        normal: false,
        posts: [{ post: 'supervisory_director', termStart: '2019-01-15', termEnd: ELECTION }],
      },
    ];
    for (const cadre of cadres) {
      const created = await t
        .http()
        .post(`/api/stipends/programmes/${monthlyId}/people`)
        .set('authorization', bearer.admin)
        .send({
          name: cadre.name,
          nationalId: cadre.id + nationalIdCheckCharacter(cadre.id),
          communityId: await community(cadre.community),
          departureDate: ELECTION,
          normalDeparture: cadre.normal,
          monthlyRateFen: 660 * YUAN,
          bankName: '中国农业银行昆明呈贡支行',
          bankAccount: `62284800100${cadre.id.slice(-8)}`,
          posts: cadre.posts,
        });
      expect(created.status).toBe(201);
    }
  });
  afterAll(() => t.close());

  const compute = (who: string, electionDate = ELECTION) =>
    t
      .http()
      .get(`/api/stipends/programmes/${oneOffId}/departure-subsidies?electionDate=${electionDate}`)
      .set('authorization', bearer[who]);

  it('lists the normal departures and computes each from the rule table, with the variance against the line', async () => {
    const response = await compute('admin');
    expect(response.status).toBe(200);
    const byName = Object.fromEntries(
      response.body.people.map((person: { name: string }) => [person.name, person]),
    );
    expect(Object.keys(byName).sort()).toEqual(['离任丙', '离任乙', '离任甲']);
    expect(byName['离任甲']).toMatchObject({
      eligible: true,
      highestPost: 'secretary_and_director',
      fullTerms: 1,
      months: 1,
      amountFen: 2_400 * YUAN,
    });
    expect(byName['离任乙']).toMatchObject({
      eligible: true,
      highestPost: 'director',
      fullTerms: 2,
      months: 2,
      amountFen: 4_400 * YUAN,
    });
    expect(byName['离任丙']).toMatchObject({ eligible: false, amountFen: 0 });
    expect(byName['离任丙'].reasons.join()).toContain('不满一届');
    expect(response.body).toMatchObject({
      eligibleCount: 2,
      totalFen: 6_800 * YUAN,
      ruleVersion: { documentNumber: '呈组通〔2018〕88号' },
      budget: { adjustedBudgetFen: 2_000_000 * YUAN, availableFen: 2_000_000 * YUAN },
      varianceFen: (2_000_000 - 6_800) * YUAN,
    });
    const street = await compute('longcheng');
    expect(street.body.people.map((person: { name: string }) => person.name).sort()).toEqual([
      '离任丙',
      '离任甲',
    ]);
    expect(street.body.people[0].nationalId).toMatch(/\*{8}/);
    // A date-stamped rule version changes the rates for departures from its effective date.
    const rules = (
      await t.http().get(`/api/stipends/programmes/${oneOffId}`).set('authorization', bearer.admin)
    ).body.ruleVersions[0].rules;
    const { documentNumber: _number, effectiveFrom: _from, ...table } = rules;
    const version = await t
      .http()
      .post(`/api/stipends/programmes/${oneOffId}/rule-versions`)
      .set('authorization', bearer.admin)
      .send({
        documentNumber: '呈组通〔2024〕1号（测试）',
        effectiveFrom: '2024-01-01',
        rules: { ...table, monthlyRates: { ...table.monthlyRates, secretary_and_director: 260_000 } },
      });
    expect(version.status).toBe(201);
    const badVersion = await t
      .http()
      .post(`/api/stipends/programmes/${oneOffId}/rule-versions`)
      .set('authorization', bearer.admin)
      .send({
        documentNumber: 'x',
        effectiveFrom: '2024-02-01',
        rules: { monthRule: 'whole_month_if_active_on_first_day' },
      });
    expect(badVersion.status).toBe(400);
    expect(Object.keys(badVersion.body.fields).every((field) => field.startsWith('rules.'))).toBe(true);
    const after = await compute('admin');
    expect(after.body).toMatchObject({
      totalFen: 7_000 * YUAN,
      ruleVersion: { documentNumber: '呈组通〔2024〕1号（测试）' },
    });
  });

  it('prepares, approves (another officer) and pays the subsidy against its line, once per person', async () => {
    const generate = (electionDate: string) =>
      t
        .http()
        .post(`/api/stipends/programmes/${oneOffId}/batches`)
        .set('authorization', bearer.finance)
        .send({ electionDate });
    const wrongShape = await t
      .http()
      .post(`/api/stipends/programmes/${oneOffId}/batches`)
      .set('authorization', bearer.finance)
      .send({ year: 2024, quarter: 1 });
    expect(wrongShape.status).toBe(400);
    const prepared = await generate(ELECTION);
    expect(prepared.status).toBe(201);
    expect(prepared.body).toMatchObject({
      kind: 'one_off',
      status: 'prepared',
      totalFen: 7_000 * YUAN,
      peopleCount: 2,
      electionDate: ELECTION,
    });
    // A one-off subsidy pays no calendar months: its lines carry none (not one empty month).
    expect(prepared.body.lines.map((line: { months: string[] }) => line.months)).toEqual([[], []]);
    expect((await generate(ELECTION)).body.code).toBe('STIPEND_BATCH_EXISTS');
    const self = await t
      .http()
      .post(`/api/stipends/batches/${prepared.body.id}/approve`)
      .set('authorization', bearer.finance)
      .send({ version: prepared.body.version });
    expect(self.body.code).toBe('STIPEND_SELF_APPROVAL');
    const approved = await t
      .http()
      .post(`/api/stipends/batches/${prepared.body.id}/approve`)
      .set('authorization', bearer.finance2)
      .send({ version: prepared.body.version });
    expect(approved.status).toBe(200);
    const ledger = async () =>
      (await t.http().get(`/api/budget-lines/${lineId}`).set('authorization', bearer.admin)).body.ledger;
    expect(await ledger()).toMatchObject({ committedFen: 7_000 * YUAN, paidFen: 0 });
    const paid = await t
      .http()
      .post(`/api/stipends/batches/${prepared.body.id}/mark-paid`)
      .set('authorization', bearer.finance2)
      .send({ version: approved.body.version });
    expect(paid.status).toBe(200);
    expect(await ledger()).toMatchObject({ committedFen: 7_000 * YUAN, paidFen: 7_000 * YUAN });

    const payroll = await download(
      t.http().get(`/api/stipends/batches/${prepared.body.id}/payroll`).set('authorization', bearer.finance),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(payroll.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('发放表')!;
    expect(sheet.getRow(3).getCell(8).value).toBe('一次性');
    expect(String(sheet.getRow(3).getCell(11).value)).toContain('连续任满');

    // A neighbouring election date finds the same people already paid: nothing to pay twice.
    const recompute = await compute('admin', '2024-01-14');
    expect(
      recompute.body.people.filter(
        (person: { alreadyPaidInBatchId: number | null }) => person.alreadyPaidInBatchId === prepared.body.id,
      ),
    ).toHaveLength(2);
    expect(recompute.body.totalFen).toBe(0);
    const empty = await generate('2024-01-14');
    expect(empty.status).toBe(409);
    expect(empty.body.code).toBe('STIPEND_BATCH_EMPTY');
  });
});
