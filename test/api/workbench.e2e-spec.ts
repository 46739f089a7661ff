import type { TodoView, WorkbenchView } from '@xiaoshi/contracts';
import { quarterOf, shanghaiDate } from '@xiaoshi/domain';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { approvedProjects } from '../support/fixtures.js';
import {
  draftApplication,
  payTranche,
  projectOf,
  recordInspection,
  submittedApplication,
} from '../support/pipeline-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const YUAN = 100;

/**
 * The 工作台 of every role against work arranged through the API (SQL only where the API has no
 * way to get there quickly): each 待办 appears for the user who must act, with a count, a link and
 * a deadline, disappears once done, and never shows another street's work.
 */
describe('workbench: 待办 per role, counted in the user’s scope', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let projects: number[];

  const workbench = async (username: string, password?: string): Promise<WorkbenchView> => {
    const response = await t
      .http()
      .get('/api/workbench')
      .set('authorization', await t.login(username, password));
    expect(response.status).toBe(200);
    return response.body as WorkbenchView;
  };
  const todo = async (username: string, kind: string, password?: string): Promise<TodoView | undefined> =>
    (await workbench(username, password)).todos.find((item) => item.kind === kind);
  const count = async (username: string, kind: string, password?: string) =>
    (await workbench(username, password)).todos
      .filter((item) => item.kind === kind)
      .reduce((sum, item) => sum + item.count, 0);

  beforeAll(async () => {
    t = await startTestApp();
    worker = await createWorker(t.config, { schedule: false });
    // Three approved 龙城 projects (the call awards 3–5); reviewers dj1–dj5 make up the panel.
    const approved = await approvedProjects(t, { count: 3 });
    projects = await Promise.all(approved.map((id) => projectOf(t, id)));
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('puts a submitted application in the admin’s 待筛查 until it is screened', async () => {
    expect(await count('admin', 'applications.to_screen')).toBe(0);
    const application = await submittedApplication(t, { street: 'dounan', communityName: '斗南社区' });
    const item = await todo('admin', 'applications.to_screen');
    const competition = (
      await t.db.query(`SELECT competition_id FROM application WHERE id = $1`, [application.id])
    ).rows[0].competition_id;
    expect(item).toMatchObject({
      count: 1,
      link: `/applications?status=submitted&competitionId=${competition}`,
      label: { zh: '待形式审查的申报', en: 'Applications to screen' },
    });
    // Due before the review opens.
    const reviewOpens = (
      await t.db.query(`SELECT review_opens_at FROM competition WHERE id = $1`, [competition])
    ).rows[0].review_opens_at as Date;
    expect(item!.oldestDue).toBe(shanghaiDate(reviewOpens));
    // Nobody else screens it.
    for (const username of ['finance', 'longcheng', 'dounan', 'auditor', 'reviewer']) {
      expect(await count(username, 'applications.to_screen')).toBe(0);
    }
    const screened = await t
      .http()
      .post(`/api/applications/${application.id}/screen`)
      .set('authorization', await t.login('admin'))
      .send({ outcome: 'eligible', version: application.version });
    expect(screened.status).toBe(200);
    expect(await todo('admin', 'applications.to_screen')).toBeUndefined();
  });

  it('walks a community draft through the street: drafts, to submit, returned, and the street’s minimum', async () => {
    const minimum = async (street: string) =>
      (await workbench(street)).todos.find(
        (item) => item.kind === 'applications.below_minimum' && item.label.zh.includes('民生小实事'),
      )?.count ?? 0;
    const shortBefore = await minimum('longcheng');
    const draft = await draftApplication(t, {
      as: 'community',
      communityName: '龙街社区',
      title: '社区草稿项目',
    });
    expect(await todo('community', 'applications.drafts')).toMatchObject({
      count: 1,
      link: '/applications?status=draft&competitionId=' + (await competitionOf(draft.id)),
    });
    // A street's officer is not asked to finish a community's draft.
    expect(await count('longcheng', 'applications.drafts')).toBe(0);

    const sent = await t
      .http()
      .post(`/api/applications/${draft.id}/submit-to-street`)
      .set('authorization', await t.login('community'))
      .send({ version: draft.version });
    expect(sent.status).toBe(200);
    expect(await count('community', 'applications.drafts')).toBe(0);
    expect(await todo('longcheng', 'applications.to_submit')).toMatchObject({ count: 1 });
    expect(await count('dounan', 'applications.to_submit')).toBe(0);

    const submitted = await t
      .http()
      .post(`/api/applications/${draft.id}/submit`)
      .set('authorization', await t.login('longcheng'))
      .send({ version: sent.body.version });
    expect(submitted.status).toBe(200);
    expect(await count('longcheng', 'applications.to_submit')).toBe(0);
    // One more towards the street's minimum of the call.
    expect(await minimum('longcheng')).toBe(shortBefore - 1);
    const figure = (await workbench('longcheng')).figures.find(
      (entry) => entry.key.startsWith('street.submissions.') && entry.label.zh.includes('民生小实事'),
    );
    expect(figure).toMatchObject({ of: 5, unit: 'count' });
    expect(figure!.value).toBe(5 - (shortBefore - 1));

    // Returned for revision: the street and the community both see it; the district does not.
    const returned = await t
      .http()
      .post(`/api/applications/${draft.id}/screen`)
      .set('authorization', await t.login('admin'))
      .send({ outcome: 'returned', reason: '预算表缺少明细', version: submitted.body.version });
    expect(returned.status).toBe(200);
    expect(await todo('longcheng', 'applications.returned')).toMatchObject({ count: 1 });
    expect(await todo('community', 'applications.returned')).toMatchObject({ count: 1 });
    expect(await count('dounan', 'applications.returned')).toBe(0);
    expect(await count('admin', 'applications.returned')).toBe(0);
  });

  it('gives a reviewer their unscored sheets and the sheets done of total', async () => {
    const competition = (await t.db.query(`SELECT id FROM competition WHERE kind = 'livelihood'`)).rows[0].id;
    const eligible = await submittedApplication(t, {
      street: 'longcheng',
      communityName: '文华社区',
      title: '待评审项目',
    });
    const screened = await t
      .http()
      .post(`/api/applications/${eligible.id}/screen`)
      .set('authorization', await t.login('admin'))
      .send({ outcome: 'eligible', version: eligible.version });
    expect(screened.status).toBe(200);
    const assigned = await t
      .http()
      .post(`/api/competitions/${competition}/assignments/auto`)
      .set('authorization', await t.login('admin'))
      .send({});
    expect(assigned.status).toBe(200);
    const password = 'Reviewer2026pass';
    // dj1 scored the three approved applications; the new one waits (and the one screened earlier).
    const open = (
      await t.db.query(
        `SELECT count(*)::int AS open FROM review_assignment ra JOIN app_user u ON u.id = ra.reviewer_user_id
         LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id WHERE u.username = 'dj1' AND sh.status IS DISTINCT FROM 'submitted'`,
      )
    ).rows[0].open as number;
    expect(open).toBeGreaterThan(0);
    const item = await todo('dj1', 'reviews.sheets_to_score', password);
    expect(item).toMatchObject({ count: open, link: '/reviews' });
    expect((await workbench('dj1', password)).figures).toEqual([
      expect.objectContaining({ key: 'reviewer.sheets', value: 3, of: 3 + open }),
    ]);

    const assignment = (
      await t.db.query(
        `SELECT ra.id FROM review_assignment ra JOIN app_user u ON u.id = ra.reviewer_user_id
         WHERE u.username = 'dj1' AND ra.application_id = $1`,
        [eligible.id],
      )
    ).rows[0].id;
    const bearer = await t.login('dj1', password);
    const scores = {
      public_attention: 15,
      benefit_breadth: 15,
      resident_participation: 15,
      feasibility: 12,
      budget_reasonableness: 12,
      sustainability: 7,
    };
    const saved = await t
      .http()
      .put(`/api/reviews/assignments/${assignment}/sheet`)
      .set('authorization', bearer)
      .send({ scores, comments: {} });
    const sent = await t
      .http()
      .post(`/api/reviews/assignments/${assignment}/sheet/submit`)
      .set('authorization', bearer)
      .send({ version: saved.body.sheet.version });
    expect(sent.status).toBe(200);
    expect(await count('dj1', 'reviews.sheets_to_score', password)).toBe(open - 1);
    // The demo reviewer has no assignment: nothing waits, 0 of 0.
    expect((await workbench('reviewer')).todos).toEqual([]);
  });

  it('runs acceptance: the admin assigns inspectors, the inspector inspects; the community reports progress', async () => {
    const [project] = projects;
    const community = await t.login('community');
    const dueBefore = await count('community', 'delivery.progress_reports_due');
    expect(dueBefore).toBe(3); // every open project of 龙街社区 lacks this month's report
    expect(await todo('longcheng', 'delivery.progress_reports_due')).toMatchObject({
      count: 3,
      link: '/projects?overdue=1',
    });
    expect(await count('dounan', 'delivery.progress_reports_due')).toBe(0);
    for (const reported of projects.slice(0, 2)) {
      const report = await t
        .http()
        .post(`/api/projects/${reported}/progress-reports`)
        .set('authorization', community)
        .send({ text: '已完成入户征求意见。', percentComplete: 30 });
      expect(report.status).toBe(201);
    }
    const due = await todo('community', 'delivery.progress_reports_due');
    expect(due).toMatchObject({ count: 1, link: `/projects/${projects[2]}` });
    expect(due!.oldestDue).toMatch(new RegExp(`^${shanghaiDate(new Date()).slice(0, 7)}-(28|29|30|31)$`));

    expect(
      (
        await t
          .http()
          .post(`/api/projects/${project}/request-acceptance`)
          .set('authorization', community)
          .send({})
      ).status,
    ).toBe(200);
    expect(await todo('admin', 'delivery.acceptance_to_assign')).toMatchObject({
      count: 1,
      link: `/projects/${project}`,
    });
    expect(await count('inspector', 'delivery.inspections_assigned')).toBe(0);
    const inspectorId = (await t.db.query(`SELECT id FROM app_user WHERE username = 'inspector'`)).rows[0].id;
    const inspection = await t
      .http()
      .post(`/api/projects/${project}/inspections`)
      .set('authorization', await t.login('admin'))
      .send({ inspectorUserIds: [inspectorId] });
    expect(inspection.status).toBe(201);
    expect(await count('admin', 'delivery.acceptance_to_assign')).toBe(0);
    expect(await todo('inspector', 'delivery.inspections_assigned')).toMatchObject({
      count: 1,
      link: `/inspections/${inspection.body.id}`,
    });
    expect((await workbench('inspector')).figures).toEqual([
      expect.objectContaining({ key: 'inspector.inspections_due', value: 1 }),
    ]);
    await recordInspection(t, inspection.body.id, 'passed');
    expect(await count('inspector', 'delivery.inspections_assigned')).toBe(0);
  });

  it('keeps payments maker–checker: the requester never sees their own request to approve', async () => {
    const before = {
      finance: await count('finance', 'payments.to_approve'),
      checker: await count('checker', 'payments.to_approve'),
    };
    const recordBefore = await count('finance', 'payments.to_record');
    const payment = await payTranche(t, {
      projectId: projects[1],
      amountFen: 10_800 * YUAN,
      voucherNo: 'WB-0001',
      approve: false,
    });
    expect(await count('finance', 'payments.to_approve')).toBe(before.finance);
    expect(await count('checker', 'payments.to_approve')).toBe(before.checker + 1);
    expect(await todo('checker', 'payments.to_approve')).toMatchObject({ link: '/payments?tab=requested' });
    const waiting = (await workbench('checker')).figures.find(
      (entry) => entry.key === 'finance.awaiting_approval_fen',
    );
    expect(waiting!.value).toBeGreaterThanOrEqual(10_800 * YUAN);
    // The admin requests but does not approve or record: no finance 待办.
    expect(await count('admin', 'payments.to_approve')).toBe(0);

    expect(
      (
        await t
          .http()
          .post(`/api/payments/${payment}/approve`)
          .set('authorization', await t.login('checker'))
      ).status,
    ).toBe(200);
    expect(await count('checker', 'payments.to_approve')).toBe(before.checker);
    expect(await count('finance', 'payments.to_record')).toBe(recordBefore + 1);
    const paidBefore = (await workbench('finance')).figures.find(
      (entry) => entry.key === 'finance.paid_this_month',
    )!.value;
    const recorded = await t
      .http()
      .post(`/api/payments/${payment}/record`)
      .set('authorization', await t.login('finance'))
      .send({ paidOn: shanghaiDate(new Date()), voucherNo: 'WB-0001', bankReference: 'BANK-WB-0001' });
    expect(recorded.status).toBe(200);
    expect(await count('finance', 'payments.to_record')).toBe(recordBefore);
    const paidAfter = (await workbench('finance')).figures.find(
      (entry) => entry.key === 'finance.paid_this_month',
    )!.value;
    expect(paidAfter - paidBefore).toBe(10_800 * YUAN);
  });

  it('asks a street for its quarterly roster, then the district to audit it', async () => {
    const { year, quarter } = quarterOf(shanghaiDate(new Date()))!;
    const cadres = (
      await t.db.query(`SELECT id FROM stipend_programme WHERE name = '正常离任社区干部生活补贴'`)
    ).rows[0].id;
    const streetId = (await t.db.query(`SELECT id FROM org_unit WHERE code = 'demo-longcheng'`)).rows[0].id;
    const item = (await workbench('longcheng')).todos.find(
      (entry) => entry.kind === 'stipends.report_to_file' && entry.link.includes(`programme=${cadres}&`),
    );
    expect(item).toMatchObject({
      count: 1,
      link: `/stipends?programme=${cadres}&tab=reports&year=${year}&quarter=${quarter}`,
    });
    expect(item!.oldestDue).toMatch(/-(31|30)$/);
    expect(await count('admin', 'stipends.report_to_file')).toBe(0);

    const submitted = await t
      .http()
      .post(`/api/stipends/programmes/${cadres}/reports`)
      .set('authorization', await t.login('longcheng'))
      .send({ streetId, year, quarter });
    expect(submitted.status).toBe(201);
    expect(
      (await workbench('longcheng')).todos.some(
        (entry) => entry.kind === 'stipends.report_to_file' && entry.link.includes(`programme=${cadres}&`),
      ),
    ).toBe(false);
    // 斗南 has not reported: it is still asked.
    expect(
      (await workbench('dounan')).todos.some(
        (entry) => entry.kind === 'stipends.report_to_file' && entry.link.includes(`programme=${cadres}&`),
      ),
    ).toBe(true);
    const audit = (await workbench('admin')).todos.find((entry) => entry.kind === 'stipends.report_to_audit');
    expect(audit).toMatchObject({
      count: 1,
      link: `/stipends?programme=${cadres}&tab=reports&year=${year}&quarter=${quarter}`,
    });
    const report = (
      await t.db.query(
        `SELECT id, version FROM stipend_street_report WHERE programme_id = $1 AND street_id = $2 AND year = $3 AND quarter = $4`,
        [cadres, streetId, year, quarter],
      )
    ).rows[0];
    const approved = await t
      .http()
      .post(`/api/stipends/reports/${report.id}/approve`)
      .set('authorization', await t.login('admin'))
      .send({ version: report.version });
    expect(approved.status).toBe(200);
    expect(await count('admin', 'stipends.report_to_audit')).toBe(0);
  });

  it('shows finance a batch another officer prepared, and approved batches to pay', async () => {
    const cadres = (
      await t.db.query(`SELECT id FROM stipend_programme WHERE name = '正常离任社区干部生活补贴'`)
    ).rows[0].id;
    const users = Object.fromEntries(
      (
        await t.db.query(`SELECT username, id FROM app_user WHERE username IN ('finance', 'checker')`)
      ).rows.map((row) => [row.username, row.id]),
    );
    const batch = (
      await t.db.query(
        `INSERT INTO stipend_batch (programme_id, kind, year, quarter, status, total_fen, people_count, prepared_by_user_id, prepared_at, version)
         VALUES ($1, 'quarterly', 2026, 1, 'prepared', 100000, 1, $2, now(), 1) RETURNING id`,
        [cadres, users.finance],
      )
    ).rows[0].id;
    expect(await count('finance', 'stipends.batch_to_approve')).toBe(0);
    expect(await todo('checker', 'stipends.batch_to_approve')).toMatchObject({
      count: 1,
      link: `/stipends?programme=${cadres}&tab=batches&batch=${batch}`,
    });
    await t.db.query(
      `UPDATE stipend_batch SET status = 'approved', approved_by_user_id = $2, approved_at = now() WHERE id = $1`,
      [batch, users.checker],
    );
    expect(await count('checker', 'stipends.batch_to_approve')).toBe(0);
    expect(await todo('finance', 'stipends.batch_to_pay')).toMatchObject({ count: 1 });
    expect(await count('admin', 'stipends.batch_to_pay')).toBe(0);
  });

  it('lists objections to decide for the district only', async () => {
    const notice = (await t.db.query(`SELECT id FROM public_notice ORDER BY id LIMIT 1`)).rows[0].id;
    await t.db.query(
      `INSERT INTO objection (notice_id, contact_name, contact_phone, text, status, version) VALUES ($1, '王某', '13900000000', '该项目受益面存疑', 'pending', 1)`,
      [notice],
    );
    expect(await todo('admin', 'awards.objections_to_decide')).toMatchObject({
      count: 1,
      link: `/notices/${notice}`,
    });
    for (const username of ['longcheng', 'finance', 'auditor'])
      expect(await count(username, 'awards.objections_to_decide')).toBe(0);
    expect(
      (await workbench('admin')).figures.find((entry) => entry.key === 'district.pending_objections')!.value,
    ).toBe(1);
    await t.db.query(
      `UPDATE objection SET status = 'dismissed', investigation = '经核实不成立', decided_at = now() WHERE notice_id = $1`,
      [notice],
    );
    expect(await count('admin', 'awards.objections_to_decide')).toBe(0);
  });

  it('answers every role with its own figures, nothing for a role with no work, 401 without a session', async () => {
    const keys = async (username: string) => (await workbench(username)).figures.map((entry) => entry.key);
    expect(await keys('admin')).toEqual(
      expect.arrayContaining([
        'district.execution_rate',
        'district.projects_in_delivery',
        'district.pending_objections',
      ]),
    );
    expect(await keys('auditor')).toContain('district.execution_rate');
    expect(await keys('finance')).toEqual([
      'finance.awaiting_approval',
      'finance.awaiting_approval_fen',
      'finance.paid_this_month',
    ]);
    expect(await keys('longcheng')).toContain('street.projects_in_delivery');
    expect(await keys('community')).toEqual(['community.projects_in_delivery']);
    expect(await workbench('partner')).toMatchObject({ todos: [], figures: [] });
    // The district's execution rate is the budget's: paid ÷ adjusted budget of the year's lines.
    const lines = (
      await t.db.query(
        `SELECT sum(l.amount_fen + l.adjusted_fen)::bigint AS budget, sum(l.paid_fen)::bigint AS paid
         FROM budget_line l JOIN programme g ON g.id = l.programme_id WHERE g.year = $1`,
        [Number(shanghaiDate(new Date()).slice(0, 4))],
      )
    ).rows[0];
    const rate = (await workbench('admin')).figures.find(
      (entry) => entry.key === 'district.execution_rate',
    )!.value;
    expect(rate).toBe(Math.floor((Number(lines.paid) * 10_000) / Number(lines.budget)));
    expect((await t.http().get('/api/workbench')).status).toBe(401);
  });

  async function competitionOf(applicationId: number): Promise<number> {
    return (await t.db.query(`SELECT competition_id FROM application WHERE id = $1`, [applicationId])).rows[0]
      .competition_id;
  }
});
