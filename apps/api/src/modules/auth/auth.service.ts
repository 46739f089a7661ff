import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  permissionsOf,
  type ChangePasswordRequest,
  type LoginResponse,
  type OrgUnitKind,
  type Role,
  type SessionUser,
} from '@xiaoshi/contracts';
import type { DataSource } from 'typeorm';
import type { Actor, AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { passwordHasher } from '../users/password-hasher.js';
import { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { LoginThrottleService, loginSubject } from './login-throttle.service.js';
import { RefreshToken } from './refresh-token.entity.js';

export const TOKEN_ISSUER = 'xiaoshi';

/** Claims carried by the access token; enough to answer /api/me and authorise without I/O. */
export interface AccessTokenClaims {
  sub: string;
  usr: string;
  dn: string;
  roles: Role[];
  unit: { id: number; name: string; kind: OrgUnitKind };
  mcp: boolean;
}

export interface IssuedSession extends LoginResponse {
  refreshToken: string;
  refreshExpiresAt: Date;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** An unknown name costs the same time as a wrong password, and is just as wrong. */
async function burnTime(password: string): Promise<false> {
  await passwordHasher.burnTime(password);
  return false;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * passport-local's verify step. Throttled attempts are refused (429, Retry-After) before the
   * password is looked at; a wrong password or an unknown name is the same generic 401. Nothing
   * here ever locks an account for everyone: see LoginThrottleService.
   */
  async validateLogin(username: string, password: string, actor: Actor): Promise<User> {
    await this.throttle.admitAddress(actor.ip);
    const name = username.trim().toLowerCase();
    const user = await this.dataSource.manager.findOneBy(User, { username: name });
    const subject = loginSubject(name, user);
    await this.throttle.admitAccount(subject, actor.ip);
    const valid = user ? await passwordHasher.verify(user.passwordHash, password) : await burnTime(password);
    if (!user || !valid) {
      const { pairClosed } = await this.throttle.failed(subject, actor.ip);
      await this.audit.recordAlone(actor, {
        action: pairClosed ? 'auth.login_throttled' : 'auth.login_failed',
        entityType: 'user',
        ...(user ? { entityId: user.id } : { after: { username } }),
      });
      throw new DomainError('INVALID_CREDENTIALS');
    }
    // Checked only after the password, so a disabled account reveals nothing to a guesser.
    if (!user.active) throw new DomainError('ACCOUNT_DISABLED');
    await this.throttle.succeeded(subject, actor.ip);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { lastLoginAt: new Date() });
      await this.audit.record(manager, { ...actor, user: { id: user.id, username: user.username } as AuthUser }, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
      });
    });
    return user;
  }

  async sessionUserOf(userId: number): Promise<{ user: User; claims: AccessTokenClaims }> {
    const user = await this.dataSource.manager.findOne(User, { where: { id: userId }, relations: { unit: true } });
    if (!user || !user.unit) throw new DomainError('REFRESH_TOKEN_INVALID');
    return {
      user,
      claims: {
        sub: String(user.id),
        usr: user.username,
        dn: user.displayName,
        roles: user.roles,
        unit: { id: user.unit.id, name: user.unit.name, kind: user.unit.kind },
        mcp: user.mustChangePassword,
      },
    };
  }

  private async issue(userId: number, familyId: string, ip: string): Promise<IssuedSession> {
    const { claims } = await this.sessionUserOf(userId);
    const accessToken = await this.jwt.signAsync(claims);
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.auth.refreshTtlDays * 86_400_000);
    await this.dataSource.manager.insert(RefreshToken, {
      userId,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: refreshExpiresAt,
      createdIp: ip,
    });
    return {
      accessToken,
      expiresIn: this.config.auth.accessTtlSeconds,
      user: sessionUserFromClaims(claims),
      refreshToken,
      refreshExpiresAt,
    };
  }

  /** A new login: a new refresh-token family. */
  startSession(user: User, actor: Actor): Promise<IssuedSession> {
    return this.issue(user.id, randomUUID(), actor.ip);
  }

  /**
   * Rotates a refresh token. A token presented a second time means it was copied: the whole
   * family is revoked, so both the thief and the owner must sign in again.
   */
  async refresh(presented: string | undefined, actor: Actor): Promise<IssuedSession> {
    if (!presented) throw new DomainError('REFRESH_TOKEN_INVALID');
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOne(RefreshToken, {
        where: { tokenHash: hashToken(presented) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) return { ok: false as const };
      if (token.usedAt) {
        await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [
          token.familyId,
        ]);
        await this.audit.record(manager, actor, {
          action: 'auth.refresh_reuse_detected',
          entityType: 'user',
          entityId: token.userId,
          after: { familyId: token.familyId },
        });
        return { ok: false as const };
      }
      if (token.revokedAt) return { ok: false as const };
      if (token.expiresAt.getTime() <= Date.now()) return { ok: false as const };
      const owner = await manager.findOneBy(User, { id: token.userId });
      if (!owner?.active) return { ok: false as const };
      await manager.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
      return { ok: true as const, userId: token.userId, familyId: token.familyId };
    });
    if (!outcome.ok) throw new DomainError('REFRESH_TOKEN_INVALID');
    return this.issue(outcome.userId, outcome.familyId, actor.ip);
  }

  /** Ends the session: the presented token's whole family is revoked. */
  async logout(presented: string | undefined, actor: Actor): Promise<void> {
    if (!presented) return;
    await this.dataSource.transaction(async (manager) => {
      const [token]: Array<{ family_id: string; user_id: number }> = await manager.query(
        `SELECT family_id, user_id FROM refresh_token WHERE token_hash = $1`,
        [hashToken(presented)],
      );
      if (!token) return;
      await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [
        token.family_id,
      ]);
      await this.audit.record(manager, actor, { action: 'auth.logout', entityType: 'user', entityId: token.user_id });
    });
  }

  async changePassword(actor: AuthenticatedActor, body: ChangePasswordRequest): Promise<void> {
    const user = await this.dataSource.manager.findOneByOrFail(User, { id: actor.user.id });
    if (!(await passwordHasher.verify(user.passwordHash, body.currentPassword))) {
      throw new DomainError('VALIDATION_FAILED', {
        currentPassword: fieldMessage('当前密码不正确', 'The current password is wrong'),
      });
    }
    if (body.currentPassword === body.newPassword) {
      throw new DomainError('VALIDATION_FAILED', {
        newPassword: fieldMessage('新密码不能与当前密码相同', 'The new password must differ from the current one'),
      });
    }
    const passwordHash = await passwordHasher.hash(body.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { passwordHash, mustChangePassword: false });
      await this.users.revokeSessions(manager, user.id);
      await this.audit.record(manager, actor, { action: 'user.change_password', entityType: 'user', entityId: user.id });
    });
  }
}

export function sessionUserFromClaims(claims: AccessTokenClaims): SessionUser {
  return {
    id: Number(claims.sub),
    username: claims.usr,
    displayName: claims.dn,
    roles: claims.roles,
    permissions: permissionsOf(claims.roles),
    unit: claims.unit,
    mustChangePassword: claims.mcp,
  };
}

/** The request's user, rebuilt from verified claims. Permission sets are memoised per role set. */
const permissionCache = new Map<string, ReadonlySet<ReturnType<typeof permissionsOf>[number]>>();
export function authUserFromClaims(claims: AccessTokenClaims): AuthUser {
  const key = claims.roles.join(',');
  let permissions = permissionCache.get(key);
  if (!permissions) {
    permissions = new Set(permissionsOf(claims.roles));
    permissionCache.set(key, permissions);
  }
  return {
    id: Number(claims.sub),
    username: claims.usr,
    displayName: claims.dn,
    roles: claims.roles,
    permissions,
    unit: claims.unit,
    mustChangePassword: claims.mcp,
  };
}
