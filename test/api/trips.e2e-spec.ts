import { TripsMetrics } from '../../apps/api/src/modules/trips/trips.metrics.js';
import { pdfBytes } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Study and training trips (issue 15): the norm table as editable versioned data, the estimate
 * from it, district approval, attendance with evidence, the actual costs committed on the budget
 * line through the budgets module (once, even when requests race), scope and the figures the
 * performance tables read.
 */
const YUAN = 100;

describe('study trips', () => {
  let t: TestApp;
  const bearer: Record<string, string> = {};
  let tripLine: number;
  const communities = new Map<string, number>();

  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['admin', 'finance', 'auditor', 'longcheng']) bearer[name] = await t.login(name);
    tripLine = (await t.db.query(`SELECT id FROM budget_line WHERE name = '社区干部学习考察经费（演示）'`)).rows[0].id;
    for (const row of (await t.db.query(`SELECT id, name FROM org_unit WHERE kind IN ('community', 'street')`)).rows)
      communities.set(row.name, row.id);
  });
  afterAll(() => t.close());

  const api = (who: string) => ({
    get: (path: string) => t.http().get(path).set('authorization', bearer[who]),
    post: (path: string, body?: object) => t.http().post(path).set('authorization', bearer[who]).send(body),
    put: (path: string, body: object) => t.http().put(path).set('authorization', bearer[who]).send(body),
    patch: (path: string, body: object) => t.http().patch(path).set('authorization', bearer[who]).send(body),
  });
  const ledger = async () => (await api('admin').get(`/api/budget-lines/${tripLine}`)).body.ledger;

  it('seeds the norm table of 呈财联〔2021〕5号 with 演示 rates and a completed trip whose costs are on the ledger', async () => {
    const norms = await api('admin').get('/api/training-norms');
    expect(norms.body).toHaveLength(1);
    expect(norms.body[0]).toMatchObject({ documentNumber: '呈财联〔2021〕5号', isDemo: true, usedByTrips: 2 });
    expect(norms.body[0].items.every((item: { label: string }) => item.label.includes('演示'))).toBe(true);

    const list = await api('finance').get('/api/trips?year=2026');
    expect(list.body.items.map((trip: { status: string }) => trip.status)).toEqual(['completed']);
    const trip = (await api('finance').get(`/api/trips/${list.body.items[0].id}`)).body;
    expect(trip).toMatchObject({ participants: 16, communities: 8, attended: 15, actualFen: 52_300 * YUAN, isDemo: true });
    // 16 cadres and 2 staff, 5 days at the 二类 rate of 400 元, plus 1,200 元 of travel each.
    expect(trip.estimate).toMatchObject({ headcount: 18, days: 5, perPersonPerDayFen: 400 * YUAN, totalFen: 57_600 * YUAN });
    expect(trip.evidence.map((item: { kind: string }) => item.kind)).toEqual(['attendance_sheet']);
    const expenditures = await api('admin').get(`/api/direct-expenditures?budgetLineId=${tripLine}`);
    expect(expenditures.body).toEqual([
      expect.objectContaining({ id: trip.directExpenditureId, amountFen: 52_300 * YUAN, status: 'paid' }),
    ]);
    expect(await ledger()).toMatchObject({ committedFen: 52_300 * YUAN, paidFen: 52_300 * YUAN });
    const next = await api('admin').get('/api/trips?status=submitted');
    expect(next.body.items).toHaveLength(1);
  });

  it('estimates from the norm table, goes through approval, and records attendance, evidence and actual costs once', async () => {
    const draft = {
      budgetLineId: tripLine,
      title: '测试学习考察',
      destination: '上海市',
      startDate: '2026-11-02',
      endDate: '2026-11-04',
      category: 'class_1',
      staffCount: 1,
      travelPerPersonFen: 500 * YUAN,
    };
    const created = await api('admin').post('/api/trips', draft);
    expect(created.status).toBe(201);
    // Nobody listed yet: the one accompanying staff member, 3 days at the 一类 rate of 500 元 plus travel.
    expect(created.body).toMatchObject({ status: 'draft', estimateFen: 2_000 * YUAN, categoryLabel: '一类培训（演示）' });
    const unknownCategory = await api('admin').post('/api/trips', { ...draft, category: 'class_9' });
    expect(unknownCategory.status).toBe(400);

    let trip = created.body;
    const foreign = await api('admin').put(`/api/trips/${trip.id}/participants`, {
      version: trip.version,
      participants: [{ communityId: communities.get('龙城街道'), name: '错误', post: '书记' }],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields).toHaveProperty(['participants.0.communityId']);
    const people = ['龙街社区', '龙街社区', '乌龙社区', '乌龙社区', '斗南社区', '斗南社区'].map((community, index) => ({
      communityId: communities.get(community)!,
      name: `参加人${index + 1}`,
      post: index % 2 ? '居委会委员' : '社区党委书记',
    }));
    const withPeople = await api('admin').put(`/api/trips/${trip.id}/participants`, { version: trip.version, participants: people });
    expect(withPeople.status).toBe(200);
    trip = withPeople.body;
    // (6 cadres + 1 staff) × 3 days × 500 元 + 7 × 500 元 of travel.
    expect(trip.estimate).toMatchObject({ headcount: 7, days: 3, perPersonPerDayFen: 500 * YUAN, normFen: 10_500 * YUAN, travelFen: 3_500 * YUAN });
    expect(trip.estimateFen).toBe(14_000 * YUAN);
    expect(trip.communities).toBe(3);

    const early = await api('admin').post(`/api/trips/${trip.id}/attendance`, { attendedParticipantIds: [], version: trip.version });
    expect(early.status).toBe(409);
    trip = (await api('admin').post(`/api/trips/${trip.id}/submit`, { version: trip.version })).body;
    expect(trip.status).toBe('submitted');
    expect((await api('finance').post(`/api/trips/${trip.id}/approve`, { version: trip.version })).status).toBe(403);
    trip = (await api('admin').post(`/api/trips/${trip.id}/approve`, { version: trip.version })).body;
    expect(trip).toMatchObject({ status: 'approved', approvedBy: '区社会工作部管理员（演示）' });

    const attended = trip.participantList.slice(0, 5).map((participant: { id: number }) => participant.id);
    trip = (await api('admin').post(`/api/trips/${trip.id}/attendance`, { attendedParticipantIds: attended, version: trip.version })).body;
    expect(trip.attended).toBe(5);
    const items = [
      { kind: 'accommodation', amountFen: 3_000 * YUAN },
      { kind: 'meals', amountFen: 1_500 * YUAN },
      { kind: 'travel', amountFen: 2_000 * YUAN },
    ];
    const noEvidence = await api('admin').post(`/api/trips/${trip.id}/costs`, { items, version: trip.version });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.fields).toHaveProperty('evidence');
    const evidence = await t
      .http()
      .post(`/api/trips/${trip.id}/evidence?kind=attendance_sheet`)
      .set('authorization', bearer.admin)
      .attach('file', pdfBytes('sign-in sheet'), '签到表.pdf');
    expect(evidence.status).toBe(201);
    const opened = await api('auditor').get(`/api/trip-evidence/${evidence.body.id}`);
    expect(opened.status).toBe(200);
    expect(opened.headers['content-type']).toBe('application/pdf');

    // The norm is a ceiling for those who attended: (5 + 1) × 3 days × 500 元 = 9,000 元 (travel apart).
    const over = await api('admin').post(`/api/trips/${trip.id}/costs`, {
      items: [{ kind: 'accommodation', amountFen: 9_000 * YUAN + 1 }, items[2]],
      version: trip.version,
    });
    expect(over.status).toBe(400);
    expect(Object.values(over.body.fields).join()).toContain('9000.00');

    const before = await ledger();
    // Five racing requests: one completes the trip, one expenditure is committed.
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () => api('admin').post(`/api/trips/${trip.id}/costs`, { items, version: trip.version })),
    );
    expect(attempts.map((response) => response.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const done = attempts.find((response) => response.status === 200)!.body;
    expect(done).toMatchObject({ status: 'completed', actualFen: 6_500 * YUAN, availableActions: [] });
    const after = await ledger();
    expect(after.committedFen - before.committedFen).toBe(6_500 * YUAN);
    const expenditure = (await api('admin').get(`/api/direct-expenditures?budgetLineId=${tripLine}`)).body.find(
      (row: { id: number }) => row.id === done.directExpenditureId,
    );
    expect(expenditure).toMatchObject({ status: 'committed', amountFen: 6_500 * YUAN, title: '学习考察实际费用：测试学习考察' });
    const entries = await t.db.query(
      `SELECT count(*)::int AS n FROM ledger_entry WHERE source = 'direct_expenditure' AND source_id = $1 AND kind = 'commitment'`,
      [done.directExpenditureId],
    );
    expect(entries.rows[0].n).toBe(1);
    const audit = await t.db.query(
      `SELECT action FROM audit_event WHERE entity_type = 'study_trip' AND entity_id = $1 ORDER BY seq`,
      [String(trip.id)],
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      'study_trip.create',
      'study_trip.participants_replaced',
      'study_trip.submit',
      'study_trip.approve',
      'study_trip.attendance',
      'study_trip.evidence_added',
      'study_trip.complete',
    ]);
  });

  it('keeps the norm table editable without rewriting the estimates it already gave', async () => {
    const [version] = (await api('admin').get('/api/training-norms')).body;
    const seeded = (await api('admin').get('/api/trips?status=completed')).body.items.find((trip: { isDemo: boolean }) => trip.isDemo);
    const edited = await api('admin').patch(`/api/training-norms/${version.id}`, {
      version: version.version,
      items: version.items.map((item: { perPersonPerDayFen: number }) => ({ ...item, perPersonPerDayFen: item.perPersonPerDayFen + 5_000 })),
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ isDemo: false });
    const again = (await api('admin').get(`/api/trips/${seeded.id}`)).body;
    expect(again.estimate.perPersonPerDayFen).toBe(400 * YUAN);
    const duplicate = await api('admin').post('/api/training-norms', {
      documentNumber: '重复',
      effectiveFrom: version.effectiveFrom,
      items: [{ category: 'x', label: 'x', perPersonPerDayFen: 100 }],
    });
    expect(duplicate.status).toBe(409);
    const auditorEdit = await api('auditor').patch(`/api/training-norms/${version.id}`, { version: edited.body.version, title: 'x' });
    expect(auditorEdit.status).toBe(403);
  });

  it('is the district’s: streets have no access, auditors and finance read only', async () => {
    expect((await api('longcheng').get('/api/trips')).status).toBe(403);
    expect((await api('auditor').get('/api/trips')).status).toBe(200);
    expect((await api('auditor').post('/api/trips', { budgetLineId: tripLine })).status).toBe(403);
    expect((await api('finance').post('/api/trips/1/approve', { version: 1 })).status).toBe(403);
    expect((await api('admin').get('/api/trips/999999')).status).toBe(404);
  });

  it('publishes the communities reached and the people trained for the performance tables', async () => {
    const metrics = t.app.get(TripsMetrics).metrics();
    const district = (await t.db.query(`SELECT id FROM org_unit WHERE kind = 'district'`)).rows[0].id;
    const scope = { year: 2026, unitId: district, budgetLineId: null };
    const reached = await metrics.find((metric) => metric.key === 'trips.communities_reached')!.compute(scope, 100);
    // The seeded trip's 8 communities (the absent cadre's community still had another attend)
    // and the test trip's 3 (all of whose attendees were among its first five).
    const expected = await t.db.query(
      `SELECT count(DISTINCT p.community_id)::int AS n FROM study_trip_participant p JOIN study_trip t ON t.id = p.trip_id
       WHERE t.status = 'completed' AND p.attended`,
    );
    expect(reached.value).toBe(expected.rows[0].n);
    expect(reached.rows.every((row) => row.ref.startsWith('community:'))).toBe(true);
    const people = await metrics.find((metric) => metric.key === 'trips.people_trained')!.compute(scope, 5);
    expect(people.value).toBe(15 + 5);
    expect(people.rows).toHaveLength(5);
    expect(people.rowCount).toBe(20);
    const street = (await t.db.query(`SELECT id FROM org_unit WHERE name = '龙城街道'`)).rows[0].id;
    const forStreet = await metrics.find((metric) => metric.key === 'trips.communities_reached')!.compute({ ...scope, unitId: street }, 100);
    expect(forStreet.rows.map((row) => row.unitName).sort()).toEqual(['文华社区', '龙街社区']);
  });
});
