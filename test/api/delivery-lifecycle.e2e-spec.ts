import { DataSource } from 'typeorm';
import {
  FOLLOW_PROJECTS_REASON,
  ApplicationsFollowProjects1764000000700,
} from '../../apps/api/src/database/migrations/1764000000700-ApplicationsFollowProjects.js';
import { QueueService } from '../../apps/api/src/queue/queue.service.js';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { approvedProjects, projectsOpened } from '../support/fixtures.js';
import { assignAcceptance, payTranche, projectOf, recordInspection } from '../support/pipeline-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const YUAN = 100;
const ADVANCE_FEN = 10_800 * YUAN;
const FINAL_FEN = 25_200 * YUAN;

/**
 * Issue 12 §2 and §5: a project's moves drive its application's lifecycle (one history row and one
 * audit record per move, in the project move's transaction), and projects open from the approval
 * event — a job — never from a read.
 */
describe('delivery drives the application lifecycle; projects open from approval, not from reads', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let admin: string;
  let apps: number[];
  let projects: number[];

  const statusOf = async (applicationId: number) =>
    (await t.db.query(`SELECT status FROM application WHERE id = $1`, [applicationId])).rows[0].status as string;
  const projectStatus = async (projectId: number) =>
    (await t.db.query(`SELECT status FROM project WHERE id = $1`, [projectId])).rows[0].status as string;
  const history = async (applicationId: number) =>
    (
      await t.db.query(
        `SELECT from_status, to_status, action, reason, actor_user_id FROM application_status_change
         WHERE application_id = $1 ORDER BY id`,
        [applicationId],
      )
    ).rows as Array<{ from_status: string; to_status: string; action: string; reason: string | null; actor_user_id: number | null }>;
  /** Rows in every table a read might be tempted to write. */
  const counts = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*) FROM project)::int AS projects, (SELECT count(*) FROM project_tranche)::int AS tranches,
                (SELECT count(*) FROM application_status_change)::int AS history, (SELECT count(*) FROM audit_event)::int AS audit,
                (SELECT string_agg(id || ':' || status || ':' || version, ',' ORDER BY id) FROM application) AS applications,
                (SELECT string_agg(id || ':' || status || ':' || version, ',' ORDER BY id) FROM project) AS project_rows`,
      )
    ).rows[0];

  beforeAll(async () => {
    t = await startTestApp();
    worker = await createWorker(t.config, { schedule: false });
    admin = await t.login('admin');
    apps = await approvedProjects(t, { count: 3 });
    projects = [];
    for (const applicationId of apps) projects.push(await projectOf(t, applicationId));
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('opens the projects from the approval’s job: the application starts delivery, moved by the system', async () => {
    for (const applicationId of apps) {
      expect(await statusOf(applicationId)).toBe('in_progress');
      expect((await history(applicationId)).slice(-2)).toEqual([
        expect.objectContaining({ from_status: 'in_notice', to_status: 'approved', action: 'approve_award' }),
        { from_status: 'approved', to_status: 'in_progress', action: 'start_delivery', reason: null, actor_user_id: null },
      ]);
    }
    const opened = await t.db.query(
      `SELECT entity_id, request_id, actor_user_id FROM audit_event WHERE action = 'project.open' ORDER BY entity_id::int`,
    );
    expect(opened.rows).toEqual(
      [...projects]
        .sort((a, b) => a - b)
        .map((id) => ({ entity_id: String(id), request_id: 'job:delivery.open-projects', actor_user_id: null })),
    );
    for (const id of projects) expect(await projectStatus(id)).toBe('in_progress');
  });

  it('writes nothing on GET: an approved award without a project stays without one until the job runs', async () => {
    // Arrange an approved award whose project has not been opened yet (as if the job had not run).
    const [applicationId] = apps.slice(-1);
    const projectId = projects[projects.length - 1];
    await t.db.query(`DELETE FROM project WHERE id = $1`, [projectId]);
    await t.db.query(`DELETE FROM application_status_change WHERE application_id = $1 AND action = 'start_delivery'`, [
      applicationId,
    ]);
    await t.db.query(`UPDATE application SET status = 'approved' WHERE id = $1`, [applicationId]);
    const community = await t.login('community'); // signing in writes; reading must not
    const before = await counts();
    const list = await t.http().get('/api/projects').set('authorization', admin);
    expect(list.status).toBe(200);
    expect(list.body.map((project: { applicationId: number }) => project.applicationId)).not.toContain(applicationId);
    expect((await t.http().get(`/api/applications/${applicationId}/project`).set('authorization', admin)).status).toBe(404);
    expect((await t.http().get(`/api/projects/${projects[0]}`).set('authorization', admin)).status).toBe(200);
    expect((await t.http().get('/api/projects?overdue=1').set('authorization', community)).status).toBe(200);
    expect((await t.http().get('/api/ledger/dashboard').set('authorization', admin)).status).toBe(200);
    expect(await counts()).toEqual(before);
    expect(await statusOf(applicationId)).toBe('approved');

    // The job (enqueued by an approval, repeated by the schedule) opens it, once.
    await t.app.get(QueueService).enqueue('delivery.open-projects', {});
    await projectsOpened(t, [applicationId]);
    expect(await statusOf(applicationId)).toBe('in_progress');
    projects[projects.length - 1] = await projectOf(t, applicationId);
    const after = await counts();
    expect(after.projects).toBe(before.projects + 1);
    expect(after.history).toBe(before.history + 1);
  });

  it('moves the application along with its project: acceptance, rectification, acceptance, then closed by the final payment', async () => {
    const [applicationId] = apps;
    const [projectId] = projects;
    await recordInspection(t, await assignAcceptance(t, projectId), 'rectification');
    expect([await projectStatus(projectId), await statusOf(applicationId)]).toEqual(['rectification', 'rectification']);
    const inspection = await assignAcceptance(t, projectId);
    // Inspecting is delivery's own step: the application waits in acceptance_requested.
    expect([await projectStatus(projectId), await statusOf(applicationId)]).toEqual(['inspecting', 'acceptance_requested']);
    await recordInspection(t, inspection, 'passed');
    expect([await projectStatus(projectId), await statusOf(applicationId)]).toEqual(['accepted', 'accepted']);

    await payTranche(t, { projectId, amountFen: ADVANCE_FEN, voucherNo: 'LC-0001' });
    expect(await statusOf(applicationId)).toBe('accepted'); // not paid in full yet
    await payTranche(t, { projectId, amountFen: FINAL_FEN, voucherNo: 'LC-0002' });
    expect(await statusOf(applicationId)).toBe('closed');
    // The project keeps its delivery outcome; the application is closed (结项).
    const view = (await t.http().get(`/api/projects/${projectId}`).set('authorization', admin)).body;
    expect(view).toMatchObject({ status: 'accepted', money: { paidFen: ADVANCE_FEN + FINAL_FEN, availableFen: 0 } });

    const inspector = (await t.db.query(`SELECT id FROM app_user WHERE username = 'inspector'`)).rows[0].id;
    const finance = (await t.db.query(`SELECT id FROM app_user WHERE username = 'finance'`)).rows[0].id;
    const street = (await t.db.query(`SELECT id FROM app_user WHERE username = 'longcheng'`)).rows[0].id;
    expect((await history(applicationId)).slice(-6)).toEqual([
      { from_status: 'approved', to_status: 'in_progress', action: 'start_delivery', reason: null, actor_user_id: null },
      { from_status: 'in_progress', to_status: 'acceptance_requested', action: 'request_acceptance', reason: null, actor_user_id: street },
      {
        from_status: 'acceptance_requested',
        to_status: 'rectification',
        action: 'inspection_rectification',
        reason: '活动台账不全',
        actor_user_id: inspector,
      },
      { from_status: 'rectification', to_status: 'acceptance_requested', action: 'request_acceptance', reason: null, actor_user_id: street },
      { from_status: 'acceptance_requested', to_status: 'accepted', action: 'inspection_passed', reason: null, actor_user_id: inspector },
      { from_status: 'accepted', to_status: 'closed', action: 'close', reason: null, actor_user_id: finance },
    ]);
    // Every application move is audited beside the project's own record.
    const audited = await t.db.query(
      `SELECT action FROM audit_event WHERE entity_type = 'application' AND entity_id = $1 ORDER BY seq`,
      [String(applicationId)],
    );
    expect(audited.rows.map((row) => row.action).slice(-6)).toEqual([
      'application.start_delivery',
      'application.request_acceptance',
      'application.inspection_rectification',
      'application.request_acceptance',
      'application.inspection_passed',
      'application.close',
    ]);

    // A reversal after closure leaves the application closed; paying the money again is possible.
    const payment = (await t.db.query(`SELECT id FROM payment WHERE voucher_no = 'LC-0002'`)).rows[0].id;
    const reversed = await t
      .http()
      .post(`/api/payments/${payment}/reverse`)
      .set('authorization', await t.login('finance'))
      .send({ reason: '收款账户有误' });
    expect(reversed.status).toBe(200);
    expect(await statusOf(applicationId)).toBe('closed');
  });

  it('closes the application of a failed project, with the inspection’s findings as the reason', async () => {
    const [, applicationId] = apps;
    const [, projectId] = projects;
    await recordInspection(t, await assignAcceptance(t, projectId), 'failed');
    expect([await projectStatus(projectId), await statusOf(applicationId)]).toEqual(['failed', 'closed']);
    expect((await history(applicationId)).at(-1)).toMatchObject({
      from_status: 'acceptance_requested',
      to_status: 'closed',
      action: 'inspection_failed',
      reason: '活动台账不全',
    });
  });

  it('moves both or neither: an application out of step refuses the project’s move, and nothing is written', async () => {
    const applicationId = apps[2];
    const projectId = projects[2];
    await t.db.query(`UPDATE application SET status = 'accepted' WHERE id = $1`, [applicationId]);
    const street = await t.login('longcheng');
    const before = await counts();
    const refused = await t.http().post(`/api/projects/${projectId}/request-acceptance`).set('authorization', street).send({});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('INVALID_TRANSITION');
    expect(await counts()).toEqual(before);
    expect(await projectStatus(projectId)).toBe('in_progress');
    await t.db.query(`UPDATE application SET status = 'in_progress' WHERE id = $1`, [applicationId]);
    // Twice in a row: the second request is refused by the project's own table.
    expect((await t.http().post(`/api/projects/${projectId}/request-acceptance`).set('authorization', street).send({})).status).toBe(200);
    expect((await t.http().post(`/api/projects/${projectId}/request-acceptance`).set('authorization', street).send({})).status).toBe(409);
    expect(await statusOf(applicationId)).toBe('acceptance_requested');
  });

  it('brings applications left behind by their projects in line (the data migration), and back', async () => {
    const dataSource = t.app.get(DataSource);
    const [acceptedApp, failedApp, waitingApp] = apps;
    // As before issue 12: applications stayed 'approved' whatever their projects did.
    await t.db.query(`UPDATE application SET status = 'approved' WHERE id = ANY($1::int[])`, [apps]);
    const historyBefore = (await t.db.query(`SELECT count(*)::int AS n FROM application_status_change`)).rows[0].n;
    const migration = new ApplicationsFollowProjects1764000000700();
    const runner = dataSource.createQueryRunner();
    try {
      await migration.up(runner);
      expect([await statusOf(acceptedApp), await statusOf(failedApp), await statusOf(waitingApp)]).toEqual([
        // accepted, and what its tranches released is paid — the reversed final tranche is not:
        'accepted',
        'closed',
        'acceptance_requested',
      ]);
      const written = await t.db.query(
        `SELECT application_id, from_status, to_status, action, actor_user_id FROM application_status_change
         WHERE reason = $1 ORDER BY application_id`,
        [FOLLOW_PROJECTS_REASON],
      );
      expect(written.rows).toEqual(
        [
          { application_id: acceptedApp, from_status: 'approved', to_status: 'accepted', action: 'inspection_passed', actor_user_id: null },
          { application_id: failedApp, from_status: 'approved', to_status: 'closed', action: 'inspection_failed', actor_user_id: null },
          {
            application_id: waitingApp,
            from_status: 'approved',
            to_status: 'acceptance_requested',
            action: 'request_acceptance',
            actor_user_id: null,
          },
        ].sort((a, b) => a.application_id - b.application_id),
      );
      // Run twice, nothing more moves.
      await migration.up(runner);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM application_status_change`)).rows[0].n).toBe(historyBefore + 3);
      await migration.down(runner);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM application_status_change`)).rows[0].n).toBe(historyBefore);
      for (const applicationId of apps) expect(await statusOf(applicationId)).toBe('approved');
    } finally {
      await runner.release();
    }
  });
});
