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
import { OrgsService } from '../orgs/orgs.service.js';
import { passwordHasher } from './password-hasher.js';
import { UsersRepository, type UserCredentials, type UserIdentity, type UserRow } from './users.repository.js';


/** Ends every signed-in session of a user, in the caller's transaction (the auth module's answer). */
export type SessionsEnder = (manager: EntityManager, userId: number) => Promise<void>;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly orgs: OrgsService,
    private readonly repository: UsersRepository,
  ) {}

  /**
   * The sessions of a user whose access changed must end. Sessions (refresh tokens) are the auth
   * module's; it registers how to end them here, so that the dependency stays one way (auth → users).
   */
  private endSessions: SessionsEnder = async () => {
    throw new Error('no SessionsEnder registered: the auth module ends sessions');
  };

  whenSessionsMustEnd(ender: SessionsEnder): void {
    this.endSessions = ender;
  }

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
      mustChangePassword: row.must_change_password,
      lastLoginAt: row.last_login_at?.toISOString() ?? null,
      version: row.version,
    };
  }

  async list(viewer: AuthUser, query: UserListQuery): Promise<Page<UserView>> {
    const rows = await this.repository.page(this.access.unitScopeCondition(viewer, 'u.unit_id', 1), viewer.unit.id, query);
    const items = rows.slice(0, query.limit).map((row) => this.toView(row, viewer));
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }

  async get(viewer: AuthUser, id: number): Promise<UserView> {
    await this.access.requireRows(viewer, 'users.read', 'app_user', 'unit_id', [id]);
    const row = await this.repository.row(id);
    if (!row) throw new DomainError('NOT_FOUND');
    return this.toView(row, viewer);
  }

  /** Who a user is now (roles, unit, active): for sessions and for workers acting in their name. */
  identity(id: number, manager?: EntityManager): Promise<UserIdentity | null> {
    return this.repository.identity(id, manager);
  }

  /** Sign-in's view of an account, by its (lower-case) name or by id. */
  credentials(by: { username: string } | { id: number }): Promise<UserCredentials | null> {
    return 'id' in by ? this.repository.credentialsById(by.id) : this.repository.credentialsByUsername(by.username);
  }

  /** A successful sign-in, in the caller's transaction (which also audits it). */
  recordLogin(manager: EntityManager, id: number, at: Date): Promise<void> {
    return this.repository.setLastLogin(manager, id, at);
  }

  /** A new password chosen by the user: the temporary-password flag is cleared and sessions end. */
  async changePassword(manager: EntityManager, id: number, passwordHash: string): Promise<void> {
    await this.repository.setPassword(manager, id, passwordHash, false);
    await this.endSessions(manager, id);
  }

  private async requireRolesFitUnit(manager: EntityManager, roles: readonly Role[], unitId: number) {
    const unit = await this.orgs.unit(unitId, manager);
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
      if (await this.repository.usernameTaken(manager, body.username)) {
        throw new DomainError('USERNAME_TAKEN', {
          username: fieldMessage('用户名已被使用', 'This username is taken'),
        });
      }
      const user = await this.repository.insert(manager, {
        username: body.username,
        displayName: body.displayName,
        passwordHash,
        unitId: body.unitId,
        roles: [...new Set(body.roles)],
        phone: body.phone ?? null,
        email: body.email ?? null,
        mustChangePassword: true,
      });
      await this.audit.record(manager, actor, { action: 'user.create', entityType: 'user', entityId: user.id, after: user });
      return user.id;
    });
    return this.get(actor.user, id);
  }

  async update(actor: AuthenticatedActor, id: number, body: UpdateUserRequest): Promise<UserView> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.requireRows(actor.user, 'users.manage', 'app_user', 'unit_id', [id], manager);
      const user = await this.repository.lock(manager, id);
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
      await this.repository.save(manager, user);
      const accessChanged =
        before.unitId !== user.unitId || before.roles.join() !== user.roles.join() || (before.active && !user.active);
      if (accessChanged) await this.endSessions(manager, id);
      await this.audit.record(manager, actor, { action: 'user.update', entityType: 'user', entityId: id, before, after: user });
    });
    return this.get(actor.user, id);
  }

  /** Sets a temporary password the user must change at next sign-in; their sessions end. */
  async resetPassword(actor: AuthenticatedActor, id: number, body: ResetPasswordRequest): Promise<void> {
    const passwordHash = await passwordHasher.hash(body.temporaryPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.access.requireRows(actor.user, 'users.manage', 'app_user', 'unit_id', [id], manager);
      await this.repository.setPassword(manager, id, passwordHash, true);
      await this.endSessions(manager, id);
      await this.audit.record(manager, actor, { action: 'user.reset_password', entityType: 'user', entityId: id });
    });
  }
}
