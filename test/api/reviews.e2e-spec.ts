import ExcelJS from 'exceljs';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { eligibleApplications, reviewers } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await probe();
  }
  return value;
}

describe('panel review: conflicts, assignment, score sheets and ranking', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let admin: string;
  let competitionId: number;
  let longchengApps: number[];
  let dounanApps: number[];
  let panel: Array<{ id: number; username: string; bearer: string }>;
  let conflicted: { id: number; username: string; bearer: string };
  let longchengStreetId: number;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await createWorker(t.config, { schedule: false });
    admin = await t.login('admin');
    competitionId = (await t.db.query(`SELECT id FROM competition WHERE kind = 'livelihood'`)).rows[0].id;
    longchengStreetId = (await t.db.query(`SELECT id FROM org_unit WHERE name = '龙城街道'`)).rows[0].id;
    longchengApps = await eligibleApplications(t, { count: 3, street: 'longcheng', communityName: '龙街社区', beneficiaries: (i) => 300 - i * 50 });
    dounanApps = await eligibleApplications(t, { count: 2, street: 'dounan', communityName: '斗南社区' });
    panel = await reviewers(t, ['expert1', 'expert2', 'expert3', 'expert4', 'expert5', 'expert6']);
    conflicted = panel[5];
    // expert6 works for 龙城街道: an automatic conflict with every 龙城 application.
    const profile = await t.http()
      .put(`/api/reviewers/${conflicted.id}/profile`)
      .set('authorization', admin)
      .send({ expertiseTags: ['社区治理'], affiliationUnitIds: [longchengStreetId], active: true });
    expect(profile.status).toBe(200);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const setPanel = (overrides: Record<string, unknown> = {}) =>
    t.http()
      .put(`/api/competitions/${competitionId}/panel`)
      .set('authorization', admin)
      .send({
        memberUserIds: panel.map((member) => member.id),
        chairUserId: panel[0].id,
        reviewersPerApplication: 5,
        maxLoad: 5,
        blind: false,
        aggregation: 'trimmed_mean',
        fundableThreshold: 60,
        disagreementSpread: 20,
        commentRequiredAtExtremes: true,
        rankByCategory: false,
        ...overrides,
      });

  it('lists automatic conflicts from affiliations', async () => {
    expect((await setPanel()).status).toBe(200);
    const conflicts = await t.http().get(`/api/competitions/${competitionId}/conflicts`).set('authorization', admin);
    const pairs = conflicts.body.filter((c: { reviewerUserId: number }) => c.reviewerUserId === conflicted.id);
    expect(pairs.map((c: { applicationId: number }) => c.applicationId).sort()).toEqual([...longchengApps].sort());
    expect(pairs.every((c: { kind: string }) => c.kind === 'automatic')).toBe(true);
  });

  it('draws a panel reproducibly from the recorded seed', async () => {
    const first = await t.http().post(`/api/competitions/${competitionId}/panel/draw`).set('authorization', admin).send({ size: 4, seed: 'draw-2026' });
    const second = await t.http().post(`/api/competitions/${competitionId}/panel/draw`).set('authorization', admin).send({ size: 4, seed: 'draw-2026' });
    expect(first.status).toBe(200);
    expect(first.body.drawSeed).toBe('draw-2026');
    expect(second.body.members.map((m: { userId: number }) => m.userId)).toEqual(first.body.members.map((m: { userId: number }) => m.userId));
    expect((await setPanel()).status).toBe(200); // back to the full panel
  });

  it('says which applications lack enough conflict-free reviewers', async () => {
    const preview = await t.http().post(`/api/competitions/${competitionId}/assignments/preview`).set('authorization', admin).send({ reviewersPerApplication: 6, maxLoad: 10 });
    expect(preview.status).toBe(200);
    expect(preview.body.ok).toBe(false);
    expect(preview.body.shortfalls.map((s: { applicationId: number }) => s.applicationId).sort()).toEqual([...longchengApps].sort());
    const auto = await t.http().post(`/api/competitions/${competitionId}/assignments/auto`).set('authorization', admin).send({ reviewersPerApplication: 6, maxLoad: 10 });
    expect(auto.status).toBe(409);
    expect(auto.body.code).toBe('ASSIGNMENT_INFEASIBLE');
    expect(Object.keys(auto.body.fields)).toHaveLength(3);
  });

  it('assigns exactly k conflict-free reviewers to every application, loads within the cap', async () => {
    const auto = await t.http().post(`/api/competitions/${competitionId}/assignments/auto`).set('authorization', admin).send({});
    expect(auto.status).toBe(200);
    expect(auto.body.ok).toBe(true);
    const rows = await t.db.query(`SELECT application_id, reviewer_user_id FROM review_assignment`);
    for (const id of [...longchengApps, ...dounanApps]) {
      expect(rows.rows.filter((row) => row.application_id === id)).toHaveLength(5);
    }
    expect(rows.rows.some((row) => row.reviewer_user_id === conflicted.id && longchengApps.includes(row.application_id))).toBe(false);
    const loads = new Map<number, number>();
    for (const row of rows.rows) loads.set(row.reviewer_user_id, (loads.get(row.reviewer_user_id) ?? 0) + 1);
    expect(Math.max(...loads.values())).toBeLessThanOrEqual(5);
    const statuses = await t.db.query(`SELECT DISTINCT status FROM application WHERE id = ANY($1::int[])`, [[...longchengApps, ...dounanApps]]);
    expect(statuses.rows.map((row) => row.status)).toEqual(['in_review']);
  });

  it('refuses a conflicted pair in the API and in the database itself', async () => {
    await t.db.query(`DELETE FROM review_assignment WHERE application_id = $1 AND reviewer_user_id = $2`, [dounanApps[0], panel[0].id]);
    const pin = await t.http()
      .post(`/api/competitions/${competitionId}/conflicts`)
      .set('authorization', admin)
      .send({ applicationId: dounanApps[0], reviewerUserId: panel[0].id, category: 'personal', note: '亲属关系' });
    expect(pin.status).toBe(201);
    const manual = await t.http()
      .post(`/api/competitions/${competitionId}/assignments`)
      .set('authorization', admin)
      .send({ applicationId: dounanApps[0], reviewerUserId: panel[0].id });
    expect(manual.status).toBe(409);
    expect(manual.body.code).toBe('CONFLICT_OF_INTEREST');
    const panelId = (await t.db.query(`SELECT id FROM review_panel`)).rows[0].id;
    await expect(
      t.db.query(`INSERT INTO review_assignment (panel_id, application_id, reviewer_user_id, method) VALUES ($1, $2, $3, 'manual')`, [
        panelId,
        longchengApps[0],
        conflicted.id,
      ]),
    ).rejects.toThrow(/conflict of interest/);
    // Put a conflict-free panel member back so the application has five again.
    const assigned = (await t.db.query(`SELECT reviewer_user_id FROM review_assignment WHERE application_id = $1`, [dounanApps[0]])).rows.map((row) => row.reviewer_user_id);
    const free = panel.find((member) => member.id !== panel[0].id && !assigned.includes(member.id))!;
    const refill = await t.http()
      .post(`/api/competitions/${competitionId}/assignments`)
      .set('authorization', admin)
      .send({ applicationId: dounanApps[0], reviewerUserId: free.id });
    expect(refill.status).toBe(204);
  });

  it('shows a reviewer only their own assignments, never an unassigned application', async () => {
    const mine = await t.http().get('/api/reviews/my').set('authorization', conflicted.bearer);
    expect(mine.status).toBe(200);
    expect(mine.body.every((task: { applicationId: number }) => !longchengApps.includes(task.applicationId))).toBe(true);
    const others = await t.db.query(`SELECT id FROM review_assignment WHERE reviewer_user_id <> $1 LIMIT 1`, [conflicted.id]);
    expect((await t.http().get(`/api/reviews/assignments/${others.rows[0].id}`).set('authorization', conflicted.bearer)).status).toBe(404);
    expect((await t.http().get(`/api/applications/${longchengApps[0]}`).set('authorization', conflicted.bearer)).status).toBe(403);
    expect((await t.http().get('/api/reviews/my').set('authorization', admin)).status).toBe(403);
  });

  async function assignmentOf(reviewer: { id: number }, applicationId: number): Promise<number> {
    return (await t.db.query(`SELECT id FROM review_assignment WHERE reviewer_user_id = $1 AND application_id = $2`, [reviewer.id, applicationId])).rows[0].id;
  }

  async function score(reviewer: { bearer: string }, assignmentId: number, points: number[]) {
    const view = await t.http().get(`/api/reviews/assignments/${assignmentId}`).set('authorization', reviewer.bearer);
    const keys = view.body.rubric.map((criterion: { key: string }) => criterion.key);
    const scores = Object.fromEntries(keys.map((key: string, index: number) => [key, points[index]]));
    const comments = Object.fromEntries(keys.map((key: string) => [key, '依据申报材料评分']));
    const saved = await t.http().put(`/api/reviews/assignments/${assignmentId}/sheet`).set('authorization', reviewer.bearer).send({ scores, comments });
    expect(saved.status).toBe(200);
    return t.http().post(`/api/reviews/assignments/${assignmentId}/sheet/submit`).set('authorization', reviewer.bearer).send({ version: saved.body.sheet.version });
  }

  it('saves, submits and locks a sheet; another reviewer cannot touch it; a double submit counts once', async () => {
    const target = longchengApps[0];
    const reviewer = panel[0];
    const assignmentId = await assignmentOf(reviewer, target);
    expect((await t.http().put(`/api/reviews/assignments/${assignmentId}/sheet`).set('authorization', panel[1].bearer).send({ scores: {} })).status).toBe(404);
    const outOfRange = await t.http().put(`/api/reviews/assignments/${assignmentId}/sheet`).set('authorization', reviewer.bearer).send({ scores: { public_attention: 25 } });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.fields).toHaveProperty(['scores.public_attention']);

    const view = await t.http().get(`/api/reviews/assignments/${assignmentId}`).set('authorization', reviewer.bearer);
    const keys = view.body.rubric.map((criterion: { key: string }) => criterion.key);
    const scores = Object.fromEntries(keys.map((key: string, index: number) => [key, [18, 17, 16, 12, 12, 8][index]]));
    const comments = Object.fromEntries(keys.map((key: string) => [key, '好']));
    const saved = await t.http().put(`/api/reviews/assignments/${assignmentId}/sheet`).set('authorization', reviewer.bearer).send({ scores, comments });
    expect(saved.body.sheet.total).toBe(83);
    const both = await Promise.all(
      [1, 2].map(() =>
        t.http().post(`/api/reviews/assignments/${assignmentId}/sheet/submit`).set('authorization', reviewer.bearer).send({ version: saved.body.sheet.version }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'score_sheet.submit' AND entity_id = $1`, [String(target)]);
    expect(audit.rows[0].n).toBe(1);
    const change = await t.http().put(`/api/reviews/assignments/${assignmentId}/sheet`).set('authorization', reviewer.bearer).send({ scores, comments });
    expect(change.status).toBe(409);
    expect(change.body.code).toBe('SHEET_LOCKED');
  });

  it('ranks by the trimmed mean once sheets are in, recomputed by the worker', async () => {
    const target = longchengApps[0];
    const others = (await t.db.query(`SELECT reviewer_user_id FROM review_assignment WHERE application_id = $1 AND reviewer_user_id <> $2`, [target, panel[0].id])).rows.map(
      (row) => panel.find((member) => member.id === row.reviewer_user_id)!,
    );
    // Totals 83 (already in), then 95, 70, 80, 78 → drop 95 and 70 → (83 + 80 + 78) / 3 = 80.33
    const sheets = [
      [20, 20, 20, 15, 12, 8],
      [14, 14, 14, 10, 10, 8],
      [16, 16, 16, 12, 12, 8],
      [16, 16, 16, 12, 10, 8],
    ];
    for (const [index, reviewer] of others.entries()) {
      const response = await score(reviewer, await assignmentOf(reviewer, target), sheets[index]);
      expect(response.status).toBe(200);
    }
    const ranking = await until(
      () => t.http().get(`/api/competitions/${competitionId}/ranking`).set('authorization', admin),
      (response) => response.body.find?.((row: { applicationId: number }) => row.applicationId === target)?.sheetsSubmitted === 5,
    );
    const row = ranking.body.find((candidate: { applicationId: number }) => candidate.applicationId === target);
    expect(row).toMatchObject({ rank: 1, method: 'trimmed_mean', sheetsUsed: 3, sheetsSubmitted: 5, fundable: true, disagreement: true });
    expect(row.score).toBeCloseTo(80.333, 2);
    const status = await t.db.query(`SELECT status FROM application WHERE id = $1`, [target]);
    expect(status.rows[0].status).toBe('scored');
  });

  it('pages the ranking by cursor in the order of the whole ranking', async () => {
    const whole = await t.http().get(`/api/competitions/${competitionId}/ranking`).set('authorization', admin);
    expect(whole.status).toBe(200);
    expect(Array.isArray(whole.body)).toBe(true);
    expect(whole.body.length).toBeGreaterThan(1);
    const paged: Array<{ applicationId: number }> = [];
    let cursor: number | null = null;
    for (let pages = 0; pages <= whole.body.length; pages += 1) {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const response = await t.http().get(`/api/competitions/${competitionId}/ranking?limit=1${query}`).set('authorization', admin);
      expect(response.status).toBe(200);
      const page = response.body as { items: Array<{ applicationId: number }>; nextCursor: number | null };
      expect(page.items.length).toBeLessThanOrEqual(1);
      paged.push(...page.items);
      cursor = page.nextCursor;
      if (cursor === null) break;
    }
    expect(cursor).toBeNull();
    expect(paged).toEqual(whole.body);
  });

  it('lets an admin reopen a submitted sheet with a reason, audited', async () => {
    const sheet = await t.db.query(
      `SELECT sh.id FROM score_sheet sh JOIN review_assignment ra ON ra.id = sh.assignment_id WHERE ra.application_id = $1 AND ra.reviewer_user_id = $2`,
      [longchengApps[0], panel[0].id],
    );
    const noReason = await t.http().post(`/api/score-sheets/${sheet.rows[0].id}/reopen`).set('authorization', admin).send({});
    expect(noReason.status).toBe(400);
    const reopened = await t.http().post(`/api/score-sheets/${sheet.rows[0].id}/reopen`).set('authorization', admin).send({ reason: '评分依据有误' });
    expect(reopened.status).toBe(204);
    const state = await t.db.query(`SELECT sh.status, a.status AS application_status FROM score_sheet sh JOIN review_assignment ra ON ra.id = sh.assignment_id JOIN application a ON a.id = ra.application_id WHERE sh.id = $1`, [
      sheet.rows[0].id,
    ]);
    expect(state.rows[0]).toEqual({ status: 'draft', application_status: 'in_review' });
    const audit = await t.db.query(`SELECT after->>'reason' AS reason FROM audit_event WHERE action = 'score_sheet.reopen'`);
    expect(audit.rows[0].reason).toBe('评分依据有误');
  });

  it('hides street and community in blind review', async () => {
    expect((await setPanel({ blind: true })).status).toBe(200);
    const tasks = await t.http().get('/api/reviews/my').set('authorization', panel[1].bearer);
    expect(tasks.body.length).toBeGreaterThan(0);
    expect(tasks.body.every((task: { street: string | null; community: string | null }) => task.street === null && task.community === null)).toBe(true);
    const sheet = await t.http().get(`/api/reviews/assignments/${tasks.body[0].assignmentId}`).set('authorization', panel[1].bearer);
    expect(sheet.body.application.street).toBeNull();
    expect((await setPanel({ blind: false })).status).toBe(200);
  });

  it('withdraws an assignment when the reviewer declares a conflict', async () => {
    const assignmentId = await assignmentOf(panel[2], dounanApps[1]);
    const declared = await t.http()
      .post(`/api/reviews/assignments/${assignmentId}/declare-conflict`)
      .set('authorization', panel[2].bearer)
      .send({ category: 'financial', note: '曾为该社区提供有偿服务' });
    expect(declared.status).toBe(204);
    expect((await t.http().get(`/api/reviews/assignments/${assignmentId}`).set('authorization', panel[2].bearer)).status).toBe(404);
    const conflicts = await t.http().get(`/api/competitions/${competitionId}/conflicts`).set('authorization', admin);
    expect(conflicts.body.some((c: { applicationId: number; reviewerUserId: number; kind: string }) => c.applicationId === dounanApps[1] && c.reviewerUserId === panel[2].id && c.kind === 'declared')).toBe(true);
  });

  it('lets a reviewer download the attachments of their own assignments only', async () => {
    const mine = (await t.http().get('/api/reviews/my').set('authorization', panel[1].bearer)).body[0];
    const sheet = await t.http().get(`/api/reviews/assignments/${mine.assignmentId}`).set('authorization', panel[1].bearer);
    const attachment = sheet.body.application.attachments[0];
    const own = await t.http().get(`/api/reviews/assignments/${mine.assignmentId}/attachments/${attachment.id}`).set('authorization', panel[1].bearer);
    expect(own.status).toBe(200);
    const otherAttachment = (await t.db.query(`SELECT id FROM attachment WHERE application_id <> $1 LIMIT 1`, [mine.applicationId])).rows[0].id;
    const foreign = await t.http().get(`/api/reviews/assignments/${mine.assignmentId}/attachments/${otherAttachment}`).set('authorization', panel[1].bearer);
    expect(foreign.status).toBe(404);
    const notMine = await t.http().get(`/api/reviews/assignments/${mine.assignmentId}/attachments/${attachment.id}`).set('authorization', panel[2].bearer);
    expect(notMine.status).toBe(404);
  });

  it('lists assignments with their sheet ids for unassigning and reopening', async () => {
    const list = await t.http().get(`/api/competitions/${competitionId}/assignments`).set('authorization', admin);
    expect(list.status).toBe(200);
    const submitted = list.body.find((row: { sheetStatus: string }) => row.sheetStatus === 'submitted');
    expect(submitted).toMatchObject({ assignmentId: expect.any(Number), sheetId: expect.any(Number) });
    expect((await t.http().delete(`/api/review-assignments/${submitted.assignmentId}`).set('authorization', admin)).status).toBe(409);
  });

  it('reports progress and exports the score matrix and the 评分汇总表', async () => {
    const progress = await t.http().get(`/api/competitions/${competitionId}/review-progress`).set('authorization', admin);
    expect(progress.body.applications.find((row: { applicationId: number }) => row.applicationId === longchengApps[0])).toMatchObject({ due: 5, done: 4 });
    const binary = (path: string) =>
      t.http().get(path).set('authorization', admin).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const matrix = await binary(`/api/competitions/${competitionId}/exports/score-matrix`);
    expect(matrix.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(matrix.body as unknown as ArrayBuffer);
    expect(book.getWorksheet('评分明细')!.getRow(1).getCell(5).value).toBe('群众关注度（20分）');
    const summary = await binary(`/api/competitions/${competitionId}/exports/summary`);
    const summaryBook = new ExcelJS.Workbook();
    await summaryBook.xlsx.load(summary.body as unknown as ArrayBuffer);
    expect(String(summaryBook.getWorksheet('评分汇总表')!.getCell(1, 1).value)).toContain('评分汇总表');
    expect((await t.http().get(`/api/competitions/${competitionId}/ranking`).set('authorization', await t.login('longcheng'))).status).toBe(403);
  });
});
