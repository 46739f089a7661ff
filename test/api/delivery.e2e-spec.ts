import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { approvedProjects, pngBytes } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const YUAN = 100;

describe('delivery: progress, acceptance with the rectification loop, final tranche, dossier', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let admin: string;
  let community: string;
  let street: string;
  let inspector: string;
  let projectId: number;
  let otherProjectId: number;
  const inspectorIds: number[] = [];

  const answers = async (inspectionId: number, who: string, ok = true) => {
    const inspection = (await t.http().get(`/api/inspections/${inspectionId}`).set('authorization', who))
      .body;
    return Object.fromEntries(
      (inspection.checklist as Array<{ key: string }>).map((item, i) => [
        item.key,
        { ok: ok || i > 0, note: null },
      ]),
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    worker = await createWorker(t.config, { schedule: false });
    admin = await t.login('admin');
    community = await t.login('community');
    street = await t.login('longcheng');
    inspector = await t.login('inspector');
    inspectorIds.push((await t.db.query(`SELECT id FROM app_user WHERE username = 'inspector'`)).rows[0].id);
    const units = await t.db.query(`SELECT id, name FROM org_unit WHERE name IN ('呈贡区', '龙城街道')`);
    const byName = Object.fromEntries(units.rows.map((row) => [row.name, row.id]));
    for (const [username, unit] of [
      ['inspector2', byName['呈贡区']],
      ['inspector3', byName['呈贡区']],
      ['inspector_street', byName['龙城街道']],
    ] as const) {
      const created = await t
        .http()
        .post('/api/users')
        .set('authorization', admin)
        .send({
          username,
          displayName: `验收${username}`,
          unitId: unit,
          roles: ['inspector'],
          initialPassword: 'Inspector2026pass',
        });
      if (created.status !== 201) {
        // An inspector must sit at district or organisation level: put the street one there by SQL.
        const district = await t
          .http()
          .post('/api/users')
          .set('authorization', admin)
          .send({
            username,
            displayName: `验收${username}`,
            unitId: byName['呈贡区'],
            roles: ['inspector'],
            initialPassword: 'Inspector2026pass',
          });
        expect(district.status).toBe(201);
        await t.db.query(`UPDATE app_user SET unit_id = $2 WHERE id = $1`, [district.body.id, unit]);
        inspectorIds.push(district.body.id);
      } else inspectorIds.push(created.body.id);
      await t.db.query(`UPDATE app_user SET must_change_password = false WHERE username = $1`, [username]);
    }
    const apps = await approvedProjects(t, { count: 3 });
    projectId = (await t.http().get(`/api/applications/${apps[0]}/project`).set('authorization', admin)).body
      .id;
    otherProjectId = (await t.http().get(`/api/applications/${apps[1]}/project`).set('authorization', admin))
      .body.id;
  }, 120_000);
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('lets the community plan milestones and report progress with photos; flags and reminds the overdue', async () => {
    const before = (await t.http().get(`/api/projects/${projectId}`).set('authorization', community)).body;
    expect(before.overdue.noReportThisMonth).toBe(true);
    const milestones = await t
      .http()
      .put(`/api/projects/${projectId}/milestones`)
      .set('authorization', community)
      .send({
        milestones: [
          { title: '入户征求意见', dueDate: '2026-12-15', done: true },
          { title: '采购安装', dueDate: '2027-02-28' },
        ],
      });
    expect(milestones.status).toBe(200);
    expect(milestones.body.milestones).toHaveLength(2);
    const bad = await t
      .http()
      .post(`/api/projects/${projectId}/progress-reports`)
      .set('authorization', community)
      .send({ text: '', percentComplete: 120 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['percentComplete', 'text']);
    const report = await t
      .http()
      .post(`/api/projects/${projectId}/progress-reports`)
      .set('authorization', community)
      .send({ text: '已完成入户征求意见，采购进行中。', percentComplete: 40 });
    expect(report.status).toBe(201);
    const photo = await t
      .http()
      .post(`/api/progress-reports/${report.body.id}/photos`)
      .set('authorization', community)
      .attach('file', pngBytes(), '现场.png');
    expect(photo.status).toBe(201);
    expect(photo.body.type).toBe('progress_photo');
    const after = (await t.http().get(`/api/projects/${projectId}`).set('authorization', street)).body;
    expect(after).toMatchObject({
      percentComplete: 40,
      overdue: { noReportThisMonth: false, pastEndDate: false },
    });

    // The daily reminder reaches the community and street officers of projects without a report.
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const { DeliveryService } = await import('../../apps/api/src/modules/delivery/delivery.service.js');
    const delivery = t.app.get(DeliveryService);
    const reminded = await delivery.remindOverdue(today);
    expect(reminded).toBeGreaterThan(0);
    expect(await delivery.remindOverdue(today)).toBe(0); // once per project, month and reason
    const inbox = await t.http().get('/api/notifications').set('authorization', community);
    expect(
      inbox.body.items.some(
        (n: { kind: string; link: string }) =>
          n.kind === 'project.overdue' && n.link === `/projects/${otherProjectId}`,
      ),
    ).toBe(true);
    expect(
      inbox.body.items.some(
        (n: { kind: string; link: string }) =>
          n.kind === 'project.overdue' && n.link === `/projects/${projectId}`,
      ),
    ).toBe(false);
  });

  it('scopes projects by unit: another street sees nothing, 404', async () => {
    const dounan = await t.login('dounan');
    expect((await t.http().get('/api/projects').set('authorization', dounan)).body).toEqual([]);
    expect((await t.http().get(`/api/projects/${projectId}`).set('authorization', dounan)).status).toBe(404);
    expect(
      (
        await t
          .http()
          .post(`/api/projects/${projectId}/progress-reports`)
          .set('authorization', dounan)
          .send({ text: 'x', percentComplete: 1 })
      ).status,
    ).toBe(404);
    expect(
      (await t.http().get(`/api/projects/${projectId}/dossier`).set('authorization', dounan)).status,
    ).toBe(404);
    const auditor = await t.login('auditor');
    expect((await t.http().get(`/api/projects/${projectId}`).set('authorization', auditor)).status).toBe(200);
    expect(
      (
        await t
          .http()
          .post(`/api/projects/${projectId}/progress-reports`)
          .set('authorization', auditor)
          .send({ text: 'x', percentComplete: 1 })
      ).status,
    ).toBe(403);
    expect(
      (
        await t
          .http()
          .post(`/api/projects/${projectId}/request-acceptance`)
          .set('authorization', auditor)
          .send({})
      ).status,
    ).toBe(403);
  });

  it('runs the acceptance loop: rectification → request again → new inspection → passed → final tranche releasable', async () => {
    // Nothing to inspect before acceptance is requested.
    expect(
      (
        await t
          .http()
          .post(`/api/projects/${projectId}/inspections`)
          .set('authorization', admin)
          .send({ inspectorUserIds: [inspectorIds[0]] })
      ).status,
    ).toBe(409);
    const requested = await t
      .http()
      .post(`/api/projects/${projectId}/request-acceptance`)
      .set('authorization', community)
      .send({ note: '已完工' });
    expect(requested.status).toBe(200);
    expect(requested.body.status).toBe('acceptance_requested');
    expect(
      (
        await t
          .http()
          .post(`/api/projects/${projectId}/inspections`)
          .set('authorization', community)
          .send({ inspectorUserIds: [inspectorIds[0]] })
      ).status,
    ).toBe(403);

    // Conflict rules: an inspector of the project's street, one recorded as conflicted.
    const sameStreet = await t
      .http()
      .post(`/api/projects/${projectId}/inspections`)
      .set('authorization', admin)
      .send({ inspectorUserIds: [inspectorIds[0], inspectorIds[3]] });
    expect(sameStreet.status).toBe(409);
    expect(sameStreet.body.code).toBe('CONFLICT_OF_INTEREST');
    expect(sameStreet.body.fields).toHaveProperty(['inspectorUserIds.1']);
    expect(
      (
        await t
          .http()
          .post(`/api/projects/${projectId}/inspector-conflicts`)
          .set('authorization', admin)
          .send({ userId: inspectorIds[2], reason: '系项目负责人亲属' })
      ).status,
    ).toBe(201);
    const declared = await t
      .http()
      .post(`/api/projects/${projectId}/inspections`)
      .set('authorization', admin)
      .send({ inspectorUserIds: [inspectorIds[2]] });
    expect(declared.body.code).toBe('CONFLICT_OF_INTEREST');
    const notInspector = await t
      .http()
      .post(`/api/projects/${projectId}/inspections`)
      .set('authorization', admin)
      .send({
        inspectorUserIds: [
          (await t.db.query(`SELECT id FROM app_user WHERE username = 'finance'`)).rows[0].id,
        ],
      });
    expect(notInspector.status).toBe(400);

    const first = await t
      .http()
      .post(`/api/projects/${projectId}/inspections`)
      .set('authorization', admin)
      .send({ inspectorUserIds: [inspectorIds[0]] });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: 'acceptance', round: 1, status: 'assigned' });
    expect(first.body.checklist.map((item: { key: string }) => item.key)).toContain('activities_done'); // service checklist

    // Only assigned inspectors record.
    const other = await t.login('inspector2', 'Inspector2026pass');
    const intruder = await t
      .http()
      .post(`/api/inspections/${first.body.id}/record`)
      .set('authorization', other)
      .send({ inspectedOn: '2026-10-10', answers: await answers(first.body.id, admin), outcome: 'passed' });
    expect(intruder.status).toBe(403);
    expect(intruder.body.code).toBe('INSPECTOR_NOT_ASSIGNED');
    expect(
      (
        await t
          .http()
          .post(`/api/inspections/${first.body.id}/record`)
          .set('authorization', community)
          .send({})
      ).status,
    ).toBe(403);

    const incoherent = await t
      .http()
      .post(`/api/inspections/${first.body.id}/record`)
      .set('authorization', inspector)
      .send({
        inspectedOn: '2026-10-10',
        answers: await answers(first.body.id, inspector, false),
        outcome: 'passed',
      });
    expect(incoherent.status).toBe(400);
    expect(incoherent.body.fields).toHaveProperty('outcome');
    const noDeadline = await t
      .http()
      .post(`/api/inspections/${first.body.id}/record`)
      .set('authorization', inspector)
      .send({
        inspectedOn: '2026-10-10',
        answers: await answers(first.body.id, inspector, false),
        outcome: 'rectification',
        findings: '台账不全',
      });
    expect(noDeadline.body.fields).toHaveProperty('rectificationDeadline');
    const photo = await t
      .http()
      .post(`/api/inspections/${first.body.id}/photos`)
      .set('authorization', inspector)
      .attach('file', pngBytes(), '验收.png');
    expect(photo.status).toBe(201);
    const rectify = await t
      .http()
      .post(`/api/inspections/${first.body.id}/record`)
      .set('authorization', inspector)
      .send({
        inspectedOn: '2026-10-10',
        answers: await answers(first.body.id, inspector, false),
        outcome: 'rectification',
        findings: '活动签到表不全，限期补齐',
        rectificationDeadline: '2026-10-31',
      });
    expect(rectify.status).toBe(200);
    let project = (await t.http().get(`/api/projects/${projectId}`).set('authorization', community)).body;
    expect(project).toMatchObject({ status: 'rectification', rectificationDeadline: '2026-10-31' });
    expect(project.money.releasedFen).toBe(10_800 * YUAN); // the final tranche is still locked
    const finalEarly = await t
      .http()
      .post('/api/payments')
      .set('authorization', admin)
      .send({ projectId, amountFen: 36_000 * YUAN, purpose: '尾款' });
    expect(finalEarly.body.code).toBe('PAYMENT_OVER_RELEASED');
    expect(
      (await t.http().get(`/api/inspections/${first.body.id}/certificate`).set('authorization', admin))
        .status,
    ).toBe(404);
    // Recorded once only.
    expect(
      (
        await t
          .http()
          .post(`/api/inspections/${first.body.id}/record`)
          .set('authorization', inspector)
          .send({
            inspectedOn: '2026-10-10',
            answers: await answers(first.body.id, inspector),
            outcome: 'passed',
          })
      ).status,
    ).toBe(409);

    // The loop: request again → a new inspection → passed.
    expect(
      (
        await t
          .http()
          .post(`/api/projects/${projectId}/request-acceptance`)
          .set('authorization', street)
          .send({})
      ).status,
    ).toBe(200);
    const second = await t
      .http()
      .post(`/api/projects/${projectId}/inspections`)
      .set('authorization', admin)
      .send({ inspectorUserIds: [inspectorIds[0], inspectorIds[1]] });
    expect(second.status).toBe(201);
    expect(second.body.round).toBe(2);
    const passed = await t
      .http()
      .post(`/api/inspections/${second.body.id}/record`)
      .set('authorization', other)
      .send({ inspectedOn: '2026-11-03', answers: await answers(second.body.id, other), outcome: 'passed' });
    expect(passed.status).toBe(200);
    project = (await t.http().get(`/api/projects/${projectId}`).set('authorization', community)).body;
    expect(project.status).toBe('accepted');
    expect(project.tranches.every((tranche: { released: boolean }) => tranche.released)).toBe(true);
    expect(project.money).toMatchObject({ releasedFen: 36_000 * YUAN, availableFen: 36_000 * YUAN });
    const final = await t
      .http()
      .post('/api/payments')
      .set('authorization', admin)
      .send({ projectId, amountFen: 36_000 * YUAN, purpose: '预拨及尾款' });
    expect(final.status).toBe(201);

    const certificate = await t
      .http()
      .get(`/api/inspections/${second.body.id}/certificate`)
      .set('authorization', community);
    expect(certificate.status).toBe(200);
    expect(certificate.text).toContain('验收合格证书');
    expect(certificate.text).toContain('2026-11-03');
    expect(certificate.text).toContain('验收inspector2');
    expect(certificate.text).toContain('叁万陆仟元整');
  });

  it('downloads the project dossier as one zip with every document', async () => {
    const dossier = await t
      .http()
      .get(`/api/projects/${projectId}/dossier`)
      .set('authorization', admin)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(dossier.status).toBe(200);
    expect(dossier.headers['content-type']).toBe('application/zip');
    const body = dossier.body as Buffer;
    expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
    const names = body.toString('utf8');
    for (const part of ['00-项目台账.txt', '01-申报材料/', '02-进度照片/', '03-验收照片/', '04-验收证书/'])
      expect(names).toContain(part);
  });
});
