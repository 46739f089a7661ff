import { serviceApplication } from './fixtures.js';
import type { TestApp } from './test-app.js';

/**
 * A second district inside a test database (issue 13 §6): 测试甲区 under the demo city, with its own
 * street, community, accounts (one per district role, password of the demo accounts), a programme,
 * a budget line, a call (copied from 呈贡区's livelihood call) and an application entered through the
 * API by its own street officer.
 */
export interface SecondDistrict {
  districtId: number;
  streetId: number;
  communityId: number;
  programmeId: number;
  lineId: number;
  competitionId: number;
  categoryId: number;
  applicationId: number;
  /** username by role */
  users: { admin: string; finance: string; auditor: string; inspector: string; reviewer: string; street: string; community: string };
}

/** Copies one row of `table` with some columns replaced; returns the new id. Test arrangement only. */
export async function cloneRow(t: TestApp, table: string, id: number, overrides: Record<string, unknown>): Promise<number> {
  const columns = (
    await t.db.query<{ column_name: string; udt_name: string }>(
      `SELECT column_name, udt_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = $1 AND column_name <> 'id' AND is_generated = 'NEVER'
       ORDER BY ordinal_position`,
      [table],
    )
  ).rows;
  const params: unknown[] = [id];
  const values = columns.map(({ column_name, udt_name }) => {
    if (!(column_name in overrides)) return `"${column_name}"`;
    params.push(overrides[column_name]);
    return `$${params.length}::${udt_name}`;
  });
  const names = columns.map(({ column_name }) => `"${column_name}"`).join(', ');
  const inserted = await t.db.query<{ id: number }>(
    `INSERT INTO "${table}" (${names}) SELECT ${values.join(', ')} FROM "${table}" WHERE id = $1 RETURNING id`,
    params,
  );
  if (inserted.rows.length !== 1) throw new Error(`no ${table} row ${id} to copy`);
  return inserted.rows[0].id;
}

async function unit(t: TestApp, kind: string, name: string, code: string, parentId: number): Promise<number> {
  const row = await t.db.query<{ id: number }>(
    `INSERT INTO org_unit (kind, name, code, parent_id, ancestor_ids, version)
     SELECT $1, $2, $3, p.id, p.ancestor_ids || p.id, 1 FROM org_unit p WHERE p.id = $4 RETURNING id`,
    [kind, name, code, parentId],
  );
  return row.rows[0].id;
}

export async function createSecondDistrict(t: TestApp, prefix = 'jia'): Promise<SecondDistrict> {
  const city = (await t.db.query<{ id: number }>(`SELECT id FROM org_unit WHERE kind = 'city'`)).rows[0].id;
  const districtId = await unit(t, 'district', '测试甲区', `${prefix}-district`, city);
  const streetId = await unit(t, 'street', '甲一街道', `${prefix}-street`, districtId);
  const communityId = await unit(t, 'community', '甲一社区', `${prefix}-community`, streetId);
  const users = {
    admin: `${prefix}.admin`,
    finance: `${prefix}.finance`,
    auditor: `${prefix}.auditor`,
    inspector: `${prefix}.inspector`,
    reviewer: `${prefix}.reviewer`,
    street: `${prefix}.street`,
    community: `${prefix}.community`,
  };
  const placement: Array<[string, string, number]> = [
    [users.admin, 'district_admin', districtId],
    [users.finance, 'finance', districtId],
    [users.auditor, 'auditor', districtId],
    [users.inspector, 'inspector', districtId],
    [users.reviewer, 'reviewer', districtId],
    [users.street, 'street_officer', streetId],
    [users.community, 'community_officer', communityId],
  ];
  for (const [username, role, unitId] of placement) {
    await t.db.query(
      `INSERT INTO app_user (username, display_name, password_hash, unit_id, roles, version)
       SELECT $1, $1, password_hash, $2, ARRAY[$3]::varchar[], 1 FROM app_user WHERE username = 'admin'`,
      [username, unitId, role],
    );
  }
  const livelihood = (await t.db.query<{ id: number; budget_line_id: number }>(
    `SELECT c.id, c.budget_line_id FROM competition c JOIN budget_line l ON l.id = c.budget_line_id
     JOIN org_unit d ON d.id = l.unit_id WHERE c.kind = 'livelihood' AND d.code = 'demo-district'`,
  )).rows[0];
  const sourceLine = (await t.db.query<{ programme_id: number }>(`SELECT programme_id FROM budget_line WHERE id = $1`, [livelihood.budget_line_id])).rows[0];
  const programmeId = await cloneRow(t, 'programme', sourceLine.programme_id, { unit_id: districtId, name: '甲区2026年民生项目经费', policy_refs: [], is_demo: false });
  const lineId = await cloneRow(t, 'budget_line', livelihood.budget_line_id, {
    programme_id: programmeId,
    unit_id: districtId,
    name: '甲区民生小实事经费',
    amount_fen: 123_456_700,
    adjusted_fen: 0,
    committed_fen: 0,
    paid_fen: 0,
    is_demo: false,
  });
  const competitionId = await cloneRow(t, 'competition', livelihood.id, { budget_line_id: lineId, title: '甲区2026年民生小实事申报', is_demo: false });
  const categories = (await t.db.query<{ id: number; key: string }>(`SELECT id, key FROM competition_category WHERE competition_id = $1`, [livelihood.id])).rows;
  let categoryId = 0;
  for (const category of categories) {
    const copied = await cloneRow(t, 'competition_category', category.id, { competition_id: competitionId });
    if (category.key === 'service') categoryId = copied;
  }
  const bearer = await t.login(users.street);
  const created = await t
    .http()
    .post('/api/applications')
    .set('authorization', bearer)
    .send(serviceApplication(competitionId, communityId, categoryId, { title: '甲一社区便民服务', location: '甲一社区 1 号小区' }));
  if (created.status !== 201) throw new Error(`second district application: ${created.status} ${JSON.stringify(created.body)}`);
  return { districtId, streetId, communityId, programmeId, lineId, competitionId, categoryId, applicationId: created.body.id, users };
}
