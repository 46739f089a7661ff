import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type Permission } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessRepository } from './access.repository.js';

/**
 * The one place that answers "may this user touch these rows?".
 *
 * Scope is the subtree of the user's org unit: a district-level account reaches the whole
 * district, a street officer their street and its communities, a community officer their
 * community, a partner their organisation. Checks are set-wise: one query for all ids, and the
 * call fails unless every id is in scope. Rows out of scope answer 404, so ids leak nothing.
 */
@Injectable()
export class AccessService {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly repository: AccessRepository = new AccessRepository(dataSource),
  ) {}

  requirePermission(user: AuthUser, permission: Permission): void {
    if (!user.permissions.has(permission)) throw new DomainError('FORBIDDEN');
  }

  /** SQL condition that keeps rows whose unit column lies in the user's subtree. */
  unitScopeCondition(user: AuthUser, unitColumn: string, parameterIndex: number): string {
    return `${unitColumn} IN (SELECT scope.id FROM org_unit scope WHERE scope.id = $${parameterIndex} OR scope.ancestor_ids @> ARRAY[$${parameterIndex}::int])`;
  }

  /**
   * SQL condition for district-wide reference data (programmes' calls, competitions): rows owned by
   * the user's unit or any unit above it, so a street officer sees their district's calls.
   */
  ancestorScopeCondition(unitColumn: string, parameterIndex: number): string {
    return `(${unitColumn} = $${parameterIndex} OR ${unitColumn} IN (SELECT unnest(scope.ancestor_ids) FROM org_unit scope WHERE scope.id = $${parameterIndex}))`;
  }

  /** Fails with 404 unless every unit id exists and lies in the user's scope. */
  async requireUnits(user: AuthUser, permission: Permission, unitIds: readonly number[], manager?: EntityManager) {
    this.requirePermission(user, permission);
    const distinct = [...new Set(unitIds)];
    if (distinct.length === 0) return;
    const reachable = await this.repository.unitsInSubtree(distinct, user.unit.id, manager);
    if (reachable !== distinct.length) throw new DomainError('NOT_FOUND');
  }

  /**
   * Fails with 404 unless every row of `table` with these ids exists and its unit lies in scope.
   * `table` and `unitColumn` come from code, never from a request.
   */
  async requireRows(
    user: AuthUser,
    permission: Permission,
    table: string,
    unitColumn: string,
    ids: readonly number[],
    manager?: EntityManager,
  ) {
    this.requirePermission(user, permission);
    const distinct = [...new Set(ids)];
    if (distinct.length === 0) return;
    const scope = this.unitScopeCondition(user, `row.${unitColumn}`, 2);
    const reachable = await this.repository.rowsInScope(table, distinct, scope, user.unit.id, manager);
    if (reachable !== distinct.length) throw new DomainError('NOT_FOUND');
  }

  /** Whether the user may see personal data (phone numbers, ID numbers, bank accounts) in clear. */
  seesPersonalData(user: AuthUser | null): boolean {
    return !!user && (user.roles.includes('district_admin') || user.roles.includes('finance'));
  }
}
