import { VerifiedTokenCache } from './access.guard.js';
import type { AccessTokenClaims } from './auth.service.js';

const claims = (exp: number | undefined): AccessTokenClaims & { exp?: number } => ({
  sub: '1',
  usr: 'admin',
  dn: '管理员（演示）',
  roles: ['district_admin'],
  unit: { id: 1, name: '演示区', kind: 'district' },
  mcp: false,
  ...(exp === undefined ? {} : { exp }),
});

describe('VerifiedTokenCache: a verified token is remembered until its own expiry', () => {
  it('answers for the exact token string only, until exp (expired at now >= exp, as jsonwebtoken)', () => {
    let now = 1_000_000;
    const cache = new VerifiedTokenCache(10, () => now);
    cache.set('a.b.c', claims(1_000 + 60));
    expect(cache.get('a.b.c')?.usr).toBe('admin');
    expect(cache.get('a.b.d')).toBeUndefined();
    now = 1_059_999;
    expect(cache.get('a.b.c')).toBeDefined();
    now = 1_060_000;
    expect(cache.get('a.b.c')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never remembers a token without an expiry', () => {
    const cache = new VerifiedTokenCache(10, () => 0);
    cache.set('a.b.c', claims(undefined));
    expect(cache.get('a.b.c')).toBeUndefined();
  });

  it('stays within its bound, dropping expired entries first, then the oldest', () => {
    const now = 0;
    const cache = new VerifiedTokenCache(4, () => now);
    cache.set('t1', claims(100));
    cache.set('t2', claims(-1)); // already expired
    cache.set('t3', claims(100));
    cache.set('t4', claims(100));
    cache.set('t5', claims(100));
    expect(cache.size).toBeLessThanOrEqual(4);
    expect(cache.get('t2')).toBeUndefined();
    expect(cache.get('t5')).toBeDefined();
    for (let i = 6; i < 50; i += 1) cache.set(`t${i}`, claims(100));
    expect(cache.size).toBeLessThanOrEqual(4);
    expect(cache.get('t49')).toBeDefined();
  });

  it('hands out read-only claims, shared by every request with that token', () => {
    const cache = new VerifiedTokenCache(4, () => 0);
    cache.set('t', claims(100));
    const shared = cache.get('t')!;
    expect(Object.isFrozen(shared)).toBe(true);
    expect(Object.isFrozen(shared.roles)).toBe(true);
    expect(Object.isFrozen(shared.unit)).toBe(true);
  });
});
