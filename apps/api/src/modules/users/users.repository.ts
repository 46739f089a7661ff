import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrgUnitKind, Role, UserListQuery } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { User } from './user.entity.js';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  unit_id: number;
  unit_name: string;
  roles: Role[];
  phone: string | null;
  email: string | null;
  active: boolean;
  must_change_password: boolean;
  last_login_at: Date | null;
  version: number;
}

/** Who a user is, with their unit: what a session or a worker acting for them needs. */
export interface UserIdentity {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  mustChangePassword: boolean;
  unit: { id: number; name: string; kind: OrgUnitKind };
}

/** What sign-in checks: the password hash and whether the account is active. */
export interface UserCredentials {
  id: number;
  username: string;
  passwordHash: string;
  active: boolean;
}

interface IdentityRow {
  id: number;
  username: string;
  display_name: string;
  roles: Role[];
  active: boolean;
  must_change_password: boolean;
  unit_id: number;
  unit_name: string;
  unit_kind: OrgUnitKind;
}

const USER_COLUMNS = `u.id, u.username, u.display_name, u.unit_id, o.name AS unit_name, u.roles, u.phone, u.email,
  u.active, u.must_change_password, u.last_login_at, u.version`;

const credentialsOf = (user: User): UserCredentials => ({
  id: user.id,
  username: user.username,
  passwordHash: user.passwordHash,
  active: user.active,
});

/** The app_user table: written here and nowhere else. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Users whose unit satisfies `scope` (SQL over u.unit_id with $1), by id, up to `limit + 1`. */
  page(scope: string, unitId: number, query: UserListQuery): Promise<UserRow[]> {
    const params: unknown[] = [unitId];
    const conditions = [scope];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (query.cursor) add('u.id > ?', query.cursor);
    if (query.unitId) add('u.unit_id = ?', query.unitId);
    if (query.role) add('? = ANY(u.roles)', query.role);
    if (query.q) add(`(u.username ILIKE ? OR u.display_name ILIKE ?)`, `%${query.q.replace(/[%_\\]/g, '\\$&')}%`);
    params.push(query.limit + 1);
    return this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM app_user u JOIN org_unit o ON o.id = u.unit_id
       WHERE ${conditions.join(' AND ')} ORDER BY u.id LIMIT $${params.length}`,
      params,
    );
  }

  async row(id: number): Promise<UserRow | null> {
    const [row]: UserRow[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM app_user u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = $1`,
      [id],
    );
    return row ?? null;
  }

  async identity(id: number, manager?: EntityManager): Promise<UserIdentity | null> {
    const [row]: IdentityRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT u.id, u.username, u.display_name, u.roles, u.active, u.must_change_password,
              o.id AS unit_id, o.name AS unit_name, o.kind AS unit_kind
       FROM app_user u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      active: row.active,
      mustChangePassword: row.must_change_password,
      unit: { id: row.unit_id, name: row.unit_name, kind: row.unit_kind },
    };
  }

  async credentialsByUsername(username: string): Promise<UserCredentials | null> {
    const user = await this.dataSource.manager.findOneBy(User, { username });
    return user ? credentialsOf(user) : null;
  }

  async credentialsById(id: number, manager?: EntityManager): Promise<UserCredentials | null> {
    const user = await (manager ?? this.dataSource.manager).findOneBy(User, { id });
    return user ? credentialsOf(user) : null;
  }

  usernameTaken(manager: EntityManager, username: string): Promise<boolean> {
    return manager.existsBy(User, { username });
  }

  insert(manager: EntityManager, fields: Partial<User>): Promise<User> {
    return manager.save(manager.create(User, fields));
  }

  lock(manager: EntityManager, id: number): Promise<User | null> {
    return manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, user: User): Promise<void> {
    await manager.save(user);
  }

  async setPassword(manager: EntityManager, id: number, passwordHash: string, mustChangePassword: boolean): Promise<void> {
    await manager.update(User, { id }, { passwordHash, mustChangePassword });
  }

  async setLastLogin(manager: EntityManager, id: number, at: Date): Promise<void> {
    await manager.update(User, { id }, { lastLoginAt: at });
  }
}
