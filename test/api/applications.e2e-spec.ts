import ExcelJS from 'exceljs';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { exeBytes, pdfBytes, pngBytes, serviceApplication } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const YUAN = 100;

describe('applications from draft through screening', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let ids: {
    livelihood: number;
    service: number;
    works: number;
    longjie: number;
    wenhua: number;
    dounanCommunity: number;
  };
  const bearer: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ env: { ATTACHMENT_MAX_BYTES: String(100 * 1024) } });
    worker = await createWorker(t.config, { schedule: false });
    for (const name of ['admin', 'longcheng', 'dounan', 'community', 'auditor', 'finance']) bearer[name] = await t.login(name);
    const competition = await t.db.query(`SELECT id FROM competition WHERE kind = 'livelihood'`);
    const categories = await t.db.query(`SELECT id, key FROM competition_category WHERE competition_id = $1`, [competition.rows[0].id]);
    const unit = async (name: string) => (await t.db.query(`SELECT id FROM org_unit WHERE name = $1`, [name])).rows[0].id as number;
    ids = {
      livelihood: competition.rows[0].id,
      service: categories.rows.find((row) => row.key === 'service').id,
      works: categories.rows.find((row) => row.key === 'works').id,
      longjie: await unit('龙街社区'),
      wenhua: await unit('文华社区'),
      dounanCommunity: await unit('斗南社区'),
    };
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const create = (who: string, overrides: Record<string, unknown> = {}) =>
    t.http()
      .post('/api/applications')
      .set('authorization', bearer[who])
      .send(serviceApplication(ids.livelihood, ids.longjie, ids.service, overrides));

  const upload = (who: string, id: number, type: string, bytes: Buffer, filename: string) =>
    t.http().post(`/api/applications/${id}/attachments`).set('authorization', bearer[who]).field('type', type).attach('file', bytes, filename);

  async function withAllAttachments(who: string, id: number) {
    expect((await upload(who, id, 'council_resolution', pdfBytes('决议'), '居民议事会决议.pdf')).status).toBe(201);
    expect((await upload(who, id, 'budget_sheet', pdfBytes('预算'), '预算表.pdf')).status).toBe(201);
    expect((await upload(who, id, 'site_photos', pngBytes(), '现场.png')).status).toBe(201);
  }

  const act = async (who: string, id: number, path: string, body: Record<string, unknown> = {}) => {
    const current = await t.http().get(`/api/applications/${id}`).set('authorization', bearer[who]);
    return t.http().post(`/api/applications/${id}/${path}`).set('authorization', bearer[who]).send({ version: current.body.version, ...body });
  };

  it('lets a community officer draft for their own community only', async () => {
    const own = await create('community');
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ status: 'draft', street: { name: '龙城街道' }, community: { name: '龙街社区' }, editable: true });
    expect(own.body.availableActions).toContain('submit_to_street');
    const other = await create('community', { communityId: ids.wenhua });
    expect(other.status).toBe(404);
  });

  it('lets a street officer draft for any community of the street, never another street\'s', async () => {
    expect((await create('longcheng', { communityId: ids.wenhua })).status).toBe(201);
    const foreign = await create('longcheng', { communityId: ids.dounanCommunity });
    expect(foreign.status).toBe(404);
    expect((await create('dounan', { communityId: ids.longjie })).status).toBe(404);
  });

  it('refuses a subsidy over the category cap with 400 naming the subsidy field, saving nothing', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM application`);
    const response = await create('longcheng', {
      totalCostFen: 80_000 * YUAN,
      costItems: [{ item: '设备', amount: 80_000 * YUAN }],
      funding: { residentMoney: 10_000 * YUAN, residentLabour: 0, socialSupport: 0, communitySelf: 10_000 * YUAN, streetSupport: 0, requestedSubsidy: 60_000 * YUAN },
    });
    expect(response.status).toBe(400);
    expect(response.body.fields).toHaveProperty(['funding.requestedSubsidy']);
    expect(response.body.fields['funding.requestedSubsidy']).toContain('50,000.00');
    const after = await t.db.query(`SELECT count(*)::int AS n FROM application`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses cost lines that do not add up to the total', async () => {
    const response = await create('longcheng', { totalCostFen: 50_000 * YUAN });
    expect(response.status).toBe(400);
    expect(response.body.fields).toHaveProperty('totalCost');
  });

  it('checks attachments by content: a renamed .exe is 415, an oversize file 413, nothing stored', async () => {
    const draft = await create('longcheng');
    const exe = await upload('longcheng', draft.body.id, 'budget_sheet', exeBytes(), '预算表.pdf');
    expect(exe.status).toBe(415);
    expect(exe.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await upload('longcheng', draft.body.id, 'budget_sheet', Buffer.concat([pdfBytes(), Buffer.alloc(200 * 1024, 32)]), 'big.pdf');
    expect(big.status).toBe(413);
    const stored = await t.db.query(`SELECT count(*)::int AS n FROM attachment WHERE application_id = $1`, [draft.body.id]);
    expect(stored.rows[0].n).toBe(0);
    const ok = await upload('longcheng', draft.body.id, 'budget_sheet', pdfBytes(), '预算表.pdf');
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ mimeType: 'application/pdf', type: 'budget_sheet', originalName: '预算表.pdf' });
    expect(ok.body.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('streams an attachment back with the same permission checks as the application', async () => {
    const draft = await create('longcheng');
    const added = await upload('longcheng', draft.body.id, 'site_photos', pngBytes(), '现场照片.png');
    const path = `/api/applications/${draft.body.id}/attachments/${added.body.id}`;
    const own = await t.http().get(path).set('authorization', bearer.longcheng).buffer(true);
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect(own.headers['content-disposition']).toContain("filename*=UTF-8''%E7%8E%B0");
    expect(Buffer.compare(own.body as Buffer, pngBytes())).toBe(0);
    expect((await t.http().get(path).set('authorization', bearer.dounan)).status).toBe(404);
    expect((await t.http().get(`/api/applications/${draft.body.id}`).set('authorization', bearer.dounan)).status).toBe(404);
  });

  it('refuses submission without the required attachments, naming each missing type', async () => {
    const draft = await create('longcheng');
    const response = await act('longcheng', draft.body.id, 'submit');
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields).sort()).toEqual(['attachments.budget_sheet', 'attachments.council_resolution', 'attachments.site_photos']);
  });

  it('runs the whole path: community → street → district returns → street repairs → eligible', async () => {
    const draft = await create('community');
    const id = draft.body.id;
    await withAllAttachments('community', id);
    expect((await act('community', id, 'submit-to-street')).body.status).toBe('awaiting_street');
    // The community can no longer edit once the street has it.
    const lateEdit = await t.http().patch(`/api/applications/${id}`).set('authorization', bearer.community).send({ title: 'x', version: 999 });
    expect(lateEdit.status).toBe(409);
    expect((await t.http().get(`/api/applications/${id}`).set('authorization', bearer.admin)).status).toBe(404); // not yet submitted

    const submitted = await act('longcheng', id, 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.submittedAt).toBeTruthy();

    const noReason = await act('admin', id, 'screen', { outcome: 'returned' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toHaveProperty('reason');
    const returned = await act('admin', id, 'screen', { outcome: 'returned', reason: '缺少居民签字页' });
    expect(returned.body).toMatchObject({ status: 'returned', lastReason: '缺少居民签字页' });

    const streetView = await t.http().get(`/api/applications/${id}`).set('authorization', bearer.longcheng);
    expect(streetView.body).toMatchObject({ lastReason: '缺少居民签字页', editable: true });
    const inbox = await t.http().get('/api/notifications?unreadOnly=true').set('authorization', bearer.longcheng);
    expect(inbox.body.items.some((n: { body: string }) => n.body.includes('缺少居民签字页'))).toBe(true);

    const repaired = await t.http()
      .patch(`/api/applications/${id}`)
      .set('authorization', bearer.longcheng)
      .send({ summary: '已补充居民签字页。', version: streetView.body.version });
    expect(repaired.status).toBe(200);
    expect((await act('longcheng', id, 'submit')).body.status).toBe('submitted');
    const eligible = await act('admin', id, 'screen', { outcome: 'eligible' });
    expect(eligible.body.status).toBe('eligible');
    expect(eligible.body.history.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'submit_to_street',
      'submit',
      'screen_return',
      'submit',
      'screen_eligible',
    ]);
    const audit = await t.db.query(`SELECT action FROM audit_event WHERE entity_type = 'application' AND entity_id = $1 ORDER BY seq`, [String(id)]);
    expect(audit.rows.map((row) => row.action)).toContain('application.screen_return');
  });

  it('allows each move only to its role', async () => {
    const draft = await create('longcheng');
    const id = draft.body.id;
    await withAllAttachments('longcheng', id);
    expect((await act('community', id, 'submit')).status).toBe(403); // communities hand over, streets submit
    expect((await act('longcheng', id, 'screen', { outcome: 'eligible' })).status).toBe(403);
    expect((await act('auditor', id, 'withdraw', { reason: 'x' })).status).toBe(403);
    expect((await act('finance', id, 'submit')).status).toBe(403);
    expect((await act('longcheng', id, 'submit')).status).toBe(200);
    expect((await act('longcheng', id, 'submit')).status).toBe(409); // already submitted
    const foreign = await t.http().post(`/api/applications/${id}/withdraw`).set('authorization', bearer.dounan).send({ version: 1, reason: 'x' });
    expect(foreign.status).toBe(404);
  });

  it('submits a contested entry once when two requests race', async () => {
    const draft = await create('longcheng');
    await withAllAttachments('longcheng', draft.body.id);
    const version = (await t.http().get(`/api/applications/${draft.body.id}`).set('authorization', bearer.longcheng)).body.version;
    const results = await Promise.all(
      [1, 2].map(() => t.http().post(`/api/applications/${draft.body.id}/submit`).set('authorization', bearer.longcheng).send({ version })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const history = await t.db.query(`SELECT count(*)::int AS n FROM application_status_change WHERE application_id = $1 AND action = 'submit'`, [draft.body.id]);
    expect(history.rows[0].n).toBe(1);
  });

  it('answers 409 WINDOW_CLOSED after the window, with a stable code', async () => {
    const draft = await create('longcheng');
    await withAllAttachments('longcheng', draft.body.id);
    await t.db.query(`UPDATE competition SET submission_closes_at = now() - interval '1 minute' WHERE id = $1`, [ids.livelihood]);
    try {
      const late = await act('longcheng', draft.body.id, 'submit');
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('WINDOW_CLOSED');
      expect(late.body.fields).toHaveProperty('submissionWindow');
    } finally {
      await t.db.query(`UPDATE competition SET submission_closes_at = now() + interval '20 days' WHERE id = $1`, [ids.livelihood]);
    }
  });

  it('keeps streets apart in lists and shows district staff only what was submitted', async () => {
    const dounanList = await t.http().get(`/api/applications?competitionId=${ids.livelihood}&limit=200`).set('authorization', bearer.dounan);
    expect(dounanList.body.items).toEqual([]);
    const streetList = await t.http().get(`/api/applications?limit=200`).set('authorization', bearer.longcheng);
    expect(streetList.body.items.every((a: { street: { name: string } }) => a.street.name === '龙城街道')).toBe(true);
    const adminList = await t.http().get(`/api/applications?limit=200`).set('authorization', bearer.admin);
    expect(adminList.body.items.length).toBeGreaterThan(0);
    expect(adminList.body.items.every((a: { status: string }) => !['draft', 'awaiting_street'].includes(a.status))).toBe(true);
    const page = await t.http().get(`/api/applications?limit=2`).set('authorization', bearer.longcheng);
    const next = await t.http().get(`/api/applications?limit=2&cursor=${page.body.nextCursor}`).set('authorization', bearer.longcheng);
    expect(next.body.items[0].id).toBeLessThan(page.body.items[1].id);
  });

  it('shows each street its progress against the minimum', async () => {
    const own = await t.http().get(`/api/competitions/${ids.livelihood}/street-progress`).set('authorization', bearer.longcheng);
    expect(own.body).toHaveLength(1);
    expect(own.body[0]).toMatchObject({ streetName: '龙城街道', minimum: 5 });
    expect(own.body[0].submitted).toBeGreaterThanOrEqual(2);
    const all = await t.http().get(`/api/competitions/${ids.livelihood}/street-progress`).set('authorization', bearer.admin);
    expect(all.body).toHaveLength(10);
    expect(all.body.find((row: { streetName: string }) => row.streetName === '斗南街道')).toMatchObject({ submitted: 0, met: false });
  });

  it('exports the filtered list to Excel through the worker, with Chinese headers and yuan amounts', async () => {
    const requested = await t.http().post('/api/applications/exports').set('authorization', bearer.longcheng).send({ competitionId: ids.livelihood });
    expect(requested.status).toBe(201);
    let status = requested.body.status;
    for (let i = 0; i < 100 && status !== 'done' && status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await t.http().get(`/api/exports/${requested.body.id}`).set('authorization', bearer.longcheng)).body.status;
    }
    expect(status).toBe('done');
    expect((await t.http().get(`/api/exports/${requested.body.id}`).set('authorization', bearer.dounan)).status).toBe(404);
    const file = await t.http().get(`/api/exports/${requested.body.id}/download`).set('authorization', bearer.longcheng).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('申报项目')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('项目名称');
    expect(sheet.getRow(1).getCell(9).value).toBe('申请补助（元）');
    const list = await t.http().get(`/api/applications?competitionId=${ids.livelihood}&limit=200`).set('authorization', bearer.longcheng);
    expect(sheet.rowCount - 1).toBe(list.body.items.length);
    expect(sheet.getRow(2).getCell(9).value).toBe(36000);
  });
});
