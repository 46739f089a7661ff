import { startTestApp, DEMO_PASSWORD, type TestApp } from '../support/test-app.js';

function refreshCookieOf(response: { headers: Record<string, unknown> }): string {
  const cookies = response.headers['set-cookie'] as string[] | undefined;
  const cookie = cookies?.find((value) => value.startsWith('xs_refresh='));
  if (!cookie) throw new Error('no refresh cookie set');
  return cookie.split(';')[0];
}

/** Client addresses for the throttling tests (the app trusts X-Forwarded-For here, as behind a proxy). */
const ATTACKER = '203.0.113.7';
const USUAL = '198.51.100.20';
const PROXY_ORIGIN = 'https://portal.example.gov.cn';

describe('sign-in, sessions and brute-force throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        LOGIN_MAX_FAILURES: '3',
        LOGIN_IP_MAX_FAILURES: '12',
        LOGIN_ACCOUNT_FREE_FAILURES: '3',
        LOGIN_DELAY_BASE_SECONDS: '60',
        TRUST_PROXY: 'true',
        ALLOWED_ORIGINS: PROXY_ORIGIN,
      },
    });
  });
  const login = (username: string, password: string, address?: string) => {
    const request = t.http().post('/api/auth/login');
    if (address) void request.set('x-forwarded-for', address);
    return request.send({ username, password });
  };
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

  it('refuses cross-site refresh, logout and login; the portal and non-browser clients still work', async () => {
    const signIn = await t.http().post('/api/auth/login').send({ username: 'auditor', password: DEMO_PASSWORD });
    let cookie = refreshCookieOf(signIn);
    const refresh = (headers: Record<string, string>) => t.http().post('/api/auth/refresh').set('cookie', cookie).set(headers);
    const foreign: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://blog.example.gov.cn', 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of foreign) {
      const refused = await refresh(headers);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('CROSS_SITE_REQUEST');
      expect(refused.headers['set-cookie']).toBeUndefined();
    }
    // The refused requests consumed nothing: the cookie still rotates, from the portal's own page...
    const own = await refresh({ host: 'xiaoshi.example.gov.cn', origin: 'http://xiaoshi.example.gov.cn' });
    expect(own.status).toBe(200);
    cookie = refreshCookieOf(own);
    const browser = await refresh({ origin: 'http://xiaoshi.example.gov.cn', host: 'xiaoshi.example.gov.cn', 'sec-fetch-site': 'same-origin' });
    expect(browser.status).toBe(200);
    cookie = refreshCookieOf(browser);
    // ...from the configured public origin of a reverse proxy, and from a client with no Origin at all.
    const proxied = await refresh({ origin: PROXY_ORIGIN });
    expect(proxied.status).toBe(200);
    cookie = refreshCookieOf(proxied);
    const script = await refresh({});
    expect(script.status).toBe(200);
    cookie = refreshCookieOf(script);

    const foreignLogout = await t.http().post('/api/auth/logout').set('cookie', cookie).set('origin', 'https://evil.example');
    expect(foreignLogout.status).toBe(403);
    expect(foreignLogout.body.code).toBe('CROSS_SITE_REQUEST');
    expect((await refresh({})).status).toBe(200); // still signed in
    const foreignLogin = await t.http().post('/api/auth/login').set('sec-fetch-site', 'cross-site').send({ username: 'auditor', password: DEMO_PASSWORD });
    expect(foreignLogin.status).toBe(403);
    expect(foreignLogin.headers['set-cookie']).toBeUndefined();
  });

  it('logout ends the session', async () => {
    const login = await t.http().post('/api/auth/login').send({ username: 'partner', password: DEMO_PASSWORD });
    const cookie = refreshCookieOf(login);
    expect((await t.http().post('/api/auth/logout').set('cookie', cookie)).status).toBe(204);
    expect((await t.http().post('/api/auth/refresh').set('cookie', cookie)).status).toBe(401);
  });

  // Issue 10 §6: the old rule (N failures lock the account for everyone for 15 minutes) let anyone
  // lock any known account. Now the (account, address) pair is refused, never the account.
  it('refuses an (account, address) pair after repeated failures, even for the right password, and audits it', async () => {
    expect((await login('reviewer', DEMO_PASSWORD, USUAL)).status).toBe(200); // the reviewer's usual address
    for (let attempt = 1; attempt <= 3; attempt++) {
      const response = await login('reviewer', `wrong-${attempt}x`, ATTACKER);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('INVALID_CREDENTIALS');
    }
    const right = await login('reviewer', DEMO_PASSWORD, ATTACKER);
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(right.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // The real user, from where they work, is not locked out by someone else's failures.
    const owner = await login('reviewer', DEMO_PASSWORD, USUAL);
    expect(owner.status).toBe(200);
    const audit = await t.db.query(`SELECT action FROM audit_event WHERE action LIKE 'auth.%' AND entity_id = (SELECT id::text FROM app_user WHERE username = 'reviewer') ORDER BY seq`);
    expect(audit.rows.map((row) => row.action)).toEqual(['auth.login', 'auth.login_failed', 'auth.login_failed', 'auth.login_throttled', 'auth.login']);
  });

  it('slows a guesser spread over many addresses with a doubling delay, never the user at their usual address', async () => {
    const usual = '198.51.100.30';
    expect((await login('community', DEMO_PASSWORD, usual)).status).toBe(200);
    const stranger = (n: number) => `203.0.113.${100 + n}`;
    // Three free failures, then the fourth starts a 60 s delay for unfamiliar addresses.
    for (let n = 1; n <= 4; n++) expect((await login('community', `guess-${n}-x`, stranger(n))).status).toBe(401);
    const delayed = await login('community', 'guess-5-x', stranger(5));
    expect(delayed.status).toBe(429);
    expect(Number(delayed.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(delayed.headers['retry-after'])).toBeLessThanOrEqual(60);
    // While the delay runs, an unfamiliar address waits even with the right password: otherwise
    // every fresh address would be a free guess. The user's usual address is not delayed at all.
    expect((await login('community', DEMO_PASSWORD, stranger(6))).status).toBe(429);
    expect((await login('community', DEMO_PASSWORD, usual)).status).toBe(200);
    // A typo there still counts: the fifth failure doubles the delay.
    expect((await login('community', 'typo-x-1', usual)).status).toBe(401);
    const doubled = await login('community', 'guess-7-x', stranger(7));
    expect(doubled.status).toBe(429);
    expect(Number(doubled.headers['retry-after'])).toBeGreaterThan(60);
    expect(Number(doubled.headers['retry-after'])).toBeLessThanOrEqual(120);
  });

  it('treats an unknown name exactly like a known account (no enumeration)', async () => {
    const run = async (username: string, base: number) => {
      const statuses: number[] = [];
      for (let n = 1; n <= 5; n++) statuses.push((await login(username, `nope-${n}-x`, `192.0.2.${base + n}`)).status);
      statuses.push((await login(username, 'nope-6-x', '192.0.2.250')).status);
      return statuses;
    };
    const known = await run('partner', 10);
    const unknown = await run('nobody-at-all', 30);
    expect(known).toEqual([401, 401, 401, 401, 429, 429]);
    expect(unknown).toEqual(known);
  });

  it('an admin password reset lifts the throttle and forces a password change', async () => {
    const admin = await t.login('admin');
    const { rows } = await t.db.query(`SELECT id FROM app_user WHERE username = 'reviewer'`);
    const reset = await t.http()
      .post(`/api/users/${rows[0].id}/reset-password`)
      .set('authorization', admin)
      .send({ temporaryPassword: 'Temporary2026' });
    expect(reset.status).toBe(204);
    // Counters belong to the credential: the pair refused above starts afresh with the new password.
    const login = await t.http().post('/api/auth/login').set('x-forwarded-for', ATTACKER).send({ username: 'reviewer', password: 'Temporary2026' });
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
