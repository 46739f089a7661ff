/**
 * Every module's reminders (issue 14 §4) on one arranged district: score sheets due, a 公示 ending
 * with an objection to decide, progress reports due, an inspection waiting, a payment awaiting
 * approval. Each goes to the right people on the right working days, once.
 */
import { ReminderRunner } from '../../apps/api/src/modules/notifications/reminder-runner.service.js';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { approvedProjects } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('reminders from every module', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let runner: ReminderRunner;
  let competitionId: number;
  let projectIds: number[];
  const ids: Record<string, number> = {};

  /** What a user was reminded of, by kind: titles of their in-app notifications. */
  async function inbox(username: string, kind: string): Promise<string[]> {
    const rows = await t.db.query(
      `SELECT n.title FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = $1 AND n.kind = $2 ORDER BY n.id`,
      [username, kind],
    );
    return rows.rows.map((row) => row.title as string);
  }

  beforeAll(async () => {
    t = await startTestApp();
    worker = await createWorker(t.config, { schedule: false });
    runner = t.app.get(ReminderRunner);
    const apps = await approvedProjects(t, { count: 3 });
    const admin = await t.login('admin');
    projectIds = [];
    for (const applicationId of apps) {
      projectIds.push((await t.http().get(`/api/applications/${applicationId}/project`).set('authorization', admin)).body.id);
    }
    competitionId = (await t.db.query(`SELECT id FROM competition WHERE kind = 'livelihood'`)).rows[0].id;
    for (const row of (await t.db.query(`SELECT id, username FROM app_user`)).rows) ids[row.username] = row.id;
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('reminds a reviewer of unsubmitted sheets 3 and 1 working days before the review closes', async () => {
    // One sheet back in draft; the review window's last day is Friday 11 Dec.
    const sheet = await t.db.query(
      `SELECT sh.id, ra.reviewer_user_id FROM score_sheet sh JOIN review_assignment ra ON ra.id = sh.assignment_id ORDER BY sh.id LIMIT 1`,
    );
    await t.db.query(`UPDATE score_sheet SET status = 'draft', submitted_at = NULL WHERE id = $1`, [sheet.rows[0].id]);
    await t.db.query(
      `UPDATE competition SET submission_opens_at = '2026-10-01T00:00:00+08:00', submission_closes_at = '2026-11-15T00:00:00+08:00',
         review_opens_at = '2026-11-20T00:00:00+08:00', review_closes_at = '2026-12-11T17:00:00+08:00' WHERE id = $1`,
      [competitionId],
    );
    expect((await runner.run('2026-12-09', ['review.sheet_due'])).reminded).toBe(0);
    const due = await runner.run('2026-12-08', ['review.sheet_due']);
    expect(due.byKind).toEqual({ 'review.sheet_due': 1 });
    const titles = await t.db.query(`SELECT title, body, user_id FROM notification WHERE kind = 'review.sheet_due'`);
    expect(titles.rows).toEqual([
      {
        title: '「2026年度呈贡区民生小实事项目申报」评审即将截止',
        body: '您还有 1 份评分表未提交，评审将于 2026-12-11 17:00 截止。',
        user_id: sheet.rows[0].reviewer_user_id,
      },
    ]);
    expect((await runner.run('2026-12-10', ['review.sheet_due'])).reminded).toBe(1);
  });

  it('tells the district admins that a 公示 ends tomorrow and that objections wait, every working day', async () => {
    const notice = (await t.db.query(`SELECT id FROM public_notice WHERE competition_id = $1`, [competitionId])).rows[0].id;
    await t.db.query(`UPDATE public_notice SET status = 'open', first_day = '2026-12-07', last_day = '2026-12-11' WHERE id = $1`, [notice]);
    await t.db.query(
      `INSERT INTO objection (notice_id, contact_name, contact_phone, text, status, created_at, version)
       VALUES ($1, '张三', '13900000000', '该项目受益面描述与实际不符。', 'pending', '2026-12-08T10:00:00+08:00', 1)`,
      [notice],
    );
    const tuesday = await runner.run('2026-12-08', ['notice.ending', 'objection.to_decide']);
    expect(tuesday.byKind).toEqual({});
    const wednesday = await runner.run('2026-12-09', ['notice.ending', 'objection.to_decide']);
    expect(wednesday.byKind).toEqual({ 'objection.to_decide': 1 });
    const thursday = await runner.run('2026-12-10', ['notice.ending', 'objection.to_decide']);
    expect(thursday.byKind).toEqual({ 'notice.ending': 1, 'objection.to_decide': 1 });
    expect(await inbox('admin', 'notice.ending')).toHaveLength(1);
    const body = await t.db.query(`SELECT body FROM notification WHERE kind = 'notice.ending'`);
    expect(body.rows[0].body).toBe('公示期最后一天为 2026-12-11，尚有 1 条异议待处理。');
    // The admin only: no street officer decides objections.
    expect(await inbox('longcheng', 'objection.to_decide')).toEqual([]);
    await t.db.query(`UPDATE public_notice SET status = 'closed' WHERE id = $1`, [notice]);
  });

  it('reminds the community and the street of the month\'s progress report before the month\'s last working day', async () => {
    // December's last working day is Thursday 31 Dec: reminders on Monday 28 and Wednesday 30.
    expect((await runner.run('2026-12-29', ['project.report_due'])).reminded).toBe(0);
    const monday = await runner.run('2026-12-28', ['project.report_due']);
    expect(monday.byKind['project.report_due']).toBe(2 * projectIds.length);
    expect(await inbox('community', 'project.report_due')).toHaveLength(projectIds.length);
    expect(await inbox('longcheng', 'project.report_due')).toHaveLength(projectIds.length);
    expect(await inbox('dounan', 'project.report_due')).toEqual([]);
    // A project that reported this month is not reminded again on the 30th.
    await t.db.query(
      `INSERT INTO progress_report (project_id, period, text, percent_complete, created_by_user_id) VALUES ($1, '2026-12', '进展顺利。', 30, $2)`,
      [projectIds[0], ids.community],
    );
    const wednesday = await runner.run('2026-12-30', ['project.report_due']);
    expect(wednesday.byKind['project.report_due']).toBe(2 * (projectIds.length - 1));
  });

  it('nudges an assigned inspector the first working day after assignment, then every five', async () => {
    const inspection = await t.db.query(
      `INSERT INTO inspection (project_id, kind, round, status, checklist, assigned_by_user_id, version, created_at)
       VALUES ($1, 'acceptance', 1, 'assigned', '[]', $2, 1, '2026-12-04T15:00:00+08:00') RETURNING id`,
      [projectIds[1], ids.admin],
    );
    await t.db.query(`INSERT INTO inspection_inspector (inspection_id, user_id) VALUES ($1, $2)`, [inspection.rows[0].id, ids.inspector]);
    const days = ['2026-12-07', '2026-12-08', '2026-12-11', '2026-12-12', '2026-12-14'];
    const reminded: string[] = [];
    for (const day of days) if ((await runner.run(day, ['inspection.scheduled'])).reminded) reminded.push(day);
    // Friday 4 Dec assigned: Monday 7 (1st working day), then Monday 14 (6th).
    expect(reminded).toEqual(['2026-12-07', '2026-12-14']);
    expect(await inbox('inspector', 'inspection.scheduled')).toHaveLength(2);
  });

  it('reminds finance of a payment awaiting approval, never the officer who requested it', async () => {
    const project = await t.db.query(`SELECT budget_line_id FROM project WHERE id = $1`, [projectIds[0]]);
    const district = (await t.db.query(`SELECT unit_id FROM budget_line WHERE id = $1`, [project.rows[0].budget_line_id])).rows[0].unit_id;
    await t.db.query(
      `INSERT INTO payment (source, project_id, budget_line_id, unit_id, amount_fen, purpose, status, requested_by_user_id, requested_at, version)
       VALUES ('award', $1, $2, $3, 1080000, '预拨款（测试）', 'requested', $4, '2026-12-07T10:00:00+08:00', 1)`,
      [projectIds[0], project.rows[0].budget_line_id, district, ids.finance],
    );
    expect((await runner.run('2026-12-07', ['payment.awaiting_approval'])).reminded).toBe(0);
    const tuesday = await runner.run('2026-12-08', ['payment.awaiting_approval']);
    expect(tuesday.byKind).toEqual({ 'payment.awaiting_approval': 1 });
    expect(await inbox('checker', 'payment.awaiting_approval')).toEqual(['付款申请待审批：预拨款（测试）']);
    expect(await inbox('finance', 'payment.awaiting_approval')).toEqual([]);
    const body = await t.db.query(`SELECT body FROM notification WHERE kind = 'payment.awaiting_approval'`);
    expect(body.rows[0].body).toBe('金额 10,800.00 元，于 2026-12-07 提出，正在等待审批。');
  });
});
