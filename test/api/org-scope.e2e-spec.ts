import { startTestApp, type TestApp } from '../support/test-app.js';

/** Street isolation and the read-only auditor, checked through the HTTP API with real tokens. */
describe('org scope and the permission matrix', () => {
  let t: TestApp;
  let unitId: (name: string) => number;
  let userId: (username: string) => number;

  beforeAll(async () => {
    t = await startTestApp();
    const units = await t.db.query<{ id: number; name: string }>('SELECT id, name FROM org_unit');
    const unitIds = new Map(units.rows.map((row) => [row.name, row.id]));
    unitId = (name) => unitIds.get(name)!;
    const users = await t.db.query<{ id: number; username: string }>('SELECT id, username FROM app_user');
    const userIds = new Map(users.rows.map((row) => [row.username, row.id]));
    userId = (username) => userIds.get(username)!;
  });
  afterAll(() => t.close());

  it('lists only the street officer\'s own street and its communities', async () => {
    const bearer = await t.login('longcheng');
    const response = await t.http().get('/api/org-units?limit=200').set('authorization', bearer);
    expect(response.status).toBe(200);
    const names = response.body.items.map((unit: { name: string }) => unit.name);
    expect(names).toContain('龙城街道');
    expect(names).toContain('龙街社区');
    expect(names).not.toContain('斗南街道');
    expect(names).not.toContain('呈贡区');
    expect(names).toHaveLength(1 + 8);
  });

  it('answers 404 for another street\'s unit, whatever id is sent', async () => {
    const bearer = await t.login('longcheng');
    const dounanIds = (
      await t.db.query<{ id: number }>(`SELECT id FROM org_unit WHERE name = '斗南街道' OR parent_id = (SELECT id FROM org_unit WHERE name = '斗南街道')`)
    ).rows.map((row) => row.id);
    for (const id of [...dounanIds, unitId('呈贡区'), 999999]) {
      const response = await t.http().get(`/api/org-units/${id}`).set('authorization', bearer);
      expect(response.status).toBe(404);
    }
    const filtered = await t.http().get(`/api/org-units?parentId=${unitId('斗南街道')}`).set('authorization', bearer);
    expect(filtered.body.items).toEqual([]);
  });

  it('lets a street officer edit their own communities but not another street\'s', async () => {
    const bearer = await t.login('longcheng');
    const own = await t.http().get(`/api/org-units/${unitId('龙街社区')}`).set('authorization', bearer);
    const ok = await t.http()
      .patch(`/api/org-units/${unitId('龙街社区')}`)
      .set('authorization', bearer)
      .send({ contactName: '张三', version: own.body.version });
    expect(ok.status).toBe(200);
    expect(ok.body.contactName).toBe('张三');

    const foreign = await t.http()
      .patch(`/api/org-units/${unitId('斗南社区')}`)
      .set('authorization', bearer)
      .send({ name: '被篡改', version: 1 });
    expect(foreign.status).toBe(404);
    const unchanged = await t.db.query(`SELECT name FROM org_unit WHERE id = $1`, [unitId('斗南社区')]);
    expect(unchanged.rows[0].name).toBe('斗南社区');
  });

  it('keeps a street officer away from another street\'s users', async () => {
    const bearer = await t.login('longcheng');
    const list = await t.http().get('/api/users?limit=200').set('authorization', bearer);
    expect(list.status).toBe(200);
    const usernames = list.body.items.map((user: { username: string }) => user.username);
    expect(usernames).toEqual(expect.arrayContaining(['longcheng', 'community']));
    expect(usernames).not.toContain('dounan');
    expect(usernames).not.toContain('admin');
    expect((await t.http().get(`/api/users/${userId('dounan')}`).set('authorization', bearer)).status).toBe(404);
    const change = await t.http()
      .patch(`/api/users/${userId('dounan')}`)
      .set('authorization', bearer)
      .send({ displayName: 'x', version: 1 });
    expect(change.status).toBe(403);
  });

  it('masks phone numbers for roles that do not need them', async () => {
    const admin = await t.login('admin');
    const created = await t.http()
      .post('/api/users')
      .set('authorization', admin)
      .send({
        username: 'lc.helper',
        displayName: '龙城协管员',
        unitId: unitId('龙街社区'),
        roles: ['community_officer'],
        phone: '13812345678',
        initialPassword: 'Initial2026pass',
      });
    expect(created.status).toBe(201);
    expect(created.body.phone).toBe('13812345678');
    const street = await t.http().get(`/api/users/${created.body.id}`).set('authorization', await t.login('longcheng'));
    expect(street.body.phone).toBe('138****5678');
  });

  it('lets the auditor read everything and write nothing', async () => {
    const bearer = await t.login('auditor');
    const units = await t.http().get('/api/org-units?limit=200').set('authorization', bearer);
    expect(units.body.items.length).toBe(1 + 10 + 58 + 3);
    expect((await t.http().get('/api/audit/events').set('authorization', bearer)).status).toBe(200);
    const writes = [
      t.http().post('/api/org-units').set('authorization', bearer).send({ kind: 'street', name: '新街道', parentId: unitId('呈贡区') }),
      t.http().patch(`/api/org-units/${unitId('龙街社区')}`).set('authorization', bearer).send({ name: 'x', version: 1 }),
      t.http()
        .post('/api/users')
        .set('authorization', bearer)
        .send({ username: 'sneaky', displayName: 'x', unitId: unitId('呈贡区'), roles: ['auditor'], initialPassword: 'Sneaky2026pass' }),
      t.http().post(`/api/users/${userId('admin')}/reset-password`).set('authorization', bearer).send({ temporaryPassword: 'Sneaky2026pass' }),
    ];
    for (const response of await Promise.all(writes)) expect(response.status).toBe(403);
    const count = await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE username = 'sneaky'`);
    expect(count.rows[0].n).toBe(0);
  });

  it('lists the district\'s partner organisations for joint entries', async () => {
    const response = await t.http().get('/api/org-units/partners').set('authorization', await t.login('community'));
    expect(response.status).toBe(200);
    expect(response.body.map((row: { name: string }) => row.name)).toHaveLength(3);
    expect(response.body[0]).toEqual({ id: expect.any(Number), name: expect.any(String), organisationType: expect.any(String) });
  });

  it('confines a community officer to their community', async () => {
    const bearer = await t.login('community');
    const response = await t.http().get('/api/org-units').set('authorization', bearer);
    expect(response.body.items.map((unit: { name: string }) => unit.name)).toEqual(['龙街社区']);
    expect((await t.http().get('/api/users').set('authorization', bearer)).status).toBe(403);
  });

  it('refuses roles that do not fit the unit', async () => {
    const admin = await t.login('admin');
    const response = await t.http()
      .post('/api/users')
      .set('authorization', admin)
      .send({ username: 'misfit', displayName: 'x', unitId: unitId('龙街社区'), roles: ['street_officer'], initialPassword: 'Misfit2026pass' });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['roles']);
  });

  it('creates a community under a street and records it in the audit log', async () => {
    const admin = await t.login('admin');
    const response = await t.http()
      .post('/api/org-units')
      .set('authorization', admin)
      .send({ kind: 'community', name: '新建测试社区', parentId: unitId('七甸街道') });
    expect(response.status).toBe(201);
    const row = await t.db.query(`SELECT ancestor_ids FROM org_unit WHERE id = $1`, [response.body.id]);
    // Root first: the demo city above the district (issue 13 §6), the district, the street.
    expect(row.rows[0].ancestor_ids).toEqual([unitId('昆明市（演示）'), unitId('呈贡区'), unitId('七甸街道')]);
    const audit = await t.db.query(`SELECT action, actor_username FROM audit_event WHERE entity_type = 'org_unit' AND entity_id = $1`, [
      String(response.body.id),
    ]);
    expect(audit.rows).toEqual([{ action: 'org_unit.create', actor_username: 'admin' }]);
  });

  it('answers 409 on a stale version and changes nothing', async () => {
    const admin = await t.login('admin');
    const id = unitId('雨花社区');
    const current = await t.http().get(`/api/org-units/${id}`).set('authorization', admin);
    const first = await t.http().patch(`/api/org-units/${id}`).set('authorization', admin).send({ name: '雨花社区（一）', version: current.body.version });
    expect(first.status).toBe(200);
    const stale = await t.http().patch(`/api/org-units/${id}`).set('authorization', admin).send({ name: '雨花社区（二）', version: current.body.version });
    expect(stale.status).toBe(409);
    const row = await t.db.query(`SELECT name FROM org_unit WHERE id = $1`, [id]);
    expect(row.rows[0].name).toBe('雨花社区（一）');
  });
});
