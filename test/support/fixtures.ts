import { deflateSync } from 'node:zlib';

/** A minimal but valid PDF document. */
export function pdfBytes(text = 'Xiaoshi test'): Buffer {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 PNG. */
export function pngBytes(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buffer: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(typed));
    return Buffer.concat([length, typed, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** What a Windows executable starts with: a renamed .exe must not pass as a PDF. */
export function exeBytes(): Buffer {
  const buffer = Buffer.alloc(512);
  buffer.write('MZ', 0, 'ascii');
  buffer.writeUInt32LE(0x80, 0x3c);
  buffer.write('PE\0\0', 0x80, 'latin1');
  return buffer;
}

const YUAN = 100;

/** A complete, valid livelihood-service application body (amounts in fen). */
export function serviceApplication(competitionId: number, communityId: number, categoryId: number, overrides: Record<string, unknown> = {}) {
  return {
    competitionId,
    communityId,
    categoryId,
    title: '老旧小区楼道照明改造',
    summary: '为小区 12 个单元楼道更换感应灯，居民凑钱、出力安装。',
    plan: '第一阶段入户征求意见；第二阶段采购；第三阶段居民志愿者协助安装。',
    location: '龙街社区 3 号小区',
    beneficiariesCount: 420,
    beneficiariesDescription: '小区全体居民，其中老年人 130 人',
    startDate: '2026-12-01',
    endDate: '2027-03-31',
    totalCostFen: 48_000 * YUAN,
    costItems: [
      { item: '感应灯具', amount: 30_000 * YUAN },
      { item: '线路与安装辅材', amount: 18_000 * YUAN },
    ],
    funding: {
      residentMoney: 6_000 * YUAN,
      residentLabour: 2_000 * YUAN,
      socialSupport: 0,
      communitySelf: 4_000 * YUAN,
      streetSupport: 0,
      requestedSubsidy: 36_000 * YUAN,
    },
    contactName: '李梅',
    contactPhone: '13912345678',
    ...overrides,
  };
}

import type { TestApp } from './test-app.js';

/**
 * Creates `count` applications through the real API as a street officer, with all required
 * attachments, submits them and has the district screen them eligible. Returns their ids.
 */
export async function eligibleApplications(
  t: TestApp,
  options: { count: number; street: string; communityName: string; competitionKind?: string; beneficiaries?: (index: number) => number },
): Promise<number[]> {
  const street = await t.login(options.street);
  const admin = await t.login('admin');
  const competition = await t.db.query(`SELECT id FROM competition WHERE kind = $1`, [options.competitionKind ?? 'livelihood']);
  const category = await t.db.query(`SELECT id FROM competition_category WHERE competition_id = $1 AND key = 'service'`, [competition.rows[0].id]);
  const community = await t.db.query(`SELECT id FROM org_unit WHERE name = $1`, [options.communityName]);
  const ids: number[] = [];
  for (let index = 0; index < options.count; index++) {
    const created = await t
      .http()
      .post('/api/applications')
      .set('authorization', street)
      .send(
        serviceApplication(competition.rows[0].id, community.rows[0].id, category.rows[0].id, {
          title: `${options.communityName}项目${index + 1}`,
          beneficiariesCount: options.beneficiaries?.(index) ?? 100 + index,
        }),
      );
    if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
    const id = created.body.id as number;
    for (const [type, bytes, name] of [
      ['council_resolution', pdfBytes(), 'a.pdf'],
      ['budget_sheet', pdfBytes(), 'b.pdf'],
      ['site_photos', pngBytes(), 'c.png'],
    ] as const) {
      const uploaded = await t.http().post(`/api/applications/${id}/attachments`).set('authorization', street).field('type', type).attach('file', bytes, name);
      if (uploaded.status !== 201) throw new Error(`upload failed: ${JSON.stringify(uploaded.body)}`);
    }
    const submitted = await t.http().post(`/api/applications/${id}/submit`).set('authorization', street).send({ version: created.body.version });
    if (submitted.status !== 200) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`);
    const screened = await t.http().post(`/api/applications/${id}/screen`).set('authorization', admin).send({ outcome: 'eligible', version: submitted.body.version });
    if (screened.status !== 200) throw new Error(`screen failed: ${JSON.stringify(screened.body)}`);
    ids.push(id);
  }
  return ids;
}

/** Creates reviewer accounts as the admin; returns their ids and bearer tokens. */
export async function reviewers(t: TestApp, names: string[]): Promise<Array<{ id: number; username: string; bearer: string }>> {
  const admin = await t.login('admin');
  const district = await t.db.query(`SELECT id FROM org_unit WHERE kind = 'district'`);
  const out: Array<{ id: number; username: string; bearer: string }> = [];
  for (const username of names) {
    const created = await t
      .http()
      .post('/api/users')
      .set('authorization', admin)
      .send({ username, displayName: `专家${username}`, unitId: district.rows[0].id, roles: ['reviewer'], initialPassword: 'Reviewer2026pass' });
    if (created.status !== 201) throw new Error(`reviewer failed: ${JSON.stringify(created.body)}`);
    await t.db.query(`UPDATE app_user SET must_change_password = false WHERE id = $1`, [created.body.id]);
    out.push({ id: created.body.id, username, bearer: await t.login(username, 'Reviewer2026pass') });
  }
  return out;
}

/**
 * Drives `count` applications of one community all the way to 'approved' (立项) through the real
 * API: eligible applications, a panel of five reviewers scoring them (ranking needs a running
 * worker: createWorker(t.config, { schedule: false })), the rank-order decision, 公示 moved into
 * the past and closed; then waits for the worker to open their projects (which starts their
 * delivery: the applications are 'in_progress' on return). Returns the application ids, best first.
 */
export async function approvedProjects(
  t: TestApp,
  options: { count?: number; street?: string; communityName?: string; reviewerPrefix?: string } = {},
): Promise<number[]> {
  const count = options.count ?? 3;
  const admin = await t.login('admin');
  const competitionId = (await t.db.query(`SELECT id FROM competition WHERE kind = 'livelihood'`)).rows[0].id as number;
  const apps = await eligibleApplications(t, { count, street: options.street ?? 'longcheng', communityName: options.communityName ?? '龙街社区' });
  const prefix = options.reviewerPrefix ?? 'dj';
  const panel = await reviewers(t, [1, 2, 3, 4, 5].map((n) => `${prefix}${n}`));
  const setPanel = await t
    .http()
    .put(`/api/competitions/${competitionId}/panel`)
    .set('authorization', admin)
    .send({
      memberUserIds: panel.map((member) => member.id),
      reviewersPerApplication: 5,
      maxLoad: 20,
      blind: false,
      aggregation: 'mean',
      fundableThreshold: 60,
      disagreementSpread: 30,
      commentRequiredAtExtremes: false,
      rankByCategory: false,
    });
  if (setPanel.status !== 200) throw new Error(`panel failed: ${JSON.stringify(setPanel.body)}`);
  const assigned = await t.http().post(`/api/competitions/${competitionId}/assignments/auto`).set('authorization', admin).send({});
  if (assigned.status !== 200) throw new Error(`assign failed: ${JSON.stringify(assigned.body)}`);
  for (const [i, applicationId] of apps.entries()) {
    for (const judge of panel) {
      const assignment = (await t.db.query(`SELECT id FROM review_assignment WHERE application_id = $1 AND reviewer_user_id = $2`, [applicationId, judge.id])).rows[0].id;
      const base = 18 - i;
      const scores = { public_attention: base, benefit_breadth: base, resident_participation: base, feasibility: 12, budget_reasonableness: 12, sustainability: 7 };
      const saved = await t.http().put(`/api/reviews/assignments/${assignment}/sheet`).set('authorization', judge.bearer).send({ scores, comments: {} });
      const submitted = await t.http().post(`/api/reviews/assignments/${assignment}/sheet/submit`).set('authorization', judge.bearer).send({ version: saved.body.sheet.version });
      if (submitted.status !== 200) throw new Error(`sheet failed: ${JSON.stringify(submitted.body)}`);
    }
  }
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ranking = await t.http().get(`/api/competitions/${competitionId}/ranking`).set('authorization', admin);
    const rows = ranking.body as Array<{ sheetsSubmitted: number }>;
    if (Array.isArray(rows) && rows.length === count && rows.every((row) => row.sheetsSubmitted === 5)) break;
    if (Date.now() > deadline) throw new Error(`ranking not ready: ${JSON.stringify(ranking.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const selection = await t.http().get(`/api/competitions/${competitionId}/selection`).set('authorization', admin);
  const awards = (selection.body.rankOrder.selected as number[]).map((applicationId) => ({
    applicationId,
    amountFen: (selection.body.candidates as Array<{ applicationId: number; awardFen: number }>).find((c) => c.applicationId === applicationId)!.awardFen,
  }));
  const decision = await t.http().post(`/api/competitions/${competitionId}/decisions`).set('authorization', admin).send({ method: 'rank_order', awards });
  if (decision.status !== 201) throw new Error(`decision failed: ${JSON.stringify(decision.body)}`);
  const notice = await t.http().post(`/api/decisions/${decision.body.id}/publish`).set('authorization', admin).send({ contact: '区社会工作部 0871-00000000（演示）' });
  if (notice.status !== 200) throw new Error(`publish failed: ${JSON.stringify(notice.body)}`);
  await t.db.query(`UPDATE public_notice SET first_day = current_date - 8, last_day = current_date - 2 WHERE id = $1`, [notice.body.id]);
  const closed = await t.http().post(`/api/notices/${notice.body.id}/close`).set('authorization', admin);
  if (closed.status !== 200) throw new Error(`close failed: ${JSON.stringify(closed.body)}`);
  await projectsOpened(t, awards.map((award) => award.applicationId));
  return awards.map((award) => award.applicationId);
}

/**
 * Waits until the approval's `delivery.open-projects` job, run by the suite's worker
 * (createWorker), has opened the projects of these applications. Reads never open projects.
 */
export async function projectsOpened(t: TestApp, applicationIds: number[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const opened = await t.db.query(`SELECT count(*)::int AS n FROM project WHERE application_id = ANY($1::int[])`, [applicationIds]);
    if (opened.rows[0].n === new Set(applicationIds).size) return;
    if (Date.now() > deadline) throw new Error(`no projects for ${applicationIds.join(', ')} yet: is a worker running?`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A second finance officer 'finance2' at the district (maker–checker: one requests, another
 * approves), ready to sign in with `password` (no first-login password change pending).
 */
export async function addSecondFinanceOfficer(t: TestApp, adminBearer: string, password: string): Promise<void> {
  const district = (await t.db.query(`SELECT id FROM org_unit WHERE kind = 'district'`)).rows[0].id;
  const created = await t
    .http()
    .post('/api/users')
    .set('authorization', adminBearer)
    .send({ username: 'finance2', displayName: '复核会计（测试）', unitId: district, roles: ['finance'], initialPassword: password });
  if (created.status !== 201) throw new Error(`creating finance2: ${created.status} ${JSON.stringify(created.body)}`);
  await t.db.query(`UPDATE app_user SET must_change_password = false WHERE id = $1`, [created.body.id]);
}
