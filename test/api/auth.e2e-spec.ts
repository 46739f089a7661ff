import { startTestApp, DEMO_PASSWORD, type TestApp } from '../support/test-app.js';

function refreshCookieOf(response: { headers: Record<string, unknown> }): string {
  const cookies = response.headers['set-cookie'] as string[] | undefined;
  const cookie = cookies?.find((value) => value.startsWith('xs_refresh='));
  if (!cookie) throw new Error('no refresh cookie set');
  return cookie.split(';')[0];
}

describe('sign-in, sessions and lockout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_IP_MAX_FAILURES: '12' } });
  });
  afterAll(() => t.close());

  it('signs in with the demo password and answers /api/me from the token', async () => {
    const login = await t.http().post('/api/auth/login').send({ username: 'longcheng', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ username: 'longcheng', roles: ['street_officer'], unit: { name: '龙城街道' } });
    const cookie = (login.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('xs_refresh='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    const me = await t.http().get('/api/me').set('authorization', `Bearer ${login.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.permissions).toContain('orgs.read');
    expect(me.body.permissions).not.toContain('users.manage');
  });

  it('stores passwords as argon2id and refresh tokens only as hashes', async () => {
    const { rows } = await t.db.query(`SELECT password_hash FROM app_user WHERE username = 'admin'`);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const login = await t.http().post('/api/auth/login').send({ username: 'admin', password: DEMO_PASSWORD });
    const raw = refreshCookieOf(login).split('=')[1];
    const stored = await t.db.query(`SELECT count(*)::int AS n FROM refresh_token WHERE token_hash = $1`, [raw]);
    expect(stored.rows[0].n).toBe(0);
  });

  it('gives the same generic 401 for a wrong password and an unknown user', async () => {
    const wrong = await t.http().post('/api/auth/login').send({ username: 'finance', password: 'nope-nope-1' });
    const unknown = await t.http().post('/api/auth/login').send({ username: 'nobody-here', password: 'nope-nope-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body).toMatchObject({ code: wrong.body.code, message: wrong.body.message });
  });

  it('rejects requests without a token, with a forged token and with an expired-looking token', async () => {
    expect((await t.http().get('/api/me')).status).toBe(401);
    const forged = await t.http().get('/api/me').set('authorization', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.');
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('UNAUTHENTICATED');
  });

  it('rotates the refresh token, and reuse of an old one revokes the whole family', async () => {
    const login = await t.http().post('/api/auth/login').send({ username: 'inspector', password: DEMO_PASSWORD });
    const first = refreshCookieOf(login);
    const rotated = await t.http().post('/api/auth/refresh').set('cookie', first);
    expect(rotated.status).toBe(200);
    expect(rotated.body.accessToken).toBeTruthy();
    const second = refreshCookieOf(rotated);
    expect(second).not.toBe(first);

    // The first token is presented again: someone copied it.
    const reuse = await t.http().post('/api/auth/refresh').set('cookie', first);
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_INVALID');
    // ...so the legitimate newest token is dead too.
    const afterReuse = await t.http().post('/api/auth/refresh').set('cookie', second);
    expect(afterReuse.status).toBe(401);
    const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.refresh_reuse_detected'`);
    expect(audit.rows[0].n).toBe(1);
  });

  it('logout ends the session', async () => {
    const login = await t.http().post('/api/auth/login').send({ username: 'partner', password: DEMO_PASSWORD });
    const cookie = refreshCookieOf(login);
    expect((await t.http().post('/api/auth/logout').set('cookie', cookie)).status).toBe(204);
    expect((await t.http().post('/api/auth/refresh').set('cookie', cookie)).status).toBe(401);
  });

  it('locks the account after repeated failures, even for the right password, and audits it', async () => {
    for (let attempt = 1; attempt <= 2; attempt++) {
      const response = await t.http().post('/api/auth/login').send({ username: 'reviewer', password: `wrong-${attempt}x` });
      expect(response.status).toBe(401);
    }
    const third = await t.http().post('/api/auth/login').send({ username: 'reviewer', password: 'wrong-3x' });
    expect(third.status).toBe(423);
    expect(third.body.code).toBe('ACCOUNT_LOCKED');
    const right = await t.http().post('/api/auth/login').send({ username: 'reviewer', password: DEMO_PASSWORD });
    expect(right.status).toBe(423);
    const audit = await t.db.query(`SELECT action FROM audit_event WHERE action LIKE 'auth.%' AND entity_id = (SELECT id::text FROM app_user WHERE username = 'reviewer') ORDER BY seq`);
    expect(audit.rows.map((row) => row.action)).toEqual(['auth.login_failed', 'auth.login_failed', 'auth.account_locked']);
  });

  it('an admin password reset lifts the lock and forces a password change', async () => {
    const admin = await t.login('admin');
    const { rows } = await t.db.query(`SELECT id FROM app_user WHERE username = 'reviewer'`);
    const reset = await t.http()
      .post(`/api/users/${rows[0].id}/reset-password`)
      .set('authorization', admin)
      .send({ temporaryPassword: 'Temporary2026' });
    expect(reset.status).toBe(204);
    const login = await t.http().post('/api/auth/login').send({ username: 'reviewer', password: 'Temporary2026' });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    const bearer = `Bearer ${login.body.accessToken}`;
    // Until the temporary password is changed, only the own-account routes answer.
    expect((await t.http().get('/api/me').set('authorization', bearer)).status).toBe(200);
    const change = await t.http()
      .post('/api/auth/change-password')
      .set('authorization', bearer)
      .send({ currentPassword: 'Temporary2026', newPassword: 'MyOwnSecret2026' });
    expect(change.status).toBe(204);
    const again = await t.http().post('/api/auth/login').send({ username: 'reviewer', password: 'MyOwnSecret2026' });
    expect(again.body.user.mustChangePassword).toBe(false);
  });

  it('refuses a weak new password with field messages', async () => {
    const bearer = await t.login('auditor');
    const response = await t.http()
      .post('/api/auth/change-password')
      .set('authorization', bearer)
      .set('accept-language', 'en')
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['newPassword']);
  });

  it('throttles an address that keeps failing, whatever the account', async () => {
    let last = 0;
    for (let attempt = 0; attempt < 14; attempt++) {
      const response = await t.http().post('/api/auth/login').send({ username: `ghost${attempt}`, password: 'wrong-pass-1' });
      last = response.status;
    }
    expect(last).toBe(429);
    const good = await t.http().post('/api/auth/login').send({ username: 'finance', password: DEMO_PASSWORD });
    expect(good.status).toBe(429);
    expect(good.body.code).toBe('TOO_MANY_REQUESTS');
  });
});
