import { ROSTER_COLUMNS, nationalIdCheckCharacter } from '@xiaoshi/domain';
import ExcelJS from 'exceljs';
import { StipendReminderHandler } from '../../apps/api/src/modules/stipends/stipend-reminder.handler.js';
import { pdfBytes } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const YUAN = 100;

/** A made-up but valid ID number (GB 11643 check character). */
function validId(first17: string): string {
  return first17 + nationalIdCheckCharacter(first17);
}

/** The same with a wrong check character. */
function badId(first17: string): string {
  const right = nationalIdCheckCharacter(first17);
  return first17 + (right === '1' ? '2' : '1');
}

type Cell = string | number | Date | null;

async function rosterXlsx(
  rows: Array<Record<string, Cell>>,
  headers = ROSTER_COLUMNS.map((column) => column.header),
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Downloads a file response as a Buffer. */
function download(request: ReturnType<ReturnType<TestApp['http']>['get']>) {
  return request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

function row(name: string, nationalId: string, community: string, overrides: Record<string, Cell> = {}) {
  return {
    姓名: name,
    身份证号: nationalId,
    所属社区: community,
    曾任职务: '居委会副主任',
    任职起始日期: '2016-03-15',
    任职结束日期: '2021-01-10',
    离任日期: '2021-01-10',
    离任类型: '正常离任',
    '月补助标准（元）': '650',
    开户银行: '中国农业银行昆明呈贡支行',
    银行账号: '6228480010012345678',
    状态: '在册',
    死亡日期: null,
    ...overrides,
  };
}

describe('stipend rosters: seed totals, street scope, masking and the all-or-nothing import', () => {
  let t: TestApp;
  const bearer: Record<string, string> = {};
  let monthlyId: number;

  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['admin', 'finance', 'longcheng', 'dounan', 'auditor', 'community'])
      bearer[name] = await t.login(name);
    const programmes = await t.http().get('/api/stipends/programmes').set('authorization', bearer.admin);
    expect(programmes.status).toBe(200);
    monthlyId = programmes.body.find(
      (programme: { kind: string }) => programme.kind === 'monthly_quarterly',
    ).id;
  });
  afterAll(() => t.close());

  const people = (who: string, query = '') =>
    t
      .http()
      .get(`/api/stipends/people?programmeId=${monthlyId}&limit=200${query}`)
      .set('authorization', bearer[who]);

  it('seeds seed 002: two programmes on its budget lines, with the rule table as versioned data', async () => {
    const response = await t.http().get('/api/stipends/programmes').set('authorization', bearer.admin);
    expect(
      response.body.map((programme: { name: string; kind: string; budgetLine: { name: string } }) => [
        programme.kind,
        programme.budgetLine.name,
      ]),
    ).toEqual([
      ['monthly_quarterly', '正常离任社区干部生活补贴'],
      ['one_off', '社区干部离任一次性补助'],
      // Seed 000's building leaders' fund (issue 15) runs on the same engine, on its own demo line.
      ['monthly_quarterly', '楼栋长季度工作经费（演示）'],
    ]);
    expect(response.body.map((programme: { rosterKind: string }) => programme.rosterKind)).toEqual([
      'retired_cadre',
      'retired_cadre',
      'building_leader',
    ]);
    const oneOff = response.body[1];
    expect(oneOff.rosterProgrammeId).toBe(monthlyId);
    expect(oneOff.ruleVersions[0]).toMatchObject({
      documentNumber: '呈组通〔2018〕88号',
      effectiveFrom: '2018-01-01',
    });
    expect(oneOff.ruleVersions[0].rules.monthlyRates).toMatchObject({
      secretary_and_director: 240_000,
      secretary: 220_000,
      deputy_director: 210_000,
      committee_member: null,
    });
  });

  it('gives exactly 665,280 元 for 2026 and 166,320 元 for a quarter from the 84 demo retirees', async () => {
    const year = await t
      .http()
      .get(`/api/stipends/programmes/${monthlyId}/preview?year=2026`)
      .set('authorization', bearer.admin);
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({ totalFen: 665_280 * YUAN, people: 84, personMonths: 84 * 12 });
    expect(year.body.byQuarter.map((quarter: { totalFen: number }) => quarter.totalFen)).toEqual(
      Array(4).fill(166_320 * YUAN),
    );
    const q1 = await t
      .http()
      .get(`/api/stipends/programmes/${monthlyId}/preview?year=2026&quarter=1`)
      .set('authorization', bearer.finance);
    expect(q1.body).toMatchObject({
      totalFen: 166_320 * YUAN,
      people: 84,
      personMonths: 84 * 3,
      quarters: [1],
    });
    expect(
      q1.body.byStreet.reduce((sum: number, street: { totalFen: number }) => sum + street.totalFen, 0),
    ).toBe(166_320 * YUAN);
    const labelled = await t.db.query(
      `SELECT count(*)::int AS n, bool_and(is_demo) AS demo, avg(monthly_rate_fen)::int AS average FROM stipend_person WHERE programme_id = $1`,
      [monthlyId],
    );
    expect(labelled.rows[0]).toEqual({ n: 84, demo: true, average: 660 * YUAN });
  });

  it("shows a street officer only their own street's people, whatever id or filter they send", async () => {
    const own = await people('longcheng');
    expect(own.status).toBe(200);
    const expected = await t.db.query(
      `SELECT count(*)::int AS n FROM stipend_person p JOIN org_unit s ON s.id = p.street_id WHERE s.name = '龙城街道' AND p.programme_id = $1`,
      [monthlyId],
    );
    expect(own.body.items).toHaveLength(expected.rows[0].n);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(new Set(own.body.items.map((person: { street: { name: string } }) => person.street.name))).toEqual(
      new Set(['龙城街道']),
    );

    const dounanStreet = (await t.db.query(`SELECT id FROM org_unit WHERE name = '斗南街道'`)).rows[0].id;
    const filtered = await people('longcheng', `&streetId=${dounanStreet}`);
    expect(filtered.body.items).toEqual([]);
    const foreign = (
      await t.db.query(`SELECT id, version FROM stipend_person WHERE street_id = $1 AND programme_id = $2 LIMIT 1`, [
        dounanStreet,
        monthlyId,
      ])
    ).rows[0];
    expect(
      (await t.http().get(`/api/stipends/people/${foreign.id}`).set('authorization', bearer.longcheng))
        .status,
    ).toBe(404);
    const tamper = await t
      .http()
      .patch(`/api/stipends/people/${foreign.id}`)
      .set('authorization', bearer.longcheng)
      .send({ monthlyRateFen: 100_000 * YUAN, version: foreign.version });
    expect(tamper.status).toBe(404);
    expect(
      (await t.http().get(`/api/stipends/people/${foreign.id}`).set('authorization', bearer.dounan)).status,
    ).toBe(200);

    const preview = await t
      .http()
      .get(`/api/stipends/programmes/${monthlyId}/preview?year=2026&quarter=1`)
      .set('authorization', bearer.longcheng);
    expect(preview.body.byStreet.map((street: { street: { name: string } }) => street.street.name)).toEqual([
      '龙城街道',
    ]);
    expect(preview.body.people).toBe(expected.rows[0].n);

    // Keyset pagination walks the same scoped list.
    const first = await t
      .http()
      .get(`/api/stipends/people?programmeId=${monthlyId}&limit=5`)
      .set('authorization', bearer.longcheng);
    expect(first.body.items).toHaveLength(5);
    const second = await t
      .http()
      .get(`/api/stipends/people?programmeId=${monthlyId}&limit=5&cursor=${first.body.nextCursor}`)
      .set('authorization', bearer.longcheng);
    expect(second.body.items[0].id).toBeGreaterThan(first.body.items[4].id);

    // Community officers and reviewers have no business with stipends.
    expect((await people('community')).status).toBe(403);
  });

  it('masks ID numbers and bank accounts in lists and details for every role; admins and finance reveal one person, audited', async () => {
    const stored = (await t.db.query(`SELECT id, national_id, bank_account, birth_date::text AS birth FROM stipend_person ORDER BY id`))
      .rows;
    const byId = new Map(stored.map((person) => [person.id, person]));
    for (const who of ['longcheng', 'auditor', 'finance', 'admin']) {
      const response = await people(who);
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeGreaterThan(0);
      for (const person of response.body.items) {
        expect(person.nationalId).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
        expect(person.nationalId).not.toBe(byId.get(person.id).national_id);
        expect(person.bankAccount).toMatch(/^\*+\d{4}$/);
        expect(person.birthDate).toBeNull();
      }
      const detail = await t
        .http()
        .get(`/api/stipends/people/${response.body.items[0].id}`)
        .set('authorization', bearer[who]);
      expect(detail.body.nationalId).toContain('********');
      expect(detail.body.bankAccount).toMatch(/^\*+\d{4}$/);
    }

    // The reveal: one person, in clear, for district admins and finance; every reveal audited.
    const target = (await people('admin')).body.items[3];
    for (const who of ['admin', 'finance']) {
      const revealed = await t.http().post(`/api/stipends/people/${target.id}/reveal`).set('authorization', bearer[who]);
      expect(revealed.status).toBe(200);
      expect(revealed.body).toMatchObject({
        personId: target.id,
        nationalId: byId.get(target.id).national_id,
        bankAccount: byId.get(target.id).bank_account,
        birthDate: byId.get(target.id).birth,
      });
    }
    const audits = await t.db.query(
      `SELECT actor_username, after FROM audit_event WHERE action = 'stipend_person.reveal' AND entity_id = $1 ORDER BY seq`,
      [String(target.id)],
    );
    expect(audits.rows.map((row) => row.actor_username)).toEqual(['admin', 'finance']);
    expect(audits.rows[0].after.fields).toEqual(['nationalId', 'birthDate', 'bankAccount']);
    // Street officers and auditors may not reveal; a person out of scope is not found.
    for (const who of ['longcheng', 'auditor']) {
      const refused = await t.http().post(`/api/stipends/people/${target.id}/reveal`).set('authorization', bearer[who]);
      expect(refused.status).toBe(403);
    }
    expect((await t.http().post(`/api/stipends/people/999999/reveal`).set('authorization', bearer.admin)).status).toBe(404);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'stipend_person.reveal'`)).rows[0].n,
    ).toBe(2);

    // The roster export is not the bank's file: masked even for the district admin.
    const file = await download(
      t.http().get(`/api/stipends/programmes/${monthlyId}/roster-export`).set('authorization', bearer.admin),
    );
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('名册')!;
    expect(sheet.getRow(1).getCell(5).value).toBe('身份证号（脱敏）');
    expect(String(sheet.getRow(2).getCell(5).value)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(String(sheet.getRow(2).getCell(12).value)).toMatch(/^\*+\d{4}$/);
  });

  it('offers a template whose data sheet holds only the headers, its ID and account columns as text, the example on 说明', async () => {
    const file = await download(
      t
        .http()
        .get(`/api/stipends/programmes/${monthlyId}/roster-template`)
        .set('authorization', bearer.longcheng),
    );
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['名册', '说明']);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      ROSTER_COLUMNS.map((column) => column.header),
    );
    // No example person on the data sheet: nothing below the headers.
    expect(sheet.actualRowCount).toBe(1);
    const idColumn = ROSTER_COLUMNS.findIndex((column) => column.key === 'nationalId') + 1;
    const accountColumn = ROSTER_COLUMNS.findIndex((column) => column.key === 'bankAccount') + 1;
    for (const column of [idColumn, accountColumn]) {
      expect(sheet.getColumn(column).numFmt).toBe('@');
      expect(sheet.getCell(2, column).numFmt).toBe('@');
      expect(sheet.getCell(200, column).numFmt).toBe('@');
    }
    // The example row sits on 说明, written as text, with the street's own community.
    const help = workbook.getWorksheet('说明')!;
    const example = (header: string) => {
      const row = help.getRows(2, help.rowCount)!.find((candidate) => candidate.getCell(1).value === header)!;
      return row.getCell(3);
    };
    expect(example('所属社区').value).toBe('龙街社区');
    expect(example('身份证号').type).toBe(ExcelJS.ValueType.String);
    expect(example('身份证号').value).toBe(ROSTER_COLUMNS.find((column) => column.key === 'nationalId')!.example);
    expect(example('身份证号').numFmt).toBe('@');

    // Imported unchanged, the template creates nobody.
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM stipend_person`)).rows[0].n;
    const imported = await t
      .http()
      .post(`/api/stipends/programmes/${monthlyId}/roster-imports`)
      .set('authorization', bearer.longcheng)
      .attach('file', file.body as Buffer, '名册模板.xlsx');
    expect(imported.status).toBe(400);
    expect(imported.body.fields).toHaveProperty('file');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM stipend_person`)).rows[0].n).toBe(before);
  });

  it('imports all or nothing: one bad ID refuses the whole sheet naming row and column; fixed, it imports; again, it updates by ID', async () => {
    const upload = (who: string, bytes: Buffer, name = '名册.xlsx') =>
      t
        .http()
        .post(`/api/stipends/programmes/${monthlyId}/roster-imports`)
        .set('authorization', bearer[who])
        .attach('file', bytes, name);
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM stipend_person`)).rows[0].n;
    const ids = [validId('53011419580312002'), validId('53011419600101003'), '53011419610202004'];
    const rows = [
      row('测试甲', ids[0], '龙街社区'),
      row('测试乙', ids[1], '文华社区', { 曾任职务: '一肩挑', '月补助标准（元）': 700 }),
      row('测试丙', badId(ids[2]), '三台社区', { 离任日期: '2021年1月10日' }),
    ];
    const refused = await upload('longcheng', await rosterXlsx(rows));
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('STIPEND_IMPORT_REJECTED');
    // Row 4 of the sheet (header in row 1), column 身份证号, in Chinese.
    expect(Object.keys(refused.body.fields)).toEqual(['rows.4.身份证号']);
    expect(refused.body.fields['rows.4.身份证号']).toContain('校验位');
    const english = await t
      .http()
      .post(`/api/stipends/programmes/${monthlyId}/roster-imports`)
      .set('authorization', bearer.longcheng)
      .set('accept-language', 'en')
      .attach('file', await rosterXlsx(rows), '名册.xlsx');
    expect(english.body.fields['rows.4.身份证号']).toMatch(/check digit/);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM stipend_person`)).rows[0].n).toBe(before);

    // Fixed — and with a real Excel date cell, as sheets typed by hand often have.
    rows[2] = row('测试丙', validId(ids[2]), '三台社区', { 离任日期: new Date(Date.UTC(2021, 0, 10)) });
    const imported = await upload('longcheng', await rosterXlsx(rows));
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0 });
    const stored = await t.db.query(
      `SELECT p.name, p.birth_date::text AS birth_date, p.sex, p.monthly_rate_fen::int AS rate, s.name AS street, p.eligible_from::text AS eligible_from
       FROM stipend_person p JOIN org_unit s ON s.id = p.street_id WHERE p.national_id = ANY($1) ORDER BY p.name`,
      [[ids[0], ids[1], validId(ids[2])]],
    );
    expect(stored.rows).toEqual([
      {
        name: '测试丙',
        birth_date: '1961-02-02',
        sex: 'female',
        rate: 650 * YUAN,
        street: '龙城街道',
        eligible_from: '2021-01-10',
      },
      {
        name: '测试乙',
        birth_date: '1960-01-01',
        sex: 'male',
        rate: 700 * YUAN,
        street: '龙城街道',
        eligible_from: '2021-01-10',
      },
      {
        name: '测试甲',
        birth_date: '1958-03-12',
        sex: 'female',
        rate: 650 * YUAN,
        street: '龙城街道',
        eligible_from: '2021-01-10',
      },
    ]);
    const posts = await t.db.query(
      `SELECT post, source FROM stipend_post WHERE person_id = (SELECT id FROM stipend_person WHERE national_id = $1)`,
      [ids[1]],
    );
    expect(posts.rows).toEqual([{ post: 'secretary_and_director', source: 'import' }]);

    // Re-import: 测试甲's rate and account change; the others are as they were.
    rows[0] = row('测试甲', ids[0], '龙街社区', {
      '月补助标准（元）': '680.50',
      银行账号: '6217000010012349999',
    });
    const again = await upload('longcheng', await rosterXlsx(rows));
    expect(again.body).toEqual({ rows: 3, created: 0, updated: 1, unchanged: 2 });
    const updated = await t.db.query(
      `SELECT monthly_rate_fen::int AS rate, bank_account FROM stipend_person WHERE national_id = $1`,
      [ids[0]],
    );
    expect(updated.rows[0]).toEqual({ rate: 68_050, bank_account: '6217000010012349999' });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM stipend_person`)).rows[0].n).toBe(before + 3);
    const audit = await t.db.query(
      `SELECT after FROM audit_event WHERE action = 'stipend_person.import_update'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].after.bankAccount).toBe('***************9999');
  });

  it("refuses a sheet naming another street's community or person, and files that are not rosters", async () => {
    const upload = (bytes: Buffer, name = '名册.xlsx') =>
      t
        .http()
        .post(`/api/stipends/programmes/${monthlyId}/roster-imports`)
        .set('authorization', bearer.dounan)
        .attach('file', bytes, name);
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM stipend_person`)).rows[0].n;
    const longchengPerson = (await t.db.query(`SELECT national_id FROM stipend_person WHERE name = '测试甲'`))
      .rows[0].national_id;
    const response = await upload(
      await rosterXlsx([
        row('斗南新人', validId('53011419590505005'), '龙街社区'),
        row('测试甲', longchengPerson, '斗南社区'),
        row('斗南另一人', validId('53011419590606006'), '斗南社区', { 状态: '已故' }),
      ]),
    );
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields).sort()).toEqual([
      'rows.2.所属社区',
      'rows.3.身份证号',
      'rows.4.死亡日期',
    ]);
    const missing = await upload(
      await rosterXlsx(
        [row('某人', validId('53011419590505005'), '斗南社区')],
        ['姓名', '身份证号', '所属社区'],
      ),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toHaveProperty(['rows.1.离任日期']);
    const pdf = await upload(pdfBytes(), 'roster.xlsx');
    expect(pdf.status).toBe(400);
    expect(pdf.body.fields).toHaveProperty('file');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM stipend_person`)).rows[0].n).toBe(before);
    const auditor = await t
      .http()
      .post(`/api/stipends/programmes/${monthlyId}/roster-imports`)
      .set('authorization', bearer.auditor)
      .attach('file', await rosterXlsx([]), '名册.xlsx');
    expect(auditor.status).toBe(403);
  });

  it('adds, edits and removes a person with field-level messages for bad input', async () => {
    const wenhua = (await t.db.query(`SELECT id FROM org_unit WHERE name = '文华社区'`)).rows[0].id;
    const body = {
      name: '手工录入',
      nationalId: validId('53011419570707007'),
      communityId: wenhua,
      departureDate: '2021-01-10',
      normalDeparture: true,
      monthlyRateFen: 660 * YUAN,
      bankName: '中国工商银行呈贡支行',
      bankAccount: '6222 0200 1234 5678 901',
      posts: [{ post: 'director', termStart: '2016-01-10', termEnd: '2021-01-10' }],
    };
    const bad = await t
      .http()
      .post(`/api/stipends/programmes/${monthlyId}/people`)
      .set('authorization', bearer.longcheng)
      .set('accept-language', 'en')
      .send({ ...body, nationalId: badId('53011419570707007'), monthlyRateFen: -1 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['monthlyRateFen']);
    const badCheck = await t
      .http()
      .post(`/api/stipends/programmes/${monthlyId}/people`)
      .set('authorization', bearer.longcheng)
      .send({ ...body, nationalId: badId('53011419570707007') });
    expect(badCheck.status).toBe(400);
    expect(badCheck.body.fields.nationalId).toContain('身份证号');
    const created = await t
      .http()
      .post(`/api/stipends/programmes/${monthlyId}/people`)
      .set('authorization', bearer.longcheng)
      .send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      sex: 'male',
      bankAccount: '***************8901',
      posts: [{ post: 'director', source: 'manual' }],
    });
    const twice = await t
      .http()
      .post(`/api/stipends/programmes/${monthlyId}/people`)
      .set('authorization', bearer.longcheng)
      .send(body);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('STIPEND_PERSON_EXISTS');
    const foreignCommunity = (await t.db.query(`SELECT id FROM org_unit WHERE name = '斗南社区'`)).rows[0].id;
    expect(
      (
        await t
          .http()
          .post(`/api/stipends/programmes/${monthlyId}/people`)
          .set('authorization', bearer.longcheng)
          .send({ ...body, nationalId: validId('53011419570707015'), communityId: foreignCommunity })
      ).status,
    ).toBe(404);

    const death = await t
      .http()
      .patch(`/api/stipends/people/${created.body.id}`)
      .set('authorization', bearer.longcheng)
      .send({ status: 'deceased', version: created.body.version });
    expect(death.status).toBe(400);
    expect(death.body.fields).toHaveProperty('deathDate');
    const removed = await t
      .http()
      .post(`/api/stipends/people/${created.body.id}/remove`)
      .set('authorization', bearer.longcheng)
      .send({ effectiveDate: '2026-05-01', reason: '迁出本区', version: created.body.version });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ removedOn: '2026-05-01', removalReason: '迁出本区' });
    const actions = await t.db.query(
      `SELECT action FROM audit_event WHERE entity_type = 'stipend_person' AND entity_id = $1 ORDER BY seq`,
      [String(created.body.id)],
    );
    expect(actions.rows.map((r) => r.action)).toEqual(['stipend_person.create', 'stipend_person.remove']);
  });

  it('sets up programmes on budget lines: one per line, one-off ones on a quarterly roster', async () => {
    const lines = await t.db.query(`SELECT id, name FROM budget_line ORDER BY id`);
    const lineId = (name: string) => lines.rows.find((line) => line.name === name).id;
    const create = (who: string, body: Record<string, unknown>) =>
      t.http().post('/api/stipends/programmes').set('authorization', bearer[who]).send(body);
    const taken = await create('admin', {
      budgetLineId: lineId('正常离任社区干部生活补贴'),
      kind: 'monthly_quarterly',
      name: '重复',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.fields).toHaveProperty('budgetLineId');
    const noRoster = await create('admin', {
      budgetLineId: lineId('社工和志愿服务经费'),
      kind: 'one_off',
      name: '一次性',
    });
    expect(noRoster.status).toBe(400);
    expect(noRoster.body.fields).toHaveProperty('rosterProgrammeId');
    expect(
      (
        await create('longcheng', {
          budgetLineId: lineId('社工和志愿服务经费'),
          kind: 'monthly_quarterly',
          name: '楼栋长工作经费',
        })
      ).status,
    ).toBe(403);
    // The same engine pays building leaders' (楼栋长) quarterly work funds from their own roster.
    const leaders = await create('admin', {
      budgetLineId: lineId('社工和志愿服务经费'),
      kind: 'monthly_quarterly',
      name: '楼栋长工作经费（测试）',
    });
    expect(leaders.status).toBe(201);
    expect(leaders.body).toMatchObject({
      kind: 'monthly_quarterly',
      reportReminderDays: 10,
      ruleVersions: [],
    });
    const rule = await t
      .http()
      .post(`/api/stipends/programmes/${leaders.body.id}/rule-versions`)
      .set('authorization', bearer.admin)
      .send({
        documentNumber: '示例〔2026〕1号',
        effectiveFrom: '2026-01-01',
        rules: { monthRule: 'whole_month_if_active_on_first_day' },
      });
    expect(rule.status).toBe(201);
    const empty = await t
      .http()
      .get(`/api/stipends/programmes/${leaders.body.id}/preview?year=2026`)
      .set('authorization', bearer.admin);
    expect(empty.body).toMatchObject({ totalFen: 0, people: 0 });
    const badYear = await t
      .http()
      .get(`/api/stipends/programmes/${monthlyId}/preview?year=abc`)
      .set('authorization', bearer.admin);
    expect(badYear.status).toBe(400);
    expect(badYear.body.fields).toHaveProperty('year');
  });

  it('reminds streets that have not reported, once per quarter, in the last days before the quarter ends', async () => {
    const handler = t.app.get(StipendReminderHandler);
    expect((await handler.handle({ date: '2026-03-10' })).reminded).toBe(0);
    // Demo street officers exist for 龙城 and 斗南 only: one reminder each, for each of the two
    // quarterly programmes with people there (the retired cadres and the building leaders).
    expect((await handler.handle({ date: '2026-03-25' })).reminded).toBe(4);
    expect((await handler.handle({ date: '2026-03-26' })).reminded).toBe(0);
    const inbox = await t.http().get('/api/notifications').set('authorization', bearer.longcheng);
    expect(
      inbox.body.items.some(
        (n: { kind: string; title: string }) =>
          n.kind === 'stipend_report.due' && n.title.includes('2026年第1季度'),
      ),
    ).toBe(true);
    expect(
      inbox.body.items.filter((n: { kind: string }) => n.kind === 'stipend_report.due').map((n: { title: string }) => n.title).sort(),
    ).toEqual(['请报送2026年第1季度楼栋长季度工作经费（演示）名册', '请报送2026年第1季度正常离任社区干部生活补贴名册']);
  });
});
