import type {
  ActualValuesView,
  EvaluationView,
  IndicatorInput,
  PerformanceTableView,
  TableVersionView,
} from '@xiaoshi/contracts';
import {
  SEED_000_ANNUAL_GOAL,
  SEED_000_INDICATORS,
  SEED_000_LONG_TERM_GOAL,
  SEED_002_ANNUAL_GOAL,
  SEED_002_INDICATORS,
  SEED_002_LONG_TERM_GOAL,
} from '@xiaoshi/domain';
import ExcelJS from 'exceljs';
import { SELF_EVALUATION_COLUMNS } from '../../apps/api/src/modules/performance/evaluation-export.service.js';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { approvedProjects, pdfBytes } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const YUAN = 100;

const binary = (request: ReturnType<ReturnType<TestApp['http']>['get']>) =>
  request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

describe('performance target tables: seed tables, live values, scoring, versions, self-evaluation', () => {
  let t: TestApp;
  let worker: RunningWorker;
  const bearer: Record<string, string> = {};
  let table000: PerformanceTableView;
  let table002: PerformanceTableView;
  const unit: Record<string, number> = {};

  const get = (path: string, who = 'admin') => t.http().get(path).set('authorization', bearer[who]);
  const post = (path: string, body: object = {}, who = 'admin') =>
    t.http().post(path).set('authorization', bearer[who]).send(body);
  const put = (path: string, body: object, who = 'admin') =>
    t.http().put(path).set('authorization', bearer[who]).send(body);
  const actuals = async (tableId: number, who = 'admin') =>
    (await get(`/api/performance/tables/${tableId}/actuals`, who)).body as ActualValuesView;
  const indicator = (view: ActualValuesView | EvaluationView, key: string) =>
    ('rows' in view ? view.rows : view.indicators).find((row) => row.key === key)!;

  let communityPoints = 0;
  type Row = { ref: string; unitName: string | null };
  /** The rows behind the 58-community indicator, per term, as `who` sees them. */
  async function communityTerms(who = 'admin'): Promise<{ delivery: Row[]; trips: Row[] }> {
    const id = indicator(await actuals(table000.id, who), 'communities').indicatorId;
    const drill = await get(`/api/performance/tables/${table000.id}/indicators/${id}/breakdown`, who);
    expect(drill.status).toBe(200);
    const rows = (metric: string) =>
      (drill.body.terms as Array<{ metric: string; rows: Row[] }>).find((term) => term.metric === metric)!
        .rows;
    return { delivery: rows('delivery.communities_funded'), trips: rows('trips.communities_reached') };
  }

  async function evidence(tableId: number): Promise<number> {
    const uploaded = await t
      .http()
      .post(`/api/performance/tables/${tableId}/evidence`)
      .set('authorization', bearer.admin)
      .attach('file', pdfBytes('佐证'), '佐证材料.pdf');
    expect(uploaded.status).toBe(201);
    return uploaded.body.id as number;
  }

  /** A paid stipend batch for some of the demo retirees, arranged in SQL. */
  async function paidBatch(
    programmeKind: 'monthly_quarterly' | 'one_off',
    people: number,
    amountFen: number,
  ) {
    const programme = (
      await t.db.query(`SELECT id FROM stipend_programme WHERE kind = $1 ORDER BY id LIMIT 1`, [
        programmeKind,
      ])
    ).rows[0].id as number;
    const [preparer, approver] = (
      await t.db.query(
        `SELECT id FROM app_user WHERE username IN ('finance', 'admin') ORDER BY username DESC`,
      )
    ).rows.map((row) => row.id as number);
    const quarterly = programmeKind === 'monthly_quarterly';
    const batch = (
      await t.db.query(
        `INSERT INTO stipend_batch (programme_id, kind, year, quarter, election_date, status, total_fen, people_count,
           prepared_by_user_id, prepared_at, approved_by_user_id, approved_at, paid_by_user_id, paid_at, paid_on, version)
         VALUES ($1, $2, 2026, $3, $4, 'paid', $5, $6, $7, now(), $8, now(), $7, now(), '2026-10-10', 1) RETURNING id`,
        [
          programme,
          quarterly ? 'quarterly' : 'one_off',
          quarterly ? 3 : null,
          quarterly ? null : '2026-06-30',
          amountFen * people,
          people,
          preparer,
          approver,
        ],
      )
    ).rows[0].id as number;
    await t.db.query(
      `INSERT INTO stipend_batch_line (batch_id, person_id, street_id, community_id, name, national_id, bank_name, bank_account, months, monthly_rate_fen, amount_fen)
       SELECT $1, p.id, p.street_id, p.community_id, p.name, p.national_id, p.bank_name, p.bank_account, '{}', 66000, $2
       FROM stipend_person p JOIN stipend_programme sp ON sp.id = p.programme_id
       WHERE sp.kind = 'monthly_quarterly' ORDER BY p.id LIMIT $3`,
      [batch, amountFen, people],
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    worker = await createWorker(t.config, { schedule: false });
    for (const who of ['admin', 'longcheng', 'dounan', 'auditor', 'community', 'finance'])
      bearer[who] = await t.login(who);
    for (const row of (
      await t.db.query(
        `SELECT id, name FROM org_unit WHERE name IN ('呈贡区', '龙城街道', '斗南街道', '斗南社区', '龙街社区')`,
      )
    ).rows)
      unit[row.name as string] = row.id as number;
    const tables = (await get('/api/performance/tables?year=2026')).body as PerformanceTableView[];
    table000 = tables.find((table) => table.programme.name === '社会治理工作经费')!;
    table002 = tables.find((table) => table.programme.name === '正常离任村干部生活补助经费')!;

    // Three funded livelihood projects: two in 龙街社区 (龙城街道), one moved to 斗南社区 (斗南街道).
    const applications = await approvedProjects(t, { count: 3 });
    const projects: number[] = [];
    for (const applicationId of applications) {
      projects.push((await get(`/api/applications/${applicationId}/project`)).body.id as number);
    }
    await t.db.query(`UPDATE project SET street_id = $2, community_id = $3 WHERE id = $1`, [
      projects[2],
      unit['斗南街道'],
      unit['斗南社区'],
    ]);
    // Acceptance: first time passed; passed after rectification; failed.
    const inspector = (await t.db.query(`SELECT id FROM app_user WHERE username = 'inspector'`)).rows[0]
      .id as number;
    const inspect = (projectId: number, round: number, outcome: string) =>
      t.db.query(
        `INSERT INTO inspection (project_id, kind, round, status, checklist, outcome, rectification_deadline, inspected_on, assigned_by_user_id, recorded_by_user_id, recorded_at, version)
         VALUES ($1, 'acceptance', $2, 'recorded', '[]', $3, $4, '2026-11-20', $5, $5, now(), 1)`,
        [projectId, round, outcome, outcome === 'rectification' ? '2026-12-20' : null, inspector],
      );
    await inspect(projects[0], 1, 'passed');
    await inspect(projects[1], 1, 'rectification');
    await inspect(projects[1], 2, 'passed');
    await inspect(projects[2], 1, 'failed');
    await t.db.query(
      `UPDATE project SET status = 'accepted', acceptance_passed_at = now() WHERE id = ANY($1::int[])`,
      [projects.slice(0, 2)],
    );
    // Stipends: a paid quarter for 3 retirees (1,980 元 each) and one-off subsidies for 2 (2,400 元 each).
    await paidBatch('monthly_quarterly', 3, 1_980 * YUAN);
    await paidBatch('one_off', 2, 2_400 * YUAN);
    // Half of the livelihood line paid (its awards committed more than that), nothing yet on the
    // table's other lines whatever the demo seed paid there.
    await t.db.query(
      `UPDATE budget_line SET paid_fen = CASE WHEN name = '呈贡区2026年度民生小实事项目经费' THEN 6315000 ELSE 0 END
       WHERE id IN (SELECT budget_line_id FROM performance_table_line WHERE table_id = $1)`,
      [table000.id],
    );
  }, 180_000);
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('finds every module’s metrics through discovery', async () => {
    const response = await get('/api/performance/metrics', 'auditor');
    expect(response.status).toBe(200);
    const keys = (response.body as Array<{ key: string }>).map((metric) => metric.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'budgets.amount_paid',
        'budgets.execution_rate',
        'delivery.acceptance_pass_rate',
        'delivery.communities_funded',
        'delivery.first_pass_rate',
        'delivery.projects_accepted',
        'stipends.amount_paid',
        'stipends.people_paid',
        'surveys.satisfaction',
      ]),
    );
    expect((await get('/api/performance/metrics', 'community')).status).toBe(403);
  });

  it.each([
    [
      '000',
      () => table000,
      SEED_000_INDICATORS,
      SEED_000_LONG_TERM_GOAL,
      SEED_000_ANNUAL_GOAL,
      ['呈贡区2026年度民生小实事项目经费', '党建引领基层治理项目工作经费', '社工和志愿服务经费'],
    ],
    [
      '002',
      () => table002,
      SEED_002_INDICATORS,
      SEED_002_LONG_TERM_GOAL,
      SEED_002_ANNUAL_GOAL,
      ['正常离任社区干部生活补贴', '社区干部离任一次性补助'],
    ],
  ] as const)(
    'reads seed table %s back exactly',
    async (_seed, table, seedIndicators, longTerm, annual, lines) => {
      expect(table().year).toBe(2026);
      expect(table().lines.map((line) => line.name)).toEqual(lines);
      expect(table().current).toMatchObject({ number: 1, status: 'approved' });
      expect(table().draft).toBeNull();
      const version = (await get(`/api/performance/versions/${table().current!.id}`, 'auditor'))
        .body as TableVersionView;
      expect(version).toMatchObject({
        longTermPeriod: '2026年-2028年',
        longTermGoal: longTerm,
        annualGoal: annual,
        budgetExecutionPoints: 10,
      });
      expect(
        version.indicators.map(
          ({
            level1,
            level2,
            name,
            nature,
            target,
            targetText,
            unit: u,
            points,
            rule,
            ruleText,
            attributeCode,
            content,
            basis,
          }) => ({
            level1,
            level2,
            name,
            operator: nature,
            target,
            targetText,
            unit: u,
            points,
            rule,
            ruleText,
            attributeCode,
            content,
            basis,
          }),
        ),
      ).toEqual(
        seedIndicators.map(
          ({
            level1,
            level2,
            name,
            operator,
            target,
            targetText,
            unit: u,
            points,
            rule,
            ruleText,
            attributeCode,
            content,
            basis,
          }) => ({
            level1,
            level2,
            name,
            operator,
            target,
            targetText,
            unit: u,
            points,
            rule,
            ruleText,
            attributeCode,
            content,
            basis,
          }),
        ),
      );
    },
  );

  it('binds the seed indicators to the figures the portal knows, or to evidence entered by hand', async () => {
    const v000 = (await get(`/api/performance/versions/${table000.current!.id}`)).body as TableVersionView;
    expect(
      v000.indicators.map((i) => [
        i.name,
        i.binding.kind === 'metric' ? i.binding.terms.map((term) => term.metric) : 'manual',
      ]),
    ).toEqual([
      ['党建引领基层社区数量', ['delivery.communities_funded', 'trips.communities_reached']],
      ['民生小实事合格率', ['delivery.acceptance_pass_rate']],
      ['社会效益指标', 'manual'],
      ['社区干部、社区居民、社会组织机构满意度', ['surveys.satisfaction']],
    ]);
    const v002 = (await get(`/api/performance/versions/${table002.current!.id}`)).body as TableVersionView;
    expect(
      v002.indicators.map((i) =>
        i.binding.kind === 'metric' ? i.binding.terms.map((term) => term.metric) : 'manual',
      ),
    ).toEqual([
      ['stipends.people_paid', 'stipends.people_paid'],
      ['stipends.amount_paid'],
      'manual',
      ['surveys.satisfaction'],
    ]);
  });

  it('computes live actual values, scores and grades, with the rows behind each figure', async () => {
    const view = await actuals(table000.id);
    expect(view.scope).toMatchObject({ kind: 'district', unitId: unit['呈贡区'] });
    const communities = indicator(view, 'communities');
    expect(communities).toMatchObject({ source: 'metric', met: false, needsReason: true });
    // The union of the communities with a funded project and those whose cadres joined a study
    // trip (the demo seed has some): each community once.
    const { delivery, trips } = await communityTerms();
    expect(delivery.map((row) => [row.ref, row.unitName]).sort()).toEqual(
      [
        [`community:${unit['斗南社区']}`, '斗南街道'],
        [`community:${unit['龙街社区']}`, '龙城街道'],
      ].sort(),
    );
    const reached = new Set([...delivery, ...trips].map((row) => row.ref)).size;
    expect(communities.actual).toBe(reached);
    expect(communities.metric!.terms.map((term) => term.value)).toEqual([2, trips.length]);
    communityPoints = Math.round(25 * Math.max(0, 1 - Math.abs(reached - 58) / 58) * 100) / 100;
    expect(communities.points).toBe(communityPoints);
    const passRate = indicator(view, 'pass-rate');
    expect(passRate.actual).toBeCloseTo(200 / 3, 6);
    expect(passRate.metric).toMatchObject({ numerator: 2, denominator: 3 });
    expect(passRate.points).toBe(16.67);
    expect(indicator(view, 'social-benefit')).toMatchObject({ actual: null, source: 'manual', points: 0 });
    expect(indicator(view, 'satisfaction')).toMatchObject({ actual: null, points: 0, needsReason: true });
    // Budget execution: 63,150 元 paid of 411,300 元 → 10 × 0.15354 = 1.54.
    expect(view.budgetExecution).toMatchObject({
      paidFen: 6_315_000,
      adjustedBudgetFen: 41_130_000,
      points: 1.54,
      maxPoints: 10,
    });
    expect(view.total).toBe(Math.round((communityPoints + 16.67 + 1.54) * 100) / 100);
    expect(view.grade).toBe('差');

    const rates = (
      await get(`/api/performance/tables/${table000.id}/indicators/${passRate.indicatorId}/breakdown`)
    ).body;
    expect(rates.terms[0].rows.map((row: { value: number }) => row.value)).toEqual([100, 100, 0]);
    expect(rates.terms[0].rows[1].label).toContain('整改后验收合格');

    const stipends = await actuals(table002.id);
    expect(indicator(stipends, 'people-paid')).toMatchObject({ actual: 5, met: false });
    expect(indicator(stipends, 'people-paid').metric!.terms.map((term) => term.value)).toEqual([3, 2]);
    expect(indicator(stipends, 'amount-paid').actual).toBe(3 * 1_980 + 2 * 2_400);
  });

  it('shows a street only its own part', async () => {
    const longcheng = await actuals(table000.id, 'longcheng');
    expect(longcheng.scope).toMatchObject({ kind: 'street', unitId: unit['龙城街道'] });
    const own = await communityTerms('longcheng');
    expect(own.delivery.map((row) => row.ref)).toEqual([`community:${unit['龙街社区']}`]);
    const district = await communityTerms();
    // Every trip community a street sees is one of the district's, and none is a dounan one.
    for (const row of own.trips) expect(district.trips.map((r) => r.ref)).toContain(row.ref);
    expect(indicator(longcheng, 'communities').actual).toBe(
      new Set([...own.delivery, ...own.trips].map((row) => row.ref)).size,
    );
    expect(indicator(longcheng, 'pass-rate').actual).toBe(100);
    expect(longcheng.budgetExecution).toBeNull();
    const dounan = await actuals(table000.id, 'dounan');
    const theirs = await communityTerms('dounan');
    expect(theirs.delivery.map((row) => row.ref)).toEqual([`community:${unit['斗南社区']}`]);
    expect(theirs.trips.filter((row) => own.trips.some((mine) => mine.ref === row.ref))).toEqual([]);
    expect(indicator(dounan, 'pass-rate').actual).toBe(0);
    // Hand-entered district figures and their evidence are not a street's.
    expect(indicator(dounan, 'social-benefit').actual).toBeNull();
    expect((await get(`/api/performance/tables/${table000.id}/actuals`, 'community')).status).toBe(403);
  });

  describe('a table of every operator and scoring rule', () => {
    let tableId: number;
    let draft: TableVersionView;
    const manualIndicator = (key: string, fields: Partial<IndicatorInput>): IndicatorInput => ({
      key,
      level1: '产出指标',
      level2: '数量指标',
      name: `指标${key}`,
      nature: '>=',
      target: 100,
      targetText: '',
      unit: '个',
      points: 10,
      rule: 'proportional',
      ruleText: '',
      deductionPerUnit: null,
      attributeCode: '',
      content: '',
      basis: '',
      dataSource: '',
      binding: { kind: 'manual' },
      ...fields,
    });
    const INDICATORS: IndicatorInput[] = [
      manualIndicator('eq', { nature: '=', target: 200, ruleText: '达标得满分，否则根据完成比例评分' }),
      manualIndicator('ge-deduct', {
        target: 100,
        rule: 'deduct',
        deductionPerUnit: 0.5,
        ruleText: '每少1个扣0.5分',
      }),
      manualIndicator('le', { nature: '<=', target: 50, unit: '天', level2: '时效指标' }),
      manualIndicator('le-deduct', {
        nature: '<=',
        target: 50,
        rule: 'deduct',
        deductionPerUnit: 2,
        unit: '天',
        level2: '时效指标',
      }),
      manualIndicator('all-miss', {
        target: 96,
        unit: '%',
        rule: 'all_or_nothing',
        level1: '效益指标',
        level2: '社会效益',
      }),
      manualIndicator('all-met', {
        target: 96,
        unit: '%',
        rule: 'all_or_nothing',
        level1: '效益指标',
        level2: '社会效益',
      }),
      manualIndicator('band', {
        nature: 'qualitative',
        target: null,
        unit: '',
        rule: 'qualitative',
        points: 20,
        level1: '效益指标',
        level2: '可持续影响',
      }),
      manualIndicator('deduct-plain', {
        target: 100,
        rule: 'deduct',
        ruleText: '完不成扣分',
        unit: '%',
        level1: '满意度指标',
        level2: '服务对象满意度',
      }),
    ];
    const ACTUALS: Record<string, object> = {
      eq: { value: 150 },
      'ge-deduct': { value: 96 },
      le: { value: 80 },
      'le-deduct': { value: 53 },
      'all-miss': { value: 95.99 },
      'all-met': { value: 96 },
      band: { band: 'partly', bandFraction: 0.5 },
      'deduct-plain': { value: 98 },
    };

    beforeAll(async () => {
      const programme = await post('/api/programmes', { year: 2026, name: '绩效测试项目（演示）' });
      expect(programme.status).toBe(201);
      const line = await post(`/api/programmes/${programme.body.id}/lines`, {
        name: '绩效测试预算线',
        amountFen: 100_000 * YUAN,
      });
      expect(line.status).toBe(201);
      const created = await post('/api/performance/tables', { programmeId: programme.body.id });
      expect(created.status).toBe(201);
      tableId = created.body.id;
      expect(created.body.draft).toMatchObject({ number: 1, status: 'draft' });
      draft = (await get(`/api/performance/versions/${created.body.draft.id}`)).body;
    });

    it('refuses bindings and points that do not fit, naming the fields', async () => {
      const badBinding = await put(`/api/performance/versions/${draft.id}`, {
        version: draft.version,
        indicators: [
          manualIndicator('x', {
            binding: {
              kind: 'metric',
              combine: 'sum',
              terms: [{ metric: 'nobody.publishes_this', budgetLineId: null }],
            },
          }),
          manualIndicator('y', {
            unit: '元',
            binding: {
              kind: 'metric',
              combine: 'sum',
              terms: [{ metric: 'surveys.satisfaction', budgetLineId: 'table' }],
            },
          }),
          manualIndicator('z', {
            binding: {
              kind: 'metric',
              combine: 'sum',
              terms: [{ metric: 'stipends.people_paid', budgetLineId: null }],
            },
          }),
        ],
      });
      expect(badBinding.status).toBe(400);
      expect(Object.keys(badBinding.body.fields).sort()).toEqual([
        'indicators.0.binding.terms.0.metric',
        'indicators.1.unit',
        'indicators.2.binding.terms.0.budgetLineId',
      ]);
      const saved = await put(`/api/performance/versions/${draft.id}`, {
        version: draft.version,
        indicators: INDICATORS.slice(0, 2),
      });
      expect(saved.status).toBe(200);
      const approve = await post(`/api/performance/versions/${draft.id}/approve`, {
        version: saved.body.version,
      });
      expect(approve.status).toBe(400);
      expect(approve.body.fields).toHaveProperty('points');
      draft = saved.body;
    });

    it('scores =, ≥, ≤, per-unit deductions, all-or-nothing and qualitative bands', async () => {
      const saved = await put(`/api/performance/versions/${draft.id}`, {
        version: draft.version,
        longTermGoal: '测试',
        annualGoal: '测试',
        budgetExecutionPoints: 10,
        indicators: INDICATORS,
      });
      expect(saved.status).toBe(200);
      const approved = await post(`/api/performance/versions/${draft.id}/approve`, {
        version: saved.body.version,
      });
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('approved');
      const evidenceId = await evidence(tableId);
      for (const [key, value] of Object.entries(ACTUALS)) {
        const entered = await post(`/api/performance/tables/${tableId}/manual-values`, {
          indicatorKey: key,
          evidenceId,
          note: '测试',
          ...value,
        });
        expect(entered.status).toBe(201);
        expect(entered.body.enteredBy.name).toContain('管理员');
      }
      const noEvidence = await post(`/api/performance/tables/${tableId}/manual-values`, {
        indicatorKey: 'eq',
        value: 1,
      });
      expect(noEvidence.status).toBe(400);
      const view = await actuals(tableId);
      expect(Object.fromEntries(view.indicators.map((row) => [row.key, row.points]))).toEqual({
        eq: 7.5, // = : 10 × (1 − 50/200)
        'ge-deduct': 8, // ≥ with 0.5 a unit: 10 − 0.5 × 4
        le: 6.25, // ≤ : 10 × 50/80
        'le-deduct': 4, // ≤ with 2 a unit: 10 − 2 × 3
        'all-miss': 0,
        'all-met': 10,
        band: 14, // partly, half-way: 20 × 0.7
        'deduct-plain': 9.8, // 完不成扣分 without a per-unit value: proportional
      });
      expect(view.budgetExecution).toMatchObject({ paidFen: 0, points: 0 });
      expect(view).toMatchObject({ total: 59.55, maxTotal: 100, grade: '差' });
      expect(indicator(view, 'band')).toMatchObject({ band: 'partly', actual: null, met: false });
      const history = await get(`/api/performance/tables/${tableId}/manual-values?indicatorKey=eq`);
      expect(history.body).toHaveLength(1);
      expect(history.body[0]).toMatchObject({
        value: 150,
        evidence: { id: evidenceId, name: '佐证材料.pdf' },
      });
      const file = await binary(get(`/api/performance/evidence/${evidenceId}`));
      expect(file.status).toBe(200);
      expect((file.body as Buffer).subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect((await get(`/api/performance/evidence/${evidenceId}`, 'longcheng')).status).toBe(404);
    });

    it('freezes an approved version; a change is version n+1, the old one stays readable, all audited', async () => {
      const v1 = (await get(`/api/performance/tables/${tableId}`)).body.current as { id: number };
      const frozen = await put(`/api/performance/versions/${v1.id}`, { version: 99, indicators: INDICATORS });
      expect(frozen.status).toBe(409);
      expect(frozen.body.code).toBe('PERFORMANCE_VERSION_FROZEN');
      const racing = await Promise.all([
        post(`/api/performance/tables/${tableId}/versions`, { changeNote: '调整目标值' }),
        post(`/api/performance/tables/${tableId}/versions`, { changeNote: '调整目标值' }),
      ]);
      expect(racing.map((response) => response.status).sort()).toEqual([201, 409]);
      const v2 = racing.find((response) => response.status === 201)!.body as TableVersionView;
      expect(v2).toMatchObject({ number: 2, status: 'draft', changeNote: '调整目标值' });
      expect(v2.indicators.map((row) => row.key)).toEqual(INDICATORS.map((row) => row.key));
      const changed = INDICATORS.map((row) => (row.key === 'eq' ? { ...row, target: 100 } : row));
      const edited = await put(`/api/performance/versions/${v2.id}`, {
        version: v2.version,
        indicators: changed,
        budgetExecutionPoints: 10,
      });
      expect(edited.status).toBe(200);
      expect(
        (
          await post(
            `/api/performance/versions/${v2.id}/approve`,
            { version: edited.body.version },
            'auditor',
          )
        ).status,
      ).toBe(403);
      expect(
        (await post(`/api/performance/versions/${v2.id}/approve`, { version: edited.body.version })).status,
      ).toBe(200);
      const table = (await get(`/api/performance/tables/${tableId}`)).body as PerformanceTableView;
      expect(table.current).toMatchObject({ id: v2.id, number: 2 });
      expect(table.versions.map((version) => [version.number, version.status])).toEqual([
        [2, 'approved'],
        [1, 'superseded'],
      ]);
      const old = (await get(`/api/performance/versions/${v1.id}`, 'auditor')).body as TableVersionView;
      expect(old.indicators.find((row) => row.key === 'eq')!.target).toBe(200);
      // The hand-entered values follow the indicator keys into the new version: = 150 against 100.
      expect(indicator(await actuals(tableId), 'eq').points).toBe(5);
      const audit = await t.db.query(
        `SELECT action, count(*)::int AS n FROM audit_event
         WHERE (entity_type = 'performance_table' AND entity_id = $1)
            OR (entity_type = 'performance_table_version' AND entity_id = ANY($2::text[]))
         GROUP BY action`,
        [String(tableId), [String(v1.id), String(v2.id)]],
      );
      expect(Object.fromEntries(audit.rows.map((row) => [row.action, row.n]))).toMatchObject({
        'performance.table_created': 1,
        'performance.version_updated': 3,
        'performance.version_approved': 2,
        'performance.version_created': 1,
        'performance.evidence_uploaded': 1,
        'performance.manual_value_entered': 8,
      });
    });
  });

  describe('the self-evaluation: streets report their part, the district audits and submits', () => {
    let view: EvaluationView;
    let required: EvaluationView['streetsRequired'] = [];

    it('lists every shortfall as needing a reason and refuses to submit without them', async () => {
      view = (await get(`/api/performance/tables/${table000.id}/evaluation`)).body;
      expect(view.status).toBe('open');
      expect(view.missingReasons.sort()).toEqual([
        'communities',
        'pass-rate',
        'satisfaction',
        'social-benefit',
      ]);
      // The streets of the funded projects, and those whose cadres joined a study trip.
      required = view.streetsRequired;
      expect(required.map((street) => [street.name, street.reportStatus])).toEqual(
        expect.arrayContaining([
          ['龙城街道', null],
          ['斗南街道', null],
        ]),
      );
      expect(required.every((street) => street.reportStatus === null)).toBe(true);
      const refused = await post(`/api/performance/tables/${table000.id}/evaluation/submit`);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('PERFORMANCE_DEVIATION_REASON_REQUIRED');
      expect(Object.keys(refused.body.fields).sort()).toEqual([
        'reasons.communities',
        'reasons.pass-rate',
        'reasons.satisfaction',
        'reasons.social-benefit',
      ]);
    });

    it('has each street confirm its figures with notes on the district-wide shortfalls', async () => {
      const own = (await get(`/api/performance/tables/${table000.id}/evaluation`, 'longcheng'))
        .body as EvaluationView;
      expect(own.scope.kind).toBe('street');
      const ownCommunities = indicator(own, 'communities');
      expect(ownCommunities.needsReason).toBe(true);
      expect(ownCommunities.actual).toBeGreaterThanOrEqual(1);
      expect(indicator(own, 'social-benefit').needsReason).toBe(false);
      expect(own.budgetExecution).toBeNull();
      const withoutNotes = await post(
        `/api/performance/tables/${table000.id}/evaluation/street-report`,
        {},
        'longcheng',
      );
      expect(withoutNotes.status).toBe(400);
      expect(Object.keys(withoutNotes.body.fields).sort()).toEqual([
        'reasons.communities',
        'reasons.pass-rate',
        'reasons.satisfaction',
      ]);
      const notes = {
        reasons: [
          { indicatorKey: 'communities', text: '龙城街道仅龙街社区获得立项，明年扩大申报覆盖面。' },
          { indicatorKey: 'pass-rate', text: '本街道项目全部验收合格。' },
          { indicatorKey: 'satisfaction', text: '测评正在进行。' },
        ],
      };
      expect(
        (await put(`/api/performance/tables/${table000.id}/evaluation/street-notes`, notes, 'longcheng'))
          .status,
      ).toBe(200);
      const submitted = await post(
        `/api/performance/tables/${table000.id}/evaluation/street-report`,
        {},
        'longcheng',
      );
      expect(submitted.status).toBe(200);
      const report = (submitted.body as EvaluationView).streetReports[0];
      expect(report).toMatchObject({ status: 'submitted', street: { name: '龙城街道' } });
      expect(report.figures.find((figure) => figure.indicatorKey === 'communities')).toMatchObject({
        actual: ownCommunities.actual,
      });
      // Submitted: no more edits until the district returns it.
      expect(
        (await put(`/api/performance/tables/${table000.id}/evaluation/street-notes`, notes, 'longcheng'))
          .status,
      ).toBe(409);
      // Another street sees none of it.
      const other = (await get(`/api/performance/tables/${table000.id}/evaluation`, 'dounan'))
        .body as EvaluationView;
      expect(other.streetNotes).toEqual([]);
      expect(other.streetReports).toEqual([]);
      expect(indicator(other, 'pass-rate').actual).toBe(0);
      expect((await post(`/api/performance/street-reports/${report.id}/approve`, {}, 'dounan')).status).toBe(
        403,
      );
    });

    it('lets the district return and approve street reports, then submit once every shortfall is explained', async () => {
      const district = (await get(`/api/performance/tables/${table000.id}/evaluation`))
        .body as EvaluationView;
      expect(district.streetNotes.map((note) => note.street.name)).toEqual([
        '龙城街道',
        '龙城街道',
        '龙城街道',
      ]);
      const report = district.streetReports[0];
      const returned = await post(`/api/performance/street-reports/${report.id}/return`, {
        reason: '请补充未立项社区的原因',
      });
      expect(returned.status).toBe(200);
      expect(returned.body).toMatchObject({ status: 'returned', returnReason: '请补充未立项社区的原因' });
      await put(
        `/api/performance/tables/${table000.id}/evaluation/street-notes`,
        { reasons: [{ indicatorKey: 'communities', text: '其余 7 个社区未申报，已督促。' }] },
        'longcheng',
      );
      expect(
        (await post(`/api/performance/tables/${table000.id}/evaluation/street-report`, {}, 'longcheng'))
          .status,
      ).toBe(200);
      expect((await post(`/api/performance/street-reports/${report.id}/approve`)).body.status).toBe(
        'approved',
      );

      const reasons = {
        reasons: ['communities', 'pass-rate', 'social-benefit', 'satisfaction'].map((indicatorKey) => ({
          indicatorKey,
          text: `偏差原因：${indicatorKey}；改进措施：加强督导。`,
        })),
      };
      expect((await put(`/api/performance/tables/${table000.id}/evaluation/reasons`, reasons)).status).toBe(
        200,
      );
      const pending = await post(`/api/performance/tables/${table000.id}/evaluation/submit`);
      expect(pending.status).toBe(409);
      expect(pending.body.code).toBe('PERFORMANCE_STREET_REPORTS_PENDING');
      expect(pending.body.fields.streets).toContain('斗南街道');

      await put(
        `/api/performance/tables/${table000.id}/evaluation/street-notes`,
        {
          reasons: ['communities', 'pass-rate', 'satisfaction'].map((indicatorKey) => ({
            indicatorKey,
            text: '斗南街道说明',
          })),
        },
        'dounan',
      );
      const dounan = await post(
        `/api/performance/tables/${table000.id}/evaluation/street-report`,
        {},
        'dounan',
      );
      expect(
        (await post(`/api/performance/street-reports/${dounan.body.streetReports[0].id}/approve`)).status,
      ).toBe(200);

      // Every other street that took part reports too (an officer is made for each).
      for (const street of required.filter((s) => !['龙城街道', '斗南街道'].includes(s.name))) {
        const username = `perf${street.id}`;
        const created = await post('/api/users', {
          username,
          displayName: `${street.name}工作人员`,
          unitId: street.id,
          roles: ['street_officer'],
          initialPassword: 'Street2026pass',
        });
        expect(created.status).toBe(201);
        await t.db.query(`UPDATE app_user SET must_change_password = false WHERE username = $1`, [username]);
        bearer[username] = await t.login(username, 'Street2026pass');
        const notes = ['communities', 'pass-rate', 'satisfaction'].map((indicatorKey) => ({
          indicatorKey,
          text: `${street.name}说明`,
        }));
        await put(
          `/api/performance/tables/${table000.id}/evaluation/street-notes`,
          { reasons: notes },
          username,
        );
        const reported = await post(
          `/api/performance/tables/${table000.id}/evaluation/street-report`,
          {},
          username,
        );
        expect(reported.status).toBe(200);
        const id = (reported.body as EvaluationView).streetReports[0].id;
        expect((await post(`/api/performance/street-reports/${id}/approve`)).status).toBe(200);
      }

      const submitted = await post(`/api/performance/tables/${table000.id}/evaluation/submit`);
      expect(submitted.status).toBe(200);
      view = submitted.body;
      expect(view).toMatchObject({ status: 'submitted', grade: '差' });
      expect(view.total).toBe(Math.round((communityPoints + 16.67 + 1.54) * 100) / 100);
      expect(view.rows.find((row) => row.key === 'pass-rate')!.reason).toContain('pass-rate');
      expect(
        (await put(`/api/performance/tables/${table000.id}/evaluation/reasons`, reasons)).body.code,
      ).toBe('PERFORMANCE_EVALUATION_SUBMITTED');
      const audit = await t.db.query(
        `SELECT action FROM audit_event WHERE action IN ('performance.street_report_submitted', 'performance.street_report_returned', 'performance.street_report_approved', 'performance.evaluation_submitted') ORDER BY seq`,
      );
      const others = Array(required.length - 1).fill([
        'performance.street_report_submitted',
        'performance.street_report_approved',
      ]);
      expect(audit.rows.map((row) => row.action)).toEqual([
        'performance.street_report_submitted',
        'performance.street_report_returned',
        'performance.street_report_submitted',
        'performance.street_report_approved',
        ...others.flat(),
        'performance.evaluation_submitted',
      ]);
    });

    it('exports the self-evaluation in the official layout, readable by office software', async () => {
      const file = await binary(get(`/api/performance/tables/${table000.id}/evaluation/export`, 'auditor'));
      expect(file.status).toBe(200);
      expect(file.headers['content-disposition']).toContain("filename*=UTF-8''");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect(sheet.getRow(4).values).toEqual([undefined, ...SELF_EVALUATION_COLUMNS]);
      const rows = [5, 6, 7, 8].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
      const reached = view.rows.find((row) => row.key === 'communities')!.actual;
      expect(rows[0].slice(2, 9)).toEqual([
        '党建引领基层社区数量',
        '=',
        58,
        '个',
        reached,
        25,
        communityPoints,
      ]);
      expect(rows[1].slice(2, 9)).toEqual(['民生小实事合格率', '≥', 100, '%', 66.67, 25, 16.67]);
      expect(rows[2][2]).toBe('社会效益指标');
      expect(rows[3][9]).toBe('偏差原因：satisfaction；改进措施：加强督导。');
      // 一级 merged over its group, as office software shows it.
      expect(sheet.getCell('A6').isMerged).toBe(true);
      expect(sheet.getCell('A6').master.address).toBe('A5');
      expect(sheet.getCell('B6').isMerged).toBe(false);
      expect(typeof sheet.getCell('I5').value).toBe('number');
      const budget = (sheet.getRow(9).values as unknown[]).slice(1);
      expect(budget.slice(0, 1)).toEqual(['预算执行率']);
      expect(budget.slice(7, 9)).toEqual([10, 1.54]);
      const total = (sheet.getRow(10).values as unknown[]).slice(1);
      expect(total[0]).toBe('合计');
      expect(total.slice(7, 10)).toEqual([100, view.total, '自评等级：差']);
      expect(
        (await get(`/api/performance/tables/${table000.id}/evaluation/export`, 'longcheng')).status,
      ).toBe(403);
    });
  });
});
