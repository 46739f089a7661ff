import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
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
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { Actor, AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { REDIS_FAST } from '../../redis/redis.module.js';
import { AuditService } from '../audit/audit.service.js';
import { passwordHasher } from '../users/password-hasher.js';
import { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
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

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly failuresByIp: RateLimiterRedis;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_FAST) redis: Redis,
  ) {
    const limits = {
      points: config.auth.loginIpMaxFailures,
      duration: config.auth.loginIpWindowMinutes * 60,
    };
    this.failuresByIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redis.prefix}:login-failures-ip`,
      ...limits,
      // When Redis is away, count in memory rather than letting sign-in fail or go unthrottled.
      insuranceLimiter: new RateLimiterMemory(limits),
    });
  }

  /** passport-local's verify step: the password, the account lock and the per-IP throttle. */
  async validateLogin(username: string, password: string, actor: Actor): Promise<User> {
    const ipState = await this.failuresByIp.get(actor.ip);
    if (ipState && ipState.consumedPoints >= this.config.auth.loginIpMaxFailures) {
      throw new DomainError('TOO_MANY_REQUESTS');
    }
    const user = await this.dataSource.manager.findOneBy(User, { username: username.trim().toLowerCase() });
    if (!user) {
      await passwordHasher.burnTime(password);
      await this.countIpFailure(actor.ip);
      await this.audit.recordAlone(actor, { action: 'auth.login_failed', entityType: 'user', after: { username } });
      throw new DomainError('INVALID_CREDENTIALS');
    }
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      throw new DomainError('ACCOUNT_LOCKED');
    }
    if (!(await passwordHasher.verify(user.passwordHash, password))) {
      await this.countIpFailure(actor.ip);
      const locked = await this.countAccountFailure(user, actor);
      throw new DomainError(locked ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
    }
    // Checked only after the password, so a disabled account reveals nothing to a guesser.
    if (!user.active) throw new DomainError('ACCOUNT_DISABLED');
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() });
      await this.audit.record(manager, { ...actor, user: { id: user.id, username: user.username } as AuthUser }, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
      });
    });
    return user;
  }

  private async countIpFailure(ip: string): Promise<void> {
    try {
      await this.failuresByIp.consume(ip);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) this.logger.warn({ err: error }, 'login IP limiter failed');
    }
  }

  /** Atomically counts a failure; locks the account (and restarts the count) at the limit. */
  private async countAccountFailure(user: User, actor: Actor): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [[row]]: [[{ locked: boolean }]] = await manager.query(
        `UPDATE app_user SET
           locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END,
           failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END
         WHERE id = $1
         RETURNING locked_until IS NOT NULL AND locked_until > now() AS locked`,
        [user.id, this.config.auth.loginMaxFailures, this.config.auth.loginLockMinutes],
      );
      await this.audit.record(manager, actor, {
        action: row.locked ? 'auth.account_locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
      });
      return row.locked;
    });
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
