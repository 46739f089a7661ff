import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  ROLE_LABELS,
  ROLE_UNIT_KINDS,
  type CreateUserRequest,
  type Page,
  type ResetPasswordRequest,
  type Role,
  type UpdateUserRequest,
  type UserListQuery,
  type UserView,
} from '@xiaoshi/contracts';
import { maskEmail, maskPhone } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { passwordHasher } from './password-hasher.js';
import { User } from './user.entity.js';


interface UserRow {
  id: number;
  username: string;
  display_name: string;
  unit_id: number;
  unit_name: string;
  roles: Role[];
  phone: string | null;
  email: string | null;
  active: boolean;
  locked_until: Date | null;
  must_change_password: boolean;
  last_login_at: Date | null;
  version: number;
}

const USER_COLUMNS = `u.id, u.username, u.display_name, u.unit_id, o.name AS unit_name, u.roles, u.phone, u.email,
  u.active, u.locked_until, u.must_change_password, u.last_login_at, u.version`;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  private toView(row: UserRow, viewer: AuthUser): UserView {
    const clear = this.access.seesPersonalData(viewer) || viewer.id === row.id;
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      unit: { id: row.unit_id, name: row.unit_name },
      roles: row.roles,
      phone: clear ? row.phone : maskPhone(row.phone),
      email: clear ? row.email : maskEmail(row.email),
      active: row.active,
      locked: !!row.locked_until && row.locked_until.getTime() > Date.now(),
      mustChangePassword: row.must_change_password,
      lastLoginAt: row.last_login_at?.toISOString() ?? null,
      version: row.version,
    };
  }

  async list(viewer: AuthUser, query: UserListQuery): Promise<Page<UserView>> {
    const params: unknown[] = [viewer.unit.id];
    const conditions = [this.access.unitScopeCondition(viewer, 'u.unit_id', 1)];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (query.cursor) add('u.id > ?', query.cursor);
    if (query.unitId) add('u.unit_id = ?', query.unitId);
    if (query.role) add('? = ANY(u.roles)', query.role);
    if (query.q) {
      add(`(u.username ILIKE ? OR u.display_name ILIKE ?)`, `%${query.q.replace(/[%_\\]/g, '\\$&')}%`);
    }
    params.push(query.limit + 1);
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM app_user u JOIN org_unit o ON o.id = u.unit_id
       WHERE ${conditions.join(' AND ')} ORDER BY u.id LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, query.limit).map((row) => this.toView(row, viewer));
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }

  async get(viewer: AuthUser, id: number): Promise<UserView> {
    await this.access.requireRows(viewer, 'users.read', 'app_user', 'unit_id', [id]);
    const [row]: UserRow[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM app_user u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = $1`,
      [id],
    );
    return this.toView(row, viewer);
  }

  private async requireRolesFitUnit(manager: EntityManager, roles: readonly Role[], unitId: number) {
    const unit = await manager.findOneBy(OrgUnit, { id: unitId });
    if (!unit) throw new DomainError('NOT_FOUND');
    const misplaced = roles.filter((role) => !ROLE_UNIT_KINDS[role].includes(unit.kind));
    if (misplaced.length) {
      throw new DomainError('VALIDATION_FAILED', {
        roles: fieldMessage(
          `角色与所属单位类型不符：${misplaced.map((role) => ROLE_LABELS[role].zh).join('、')}`,
          `These roles do not fit a ${unit.kind} unit: ${misplaced.map((role) => ROLE_LABELS[role].en).join(', ')}`,
        ),
      });
    }
  }

  async create(actor: AuthenticatedActor, body: CreateUserRequest): Promise<UserView> {
    const passwordHash = await passwordHasher.hash(body.initialPassword);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.access.requireUnits(actor.user, 'users.manage', [body.unitId], manager);
      await this.requireRolesFitUnit(manager, body.roles, body.unitId);
      if (await manager.existsBy(User, { username: body.username })) {
        throw new DomainError('USERNAME_TAKEN', {
          username: fieldMessage('用户名已被使用', 'This username is taken'),
        });
      }
      const user = manager.create(User, {
        username: body.username,
        displayName: body.displayName,
        passwordHash,
        unitId: body.unitId,
        roles: [...new Set(body.roles)],
        phone: body.phone ?? null,
        email: body.email ?? null,
        mustChangePassword: true,
      });
      await manager.save(user);
      await this.audit.record(manager, actor, { action: 'user.create', entityType: 'user', entityId: user.id, after: user });
      return user.id;
    });
    return this.get(actor.user, id);
  }

  async update(actor: AuthenticatedActor, id: number, body: UpdateUserRequest): Promise<UserView> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.requireRows(actor.user, 'users.manage', 'app_user', 'unit_id', [id], manager);
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new DomainError('NOT_FOUND');
      if (user.version !== body.version) throw new DomainError('CONFLICT');
      if (body.unitId !== undefined) await this.access.requireUnits(actor.user, 'users.manage', [body.unitId], manager);
      if (id === actor.user.id && (body.active === false || (body.roles && !body.roles.includes('district_admin')))) {
        throw new DomainError('VALIDATION_FAILED', {
          roles: fieldMessage('不能停用自己或撤销自己的管理员角色', 'You cannot disable yourself or drop your own admin role'),
        });
      }
      const before = { ...user };
      if (body.displayName !== undefined) user.displayName = body.displayName;
      if (body.unitId !== undefined) user.unitId = body.unitId;
      if (body.roles !== undefined) user.roles = [...new Set(body.roles)];
      if (body.phone !== undefined) user.phone = body.phone;
      if (body.email !== undefined) user.email = body.email;
      if (body.active !== undefined) user.active = body.active;
      await this.requireRolesFitUnit(manager, user.roles, user.unitId);
      await manager.save(user);
      const accessChanged =
        before.unitId !== user.unitId || before.roles.join() !== user.roles.join() || (before.active && !user.active);
      if (accessChanged) await this.revokeSessions(manager, id);
      await this.audit.record(manager, actor, { action: 'user.update', entityType: 'user', entityId: id, before, after: user });
    });
    return this.get(actor.user, id);
  }

  /** Sets a temporary password the user must change at next sign-in; also lifts a lockout. */
  async resetPassword(actor: AuthenticatedActor, id: number, body: ResetPasswordRequest): Promise<void> {
    const passwordHash = await passwordHasher.hash(body.temporaryPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.access.requireRows(actor.user, 'users.manage', 'app_user', 'unit_id', [id], manager);
      await manager.update(User, { id }, {
        passwordHash,
        mustChangePassword: true,
        failedLoginCount: 0,
        lockedUntil: null,
      });
      await this.revokeSessions(manager, id);
      await this.audit.record(manager, actor, { action: 'user.reset_password', entityType: 'user', entityId: id });
    });
  }

  /** Ends every signed-in session of the user (their refresh tokens stop working). */
  async revokeSessions(manager: EntityManager, userId: number): Promise<void> {
    await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }
}
