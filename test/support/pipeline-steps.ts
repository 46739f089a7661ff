import { pdfBytes, pngBytes, serviceApplication } from './fixtures.js';
import type { TestApp } from './test-app.js';

/**
 * Single steps of the pipeline through the real API, for suites that arrange a particular state
 * (the dashboards and the 工作台): one application submitted by a street, an acceptance inspection
 * recorded, a tranche requested, approved by a second finance officer and recorded as paid.
 */

/** Creates a service-category application of `communityName` (livelihood call), with its attachments. */
export async function draftApplication(
  t: TestApp,
  options: { as: string; communityName: string; title?: string },
): Promise<{ id: number; version: number }> {
  const bearer = await t.login(options.as);
  const competition = (await t.db.query(`SELECT id FROM competition WHERE kind = 'livelihood'`)).rows[0]
    .id as number;
  const category = (
    await t.db.query(`SELECT id FROM competition_category WHERE competition_id = $1 AND key = 'service'`, [
      competition,
    ])
  ).rows[0].id as number;
  const community = (await t.db.query(`SELECT id FROM org_unit WHERE name = $1`, [options.communityName]))
    .rows[0].id as number;
  const created = await t
    .http()
    .post('/api/applications')
    .set('authorization', bearer)
    .send(
      serviceApplication(competition, community, category, {
        title: options.title ?? `${options.communityName}测试项目`,
      }),
    );
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  for (const [type, bytes, name] of [
    ['council_resolution', pdfBytes(), 'a.pdf'],
    ['budget_sheet', pdfBytes(), 'b.pdf'],
    ['site_photos', pngBytes(), 'c.png'],
  ] as const) {
    const uploaded = await t
      .http()
      .post(`/api/applications/${created.body.id}/attachments`)
      .set('authorization', bearer)
      .field('type', type)
      .attach('file', bytes, name);
    if (uploaded.status !== 201) throw new Error(`upload failed: ${JSON.stringify(uploaded.body)}`);
  }
  const fresh = await t.http().get(`/api/applications/${created.body.id}`).set('authorization', bearer);
  return { id: created.body.id, version: fresh.body.version };
}

/** A street officer's application, submitted to the district (status 'submitted'). */
export async function submittedApplication(
  t: TestApp,
  options: { street: string; communityName: string; title?: string },
): Promise<{ id: number; version: number }> {
  const draft = await draftApplication(t, { ...options, as: options.street });
  const submitted = await t
    .http()
    .post(`/api/applications/${draft.id}/submit`)
    .set('authorization', await t.login(options.street))
    .send({ version: draft.version });
  if (submitted.status !== 200) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`);
  return { id: draft.id, version: submitted.body.version };
}

/** The project opened for an approved application. */
export async function projectOf(t: TestApp, applicationId: number): Promise<number> {
  const project = await t
    .http()
    .get(`/api/applications/${applicationId}/project`)
    .set('authorization', await t.login('admin'));
  if (project.status !== 200) throw new Error(`no project: ${JSON.stringify(project.body)}`);
  return project.body.id as number;
}

/** The community asks for acceptance; the admin assigns the demo inspector; returns the inspection id. */
export async function assignAcceptance(t: TestApp, projectId: number): Promise<number> {
  const requested = await t
    .http()
    .post(`/api/projects/${projectId}/request-acceptance`)
    .set('authorization', await t.login('longcheng'))
    .send({ note: '已完工' });
  if (requested.status !== 200) throw new Error(`request failed: ${JSON.stringify(requested.body)}`);
  const inspector = (await t.db.query(`SELECT id FROM app_user WHERE username = 'inspector'`)).rows[0]
    .id as number;
  const assigned = await t
    .http()
    .post(`/api/projects/${projectId}/inspections`)
    .set('authorization', await t.login('admin'))
    .send({ inspectorUserIds: [inspector] });
  if (assigned.status !== 201) throw new Error(`assign failed: ${JSON.stringify(assigned.body)}`);
  return assigned.body.id as number;
}

/** The demo inspector records an assigned inspection with this outcome. */
export async function recordInspection(
  t: TestApp,
  inspectionId: number,
  outcome: 'passed' | 'rectification' | 'failed',
): Promise<void> {
  const bearer = await t.login('inspector');
  const inspection = (await t.http().get(`/api/inspections/${inspectionId}`).set('authorization', bearer))
    .body;
  const answers = Object.fromEntries(
    (inspection.checklist as Array<{ key: string }>).map((item, index) => [
      item.key,
      { ok: outcome === 'passed' || index > 0, note: null },
    ]),
  );
  const recorded = await t
    .http()
    .post(`/api/inspections/${inspectionId}/record`)
    .set('authorization', bearer)
    .send({
      inspectedOn: '2026-10-10',
      answers,
      outcome,
      findings: outcome === 'passed' ? '' : '活动台账不全',
      rectificationDeadline: outcome === 'rectification' ? '2026-10-31' : null,
    });
  if (recorded.status !== 200) throw new Error(`record failed: ${JSON.stringify(recorded.body)}`);
}

/** Requested by 'finance', approved by 'checker' (maker–checker); recorded as paid unless told not to. */
export async function payTranche(
  t: TestApp,
  options: { projectId: number; amountFen: number; voucherNo: string; record?: boolean; approve?: boolean },
): Promise<number> {
  const finance = await t.login('finance');
  const requested = await t
    .http()
    .post('/api/payments')
    .set('authorization', finance)
    .send({ projectId: options.projectId, amountFen: options.amountFen, purpose: '项目拨付' });
  if (requested.status !== 201) throw new Error(`request failed: ${JSON.stringify(requested.body)}`);
  if (options.approve === false) return requested.body.id as number;
  const approved = await t
    .http()
    .post(`/api/payments/${requested.body.id}/approve`)
    .set('authorization', await t.login('checker'));
  if (approved.status !== 200) throw new Error(`approve failed: ${JSON.stringify(approved.body)}`);
  if (options.record === false) return requested.body.id as number;
  const recorded = await t
    .http()
    .post(`/api/payments/${requested.body.id}/record`)
    .set('authorization', finance)
    .send({ paidOn: '2026-11-20', voucherNo: options.voucherNo, bankReference: `BANK-${options.voucherNo}` });
  if (recorded.status !== 200) throw new Error(`record failed: ${JSON.stringify(recorded.body)}`);
  return requested.body.id as number;
}
