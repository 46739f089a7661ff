import { ROLE_PERMISSIONS, type Permission, type Role } from '@xiaoshi/contracts';
import fc from 'fast-check';
import type { z } from 'zod';
import type { RouteAccess } from '../../apps/api/src/common/route-access.decorator.js';
import { pdfBytes } from '../support/fixtures.js';
import { discoverRoutes, type DiscoveredRoute } from '../support/routes.js';
import { HOSTILE_STRINGS, bodyArbitrary, poison } from '../support/schema-arbitrary.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const WRITES = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/** One demo account per role (see apps/api/src/seed/demo-org-units.ts). */
const DEMO_USER: Partial<Record<Role, string>> = {
  district_admin: 'admin',
  finance: 'finance',
  street_officer: 'longcheng',
  community_officer: 'community',
  partner: 'partner',
  reviewer: 'reviewer',
  inspector: 'inspector',
  auditor: 'auditor',
};

interface WriteRoute extends Omit<DiscoveredRoute, 'method' | 'body' | 'query'> {
  method: 'post' | 'put' | 'delete' | 'patch';
  schema: z.ZodType | undefined;
}

function writeRoutes(t: TestApp): WriteRoute[] {
  return discoverRoutes(t)
    .filter((route) => WRITES.has(route.method.toUpperCase()))
    .map(({ body, query: _query, ...route }) => ({ ...route, method: route.method as WriteRoute['method'], schema: body }));
}

function userFor(access: RouteAccess): string | null {
  if (access.kind === 'public') return null;
  const role = (Object.keys(ROLE_PERMISSIONS) as Role[]).find(
    (candidate) => DEMO_USER[candidate] && ROLE_PERMISSIONS[candidate].includes(access.permission as Permission),
  );
  if (!role) throw new Error(`no demo user holds ${access.permission}`);
  return DEMO_USER[role]!;
}

describe('hostile input', () => {
  let t: TestApp;
  let routes: WriteRoute[];
  const bearer = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'silent' } });
    routes = writeRoutes(t);
    for (const username of Object.values(DEMO_USER)) bearer.set(username!, await t.login(username!));
    // Every row written, counted per table in the same transaction as the write: a write that is
    // rolled back leaves no count behind, so "nothing changed" is exact.
    await t.db.query(`
      CREATE TABLE fuzz_write_count (table_name text PRIMARY KEY, n bigint NOT NULL);
      CREATE FUNCTION fuzz_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO fuzz_write_count VALUES (TG_TABLE_NAME, 1)
          ON CONFLICT (table_name) DO UPDATE SET n = fuzz_write_count.n + 1;
        RETURN NULL;
      END $$;`);
    // Partitions (the audit log's months) take the trigger from their parent.
    const tables = await t.db.query(
      `SELECT c.relname AS tablename FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'fuzz_write_count'`,
    );
    for (const { tablename } of tables.rows) {
      await t.db.query(
        `CREATE TRIGGER fuzz_count AFTER INSERT OR UPDATE OR DELETE ON "${tablename}" FOR EACH ROW EXECUTE FUNCTION fuzz_count_write()`,
      );
    }
  });
  afterAll(() => t.close());

  const writes = async () =>
    new Map((await t.db.query(`SELECT table_name, n FROM fuzz_write_count`)).rows.map((row) => [row.table_name as string, Number(row.n)]));

  function send(route: WriteRoute, path: string, body: unknown) {
    let call = t.http()[route.method](path).set('content-type', 'application/json');
    const user = userFor(route.access);
    if (user) call = call.set('authorization', bearer.get(user)!);
    return call.send(JSON.stringify(body));
  }

  const concretePath = (route: WriteRoute, id: number) => route.path.replace(/:\w+/g, String(id));

  it('finds the write routes', () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.map((route) => route.path)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/applications']));
  });

  it('refuses NUL and lone surrogates at sign-in, without a token, naming the field', async () => {
    for (const hostile of HOSTILE_STRINGS) {
      for (const lang of ['zh-CN', 'en']) {
        const response = await t.http()
          .post('/api/auth/login')
          .set('accept-language', lang)
          .send({ username: `admin${hostile}`, password: 'whatever' });
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(Object.keys(response.body.fields)).toEqual(['username']);
        expect(response.body.fields.username).toMatch(lang === 'en' ? /NUL character/ : /空字符/);
      }
    }
  });

  it('refuses them in keys, nested values, query strings and path parameters', async () => {
    const admin = bearer.get('admin')!;
    const key = await t.http().post('/api/org-units').set('authorization', admin).send({ ['na\u0000me']: 'x' });
    expect(key.status).toBe(400);
    expect(Object.keys(key.body.fields)).toEqual(['na\u0000me']);
    const nested = await t.http()
      .post('/api/applications')
      .set('authorization', bearer.get('community')!)
      .send({ costItems: [{ item: 'ok' }, { item: 'bad\ud800' }] });
    expect(nested.status).toBe(400);
    expect(Object.keys(nested.body.fields)).toEqual(['costItems.1.item']);
    const query = await t.http().get('/api/org-units?q=%00').set('authorization', admin);
    expect(query.status).toBe(400);
    expect(Object.keys(query.body.fields)).toEqual(['q']);
    const publicQuery = await t.http().get('/api/public/notices?q=a%00b');
    expect(publicQuery.status).toBe(400);
  });

  it('refuses them in an upload file name and writes nothing', async () => {
    const competition = await t.db.query(`SELECT id FROM competition WHERE kind = 'livelihood'`);
    const category = await t.db.query(`SELECT id FROM competition_category WHERE competition_id = $1 AND key = 'service'`, [competition.rows[0].id]);
    const community = await t.db.query(`SELECT id FROM org_unit WHERE name = '龙街社区'`);
    const { serviceApplication } = await import('../support/fixtures.js');
    const draft = await t.http()
      .post('/api/applications')
      .set('authorization', bearer.get('community')!)
      .send(serviceApplication(competition.rows[0].id, community.rows[0].id, category.rows[0].id));
    expect(draft.status).toBe(201);
    const before = await writes();
    const response = await t.http()
      .post(`/api/applications/${draft.body.id}/attachments`)
      .set('authorization', bearer.get('community')!)
      .field('type', 'budget_sheet')
      .attach('file', pdfBytes(), 'bad\u0000name.pdf');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(response.body.fields)).toEqual(['file']);
    expect(await writes()).toEqual(before);
  });

  it('answers NUL and lone surrogates on every write route with 400, and writes nothing', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const [index, hostile] of HOSTILE_STRINGS.entries()) {
        const sample = fc.sample(bodyArbitrary(route.schema), { numRuns: 1, seed: 42 + index })[0];
        const { body, path } = poison(sample, hostile, index);
        const before = await writes();
        const response = await send(route, concretePath(route, 1), body);
        const after = await writes();
        if (response.status !== 400 || response.body.code !== 'VALIDATION_FAILED' || !(path in (response.body.fields ?? {}))) {
          failures.push(`${route.name} with ${JSON.stringify(hostile)} at ${path}: ${response.status} ${JSON.stringify(response.body)}`);
        }
        if (JSON.stringify([...after]) !== JSON.stringify([...before])) failures.push(`${route.name}: wrote rows on a 400`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('never answers 5xx to bodies drawn from the contracts, and writes nothing on a 4xx', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(bodyArbitrary(route.schema), fc.integer({ min: 1, max: 6 }), async (body, id) => {
          const before = await writes();
          const response = await send(route, concretePath(route, id), body);
          const after = await writes();
          if (response.status >= 500) {
            failures.push(`${route.name} → ${response.status} for ${JSON.stringify(body)}`);
            return;
          }
          if (response.status >= 400 && response.status !== 401) {
            const changed = [...after].filter(([table, n]) => (before.get(table) ?? 0) !== n).map(([table]) => table);
            if (changed.length) failures.push(`${route.name} → ${response.status} yet wrote ${changed.join(', ')} for ${JSON.stringify(body)}`);
          }
        }),
        { numRuns: 40, seed: 20261203 },
      );
    }
    expect(failures).toEqual([]);
    // ~6,000 requests with two row counts each: about a minute on an idle 2-core machine.
  }, 240_000);
});
