import SwaggerParser from '@apidevtools/swagger-parser';
import { DiscoveryService } from '@nestjs/core';
import { PERMISSIONS, ROLE_PERMISSIONS, isOwnAccountPermission, isReadPermission } from '@xiaoshi/contracts';
import { DataSource } from 'typeorm';
import { ROUTE_ACCESS, type RouteAccess } from '../../apps/api/src/common/route-access.decorator.js';
import { dataSourceOptions } from '../../apps/api/src/database/data-source.js';
import { STREAMING_READ, cursorBatches } from '../../apps/api/src/database/cursor-batches.js';
import { preparedQuery } from '../../apps/api/src/database/prepared-query.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];
const METRICS_TOKEN = 'platform-test-metrics-token-0123456789';

describe('platform invariants', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { METRICS_TOKEN, SWAGGER_ENABLED: 'true' } });
  });
  afterAll(() => t.close());

  it('every route declares a permission or that it is public', () => {
    const discovery = t.app.get(DiscoveryService);
    const routes: Array<{ route: string; access: RouteAccess | undefined }> = [];
    for (const wrapper of discovery.getControllers()) {
      const controller = wrapper.metatype as { prototype: Record<string, unknown>; name: string } | null;
      if (!controller) continue;
      const classAccess = Reflect.getMetadata(ROUTE_ACCESS, controller) as RouteAccess | undefined;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata('path', handler) as string | undefined;
        if (path === undefined) continue;
        const method = HTTP_METHODS[Reflect.getMetadata('method', handler) as number];
        routes.push({
          route: `${method} ${controller.name}.${name} (${path})`,
          access: (Reflect.getMetadata(ROUTE_ACCESS, handler) as RouteAccess | undefined) ?? classAccess,
        });
      }
    }
    expect(routes.length).toBeGreaterThan(15);
    const undeclared = routes.filter((route) => !route.access).map((route) => route.route);
    expect(undeclared).toEqual([]);
    const unknown = routes.filter(
      (route) => route.access?.kind === 'permission' && !PERMISSIONS.includes(route.access.permission),
    );
    expect(unknown).toEqual([]);
  });

  it('gives the auditor read permissions only (besides their own password)', () => {
    const writes = ROLE_PERMISSIONS.auditor.filter((p) => !isReadPermission(p) && !isOwnAccountPermission(p));
    expect(writes).toEqual([]);
  });

  it('has migrations that match the entities exactly', async () => {
    const dataSource = new DataSource({ ...dataSourceOptions(t.config), extra: { max: 1 } });
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });

  it('runs the API’s queries without JIT compilation (a partitioned audit page spent seconds compiling)', async () => {
    const dataSource = t.app.get(DataSource);
    const [setting]: Array<{ jit: string }> = await dataSource.query('SHOW jit');
    expect(setting.jit).toBe('off');
    // The server's own default is unchanged: the setting belongs to the API's connections.
    const { rows } = await t.db.query<{ jit: string }>('SHOW jit');
    expect(rows[0].jit).toBe('on');
  });

  it('runs a prepared read on the generic plan from its first run when asked, and only that read', async () => {
    const dataSource = t.app.get(DataSource);
    // The statement reads its own counters: PostgreSQL counts the plan it chose before running it.
    type Counters = { generic_plans: string; custom_plans: string; mode: string; streets: number };
    const probe = (name: string, genericPlan: boolean) =>
      preparedQuery<Counters>(
        dataSource,
        name,
        `SELECT p.generic_plans, p.custom_plans, current_setting('plan_cache_mode') AS mode,
                (SELECT count(*)::int FROM org_unit WHERE kind = $2) AS streets
         FROM pg_prepared_statements p WHERE p.name = $1`,
        [name, 'street'],
        { genericPlan },
      );
    for (let run = 0; run < 6; run += 1) {
      const [forced] = await probe('platform_probe_generic', true);
      expect(forced).toMatchObject({ custom_plans: '0', mode: 'force_generic_plan', streets: 10 });
      expect(Number(forced.generic_plans)).toBeGreaterThanOrEqual(1);
    }
    // Without it PostgreSQL decides: its first runs are planned for their parameters.
    const [chosen] = await probe('platform_probe_auto', false);
    expect(chosen).toMatchObject({ generic_plans: '0', custom_plans: '1', mode: 'auto', streets: 10 });
    // The setting stays inside the read's own transaction.
    const [after]: Array<{ plan_cache_mode: string }> = await dataSource.query('SHOW plan_cache_mode');
    expect(after.plan_cache_mode).toBe('auto');
    // A failing read rejects with the database's error, and the pool serves the next one.
    await expect(
      preparedQuery(dataSource, 'platform_probe_failing', 'SELECT 1 / ($1::int - 1) AS n', [1], { genericPlan: true }),
    ).rejects.toThrow(/division by zero/);
    await expect(
      preparedQuery(dataSource, 'platform_probe_failing', 'SELECT 1 / ($1::int - 1) AS n', [2], { genericPlan: true }),
    ).resolves.toEqual([{ n: 1 }]);
  });

  it('streams a background read in batches from one read-only snapshot, on index-friendly costs', async () => {
    const dataSource = t.app.get(DataSource);
    type Probe = { n: number; rpc: string; isolation: string; read_only: string };
    const probe = `SELECT g AS n, current_setting('random_page_cost') AS rpc,
        current_setting('transaction_isolation') AS isolation, current_setting('transaction_read_only') AS read_only
      FROM generate_series(1, $1::int) g ORDER BY g`;
    const batches: Probe[][] = [];
    for await (const rows of cursorBatches<Probe>(dataSource, probe, [450], 200)) batches.push(rows);
    expect(batches.map((rows) => rows.length)).toEqual([200, 200, 50]);
    expect(batches.flat().map((row) => row.n)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    expect(batches[0]![0]).toMatchObject({ rpc: '1.1', isolation: 'repeatable read', read_only: 'on' });
    // The costs are the read's own: the pool's other reads keep PostgreSQL's.
    const [after]: Array<{ random_page_cost: string }> = await dataSource.query('SHOW random_page_cost');
    expect(after.random_page_cost).toBe('4');
    // Leaving early ends the transaction and hands the connection back.
    for await (const rows of cursorBatches<Probe>(dataSource, probe, [450], 200)) {
      expect(rows).toHaveLength(200);
      break;
    }
    const idleInTransaction = async () =>
      Number(
        (
          await t.db.query(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
          )
        ).rows[0].n,
      );
    expect(await idleInTransaction()).toBe(0);
    // A read that fails rejects with the database's error, and leaves nothing open.
    const failing = cursorBatches(dataSource, 'SELECT 1 / (g - 300) AS n FROM generate_series(1, $1::int) g', [450], 200);
    await expect((async () => {
      for await (const rows of failing) void rows;
    })()).rejects.toThrow(/division by zero/);
    expect(await idleInTransaction()).toBe(0);
    await expect(dataSource.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });

  it('plans a background read to stream in the order of its scope\'s index, with no sort before the first row', async () => {
    // One part of twenty of a 200,000-row table, newest first, with the name of its unit: the shape
    // of a district's export. PostgreSQL's defaults sort the whole part first (hash join and sort),
    // or walk the whole table's primary key when a fast start is asked for.
    await t.db.query(`CREATE TABLE stream_probe_unit (id int PRIMARY KEY, name text NOT NULL)`);
    await t.db.query(`INSERT INTO stream_probe_unit SELECT g, 'unit ' || g FROM generate_series(1, 2000) g`);
    await t.db.query(`CREATE TABLE stream_probe_item (id int PRIMARY KEY, unit_id int NOT NULL REFERENCES stream_probe_unit (id),
      part int NOT NULL, title text NOT NULL)`);
    await t.db.query(`INSERT INTO stream_probe_item SELECT g, 1 + g % 2000, g % 20, md5(g::text) FROM generate_series(1, 200000) g`);
    await t.db.query(`CREATE INDEX stream_probe_item_part ON stream_probe_item (part, id)`);
    await t.db.query(`ANALYZE stream_probe_unit, stream_probe_item`);
    const client = await t.db.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await client.query(STREAMING_READ);
      const plan = (
        await client.query(`EXPLAIN DECLARE probe NO SCROLL CURSOR FOR
          SELECT i.id, i.title, u.name FROM stream_probe_item i JOIN stream_probe_unit u ON u.id = i.unit_id
          WHERE i.part = 7 ORDER BY i.id DESC`)
      ).rows
        .map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN'])
        .join('\n');
      expect(plan).toContain('Index Scan Backward using stream_probe_item_part on stream_probe_item');
      expect(plan).not.toMatch(/\bSort\b/);
      expect(plan).not.toMatch(/Filter: \(part = 7\)/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
      await t.db.query('DROP TABLE stream_probe_item, stream_probe_unit');
    }
  });

  it('publishes a valid OpenAPI 3 document', async () => {
    const response = await t.http().get('/api/docs-json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(response.body))).resolves.toBeTruthy();
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/org-units', '/api/users']));
  });

  it('reports health of the database and Redis', async () => {
    const response = await t.http().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('exposes Prometheus metrics including request durations, to the metrics token only', async () => {
    await t.http().get('/api/health');
    const anonymous = await t.http().get('/metrics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(anonymous.text).not.toContain('http_request_duration_seconds');
    expect((await t.http().get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}x`)).status).toBe(401);
    // A user's access token is not the metrics token.
    expect((await t.http().get('/metrics').set('authorization', await t.login('admin'))).status).toBe(401);
    const response = await t.http().get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.text).toContain('http_request_duration_seconds_bucket');
    expect(response.text).toContain('process_cpu_user_seconds_total');
  });

  it('seeds the demo district: 10 streets, 58 communities, one account per role', async () => {
    const counts = await t.db.query(`SELECT kind, count(*)::int AS n FROM org_unit GROUP BY kind ORDER BY kind`);
    expect(Object.fromEntries(counts.rows.map((row) => [row.kind, row.n]))).toEqual({
      city: 1,
      community: 58,
      district: 1,
      organisation: 3,
      street: 10,
    });
    const streets = await t.db.query(`SELECT name FROM org_unit WHERE kind = 'street' ORDER BY id`);
    expect(streets.rows.map((row) => row.name)).toEqual([
      '龙城街道', '乌龙街道', '洛羊街道', '斗南街道', '大渔街道', '吴家营街道', '雨花街道', '洛龙街道', '七甸街道', '马金铺街道',
    ]);
    const roles = await t.db.query(`SELECT DISTINCT unnest(roles) AS role FROM app_user ORDER BY 1`);
    expect(roles.rows.map((row) => row.role)).toEqual([
      'auditor', 'city_officer', 'community_officer', 'district_admin', 'finance', 'inspector', 'partner', 'reviewer', 'street_officer',
    ]);
    const unlabelled = await t.db.query(`SELECT count(*)::int AS n FROM org_unit WHERE NOT is_demo`);
    expect(unlabelled.rows[0].n).toBe(0);
  });

  it('lets every demo role sign in', async () => {
    for (const username of ['admin', 'finance', 'longcheng', 'community', 'partner', 'reviewer', 'inspector', 'auditor', 'city']) {
      const me = await t.http().get('/api/me').set('authorization', await t.login(username));
      expect(me.status).toBe(200);
    }
  });
});
