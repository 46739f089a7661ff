import type { ActualValuesView, PerformanceTableView, SurveyView } from '@xiaoshi/contracts';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { approvedProjects } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Every test answers from its own addresses (the app trusts X-Forwarded-For here), so throttles stay apart. */
let nextAddress = 1;
const address = () => `198.51.100.${nextAddress++}`;

describe('satisfaction surveys: public link, one answer per token, throttled, live in the indicators', () => {
  let t: TestApp;
  let worker: RunningWorker;
  const bearer: Record<string, string> = {};
  let projectId: number;
  let livelihoodLineId: number;
  let table000: PerformanceTableView;

  const get = (path: string, who = 'admin') => t.http().get(path).set('authorization', bearer[who]);
  const post = (path: string, body: object = {}, who = 'admin') =>
    t.http().post(path).set('authorization', bearer[who]).send(body);
  /** The respondent's phone: no login, one network address. */
  const phone = (from = address()) => ({
    view: (code: string) => t.http().get(`/api/public/surveys/${code}`).set('x-forwarded-for', from),
    token: (code: string) =>
      t.http().post(`/api/public/surveys/${code}/tokens`).set('x-forwarded-for', from).send({}),
    answer: (code: string, body: object) =>
      t.http().post(`/api/public/surveys/${code}/answers`).set('x-forwarded-for', from).send(body),
  });
  const satisfaction = async () => {
    const view = (await get(`/api/performance/tables/${table000.id}/actuals`)).body as ActualValuesView;
    return view.indicators.find((row) => row.key === 'satisfaction')!;
  };
  async function createSurvey(body: object): Promise<SurveyView> {
    const created = await post('/api/surveys', body);
    expect(created.status).toBe(201);
    return created.body as SurveyView;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'true' } });
    worker = await createWorker(t.config, { schedule: false });
    for (const who of ['admin', 'longcheng', 'dounan', 'auditor']) bearer[who] = await t.login(who);
    const [applicationId] = await approvedProjects(t, { count: 3 });
    projectId = (await get(`/api/applications/${applicationId}/project`)).body.id;
    livelihoodLineId = (await t.db.query(`SELECT budget_line_id FROM project WHERE id = $1`, [projectId]))
      .rows[0].budget_line_id;
    table000 = ((await get('/api/performance/tables?year=2026')).body as PerformanceTableView[]).find(
      (table) => table.programme.name === '社会治理工作经费',
    )!;
  }, 180_000);
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('makes surveys about a project or a budget line, each read within its scope', async () => {
    const project = await createSurvey({
      title: '楼道照明改造满意度',
      subject: { kind: 'project', id: projectId },
    });
    expect(project).toMatchObject({
      subject: { kind: 'project', id: projectId },
      budgetLine: { id: livelihoodLineId },
      unit: { name: '龙街社区' },
      year: 2026,
      status: 'open',
      countBasicallySatisfied: true,
    });
    expect(project.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const line = await createSurvey({
      title: '民生小实事满意度',
      subject: { kind: 'budget_line', id: livelihoodLineId },
    });
    expect(line.unit.name).toBe('呈贡区');
    const streetList = (await get('/api/surveys', 'longcheng')).body as SurveyView[];
    expect(streetList.map((survey) => survey.id)).toEqual([project.id]);
    expect((await get(`/api/surveys/${project.id}`, 'dounan')).status).toBe(404);
    expect((await get(`/api/surveys/${line.id}`, 'longcheng')).status).toBe(404);
    expect(
      (await post('/api/surveys', { title: 'x', subject: { kind: 'project', id: projectId } }, 'longcheng'))
        .status,
    ).toBe(403);
    const missing = await post('/api/surveys', { title: 'x', subject: { kind: 'budget_line', id: 999_999 } });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.fields)).toEqual(['subject.id']);
  });

  it('takes answers from a phone without login and feeds the satisfaction indicator live', async () => {
    expect((await satisfaction()).actual).toBeNull();
    const survey = await createSurvey({
      title: '社区居民满意度测评',
      subject: { kind: 'budget_line', id: livelihoodLineId },
    });
    const me = phone();
    const view = await me.view(survey.code);
    expect(view.status).toBe(200);
    expect(view.body).toEqual({
      code: survey.code,
      title: '社区居民满意度测评',
      description: '',
      subjectName: '呈贡区2026年度民生小实事项目经费',
      askGroup: true,
      open: true,
    });
    const { token } = (await me.token(survey.code)).body as { token: string };
    const answered = await me.answer(survey.code, {
      token,
      choice: 'satisfied',
      group: 'resident',
      comment: '  路灯亮了  ',
    });
    expect(answered.status).toBe(201);
    expect((await satisfaction()).actual).toBe(100);
    const neighbour = phone();
    const second = (await neighbour.token(survey.code)).body.token as string;
    expect(
      (
        await neighbour.answer(survey.code, {
          token: second,
          choice: 'dissatisfied',
          group: 'community_cadre',
        })
      ).status,
    ).toBe(201);
    const live = await satisfaction();
    expect(live.actual).toBe(50);
    expect(live.metric).toMatchObject({ numerator: 1, denominator: 2 });
    const results = (await get(`/api/surveys/${survey.id}`, 'auditor')).body as SurveyView;
    expect(results.results).toMatchObject({
      counts: { satisfied: 1, basically_satisfied: 0, dissatisfied: 1 },
      answers: 2,
      satisfaction: 50,
    });
    expect(results.results.comments).toEqual([
      expect.objectContaining({ choice: 'satisfied', group: 'resident', comment: '路灯亮了' }),
    ]);
    expect(results.results.byGroup).toHaveLength(2);
    const audit = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'survey.answered' AND entity_id = $1`,
      [String(survey.id)],
    );
    expect(audit.rows[0].n).toBe(2);
  });

  it('takes one answer per token, also when the same token is sent many times at once', async () => {
    const survey = await createSurvey({
      title: '并发测试',
      subject: { kind: 'budget_line', id: livelihoodLineId },
    });
    const { token } = (await phone().token(survey.code)).body as { token: string };
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => phone().answer(survey.code, { token, choice: 'basically_satisfied' })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, ...Array(11).fill(409)]);
    expect(responses.find((response) => response.status === 409)!.body.code).toBe('SURVEY_ALREADY_ANSWERED');
    const stored = await t.db.query(`SELECT count(*)::int AS n FROM survey_answer WHERE survey_id = $1`, [
      survey.id,
    ]);
    expect(stored.rows[0].n).toBe(1);
  });

  it('answers each invitation once; unknown tokens and codes say nothing', async () => {
    const survey = await createSurvey({
      title: '离任社区干部生活补助满意度',
      subject: { kind: 'stipend_recipients', id: livelihoodLineId },
      askGroup: false,
      countBasicallySatisfied: false,
    });
    const invited = await post(`/api/surveys/${survey.id}/invitations`, { count: 3 });
    expect(invited.status).toBe(201);
    const tokens = invited.body.tokens as string[];
    expect(new Set(tokens).size).toBe(3);
    const me = phone();
    for (const [index, token] of tokens.entries()) {
      const choice = index === 0 ? 'satisfied' : 'basically_satisfied';
      expect((await me.answer(survey.code, { token, choice, group: 'resident' })).status).toBe(201);
    }
    expect((await me.answer(survey.code, { token: tokens[0], choice: 'dissatisfied' })).body.code).toBe(
      'SURVEY_ALREADY_ANSWERED',
    );
    expect((await me.answer(survey.code, { token: 'A'.repeat(43), choice: 'satisfied' })).status).toBe(404);
    expect((await me.view('A'.repeat(22))).status).toBe(404);
    expect((await me.view('not a code')).status).toBe(404);
    const view = (await get(`/api/surveys/${survey.id}`)).body as SurveyView;
    // Only 满意 counts here; the group was not asked, so none is stored.
    expect(view.results).toMatchObject({
      answers: 3,
      satisfaction: (1 / 3) * 100,
      byGroup: [{ group: null }],
    });
    expect(view.invitations).toBe(3);
    const stored = await t.db.query(
      `SELECT count(*)::int AS n FROM survey_token WHERE survey_id = $1 AND token_hash = ANY($2::text[])`,
      [survey.id, tokens],
    );
    expect(stored.rows[0].n).toBe(0); // hashes only
  });

  it('caps answers per address and throttles token requests', async () => {
    const survey = await createSurvey({
      title: '限额测试',
      subject: { kind: 'budget_line', id: livelihoodLineId },
      maxAnswersPerAddress: 2,
    });
    const shared = phone();
    const tokens = [] as string[];
    for (let i = 0; i < 3; i++) tokens.push((await shared.token(survey.code)).body.token);
    expect((await shared.answer(survey.code, { token: tokens[0], choice: 'satisfied' })).status).toBe(201);
    expect((await shared.answer(survey.code, { token: tokens[1], choice: 'satisfied' })).status).toBe(201);
    const capped = await shared.answer(survey.code, { token: tokens[2], choice: 'satisfied' });
    expect(capped.status).toBe(429);
    expect(capped.body.code).toBe('SURVEY_ADDRESS_LIMIT');
    // Another address may still answer with that token.
    expect((await phone().answer(survey.code, { token: tokens[2], choice: 'satisfied' })).status).toBe(201);

    const flood = phone();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await flood.token(survey.code)).status);
    expect(statuses.slice(0, 30).every((status) => status === 201)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    const refused = await flood.token(survey.code);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('closes and reopens a survey; a closed one takes no answers; the auditor only reads', async () => {
    const survey = await createSurvey({
      title: '关闭测试',
      subject: { kind: 'budget_line', id: livelihoodLineId },
    });
    const me = phone();
    const { token } = (await me.token(survey.code)).body as { token: string };
    expect((await post(`/api/surveys/${survey.id}/close`, {}, 'auditor')).status).toBe(403);
    expect((await post(`/api/surveys/${survey.id}/close`)).body.status).toBe('closed');
    expect((await me.view(survey.code)).body.open).toBe(false);
    expect((await me.answer(survey.code, { token, choice: 'satisfied' })).body.code).toBe('SURVEY_CLOSED');
    expect((await me.token(survey.code)).body.code).toBe('SURVEY_CLOSED');
    expect((await post(`/api/surveys/${survey.id}/reopen`)).body.status).toBe('open');
    expect((await me.answer(survey.code, { token, choice: 'satisfied' })).status).toBe(201);
    const bad = await me.answer(survey.code, { token, choice: 'very_happy' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(['choice']);
  });
});
