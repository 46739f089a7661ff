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
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { passwordHasher } from '../users/password-hasher.js';
import type { UserCredentials } from '../users/users.repository.js';
import { UsersService } from '../users/users.service.js';
import { LoginThrottleService, loginSubject } from './login-throttle.service.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

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
    private readonly tokens: RefreshTokensRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // The users module ends a user's sessions through us when their access changes.
    users.whenSessionsMustEnd((manager, userId) => this.endSessions(manager, userId));
  }

  /** Ends every signed-in session of the user (their refresh tokens stop working). */
  endSessions(manager: EntityManager, userId: number): Promise<void> {
    return this.tokens.revokeAllOf(manager, userId);
  }

  /**
   * passport-local's verify step. Throttled attempts are refused (429, Retry-After) before the
   * password is looked at; a wrong password or an unknown name is the same generic 401. Nothing
   * here ever locks an account for everyone: see LoginThrottleService.
   */
  async validateLogin(username: string, password: string, actor: Actor): Promise<UserCredentials> {
    await this.throttle.admitAddress(actor.ip);
    const name = username.trim().toLowerCase();
    const user = await this.users.credentials({ username: name });
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
      await this.users.recordLogin(manager, user.id, new Date());
      await this.audit.record(manager, { ...actor, user: { id: user.id, username: user.username } as AuthUser }, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
      });
    });
    return user;
  }

  async sessionUserOf(userId: number): Promise<{ claims: AccessTokenClaims }> {
    const user = await this.users.identity(userId);
    if (!user) throw new DomainError('REFRESH_TOKEN_INVALID');
    return {
      claims: {
        sub: String(user.id),
        usr: user.username,
        dn: user.displayName,
        roles: user.roles,
        unit: user.unit,
        mcp: user.mustChangePassword,
      },
    };
  }

  private async issue(userId: number, familyId: string, ip: string): Promise<IssuedSession> {
    const { claims } = await this.sessionUserOf(userId);
    const accessToken = await this.jwt.signAsync(claims);
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.auth.refreshTtlDays * 86_400_000);
    await this.tokens.insert({
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
  startSession(user: Pick<UserCredentials, 'id'>, actor: Actor): Promise<IssuedSession> {
    return this.issue(user.id, randomUUID(), actor.ip);
  }

  /**
   * Rotates a refresh token. A token presented a second time means it was copied: the whole
   * family is revoked, so both the thief and the owner must sign in again.
   */
  async refresh(presented: string | undefined, actor: Actor): Promise<IssuedSession> {
    if (!presented) throw new DomainError('REFRESH_TOKEN_INVALID');
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.lockByHash(manager, hashToken(presented));
      if (!token) return { ok: false as const };
      if (token.usedAt) {
        await this.tokens.revokeFamily(manager, token.familyId);
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
      const owner = await this.users.identity(token.userId, manager);
      if (!owner?.active) return { ok: false as const };
      await this.tokens.markUsed(manager, token.id, new Date());
      return { ok: true as const, userId: token.userId, familyId: token.familyId };
    });
    if (!outcome.ok) throw new DomainError('REFRESH_TOKEN_INVALID');
    return this.issue(outcome.userId, outcome.familyId, actor.ip);
  }

  /** Ends the session: the presented token's whole family is revoked. */
  async logout(presented: string | undefined, actor: Actor): Promise<void> {
    if (!presented) return;
    await this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.familyOf(manager, hashToken(presented));
      if (!token) return;
      await this.tokens.revokeFamily(manager, token.familyId);
      await this.audit.record(manager, actor, { action: 'auth.logout', entityType: 'user', entityId: token.userId });
    });
  }

  async changePassword(actor: AuthenticatedActor, body: ChangePasswordRequest): Promise<void> {
    const user = await this.users.credentials({ id: actor.user.id });
    if (!user) throw new DomainError('NOT_FOUND');
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
      await this.users.changePassword(manager, user.id, passwordHash);
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
