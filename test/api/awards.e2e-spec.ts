import { CALENDAR_2026_CN, noticePeriod } from '@xiaoshi/domain';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { eligibleApplications, projectsOpened, reviewers } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const YUAN = 100;

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await probe();
  }
  return value;
}

describe('awards: selection, decision, 公示 with objections, approval against the ledger', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let admin: string;
  let competitionId: number;
  let apps: number[];

  beforeAll(async () => {
    t = await startTestApp();
    worker = await createWorker(t.config, { schedule: false });
    admin = await t.login('admin');
    competitionId = (await t.db.query(`SELECT id FROM competition WHERE kind = 'livelihood'`)).rows[0].id;
    apps = [
      ...(await eligibleApplications(t, { count: 3, street: 'longcheng', communityName: '文华社区' })),
      ...(await eligibleApplications(t, { count: 2, street: 'dounan', communityName: '花园社区' })),
    ];
    const panel = await reviewers(t, ['judge1', 'judge2', 'judge3', 'judge4', 'judge5']);
    const setPanel = await t.http()
      .put(`/api/competitions/${competitionId}/panel`)
      .set('authorization', admin)
      .send({
        memberUserIds: panel.map((member) => member.id),
        reviewersPerApplication: 5,
        maxLoad: 10,
        blind: false,
        aggregation: 'trimmed_mean',
        fundableThreshold: 60,
        disagreementSpread: 30,
        commentRequiredAtExtremes: false,
        rankByCategory: false,
      });
    expect(setPanel.status).toBe(200);
    expect((await t.http().post(`/api/competitions/${competitionId}/assignments/auto`).set('authorization', admin).send({})).status).toBe(200);
    // Application i gets totals around 90 − 5i from every judge: a clear ranking 0 > 1 > 2 > 3 > 4.
    for (const [i, applicationId] of apps.entries()) {
      for (const [j, judge] of panel.entries()) {
        const assignment = (await t.db.query(`SELECT id FROM review_assignment WHERE application_id = $1 AND reviewer_user_id = $2`, [applicationId, judge.id])).rows[0].id;
        const base = 18 - i;
        const scores = { public_attention: base, benefit_breadth: base, resident_participation: base, feasibility: 12, budget_reasonableness: 12, sustainability: 6 + (j % 2) };
        const saved = await t.http().put(`/api/reviews/assignments/${assignment}/sheet`).set('authorization', judge.bearer).send({ scores, comments: {} });
        const submitted = await t.http().post(`/api/reviews/assignments/${assignment}/sheet/submit`).set('authorization', judge.bearer).send({ version: saved.body.sheet.version });
        expect(submitted.status).toBe(200);
      }
    }
    await until(
      () => t.http().get(`/api/competitions/${competitionId}/ranking`).set('authorization', admin),
      (response) => Array.isArray(response.body) && response.body.length === 5 && response.body.every((row: { sheetsSubmitted: number }) => row.sheetsSubmitted === 5),
    );
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('offers the rank-order pass and the exact optimum side by side', async () => {
    const selection = await t.http().get(`/api/competitions/${competitionId}/selection`).set('authorization', admin);
    expect(selection.status).toBe(200);
    expect(selection.body.candidates.map((c: { applicationId: number }) => c.applicationId)).toEqual(apps);
    // 126,300 元 fits three requests of 36,000 元.
    expect(selection.body.rankOrder).toMatchObject({ selected: apps.slice(0, 3), total: 108_000 * YUAN, feasible: true });
    expect(selection.body.optimal.selected).toEqual(apps.slice(0, 3));
    expect((await t.http().get(`/api/competitions/${competitionId}/selection`).set('authorization', await t.login('longcheng'))).status).toBe(403);
  });

  it('lets only district admins decide, within caps, envelope, count and with reasons for deviations', async () => {
    const award = (id: number, amountFen = 36_000 * YUAN) => ({ applicationId: id, amountFen });
    const decide = (body: Record<string, unknown>, who = admin) => t.http().post(`/api/competitions/${competitionId}/decisions`).set('authorization', who).send(body);
    expect((await decide({ method: 'rank_order', awards: apps.slice(0, 3).map((id) => award(id)) }, await t.login('finance'))).status).toBe(403);
    expect((await decide({ method: 'rank_order', awards: apps.slice(0, 3).map((id) => award(id)) }, await t.login('longcheng'))).status).toBe(403);
    const overRequest = await decide({ method: 'manual', awards: [award(apps[0], 40_000 * YUAN), award(apps[1]), award(apps[2])] });
    expect(overRequest.status).toBe(400);
    expect(overRequest.body.fields).toHaveProperty([`awards.${apps[0]}.amountFen`]);
    const overEnvelope = await decide({ method: 'manual', awards: apps.slice(0, 4).map((id) => award(id)) });
    expect(overEnvelope.status).toBe(400);
    expect(overEnvelope.body.fields).toHaveProperty('awards');
    const tooFew = await decide({ method: 'manual', awards: apps.slice(0, 2).map((id) => award(id)) });
    expect(tooFew.body.fields).toHaveProperty('count');
    const skipsTheBest = await decide({ method: 'manual', awards: apps.slice(1, 4).map((id) => award(id)) });
    expect(skipsTheBest.status).toBe(400);
    expect(skipsTheBest.body.code).toBe('DEVIATION_REASON_REQUIRED');
    expect(Object.keys(skipsTheBest.body.fields).sort()).toEqual([`reasons.${apps[0]}`, `reasons.${apps[3]}`].sort());
    const withReason = await decide({
      method: 'manual',
      awards: apps.slice(1, 4).map((id) => award(id)),
      reasons: { [apps[0]]: '该项目已获其他专项资金支持', [apps[3]]: '递补排名第四的项目' },
    });
    expect(withReason.status).toBe(201);
    // The committee changes its mind: the rank-order answer replaces the unpublished proposal.
    const final = await decide({ method: 'rank_order', awards: apps.slice(0, 3).map((id) => award(id)) });
    expect(final.status).toBe(201);
    expect(final.body).toMatchObject({ status: 'proposed', totalFen: 108_000 * YUAN });
    const statuses = await t.db.query(`SELECT id, status FROM application WHERE id = ANY($1::int[]) ORDER BY id`, [apps]);
    expect(statuses.rows.map((row) => row.status)).toEqual(['proposed', 'proposed', 'proposed', 'scored', 'scored']);
    const verify = await t.http().get(`/api/decisions/${final.body.id}/verify`).set('authorization', admin);
    expect(verify.body.reproducible).toBe(true);
  });

  it('previews when a notice would end, for any start day, from the calendar rows the notices use', async () => {
    const preview = (query: Record<string, string | number>, who = admin) =>
      t.http().get('/api/calendar/notice-preview').query(query).set('authorization', who);
    // Published Wednesday 30 September: National Day is skipped, the make-up Saturday counts.
    const nationalDay = await preview({ start: '2026-09-30', workingDays: 5 });
    expect(nationalDay.status).toBe(200);
    expect(nationalDay.body).toMatchObject({ start: '2026-09-30', workingDays: 5, firstDay: '2026-09-30', lastDay: '2026-10-12', closesAt: '2026-10-12T16:00:00.000Z' });
    expect(nationalDay.body.lastDay).toBe(noticePeriod('2026-09-30', 5, CALENDAR_2026_CN).lastDay);
    expect(nationalDay.body.counted).toEqual([
      { date: '2026-09-30', kind: 'weekday', name: null },
      { date: '2026-10-08', kind: 'weekday', name: null },
      { date: '2026-10-09', kind: 'weekday', name: null },
      { date: '2026-10-10', kind: 'make_up', name: '国庆节调休' },
      { date: '2026-10-12', kind: 'weekday', name: null },
    ]);
    expect(nationalDay.body.skipped.filter((day: { kind: string }) => day.kind === 'holiday')).toHaveLength(7);
    expect(nationalDay.body.skipped[0]).toEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
    expect(nationalDay.body.skipped.at(-1)).toEqual({ date: '2026-10-11', kind: 'weekend', name: null });
    // Past days may be asked about (planning, looking back); only publishing refuses them.
    expect((await preview({ start: '2026-01-01', workingDays: 3 })).body.lastDay).toBe('2026-01-06');
    // It reads the calendar table, so a holiday an admin adds moves the end.
    expect((await preview({ start: '2027-01-04', workingDays: 5 })).body.lastDay).toBe('2027-01-08');
    await t.db.query(`INSERT INTO calendar_day (day, kind, name) VALUES ('2027-01-05', 'holiday', '测试假日')`);
    try {
      const moved = await preview({ start: '2027-01-04', workingDays: 5 });
      expect(moved.body.lastDay).toBe('2027-01-11');
      expect(moved.body.skipped[0]).toEqual({ date: '2027-01-05', kind: 'holiday', name: '测试假日' });
    } finally {
      await t.db.query(`DELETE FROM calendar_day WHERE day = '2027-01-05'`);
    }
    const bad = await preview({ start: '2026-02-30', workingDays: 0 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['start', 'workingDays']);
    expect((await preview({ start: '2026-12-03', workingDays: 5 }, await t.login('longcheng'))).status).toBe(403);
    expect((await t.http().get('/api/calendar/notice-preview').query({ start: '2026-12-03', workingDays: 5 })).status).toBe(401);
  });

  it('publishes the 公示 for five working days on the holiday calendar, readable without login', async () => {
    const decision = (await t.http().get(`/api/competitions/${competitionId}/decisions`).set('authorization', admin)).body[0];
    // Issue 10 §6: a notice dated in the past would be over before anyone could object.
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const backDated = await t.http().post(`/api/decisions/${decision.id}/publish`).set('authorization', admin).send({ contact: '区社会工作部', publishOn: yesterday });
    expect(backDated.status).toBe(400);
    expect(backDated.body.code).toBe('VALIDATION_FAILED');
    expect(backDated.body.fields.publishOn).toMatch(/^公示开始日期不能早于今天（\d{4}-\d{2}-\d{2}）$/);
    const backDatedEn = await t.http().post(`/api/decisions/${decision.id}/publish`).set('authorization', admin).set('accept-language', 'en').send({ contact: '区社会工作部', publishOn: '2026-01-05' });
    expect(backDatedEn.status).toBe(400);
    expect(backDatedEn.body.fields.publishOn).toMatch(/^A notice cannot start before today/);
    // Nor may it be shorter than the competition's notice period.
    const shortened = await t.http().post(`/api/decisions/${decision.id}/publish`).set('authorization', admin).send({ contact: '区社会工作部', workingDays: 4 });
    expect(shortened.status).toBe(400);
    expect(Object.keys(shortened.body.fields)).toEqual(['workingDays']);
    const untouched = await t.db.query(`SELECT count(*)::int AS n FROM public_notice WHERE decision_id = $1`, [decision.id]);
    expect(untouched.rows[0].n).toBe(0);
    expect((await t.http().get(`/api/decisions/${decision.id}`).set('authorization', admin)).body.status).toBe('proposed');

    const published = await t.http().post(`/api/decisions/${decision.id}/publish`).set('authorization', admin).send({ contact: '区社会工作部 0871-00000000（演示）' });
    expect(published.status).toBe(200);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const expected = noticePeriod(today, 5, CALENDAR_2026_CN);
    expect({ firstDay: published.body.firstDay, lastDay: published.body.lastDay }).toEqual({ firstDay: expected.firstDay, lastDay: expected.lastDay });
    const anonymous = await t.http().get(`/api/public/notices/${published.body.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.items).toHaveLength(3);
    expect(anonymous.body.items[0]).toEqual(
      expect.objectContaining({ title: expect.any(String), community: '文华社区', street: '龙城街道', category: '服务类', amountFen: 36_000 * YUAN }),
    );
    const text = JSON.stringify(anonymous.body);
    expect(text).not.toMatch(/1[3-9]\d{9}/); // no mobile numbers
    expect(text).not.toContain('contactName');
    expect(text).not.toContain('李梅');
    const list = await t.http().get('/api/public/notices');
    expect(list.body.map((n: { id: number }) => n.id)).toContain(published.body.id);
    const linked = await t.http().get(`/api/decisions/${decision.id}`).set('authorization', admin);
    expect(linked.body.noticeId).toBe(published.body.id);
    expect(published.body.decisionId).toBe(decision.id);
  });

  it('takes objections from the public, throttled, and lets staff uphold or dismiss them', async () => {
    const notice = (await t.http().get('/api/public/notices')).body[0];
    const items = (await t.http().get(`/api/public/notices/${notice.id}`)).body.items;
    const filed = await t.http()
      .post(`/api/public/notices/${notice.id}/objections`)
      .send({ awardId: items[2].awardId, contactName: '王先生', contactPhone: '13700001111', text: '该项目场地已由开发商承诺改造，存在重复申报。' });
    expect(filed.status).toBe(201);
    expect(filed.body).toEqual({ id: expect.any(Number), status: 'pending' });
    const second = await t.http().post(`/api/public/notices/${notice.id}/objections`).send({ contactName: '赵女士', contactPhone: '13700002222', text: '建议公开预算明细。' });
    expect(second.status).toBe(201);
    const bad = await t.http().post(`/api/public/notices/${notice.id}/objections`).send({ contactName: '', contactPhone: '123', text: '' });
    expect(bad.status).toBe(400);

    const early = await t.http().post(`/api/notices/${notice.id}/close`).set('authorization', admin);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('NOTICE_NOT_ENDED');

    const inbox = await t.http().get(`/api/notices/${notice.id}/objections`).set('authorization', admin);
    expect(inbox.body).toHaveLength(2);
    const auditorView = await t.http().get(`/api/notices/${notice.id}/objections`).set('authorization', await t.login('auditor'));
    expect(auditorView.body[0].contactPhone).toBe('137****1111');

    const upheld = await t.http().post(`/api/objections/${filed.body.id}/decide`).set('authorization', admin).send({ outcome: 'upheld', investigation: '经核实存在重复申报' });
    expect(upheld.status).toBe(200);
    expect(upheld.body.suggestion).toMatchObject({ applicationId: apps[3] }); // the next entry that fits
    const withdrawn = await t.db.query(`SELECT status, last_reason FROM application WHERE id = $1`, [apps[2]]);
    expect(withdrawn.rows[0].status).toBe('not_funded');
    expect(withdrawn.rows[0].last_reason).toContain('重复申报');

    // The period ends (moved into the past) but one objection is still pending.
    await t.db.query(`UPDATE public_notice SET first_day = current_date - 8, last_day = current_date - 2 WHERE id = $1`, [notice.id]);
    const pending = await t.http().post(`/api/notices/${notice.id}/close`).set('authorization', admin);
    expect(pending.body.code).toBe('OBJECTIONS_PENDING');
    const dismissed = await t.http().post(`/api/objections/${second.body.id}/decide`).set('authorization', admin).send({ outcome: 'dismissed', investigation: '预算明细已在申报材料中' });
    expect(dismissed.status).toBe(200);
  });

  it('approves the remaining awards and commits them on the budget line', async () => {
    const notice = (await t.http().get('/api/public/notices')).body[0];
    const line = (await t.db.query(`SELECT budget_line_id FROM competition WHERE id = $1`, [competitionId])).rows[0].budget_line_id;
    const before = await t.http().get(`/api/budget-lines/${line}`).set('authorization', admin);
    const closed = await t.http().post(`/api/notices/${notice.id}/close`).set('authorization', admin);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const after = await t.http().get(`/api/budget-lines/${line}`).set('authorization', admin);
    expect(after.body.ledger.committedFen - before.body.ledger.committedFen).toBe(72_000 * YUAN);
    expect(after.body.ledger.committedBySource.award).toBe(72_000 * YUAN);
    // 立项 (approved), then the worker opens their projects, which starts their delivery.
    const approvedMoves = await t.db.query(
      `SELECT application_id FROM application_status_change WHERE application_id = ANY($1::int[]) AND to_status = 'approved' ORDER BY application_id`,
      [apps],
    );
    expect(approvedMoves.rows.map((row) => row.application_id)).toEqual(apps.slice(0, 2));
    await projectsOpened(t, apps.slice(0, 2));
    const statuses = await t.db.query(`SELECT status FROM application WHERE id = ANY($1::int[]) ORDER BY id`, [apps]);
    expect(statuses.rows.map((row) => row.status)).toEqual(['in_progress', 'in_progress', 'not_funded', 'not_funded', 'not_funded']);
    const inbox = await t.http().get('/api/notifications').set('authorization', await t.login('longcheng'));
    expect(inbox.body.items.some((n: { kind: string }) => n.kind === 'award.approved')).toBe(true);
    expect(inbox.body.items.some((n: { kind: string }) => n.kind === 'award.not_funded')).toBe(true);
    const again = await t.http().post(`/api/notices/${notice.id}/close`).set('authorization', admin);
    expect(again.status).toBe(409);
    const register = await t.http().get('/api/public/projects');
    expect(register.body.items.map((p: { id: number }) => p.id).sort()).toEqual(apps.slice(0, 2).sort());
    expect(JSON.stringify(register.body)).not.toMatch(/1[3-9]\d{9}/);
  });

  it('shows the workbench after approval: what was committed and what remains, never a budget error', async () => {
    // Issue 10 §7: the approved awards are committed on the line, so the line's available money
    // dropped by exactly those awards. The workbench must not count them against the envelope twice.
    const selection = await t.http().get(`/api/competitions/${competitionId}/selection`).set('authorization', admin);
    expect(selection.status).toBe(200);
    expect(selection.body.envelopeFen).toBe(126_300 * YUAN);
    expect(selection.body.committed).toMatchObject({ status: 'approved', totalFen: 72_000 * YUAN, remainingFen: 54_300 * YUAN });
    expect(selection.body.committed.decisionId).toEqual(expect.any(Number));
    expect(selection.body.committed.noticeId).toEqual(expect.any(Number));
    const committed = selection.body.committed.awards as Array<{ applicationId: number; amountFen: number; status: string; title: string }>;
    expect(committed.map((award) => award.applicationId)).toEqual(apps.slice(0, 2));
    expect(committed.every((award) => award.amountFen === 36_000 * YUAN && award.status === 'approved' && award.title)).toBe(true);
    // Nothing is left to select: every other entry is not funded.
    expect(selection.body.candidates).toEqual([]);
    // The what-if still refuses an envelope above the line's money (available + what this competition committed).
    const tooBig = await t.http().get(`/api/competitions/${competitionId}/selection`).query({ envelopeFen: 126_301 * YUAN }).set('authorization', admin);
    expect(tooBig.status).toBe(409);
    expect(tooBig.body.code).toBe('BUDGET_EXCEEDED');
  });

  it('throttles the public objection form per address', async () => {
    const notice = (await t.http().get('/api/public/notices')).body[0];
    let last = 0;
    for (let i = 0; i < 6; i++) {
      last = (await t.http().post(`/api/public/notices/${notice.id}/objections`).send({ contactName: '测试', contactPhone: '13700003333', text: '测试' })).status;
    }
    expect(last).toBe(429);
  });

  it('never overspends a line, even with 120 concurrent approvals', async () => {
    const line = (await t.db.query(`SELECT id, amount_fen FROM budget_line WHERE name = '社区干部离任一次性补助'`)).rows[0];
    // 120 planned expenditures of 20,000 元 against 2,000,000 元: exactly 100 fit. Inserted
    // directly, bypassing the reservation check, so that only the ledger stands in the way.
    const inserted = await t.db.query(
      `INSERT INTO direct_expenditure (budget_line_id, title, amount_fen, version) SELECT $1, '并发测试 ' || g, 2000000, 1 FROM generate_series(1, 120) g RETURNING id`,
      [line.id],
    );
    const results = await Promise.all(
      inserted.rows.map((row) => t.http().post(`/api/direct-expenditures/${row.id}/approve`).set('authorization', admin)),
    );
    // Every answer is an approval or BUDGET_EXCEEDED: nothing else (no 503, no lock error) under contention.
    expect(results.filter((r) => r.status !== 200 && r.body.code !== 'BUDGET_EXCEEDED').map((r) => [r.status, r.body])).toEqual([]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(100);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'BUDGET_EXCEEDED')).toBe(true);
    expect(results.some((r) => r.status >= 500)).toBe(false);
    const after = await t.db.query(`SELECT committed_fen, amount_fen + adjusted_fen AS budget FROM budget_line WHERE id = $1`, [line.id]);
    expect(Number(after.rows[0].committed_fen)).toBe(Number(after.rows[0].budget));
    const entries = await t.db.query(`SELECT count(*)::int AS n, sum(amount_fen)::bigint AS total FROM ledger_entry WHERE budget_line_id = $1 AND kind = 'commitment'`, [line.id]);
    expect(entries.rows[0].n).toBe(100);
    expect(Number(entries.rows[0].total)).toBe(Number(after.rows[0].committed_fen));
    const twice = await t.http().post(`/api/direct-expenditures/${inserted.rows[0].id}/approve`).set('authorization', admin);
    expect(twice.status).toBe(409);
  });
});
