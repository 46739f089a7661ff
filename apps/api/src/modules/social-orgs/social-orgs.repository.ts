import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { SocialOrg, SocialOrgAgreement, SocialOrgEvaluation, SocialOrgTranche } from './social-orgs.entities.js';

export interface OrgCounts {
  agreements: number;
  evaluationsPassed: number;
}

/** Every read and write of the social organisations' tables. Scope SQL comes from AccessService. */
@Injectable()
export class SocialOrgsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private run(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  // --- registry

  async orgIds(scopeCondition: string, userUnitId: number): Promise<number[]> {
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT o.id FROM social_org o WHERE ${scopeCondition} ORDER BY o.introduced_year DESC NULLS LAST, o.id`,
      [userUnitId],
    );
    return rows.map((row) => row.id);
  }

  async orgs(ids: readonly number[], manager?: EntityManager): Promise<SocialOrg[]> {
    if (!ids.length) return [];
    const found = await this.run(manager).findBy(SocialOrg, { id: In([...ids]) });
    return ids.map((id) => found.find((org) => org.id === id)!).filter(Boolean);
  }

  async orgCounts(ids: readonly number[], manager?: EntityManager): Promise<Map<number, OrgCounts>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: number; agreements: number; passed: number }> = await this.run(manager).query(
      `SELECT o.id,
              (SELECT count(*)::int FROM social_org_agreement a WHERE a.social_org_id = o.id) AS agreements,
              (SELECT count(*)::int FROM social_org_evaluation e JOIN social_org_agreement a ON a.id = e.agreement_id
                 WHERE a.social_org_id = o.id AND e.passed) AS passed
       FROM social_org o WHERE o.id = ANY($1::int[])`,
      [[...ids]],
    );
    return new Map(rows.map((row) => [row.id, { agreements: row.agreements, evaluationsPassed: row.passed }]));
  }

  async lockOrg(manager: EntityManager, id: number): Promise<SocialOrg | null> {
    return manager.findOne(SocialOrg, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveOrg(manager: EntityManager, org: Partial<SocialOrg>): Promise<SocialOrg> {
    return manager.save(manager.create(SocialOrg, org));
  }

  // --- agreements

  async agreementIds(
    scopeCondition: string,
    userUnitId: number,
    filters: { socialOrgId?: number; year?: number },
  ): Promise<number[]> {
    const params: unknown[] = [userUnitId];
    const conditions = [scopeCondition];
    if (filters.socialOrgId) {
      params.push(filters.socialOrgId);
      conditions.push(`a.social_org_id = $${params.length}`);
    }
    if (filters.year) {
      params.push(filters.year);
      conditions.push(`a.year = $${params.length}`);
    }
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT a.id FROM social_org_agreement a WHERE ${conditions.join(' AND ')} ORDER BY a.year DESC, a.id DESC LIMIT 500`,
      params,
    );
    return rows.map((row) => row.id);
  }

  async agreements(ids: readonly number[], manager?: EntityManager): Promise<SocialOrgAgreement[]> {
    if (!ids.length) return [];
    const found = await this.run(manager).findBy(SocialOrgAgreement, { id: In([...ids]) });
    return ids.map((id) => found.find((agreement) => agreement.id === id)!).filter(Boolean);
  }

  async lockAgreement(manager: EntityManager, id: number): Promise<SocialOrgAgreement | null> {
    return manager.findOne(SocialOrgAgreement, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveAgreement(manager: EntityManager, agreement: Partial<SocialOrgAgreement>): Promise<SocialOrgAgreement> {
    return manager.save(manager.create(SocialOrgAgreement, agreement));
  }

  async tranches(agreementIds: readonly number[], manager?: EntityManager): Promise<SocialOrgTranche[]> {
    if (!agreementIds.length) return [];
    return this.run(manager).find(SocialOrgTranche, {
      where: { agreementId: In([...agreementIds]) },
      order: { agreementId: 'ASC', seq: 'ASC' },
    });
  }

  async lockTranche(manager: EntityManager, id: number): Promise<SocialOrgTranche | null> {
    return manager.findOne(SocialOrgTranche, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async trancheById(id: number, manager?: EntityManager): Promise<SocialOrgTranche | null> {
    return this.run(manager).findOneBy(SocialOrgTranche, { id });
  }

  async saveTranches(manager: EntityManager, tranches: ReadonlyArray<Partial<SocialOrgTranche>>): Promise<SocialOrgTranche[]> {
    return manager.save(tranches.map((tranche) => manager.create(SocialOrgTranche, tranche)));
  }

  async evaluations(agreementIds: readonly number[], manager?: EntityManager): Promise<Array<SocialOrgEvaluation & { recordedBy: string | null }>> {
    if (!agreementIds.length) return [];
    const rows = await this.run(manager).find(SocialOrgEvaluation, {
      where: { agreementId: In([...agreementIds]) },
      order: { evaluatedOn: 'ASC', id: 'ASC' },
    });
    const names = await this.userNames(rows.map((row) => row.recordedByUserId), manager);
    return rows.map((row) => Object.assign(row, { recordedBy: names.get(row.recordedByUserId) ?? null }));
  }

  async saveEvaluation(manager: EntityManager, evaluation: Partial<SocialOrgEvaluation>): Promise<SocialOrgEvaluation> {
    return manager.save(manager.create(SocialOrgEvaluation, evaluation));
  }

  /** A passed evaluation of the agreement, if any (read under the agreement's row lock). */
  async passedEvaluation(manager: EntityManager, agreementId: number): Promise<SocialOrgEvaluation | null> {
    return manager.findOne(SocialOrgEvaluation, { where: { agreementId, passed: true }, order: { id: 'ASC' } });
  }

  // --- names of other modules' rows, for views

  async unitNames(ids: readonly number[], manager?: EntityManager): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: number; name: string }> = await this.run(manager).query(
      `SELECT id, name FROM org_unit WHERE id = ANY($1::int[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Communities among `ids` that belong to the district. */
  async communitiesOf(manager: EntityManager, districtId: number, ids: readonly number[]): Promise<number[]> {
    if (!ids.length) return [];
    const rows: Array<{ id: number }> = await manager.query(
      `SELECT id FROM org_unit WHERE kind = 'community' AND id = ANY($1::int[]) AND ancestor_ids @> ARRAY[$2::int]`,
      [[...new Set(ids)], districtId],
    );
    return rows.map((row) => row.id);
  }

  async lineNames(ids: readonly number[], manager?: EntityManager): Promise<Map<number, { name: string; unitId: number }>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: number; name: string; unit_id: number }> = await this.run(manager).query(
      `SELECT id, name, unit_id FROM budget_line WHERE id = ANY($1::int[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, { name: row.name, unitId: row.unit_id }]));
  }

  private async userNames(ids: readonly number[], manager?: EntityManager): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: number; display_name: string }> = await this.run(manager).query(
      `SELECT id, display_name FROM app_user WHERE id = ANY($1::int[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }

  // --- figures for the performance tables (social-orgs.metrics.ts)

  async introduced(year: number, unitId: number): Promise<Array<{ id: number; name: string }>> {
    return this.dataSource.query(
      `SELECT o.id, o.name FROM social_org o JOIN org_unit u ON u.id = o.unit_id
       WHERE o.introduced_year = $1 AND (u.id = $2 OR u.ancestor_ids @> ARRAY[$2::int])
       ORDER BY o.id`,
      [year, unitId],
    );
  }

  async passedEvaluations(year: number, unitId: number): Promise<Array<{ id: number; agreement_id: number; title: string; org_name: string; total_points: string }>> {
    return this.dataSource.query(
      `SELECT e.id, a.id AS agreement_id, a.title, o.name AS org_name, e.total_points
       FROM social_org_evaluation e JOIN social_org_agreement a ON a.id = e.agreement_id JOIN social_org o ON o.id = a.social_org_id
       JOIN org_unit u ON u.id = a.unit_id
       WHERE e.passed AND extract(year FROM e.evaluated_on) = $1 AND (u.id = $2 OR u.ancestor_ids @> ARRAY[$2::int])
       ORDER BY e.id`,
      [year, unitId],
    );
  }

  async communitiesServed(year: number, unitId: number): Promise<Array<{ id: number; name: string; agreements: number }>> {
    return this.dataSource.query(
      `SELECT c.id, c.name, count(DISTINCT a.id)::int AS agreements
       FROM social_org_agreement a CROSS JOIN LATERAL unnest(a.service_community_ids) AS served(community_id)
       JOIN org_unit c ON c.id = served.community_id
       WHERE a.year = $1 AND a.status <> 'terminated' AND (c.id = $2 OR c.ancestor_ids @> ARRAY[$2::int])
       GROUP BY c.id, c.name ORDER BY c.id`,
      [year, unitId],
    );
  }
}
