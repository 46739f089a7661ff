import { startTestApp, type TestApp } from '../support/test-app.js';

/** Bad input gets a clear 4xx with field messages in the caller's language, never a 5xx. */
describe('errors and validation', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT_BYTES: '65536' } });
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await t.http().post('/api/auth/login').set('content-type', 'application/json').send('{"username": "admin",');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'MALFORMED_JSON', message: '请求体不是有效的 JSON' });
  });

  it('answers an oversized body with 413', async () => {
    const response = await t.http()
      .post('/api/org-units')
      .set('authorization', admin)
      .set('content-type', 'application/json')
      .send(JSON.stringify({ kind: 'street', name: 'x'.repeat(70000) }));
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rejects unknown fields and names each bad field, in Chinese by default', async () => {
    const response = await t.http()
      .post('/api/org-units')
      .set('authorization', admin)
      .send({ kind: 'planet', name: '', extra: true });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(response.body.fields).sort()).toEqual(['extra', 'kind', 'name']);
    expect(response.body.message).toBe('输入有误，请检查标出的字段');
  });

  it('answers in English when the client asks for it', async () => {
    const response = await t.http()
      .post('/api/org-units')
      .set('authorization', admin)
      .set('accept-language', 'en-GB,en;q=0.9')
      .send({ kind: 'street' });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('Some fields are invalid');
    expect(response.body.fields.name).toMatch(/expected string/i);
  });

  it('treats non-numeric, negative and huge ids as 400, unknown ones as 404', async () => {
    for (const id of ['abc', '-1', '0', '1e3', '99999999999999999999']) {
      const response = await t.http().get(`/api/org-units/${id}`).set('authorization', admin);
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.fields)).toEqual(['id']);
    }
    expect((await t.http().get('/api/org-units/424242').set('authorization', admin)).status).toBe(404);
  });

  it('rejects bad query parameters', async () => {
    const response = await t.http().get('/api/org-units?limit=100000&kind=moon').set('authorization', admin);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields).sort()).toEqual(['kind', 'limit']);
  });

  it('rejects a wrong unified social credit code with a field message', async () => {
    const district = await t.db.query(`SELECT id FROM org_unit WHERE kind = 'district'`);
    const response = await t.http()
      .post('/api/org-units')
      .set('authorization', admin)
      .send({ kind: 'organisation', name: '测试社会组织', parentId: district.rows[0].id, creditCode: '11530121MB08424273' });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['creditCode']);
  });

  it('answers unknown API paths with a JSON 404 and wrong content types with 415', async () => {
    const missing = await t.http().get('/api/no-such-thing').set('authorization', admin);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    const xml = await t.http().post('/api/auth/login').set('content-type', 'application/xml').send('<login/>');
    expect(xml.status).toBe(415);
  });

  it('survives a battery of hostile bodies without a 5xx', async () => {
    const bodies: unknown[] = [null, [], 'text', 42, { username: { $ne: null }, password: [] }, { __proto__: { admin: true } }, { username: 'a'.repeat(10000), password: 'b' }];
    for (const body of bodies) {
      const response = await t.http().post('/api/auth/login').set('content-type', 'application/json').send(JSON.stringify(body));
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    for (const body of bodies) {
      const response = await t.http().patch('/api/users/1').set('authorization', admin).set('content-type', 'application/json').send(JSON.stringify(body));
      expect(response.status).toBeLessThan(500);
    }
  });

  it('sends security headers and a request id', async () => {
    const response = await t.http().get('/api/health');
    expect(response.headers['x-request-id']).toBeTruthy();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    // Data replies carry the lean REST set: nothing in them may load, run or be framed.
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
    // The same headers on errors and on unknown API paths.
    for (const reply of [await t.http().get('/api/me'), await t.http().get('/api/no-such-route')]) {
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
