import { BUILDING_LEADER_COLUMNS, nationalIdCheckCharacter } from '@xiaoshi/domain';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Building leaders' (楼栋长) quarterly work fund on the stipend engine (issue 15): the seeded demo
 * programme and its paid third quarter, the import template and its row-level errors, street
 * scope, masking with the audited reveal, and a full fourth quarter — a new rate table, a leader
 * who joins and one who leaves mid-quarter, a household change, street reports, the district's
 * audit, one batch however many requests race for it, maker–checker, payroll and payment.
 */
const YUAN = 100;

function validId(first17: string): string {
  return first17 + nationalIdCheckCharacter(first17);
}

function download(request: ReturnType<ReturnType<TestApp['http']>['get']>) {
  return request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

type Cell = string | number | null;

/** A roster in the template's columns; ID and account cells as the caller gives them. */
async function leaderXlsx(rows: Array<Record<string, Cell>>): Promise<Buffer> {
  const headers = BUILDING_LEADER_COLUMNS.map((column) => column.header);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('楼栋长名册');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function leaderRow(name: string, nationalId: Cell, community: string, overrides: Record<string, Cell> = {}) {
  return {
    所属社区: community,
    楼栋: '测试小区1栋',
    负责楼栋数: 1,
    负责单元: '1—2单元',
    覆盖户数: 80,
    姓名: name,
    身份证号: nationalId,
    联系电话: '13800001111',
    开户银行: '中国建设银行呈贡支行',
    银行账号: '6217003860009876543',
    任职起始日期: '2025-05-01',
    任职结束日期: null,
    ...overrides,
  };
}

describe('building leaders: the seeded programme, the template and the roster', () => {
  let t: TestApp;
  const bearer: Record<string, string> = {};
  let programmeId: number;

  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['admin', 'finance', 'checker', 'longcheng', 'dounan', 'auditor']) bearer[name] = await t.login(name);
    const programmes = await t.http().get('/api/stipends/programmes').set('authorization', bearer.longcheng);
    programmeId = programmes.body.find((programme: { rosterKind: string }) => programme.rosterKind === 'building_leader').id;
  });
  afterAll(() => t.close());

  const upload = (who: string, bytes: Buffer) =>
    t
      .http()
      .post(`/api/stipends/programmes/${programmeId}/roster-imports`)
      .set('authorization', bearer[who])
      .attach('file', bytes, '楼栋长名册.xlsx');
  const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM stipend_person WHERE programme_id = $1`, [programmeId])).rows[0].n;

  it('seeds a building-leader programme with 演示 rates and its third quarter of 2026 paid, prorated by month', async () => {
    const programme = await t.http().get(`/api/stipends/programmes/${programmeId}`).set('authorization', bearer.admin);
    expect(programme.body).toMatchObject({ kind: 'monthly_quarterly', rosterKind: 'building_leader', isDemo: true });
    expect(programme.body.ruleVersions[0]).toMatchObject({
      documentNumber: '呈社建办通〔2020〕6号',
      effectiveFrom: '2026-01-01',
      rules: { demo: true, rates: { basis: 'household_band' } },
    });
    const batches = await t.http().get(`/api/stipends/batches?programmeId=${programmeId}`).set('authorization', bearer.finance);
    expect(batches.body.items).toHaveLength(1);
    const batch = await t.http().get(`/api/stipends/batches/${batches.body.items[0].id}`).set('authorization', bearer.finance);
    // Ten leaders the whole quarter (1,450 元 a month), one who left on 15 August (200 元: July and
    // August) and one who started on 20 July (200 元: August and September).
    expect(batch.body).toMatchObject({ period: '2026Q3', status: 'paid', peopleCount: 12, totalFen: 5_150 * YUAN });
    const byName = Object.fromEntries(batch.body.lines.map((line: { name: string }) => [line.name, line]));
    expect(byName['张演示楼栋长'].months).toEqual(['2026-07', '2026-08']);
    expect(byName['孙演示楼栋长'].months).toEqual(['2026-08', '2026-09']);
    expect(byName['李演示楼栋长']).toMatchObject({ monthlyRateFen: 100 * YUAN, amountFen: 300 * YUAN });
    expect(batch.body.preparedBy).not.toBe(batch.body.approvedBy);
    const line = await t.http().get(`/api/budget-lines/${programme.body.budgetLine.id}`).set('authorization', bearer.admin);
    expect(line.body.ledger).toMatchObject({ committedFen: 5_150 * YUAN, paidFen: 5_150 * YUAN });
  });

  it('offers a template whose data sheet holds only headers, with ID, account and phone columns formatted as text', async () => {
    const file = await download(
      t.http().get(`/api/stipends/programmes/${programmeId}/roster-template`).set('authorization', bearer.longcheng),
    );
    expect(file.status).toBe(200);
    expect(decodeURIComponent(String(file.headers['content-disposition']))).toContain('楼栋长名册模板.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['楼栋长名册', '说明']);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(BUILDING_LEADER_COLUMNS.map((column) => column.header));
    expect(sheet.actualRowCount).toBe(1);
    for (const key of ['nationalId', 'bankAccount', 'phone']) {
      const column = BUILDING_LEADER_COLUMNS.findIndex((candidate) => candidate.key === key) + 1;
      expect([key, sheet.getColumn(column).numFmt]).toEqual([key, '@']);
      expect([key, sheet.getCell(2, column).numFmt, sheet.getCell(501, column).numFmt]).toEqual([key, '@', '@']);
    }
    const help = workbook.getWorksheet('说明')!;
    const idRow = help.getRows(2, help.rowCount)!.find((row) => row.getCell(1).value === '身份证号')!;
    expect(idRow.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(String(idRow.getCell(3).value)).toMatch(/^\d{17}[\dX]$/);
    expect(idRow.getCell(3).numFmt).toBe('@');
    const communityRow = help.getRows(2, help.rowCount)!.find((row) => row.getCell(1).value === '所属社区')!;
    expect(communityRow.getCell(3).value).toBe('龙街社区');

    const before = await count();
    const unchanged = await upload('longcheng', file.body as Buffer);
    expect(unchanged.status).toBe(400);
    expect(unchanged.body.fields.file).toContain('说明');
    expect(await count()).toBe(before);
  });

  it('refuses a sheet with row-level errors, writing nothing; fixed, it imports; again, nothing changes; an end date stops pay', async () => {
    const before = await count();
    const good = validId('53011419820405031');
    const bad = await upload(
      'longcheng',
      await leaderXlsx([
        leaderRow('导入甲', good, '龙街社区'),
        // An 18-digit ID typed as a number has lost its last digits (what a spreadsheet stores).
        leaderRow('导入乙', Number('530114198204050310'), '文华社区'),
        leaderRow('导入丙', validId('53011419790101022').slice(0, 17) + 'X', '斗南社区', { 联系电话: '12345' }),
      ]),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('STIPEND_IMPORT_REJECTED');
    expect(Object.keys(bad.body.fields).sort()).toEqual(['rows.3.身份证号', 'rows.4.所属社区', 'rows.4.联系电话', 'rows.4.身份证号'].sort());
    expect(bad.body.fields['rows.3.身份证号']).toContain('文本');
    expect(await count()).toBe(before);

    const rows = [leaderRow('导入甲', good, '龙街社区'), leaderRow('导入乙', validId('53011419820405040'), '文华社区')];
    const imported = await upload('longcheng', await leaderXlsx(rows));
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0 });
    expect(await count()).toBe(before + 2);
    const again = await upload('longcheng', await leaderXlsx(rows));
    expect(again.body).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2 });

    const ended = await upload('longcheng', await leaderXlsx([{ ...rows[0], 任职结束日期: '2026-11-30', 覆盖户数: 130 }, rows[1]]));
    expect(ended.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const stored = await t.db.query(
      `SELECT p.removed_on::text AS removed_on, p.monthly_rate_fen::int AS rate, b.households, b.phone
       FROM stipend_person p JOIN stipend_building_leader b ON b.person_id = p.id WHERE p.national_id = $1`,
      [good],
    );
    // The rate follows the household band of the table in force (130 households: 200 元).
    expect(stored.rows[0]).toEqual({ removed_on: '2026-12-01', rate: 200 * YUAN, households: 130, phone: '13800001111' });
  });

  it("keeps each street to its own leaders, whatever id, filter or sheet it sends", async () => {
    const list = (who: string, query = '') =>
      t.http().get(`/api/stipends/people?programmeId=${programmeId}&limit=200${query}`).set('authorization', bearer[who]);
    const own = await list('longcheng');
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(new Set(own.body.items.map((person: { street: { name: string } }) => person.street.name))).toEqual(new Set(['龙城街道']));
    const dounanStreet = (await t.db.query(`SELECT id FROM org_unit WHERE name = '斗南街道'`)).rows[0].id;
    expect((await list('longcheng', `&streetId=${dounanStreet}`)).body.items).toEqual([]);
    const foreign = (
      await t.db.query(`SELECT id, version, national_id FROM stipend_person WHERE programme_id = $1 AND street_id = $2 LIMIT 1`, [
        programmeId,
        dounanStreet,
      ])
    ).rows[0];
    expect((await t.http().get(`/api/stipends/people/${foreign.id}`).set('authorization', bearer.longcheng)).status).toBe(404);
    const tamper = await t
      .http()
      .patch(`/api/stipends/building-leaders/${foreign.id}`)
      .set('authorization', bearer.longcheng)
      .send({ households: 999, version: foreign.version });
    expect(tamper.status).toBe(404);
    // Naming another street's leader in a sheet is refused, not a silent move.
    const moved = await upload('longcheng', await leaderXlsx([leaderRow('越界', foreign.national_id, '龙街社区')]));
    expect(moved.status).toBe(400);
    expect(Object.values(moved.body.fields).join()).toContain('其他街道');
    // A cadre roster's edit route refuses a building leader.
    const own0 = own.body.items[0];
    const viaCadre = await t
      .http()
      .patch(`/api/stipends/people/${own0.id}`)
      .set('authorization', bearer.longcheng)
      .send({ departureDate: '2020-01-01', version: own0.version });
    expect(viaCadre.status).toBe(400);
  });

  it('masks ID numbers, accounts and phones for everyone; admins and finance reveal one leader, audited; streets may not', async () => {
    for (const who of ['longcheng', 'auditor', 'admin', 'finance']) {
      const response = await t.http().get(`/api/stipends/people?programmeId=${programmeId}&limit=50`).set('authorization', bearer[who]);
      expect(response.status).toBe(200);
      for (const person of response.body.items) {
        expect(person.nationalId).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
        expect(person.bankAccount).toMatch(/^\*+\d{4}$/);
        expect(person.building.phone).toMatch(/^\d{3}\*+\d{4}$/);
      }
    }
    const target = (
      await t.db.query(
        `SELECT p.id, p.national_id, p.bank_account, b.phone FROM stipend_person p JOIN stipend_building_leader b ON b.person_id = p.id
         WHERE p.programme_id = $1 ORDER BY p.id LIMIT 1`,
        [programmeId],
      )
    ).rows[0];
    const revealed = await t.http().post(`/api/stipends/people/${target.id}/reveal`).set('authorization', bearer.finance);
    expect(revealed.status).toBe(200);
    expect(revealed.body).toMatchObject({ nationalId: target.national_id, bankAccount: target.bank_account, phone: target.phone });
    expect((await t.http().post(`/api/stipends/people/${target.id}/reveal`).set('authorization', bearer.longcheng)).status).toBe(403);
    const audit = await t.db.query(
      `SELECT actor_username, after FROM audit_event WHERE action = 'stipend_person.reveal' AND entity_id = $1`,
      [String(target.id)],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].actor_username).toBe('finance');
    expect(audit.rows[0].after.fields).toEqual(['nationalId', 'birthDate', 'bankAccount', 'phone']);
    expect(JSON.stringify(audit.rows[0].after)).not.toContain(target.national_id);
  });

  it('refuses a rate table that leaves households without a rate', async () => {
    const response = await t
      .http()
      .post(`/api/stipends/programmes/${programmeId}/rule-versions`)
      .set('authorization', bearer.admin)
      .send({
        documentNumber: '测试〔2026〕1号',
        effectiveFrom: '2027-01-01',
        rules: { monthRule: 'start_next_month_end_month_inclusive', rates: { basis: 'household_band', bands: [{ maxHouseholds: 80, monthlyRateFen: 10_000 }] } },
      });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['rules.rates.bands.0.maxHouseholds']);
  });
});

describe('building leaders: a full quarter on the stipend engine', () => {
  let t: TestApp;
  const bearer: Record<string, string> = {};
  let programmeId: number;
  let lineId: number;
  const leader = async (name: string) =>
    (await t.db.query(`SELECT id, version FROM stipend_person WHERE name = $1`, [name])).rows[0] as { id: number; version: number };

  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['admin', 'finance', 'checker', 'longcheng', 'dounan']) bearer[name] = await t.login(name);
    const programmes = await t.http().get('/api/stipends/programmes').set('authorization', bearer.admin);
    const programme = programmes.body.find((candidate: { rosterKind: string }) => candidate.rosterKind === 'building_leader');
    programmeId = programme.id;
    lineId = programme.budgetLine.id;
  });
  afterAll(() => t.close());

  it('pays the fourth quarter from the table in force on its first day, prorating joiners and leavers, once', async () => {
    // The district raises its rates from 1 October (演示).
    const rates = await t
      .http()
      .post(`/api/stipends/programmes/${programmeId}/rule-versions`)
      .set('authorization', bearer.admin)
      .send({
        documentNumber: '呈社建办通〔2026〕演示1号',
        effectiveFrom: '2026-10-01',
        rules: {
          monthRule: 'start_next_month_end_month_inclusive',
          demo: true,
          rates: {
            basis: 'household_band',
            bands: [
              { maxHouseholds: 60, monthlyRateFen: 120 * 100 },
              { maxHouseholds: 120, monthlyRateFen: 180 * 100 },
              { maxHouseholds: null, monthlyRateFen: 240 * 100 },
            ],
          },
        },
      });
    expect(rates.status).toBe(201);
    const quote = await t
      .http()
      .get(`/api/stipends/programmes/${programmeId}/building-leader-rate?date=2026-10-01&buildingCount=1&households=70`)
      .set('authorization', bearer.longcheng);
    expect(quote.body).toMatchObject({ monthlyRateFen: 180 * YUAN, bandIndex: 1, ruleVersion: { effectiveFrom: '2026-10-01', demo: true } });

    // A new leader from 12 October (paid from November), one leaving on 15 November, one more household band.
    const wenhua = (await t.db.query(`SELECT id FROM org_unit WHERE name = '文华社区'`)).rows[0].id;
    const created = await t
      .http()
      .post(`/api/stipends/programmes/${programmeId}/building-leaders`)
      .set('authorization', bearer.longcheng)
      .send({
        communityId: wenhua,
        buildings: '文华小区7栋',
        buildingCount: 1,
        households: 70,
        name: '新任楼栋长',
        nationalId: validId('53011419860912002'),
        phone: '0871-63541234',
        bankName: '中国工商银行呈贡支行',
        bankAccount: '6222020200112345678',
        startDate: '2026-10-12',
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ eligibleFrom: '2026-10-12', monthlyRateFen: 180 * YUAN, building: { phone: '087*****1234' } });

    const leaving = await leader('赵演示楼栋长');
    const removed = await t
      .http()
      .post(`/api/stipends/people/${leaving.id}/remove`)
      .set('authorization', bearer.dounan)
      .send({ effectiveDate: '2026-11-16', reason: '搬离小区', version: leaving.version });
    expect(removed.status).toBe(200);
    const grown = await leader('王演示楼栋长');
    const edited = await t
      .http()
      .patch(`/api/stipends/building-leaders/${grown.id}`)
      .set('authorization', bearer.longcheng)
      .send({ households: 130, version: grown.version });
    expect(edited.status).toBe(200);
    expect(edited.body.building.households).toBe(130);

    // Batches wait for the district's audit of every street with leaders.
    const early = await t.http().post(`/api/stipends/programmes/${programmeId}/batches`).set('authorization', bearer.finance).send({ year: 2026, quarter: 4 });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('STIPEND_REPORTS_PENDING');

    const streets = (await t.db.query(`SELECT id, name FROM org_unit WHERE name IN ('龙城街道', '斗南街道') ORDER BY id`)).rows;
    for (const [who, street] of [
      ['longcheng', streets.find((row) => row.name === '龙城街道')],
      ['dounan', streets.find((row) => row.name === '斗南街道')],
    ] as const) {
      const report = await t
        .http()
        .post(`/api/stipends/programmes/${programmeId}/reports`)
        .set('authorization', bearer[who])
        .send({ streetId: street.id, year: 2026, quarter: 4 });
      expect(report.status).toBe(201);
      if (who === 'longcheng') {
        // The changes since the approved third quarter: the new leader and the new rates.
        const kinds = report.body.changes.map((change: { kind: string; name: string }) => `${change.kind}:${change.name}`);
        expect(kinds).toContain('addition:新任楼栋长');
        expect(kinds).toContain('rate_change:王演示楼栋长');
        const wang = report.body.changes.find((change: { kind: string; name: string }) => change.name === '王演示楼栋长');
        expect([wang.before, wang.after]).toEqual(['150.00 元/月', '240.00 元/月']);
        expect(report.body.entries.every((entry: { nationalId: string }) => /\*{8}/.test(entry.nationalId))).toBe(true);
      }
      const approved = await t
        .http()
        .post(`/api/stipends/reports/${report.body.id}/approve`)
        .set('authorization', bearer.admin)
        .send({ version: report.body.version });
      expect(approved.status).toBe(200);
    }

    // Ten simultaneous requests: one batch.
    const attempts = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http().post(`/api/stipends/programmes/${programmeId}/batches`).set('authorization', bearer.finance).send({ year: 2026, quarter: 4 }),
      ),
    );
    expect(attempts.map((response) => response.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect(attempts.filter((response) => response.status === 409).every((response) => response.body.code === 'STIPEND_BATCH_EXISTS')).toBe(true);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM stipend_batch WHERE programme_id = $1 AND year = 2026 AND quarter = 4`, [programmeId]))
        .rows[0].n,
    ).toBe(1);
    const batch = attempts.find((response) => response.status === 201)!.body;
    // Ten leaders all quarter at the new rates (1,920 元 a month), the leaver for October and
    // November (2 × 120), the new leader for November and December (2 × 180): 6,360 元.
    expect(batch).toMatchObject({ period: '2026Q4', peopleCount: 12, totalFen: 6_360 * YUAN });
    const lines = Object.fromEntries(batch.lines.map((line: { name: string }) => [line.name, line]));
    expect(lines['赵演示楼栋长'].months).toEqual(['2026-10', '2026-11']);
    expect(lines['新任楼栋长'].months).toEqual(['2026-11', '2026-12']);
    expect(lines['王演示楼栋长']).toMatchObject({ monthlyRateFen: 240 * YUAN, amountFen: 720 * YUAN });
    expect(lines['张演示楼栋长']).toBeUndefined();

    // Maker–checker, then the ledger, the bank's payroll and payment.
    const self = await t.http().post(`/api/stipends/batches/${batch.id}/approve`).set('authorization', bearer.finance).send({ version: batch.version });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('STIPEND_SELF_APPROVAL');
    const approved = await t.http().post(`/api/stipends/batches/${batch.id}/approve`).set('authorization', bearer.checker).send({ version: batch.version });
    expect(approved.status).toBe(200);
    const ledger = async () => (await t.http().get(`/api/budget-lines/${lineId}`).set('authorization', bearer.admin)).body.ledger;
    expect(await ledger()).toMatchObject({ committedFen: (5_150 + 6_360) * YUAN, paidFen: 5_150 * YUAN });

    const payroll = await download(t.http().get(`/api/stipends/batches/${batch.id}/payroll`).set('authorization', bearer.finance));
    expect(payroll.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(payroll.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('发放表')!;
    const newcomer = sheet.getRows(3, sheet.rowCount)!.find((row) => row.getCell(4).value === '新任楼栋长')!;
    expect(newcomer.getCell(5).value).toBe(validId('53011419860912002'));
    expect(newcomer.getCell(5).numFmt).toBe('@');
    expect(newcomer.getCell(11).value).toBe('文华小区7栋，70户');
    expect(newcomer.getCell(10).value).toBe(360);

    const paid = await t
      .http()
      .post(`/api/stipends/batches/${batch.id}/mark-paid`)
      .set('authorization', bearer.finance)
      .send({ version: approved.body.version, paidOn: '2026-12-02', reference: 'YH-TEST-Q4' });
    expect(paid.status).toBe(200);
    expect(await ledger()).toMatchObject({ committedFen: (5_150 + 6_360) * YUAN, paidFen: (5_150 + 6_360) * YUAN });
    // Once batched, the quarter's reports are closed.
    const late = await t
      .http()
      .post(`/api/stipends/programmes/${programmeId}/reports`)
      .set('authorization', bearer.longcheng)
      .send({ streetId: streets.find((row) => row.name === '龙城街道').id, year: 2026, quarter: 4 });
    expect(late.status).toBe(409);
  });
});
