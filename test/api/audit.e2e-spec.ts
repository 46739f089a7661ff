import { startTestApp, type TestApp } from '../support/test-app.js';

describe('append-only, hash-chained audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function renameCommunity(bearer: string, id: number, name: string) {
    const current = await t.http().get(`/api/org-units/${id}`).set('authorization', bearer);
    return t.http().patch(`/api/org-units/${id}`).set('authorization', bearer).send({ name, version: current.body.version });
  }

  it('records actor, before/after, request id and ip with each change', async () => {
    const admin = await t.login('admin');
    const { rows } = await t.db.query(`SELECT id FROM org_unit WHERE name = '花园社区'`);
    const response = await renameCommunity(admin, rows[0].id, '花园社区（更名）');
    expect(response.status).toBe(200);
    const event = await t.db.query(
      `SELECT actor_username, action, before->>'name' AS before_name, after->>'name' AS after_name, request_id, ip
       FROM audit_event WHERE action = 'org_unit.update' AND entity_id = $1`,
      [String(rows[0].id)],
    );
    expect(event.rows[0]).toMatchObject({
      actor_username: 'admin',
      before_name: '花园社区',
      after_name: '花园社区（更名）',
      request_id: response.headers['x-request-id'],
    });
    expect(event.rows[0].ip).toBeTruthy();
  });

  it('never writes password hashes into the log', async () => {
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE after::text LIKE '%argon2%' OR before::text LIKE '%argon2%'`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(t.db.query(`UPDATE audit_event SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it('keeps the chain intact under concurrent writers', async () => {
    const admin = await t.login('admin');
    const { rows } = await t.db.query(`SELECT id FROM org_unit WHERE kind = 'community' ORDER BY id LIMIT 12`);
    await Promise.all(rows.map((row, index) => renameCommunity(admin, row.id, `并发社区${index}`)));
    const verify = await t.http().get('/api/audit/verify').set('authorization', await t.login('auditor'));
    expect(verify.status).toBe(200);
    expect(verify.body.ok).toBe(true);
    expect(verify.body.checkedEvents).toBeGreaterThan(12);
    const gaps = await t.db.query(`SELECT count(*)::int AS n FROM (SELECT seq - lag(seq) OVER (ORDER BY seq) AS step FROM audit_event) s WHERE step <> 1`);
    expect(gaps.rows[0].n).toBe(0);
  });

  it('detects a row altered behind the application\'s back', async () => {
    const auditor = await t.login('auditor');
    const target = await t.db.query(`SELECT seq FROM audit_event WHERE action = 'org_unit.update' ORDER BY seq LIMIT 1`);
    const seq = Number(target.rows[0].seq);
    // A superuser disabling triggers for the session is the only way to edit the table.
    const client = await t.db.connect();
    try {
      await client.query(`SET session_replication_role = replica`);
      await client.query(`UPDATE audit_event SET after = jsonb_set(after, '{name}', '"篡改"') WHERE seq = $1`, [seq]);
      await client.query(`SET session_replication_role = origin`);
    } finally {
      client.release();
    }
    const verify = await t.http().get('/api/audit/verify').set('authorization', auditor);
    expect(verify.body).toMatchObject({ ok: false, firstBrokenSeq: seq });
  });

  it('lists events newest first with keyset pagination', async () => {
    const admin = await t.login('admin');
    const first = await t.http().get('/api/audit/events?limit=5').set('authorization', admin);
    expect(first.body.items).toHaveLength(5);
    const seqs = first.body.items.map((event: { seq: number }) => event.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    const next = await t.http().get(`/api/audit/events?limit=5&cursor=${first.body.nextCursor}`).set('authorization', admin);
    expect(next.body.items[0].seq).toBeLessThan(seqs[4]);
    const street = await t.http().get('/api/audit/events').set('authorization', await t.login('longcheng'));
    expect(street.status).toBe(403);
  });
});
