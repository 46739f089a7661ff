import SwaggerParser from '@apidevtools/swagger-parser';
import { DiscoveryService } from '@nestjs/core';
import { PERMISSIONS, ROLE_PERMISSIONS, isOwnAccountPermission, isReadPermission } from '@xiaoshi/contracts';
import { DataSource } from 'typeorm';
import { ROUTE_ACCESS, type RouteAccess } from '../../apps/api/src/common/route-access.decorator.js';
import { dataSourceOptions } from '../../apps/api/src/database/data-source.js';
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
