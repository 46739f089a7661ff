import { ROLE_PERMISSIONS, type Permission, type Role } from '@xiaoshi/contracts';
import fc from 'fast-check';
import type { QueryRunner } from 'typeorm';
import { AuditStreet1764000001300 } from '../../apps/api/src/database/migrations/1764000001300-AuditStreet.js';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { approvedProjects } from '../support/fixtures.js';
import { arbitraryOf, jsonSchemaOf } from '../support/schema-arbitrary.js';
import { discoverRoutes, type DiscoveredRoute } from '../support/routes.js';
import { createSecondDistrict, type SecondDistrict } from '../support/second-district.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Route = DiscoveredRoute;
const routesOf = discoverRoutes;

/** The victim's row ids by pool name: 呈贡区's data, seeded and driven through the API. */
type Pools = Record<string, number[]>;

/** Which pool a path parameter draws from, by the segment before it. */
function poolOfPath(path: string, param: string): string | null {
  const before = path.slice(0, path.indexOf(`:${param}`)).replace(/\/$/, '');
  const segment = before.slice(before.lastIndexOf('/') + 1);
  const stipends = path.startsWith('/api/stipends/');
  const table: Record<string, string> = {
    applications: 'application', attachments: 'attachment', competitions: 'competition', decisions: 'award_decision',
    notices: 'public_notice', objections: 'objection', programmes: stipends ? 'stipend_programme' : 'programme',
    'budget-lines': 'budget_line', 'direct-expenditures': 'direct_expenditure', projects: 'project',
    'progress-reports': 'progress_report', 'project-photos': 'project_photo', inspections: 'inspection',
    exports: 'export_job', notifications: 'notification', 'org-units': 'org_unit', payments: 'payment',
    tables: 'performance_table', versions: 'performance_table_version', evidence: 'performance_evidence',
    'street-reports': 'performance_street_report', indicators: 'performance_indicator', reviewers: 'app_user',
    'review-assignments': 'review_assignment', assignments: 'review_assignment', 'score-sheets': 'score_sheet',
    'social-orgs': 'social_org', 'social-org-agreements': 'social_org_agreement',
    'social-org-tranches': 'social_org_tranche', 'building-leaders': 'stipend_building_leader',
    people: 'stipend_person', reports: 'stipend_street_report', batches: 'stipend_batch', surveys: 'survey',
    'training-norms': 'training_norm_version', trips: 'study_trip', 'trip-evidence': 'study_trip_evidence',
    users: 'app_user',
  };
  return table[segment] ?? null;
}

/** Which pool an id field of a body or query draws from, by its name. */
const FIELD_POOL: Record<string, string> = {
  applicationId: 'application', budgetLineId: 'budget_line', budgetLineIds: 'budget_line', competitionId: 'competition',
  programmeId: 'programme', rosterProgrammeId: 'stipend_programme', streetId: 'street', communityId: 'community',
  serviceCommunityIds: 'community', unitId: 'street', parentId: 'street', affiliationUnitIds: 'street',
  partnerOrgId: 'organisation', personId: 'stipend_person', versionId: 'performance_table_version',
  tableId: 'performance_table', socialOrgId: 'social_org', projectId: 'project', awardId: 'award',
  userId: 'app_user', reviewerUserId: 'app_user', chairUserId: 'app_user', memberUserIds: 'app_user',
  inspectorUserIds: 'app_user', noticeId: 'public_notice', decisionId: 'award_decision',
  indicatorId: 'performance_indicator', categoryId: 'competition_category', assignmentId: 'review_assignment',
  directExpenditureId: 'direct_expenditure', paymentId: 'payment', evidenceId: 'performance_evidence',
  batchId: 'stipend_batch', districtId: 'district', attendedParticipantIds: 'study_trip_participant',
  agreementId: 'social_org_agreement', tripId: 'study_trip',
};

/** Replaces every id field the victim has rows for; returns whether any was replaced. */
function aimAt(value: unknown, pools: Pools): boolean {
  if (!value || typeof value !== 'object') return false;
  let aimed = false;
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const pool = FIELD_POOL[key] ? pools[FIELD_POOL[key]] : undefined;
    if (pool?.length) {
      (value as Record<string, unknown>)[key] = Array.isArray(field) ? [pool[0]] : pool[0];
      aimed = true;
    } else if (field && typeof field === 'object') {
      aimed = aimAt(field, pools) || aimed;
    }
  }
  return aimed;
}

/**
 * Writes that may answer 2xx although a body field names another district's row, and why: the
 * export job is the requester's own, and its rows are the application list's, scoped to the
 * requester when the job runs (a filter out of reach selects nothing, as on the list itself).
 */
const OWN_WRITES = new Set(['POST /api/applications/exports']);

const VICTIM_TABLES = [
  'programme', 'budget_line', 'direct_expenditure', 'competition', 'competition_category', 'application', 'attachment',
  'award_decision', 'award', 'public_notice', 'objection', 'project', 'progress_report', 'project_photo', 'inspection',
  'payment', 'performance_table', 'performance_table_version', 'performance_indicator', 'performance_evidence',
  'performance_street_report', 'review_panel', 'review_assignment', 'score_sheet', 'social_org', 'social_org_agreement',
  'social_org_tranche', 'stipend_programme', 'stipend_person', 'stipend_building_leader', 'stipend_street_report',
  'stipend_batch', 'survey', 'study_trip', 'study_trip_participant', 'study_trip_evidence', 'training_norm_version',
  'export_job', 'notification',
];

/**
 * District isolation (issue 13 §6): every route of the route table, called by each account of a
 * second district (测试甲区) that holds its permission, aimed at 呈贡区's rows — in the path, in the
 * body's and the query's id fields — answers 403 or 404 and changes nothing; the lists it may read
 * show none of 呈贡区's names. The city officer above both reads roll-ups only.
 */
describe('district isolation', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let second: SecondDistrict;
  let routes: Route[];
  const pools: Pools = {};
  const markers: string[] = [];
  const bearer = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'silent' } });
    worker = await createWorker(t.config, { schedule: false });
    // 呈贡区 (the victim) gets applications, a panel, a decision, a notice and projects.
    await approvedProjects(t, { count: 3 });
    for (const table of VICTIM_TABLES) {
      const key = table === 'stipend_building_leader' ? 'person_id' : 'id';
      pools[table] = (await t.db.query<{ id: number }>(`SELECT ${key} AS id FROM "${table}" ORDER BY 1 LIMIT 2`)).rows.map((row) => row.id);
    }
    const units = async (sql: string) => (await t.db.query<{ id: number }>(sql)).rows.map((row) => row.id);
    pools.org_unit = await units(`SELECT id FROM org_unit WHERE code IN ('demo-district', 'demo-longcheng', 'demo-longcheng-1', 'demo-org-ynu') ORDER BY id`);
    pools.district = await units(`SELECT id FROM org_unit WHERE code = 'demo-district'`);
    pools.street = await units(`SELECT id FROM org_unit WHERE code = 'demo-longcheng'`);
    pools.community = await units(`SELECT id FROM org_unit WHERE code = 'demo-longcheng-1'`);
    pools.organisation = await units(`SELECT id FROM org_unit WHERE code = 'demo-org-ynu'`);
    pools.app_user = await units(`SELECT id FROM app_user WHERE username IN ('admin', 'reviewer', 'longcheng', 'dj1') ORDER BY id`);
    // Names only 呈贡区's rows carry.
    const named = await t.db.query<{ name: string }>(
      `SELECT name FROM org_unit WHERE code LIKE 'demo-%' AND kind <> 'city'
       UNION SELECT title FROM competition UNION SELECT name FROM programme UNION SELECT title FROM application
       UNION SELECT name FROM stipend_person UNION SELECT title FROM survey UNION SELECT title FROM study_trip
       UNION SELECT display_name FROM app_user WHERE username <> 'city' UNION SELECT name FROM social_org
       UNION SELECT name FROM performance_table`,
    );
    markers.push(...named.rows.map((row) => row.name).filter((name) => name && name.length >= 3));
    second = await createSecondDistrict(t);
    for (const username of [...Object.values(second.users), 'city']) bearer.set(username, await t.login(username));
    routes = routesOf(t);
  }, 180_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const roleUser = (s: SecondDistrict): Array<[Role, string]> => [
    ['district_admin', s.users.admin], ['finance', s.users.finance], ['auditor', s.users.auditor],
    ['inspector', s.users.inspector], ['reviewer', s.users.reviewer], ['street_officer', s.users.street],
    ['community_officer', s.users.community],
  ];
  const holders = (permission: Permission) =>
    roleUser(second).filter(([role]) => ROLE_PERMISSIONS[role].includes(permission)).map(([, username]) => username);

  const fingerprint = async () => {
    const parts: string[] = [];
    // export_job: the prober's own jobs (OWN_WRITES).
    for (const table of [...VICTIM_TABLES.filter((name) => name !== 'export_job'), 'org_unit', 'app_user', 'ledger_entry']) {
      const row = await t.db.query<{ md5: string }>(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM "${table}" x`);
      parts.push(`${table}:${row.rows[0].md5}`);
    }
    return parts;
  };

  it('sees the victim data it aims at', () => {
    expect(routes.length).toBeGreaterThan(150);
    for (const table of ['application', 'award_decision', 'public_notice', 'project', 'review_assignment', 'programme', 'stipend_person', 'survey', 'study_trip', 'social_org', 'performance_table']) {
      expect({ table, ids: pools[table].length }).toEqual({ table, ids: expect.any(Number) });
      expect(pools[table].length).toBeGreaterThan(0);
    }
  });

  it('lets no account of another district read or change a district\'s records (0 leaks)', async () => {
    const before = await fingerprint();
    const leaks: string[] = [];
    let probes = 0;
    let inconclusive = 0;
    for (const route of routes) {
      if (route.access.kind !== 'permission' || route.path.startsWith('/api/rollups')) continue;
      const params = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]);
      let path = route.path;
      let aimed = false;
      let unmapped = false;
      for (const param of params) {
        const pool = poolOfPath(route.path, param);
        const ids = pool ? pools[pool] : undefined;
        if (!ids?.length) unmapped = true;
        path = path.replace(`:${param}`, String(ids?.[0] ?? 999999));
        aimed = aimed || !!ids?.length;
      }
      if (unmapped) aimed = false;
      const body = route.body ? fc.sample(arbitraryOf(jsonSchemaOf(route.body)), { numRuns: 1, seed: 13 })[0] : undefined;
      if (body) aimed = aimAt(body, pools) || aimed;
      const query: Record<string, unknown> = {};
      if (route.query) {
        const shape = (jsonSchemaOf(route.query).properties ?? {}) as Record<string, unknown>;
        for (const key of Object.keys(shape)) if (FIELD_POOL[key] && pools[FIELD_POOL[key]]?.length) query[key] = pools[FIELD_POOL[key]][0];
        if (Object.keys(query).length) aimed = true;
      }
      // A write that names none of the victim's rows is no isolation probe (and would change the prober's own data).
      if (route.method !== 'get' && !aimed) continue;
      for (const username of holders(route.access.permission as Permission)) {
        probes += 1;
        let call = t.http()[route.method](path).set('authorization', bearer.get(username)!).query(query as Record<string, string>);
        if (route.method !== 'get') call = call.set('content-type', 'application/json').send(JSON.stringify(body ?? {}));
        const response = await call;
        const text = response.text ?? '';
        if (response.status >= 200 && response.status < 300) {
          if (aimed && route.method !== 'get' && !OWN_WRITES.has(`POST ${route.path}`)) leaks.push(`${username} ${route.name} ${path} → ${response.status}`);
          else if (aimed && params.length && !unmapped) leaks.push(`${username} ${route.name} ${path} → ${response.status}`);
          const seen = markers.find((marker) => text.includes(marker));
          if (seen) leaks.push(`${username} ${route.name} ${path} ${JSON.stringify(query)} shows 「${seen}」`);
        } else if (response.status >= 500) {
          leaks.push(`${username} ${route.name} ${path} → ${response.status}`);
        } else if (![403, 404].includes(response.status) && aimed) {
          inconclusive += 1;
        }
      }
    }
    if (process.env.XIAOSHI_PROBE_STATS) process.stdout.write(`probes ${probes}, inconclusive ${inconclusive}\n`);
    expect(leaks).toEqual([]);
    expect(await fingerprint()).toEqual(before);
    expect(probes).toBeGreaterThan(300);
    // The bodies are drawn to pass validation; most aimed probes reach the scope check.
    expect(inconclusive).toBeLessThan(probes / 3);
  }, 600_000);

  it('answers 404 for another district\'s records on the main read routes', async () => {
    const admin = bearer.get(second.users.admin)!;
    const paths = [
      `/api/programmes`, `/api/budget-lines/${pools.budget_line[0]}`, `/api/competitions/${pools.competition[0]}`,
      `/api/applications/${pools.application[0]}`, `/api/projects/${pools.project[0]}`, `/api/org-units/${pools.district[0]}`,
      `/api/stipends/programmes/${pools.stipend_programme[0]}`, `/api/performance/tables/${pools.performance_table[0]}`,
      `/api/surveys/${pools.survey[0]}`, `/api/trips/${pools.study_trip[0]}`, `/api/social-orgs/${pools.social_org[0]}`,
      `/api/notices/${pools.public_notice[0]}`, `/api/decisions/${pools.award_decision[0]}`,
    ];
    for (const path of paths.slice(1)) {
      const response = await t.http().get(path).set('authorization', admin);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    const own = await t.http().get('/api/programmes').set('authorization', admin);
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).toContain('甲区2026年民生项目经费');
    const competitions = await t.http().get('/api/competitions').set('authorization', admin);
    expect(JSON.stringify(competitions.body)).toContain('甲区2026年民生小实事申报');
    const mine = await t.http().get(`/api/applications/${second.applicationId}`).set('authorization', bearer.get(second.users.street)!);
    expect(mine.status).toBe(200);
    // And the other way round: 呈贡区's admin cannot see 测试甲区's application.
    const theirs = await t.http().get(`/api/applications/${second.applicationId}`).set('authorization', await t.login('admin'));
    expect(theirs.status).toBe(404);
  });

  /** Every item's key (id, seq) of a keyset-paged list, page after page, as `token` reads it. */
  const everyPage = async (path: string, key: 'id' | 'seq', token: string): Promise<number[]> => {
    const keys: number[] = [];
    let cursor: number | null = null;
    for (let pages = 0; pages < 200; pages += 1) {
      const response = await t.http().get(`${path}?limit=100${cursor ? `&cursor=${cursor}` : ''}`).set('authorization', token);
      expect(response.status).toBe(200);
      const page = response.body as { items: Array<Record<typeof key, number>>; nextCursor: number | null };
      keys.push(...page.items.map((item) => item[key]));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return keys;
  };

  /**
   * The audit events of a unit's subtree, newest first, read through the org tree (not the district
   * column): its accounts' events, and the system events about its org units, applications,
   * projects and payments.
   */
  const subtreeEvents = async (unitId: number): Promise<number[]> =>
    (
      await t.db.query<{ seq: string }>(
        `WITH scope AS (SELECT s.id FROM org_unit s WHERE s.id = $1 OR $1 = ANY(s.ancestor_ids))
         SELECT e.seq FROM audit_event e
         WHERE e.actor_user_id IN (SELECT u.id FROM app_user u WHERE u.unit_id IN (SELECT id FROM scope))
            OR (e.actor_user_id IS NULL AND (
                 (e.entity_type = 'org_unit' AND e.entity_id IN (SELECT id::text FROM scope))
              OR (e.entity_type = 'application' AND e.entity_id IN (SELECT x.id::text FROM application x WHERE x.street_id IN (SELECT id FROM scope)))
              OR (e.entity_type = 'project' AND e.entity_id IN (SELECT x.id::text FROM project x WHERE x.street_id IN (SELECT id FROM scope)))
              OR (e.entity_type = 'payment' AND e.entity_id IN (SELECT x.id::text FROM payment x WHERE x.unit_id IN (SELECT id FROM scope)))))
         ORDER BY e.seq DESC`,
        [unitId],
      )
    ).rows.map((row) => Number(row.seq));

  /**
   * Each audit event's street column beside the street read through the org tree: of its account's
   * unit, or of the record a system event is about (NULL above streets and about nothing).
   */
  const streetFiling = async () =>
    (
      await t.db.query<{ seq: string; street_id: number | null; expected: number | null }>(
        `WITH street_of AS (
           SELECT o.id AS unit, (SELECT x.id FROM org_unit x WHERE x.id = ANY(o.ancestor_ids || o.id) AND x.kind = 'street') AS street
           FROM org_unit o)
         SELECT e.seq, e.street_id,
                CASE WHEN e.actor_user_id IS NOT NULL THEN (SELECT so.street FROM app_user u JOIN street_of so ON so.unit = u.unit_id WHERE u.id = e.actor_user_id)
                     WHEN e.entity_type = 'org_unit' THEN (SELECT so.street FROM street_of so WHERE so.unit::text = e.entity_id)
                     WHEN e.entity_type = 'application' THEN (SELECT x.street_id FROM application x WHERE x.id::text = e.entity_id)
                     WHEN e.entity_type = 'project' THEN (SELECT x.street_id FROM project x WHERE x.id::text = e.entity_id)
                     WHEN e.entity_type = 'payment' THEN (SELECT so.street FROM payment x JOIN street_of so ON so.unit = x.unit_id WHERE x.id::text = e.entity_id)
                END AS expected
         FROM audit_event e`,
      )
    ).rows;

  it('keeps every application in its street\'s district, and a district admin\'s list to its own district', async () => {
    // The district column is the database's own (set from the street), whoever wrote the row.
    const astray = await t.db.query(
      `SELECT a.id FROM application a JOIN org_unit s ON s.id = a.street_id WHERE a.district_id IS DISTINCT FROM s.parent_id`,
    );
    expect(astray.rows).toEqual([]);
    const listed = (token: string) => everyPage('/api/applications', 'id', token);
    // What a district admin lists: the applications of communities below the district that a
    // street has submitted, newest first (read here through the org tree, not the district column).
    const expected = async (districtId: number) =>
      (
        await t.db.query<{ id: number }>(
          `SELECT a.id FROM application a JOIN org_unit c ON c.id = a.community_id
           WHERE $1 = ANY(c.ancestor_ids) AND a.status NOT IN ('draft', 'awaiting_street') ORDER BY a.id DESC`,
          [districtId],
        )
      ).rows.map((row) => row.id);
    const ours = await listed(await t.login('admin'));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours).toEqual(await expected(pools.district[0]));
    expect(await listed(bearer.get(second.users.admin)!)).toEqual(await expected(second.districtId));
  });

  it('files every audit event under its district, and a district admin\'s audit log is exactly its subtree\'s events', async () => {
    // A system event (no account) about each kind of record the log files by its record.
    const project = await t.db.query<{ id: number }>(`SELECT id FROM project ORDER BY id LIMIT 1`);
    const payment = await t.db.query<{ id: number }>(`SELECT id FROM payment ORDER BY id LIMIT 1`);
    const systemEvents: Array<[string, string]> = [
      ['application', String(pools.application[0])],
      ['org_unit', String(second.districtId)],
      ...(project.rows[0] ? [['project', String(project.rows[0].id)] as [string, string]] : []),
      ...(payment.rows[0] ? [['payment', String(payment.rows[0].id)] as [string, string]] : []),
      ['application', 'not-a-number'],
    ];
    for (const [entityType, entityId] of systemEvents)
      await t.db.query(
        `INSERT INTO audit_event (action, entity_type, entity_id, prev_hash, hash) VALUES ('system.test', $1, $2, '', '')`,
        [entityType, entityId],
      );
    const events = await t.db.query<{ count: string }>(`SELECT count(*) FROM audit_event WHERE district_id IS NOT NULL`);
    expect(Number(events.rows[0].count)).toBeGreaterThan(systemEvents.length);
    const expected = subtreeEvents;
    const listed = (token: string) => everyPage('/api/audit/events', 'seq', token);
    const ours = await listed(await t.login('admin'));
    expect(ours.length).toBeGreaterThan(systemEvents.length);
    expect(ours).toEqual(await expected(pools.district[0]));
    expect(await listed(bearer.get(second.users.admin)!)).toEqual(await expected(second.districtId));
  });

  it('gives an audit reader above districts (a city) and below (a street, a community, an organisation) exactly their subtree\'s events', async () => {
    const city = (await t.db.query<{ id: number }>(`SELECT id FROM org_unit WHERE kind = 'city'`)).rows[0].id;
    const street = pools.street[0];
    // Auditors placed above and below districts (test arrangement: no screen places them there).
    const below = [
      ['street.auditor', street],
      ['community.auditor', pools.community[0]],
      ['organisation.auditor', pools.organisation[0]],
    ] as const;
    for (const [username, unitId] of [['city.auditor', city], ...below] as const)
      await t.db.query(
        `INSERT INTO app_user (username, display_name, password_hash, unit_id, roles, version)
         SELECT $1, $1, password_hash, $2, ARRAY['auditor']::varchar[], 1 FROM app_user WHERE username = 'admin'`,
        [username, unitId],
      );
    // System events about the city itself (filed under no district) and about the street.
    for (const unitId of [city, street])
      await t.db.query(
        `INSERT INTO audit_event (action, entity_type, entity_id, prev_hash, hash) VALUES ('system.test', 'org_unit', $1, '', '')`,
        [String(unitId)],
      );
    const cityReader = await t.login('city.auditor'); // its sign-in: an event of an account above districts
    const streetReader = await t.login('street.auditor');
    const listed = (token: string) => everyPage('/api/audit/events', 'seq', token);
    const unfiled = await t.db.query(`SELECT seq FROM audit_event WHERE district_id IS NULL AND (actor_user_id IS NOT NULL OR entity_id = $1)`, [String(city)]);
    expect(unfiled.rows.length).toBeGreaterThanOrEqual(2);
    const cityEvents = await listed(cityReader);
    expect(cityEvents).toEqual(await subtreeEvents(city));
    // The city's log holds both districts' events and its own unfiled ones.
    for (const districtId of [pools.district[0], second.districtId])
      expect(cityEvents).toEqual(expect.arrayContaining(await subtreeEvents(districtId)));
    expect(cityEvents).toEqual(expect.arrayContaining(unfiled.rows.map((row: { seq: string }) => Number(row.seq))));
    const streetEvents = await listed(streetReader);
    expect(streetEvents.length).toBeGreaterThan(0);
    expect(streetEvents).toEqual(await subtreeEvents(street));
    for (const [username, unitId] of below.slice(1)) {
      const reader = await t.login(username);
      expect({ username, events: await listed(reader) }).toEqual({ username, events: await subtreeEvents(unitId) });
    }
    const filed = await streetFiling();
    expect(filed.filter((row) => row.street_id !== row.expected)).toEqual([]);
    expect(filed.filter((row) => row.street_id === street).length).toBeGreaterThan(0);
  });

  it('files the events written before streets were filed when the migration runs (AuditStreet)', async () => {
    const client = await t.db.connect();
    const runner = { query: (sql: string) => client.query(sql).then((result) => result.rows) } as unknown as QueryRunner;
    try {
      await client.query('BEGIN');
      const migration = new AuditStreet1764000001300();
      await migration.down(runner);
      // Written while only districts were filed: an account's event and a system event of a street.
      await client.query(
        `INSERT INTO audit_event (actor_user_id, actor_username, action, entity_type, entity_id, prev_hash, hash)
         SELECT id, username, 'system.test', 'org_unit', $1, '', '' FROM app_user WHERE username = 'longcheng'`,
        [String(pools.community[0])],
      );
      await client.query(
        `INSERT INTO audit_event (action, entity_type, entity_id, prev_hash, hash) VALUES ('system.test', 'application', $1, '', '')`,
        [String(pools.application[0])],
      );
      await migration.up(runner);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    const filed = await streetFiling();
    expect(filed.filter((row) => row.street_id !== row.expected)).toEqual([]);
    expect(filed.filter((row) => row.street_id !== null).length).toBeGreaterThan(2);
    // The append-only guard is back.
    await expect(t.db.query(`UPDATE audit_event SET street_id = NULL`)).rejects.toThrow();
  });

  it('gives the city officer roll-ups only: 403 on every other route, 404/403 on district records', async () => {
    const city = bearer.get('city')!;
    const refused: string[] = [];
    for (const route of routes) {
      if (route.access.kind !== 'permission') continue;
      if (route.access.permission.startsWith('me.') || route.access.permission === 'rollups.read') continue;
      const path = route.path.replace(/:\w+/g, String(pools.application[0]));
      let call = t.http()[route.method](path).set('authorization', city);
      if (route.method !== 'get') call = call.send({});
      const response = await call;
      if (response.status !== 403) refused.push(`${route.name} → ${response.status}`);
    }
    expect(refused).toEqual([]);
    const rollups = await t.http().get('/api/rollups?year=2026').set('authorization', city);
    expect(rollups.status).toBe(200);
    expect(rollups.body.districts.map((row: { district: { name: string } }) => row.district.name).sort()).toEqual(['呈贡区', '测试甲区'].sort());
  });
});
