import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError, isOwnAccountPermission } from '@xiaoshi/contracts';
import type { AuthUser } from '../../common/actor.js';
import { ROUTE_ACCESS, type RequestWithUser, type RouteAccess } from '../../common/route-access.decorator.js';
import { TOKEN_ISSUER, authUserFromClaims, type AccessTokenClaims } from './auth.service.js';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/** How many verified tokens are remembered (a few per signed-in user within a token's lifetime). */
const VERIFIED_TOKENS_MAX = 5000;

/**
 * Tokens that passed verification, keyed by the whole token string (header, claims and signature:
 * any change to one is another key), each kept until its own `exp`. A hit skips the HMAC and the
 * JSON parsing, which were most of a cheap authenticated request's CPU. Expiry is checked on every
 * hit exactly as jsonwebtoken checks it (expired at `now >= exp`); access tokens are not revocable
 * before expiry, so a cached verdict is the verdict a fresh verification would give.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { claims: AccessTokenClaims; expiresAtMs: number }>();

  constructor(
    private readonly max = VERIFIED_TOKENS_MAX,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): AccessTokenClaims | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (this.now() >= entry.expiresAtMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.claims;
  }

  set(token: string, claims: AccessTokenClaims & { exp?: number }): void {
    // A token without an expiry is never remembered: its verdict would never be re-examined.
    if (typeof claims.exp !== 'number') return;
    if (this.entries.size >= this.max) this.evict();
    // Shared by every request that presents this token: read-only from here on.
    Object.freeze(claims.roles);
    Object.freeze(claims.unit);
    this.entries.set(token, { claims: Object.freeze(claims), expiresAtMs: claims.exp * 1000 });
  }

  get size(): number {
    return this.entries.size;
  }

  /** Drops the expired entries, then the oldest ones, down to three quarters of the bound. */
  private evict(): void {
    const now = this.now();
    for (const [token, entry] of this.entries) if (now >= entry.expiresAtMs) this.entries.delete(token);
    const target = Math.floor(this.max * 0.75);
    for (const token of this.entries.keys()) {
      if (this.entries.size <= target) break;
      this.entries.delete(token);
    }
  }
}

type AccessOf = { target: Function; access: RouteAccess | undefined };

/**
 * The global guard. Every route must declare its access; a route that declares nothing is refused
 * (fail closed) and the route-inventory test fails the build. Then: a valid access token, the
 * declared permission, and — for accounts on a temporary password — nothing but changing it.
 *
 * Bearer tokens are verified here with @nestjs/jwt (HS256, issuer, expiry) rather than through
 * passport-jwt: the guard runs on every request, and passport's per-request strategy machinery
 * cost more CPU than the verification itself. Sign-in still goes through passport-local.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly verified = new VerifiedTokenCache();
  /** Each handler's declared access, read from the metadata once (it never changes at run time). */
  private readonly accessOf = new WeakMap<Function, AccessOf>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  private routeAccess(context: ExecutionContext): RouteAccess | undefined {
    const handler = context.getHandler();
    const target = context.getClass();
    const known = this.accessOf.get(handler);
    if (known?.target === target) return known.access;
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [handler, target]);
    this.accessOf.set(handler, { target, access });
    return access;
  }

  /**
   * The user of each remembered token's claims, built once: the claims of a cached token are one
   * frozen object shared by its requests, so its user is too (read-only, like the claims).
   */
  private readonly userOfClaims = new WeakMap<AccessTokenClaims, AuthUser>();

  private userOf(token: string): AuthUser {
    let claims = this.verified.get(token);
    if (!claims) {
      try {
        claims = this.jwt.verify<AccessTokenClaims>(token, { algorithms: ['HS256'], issuer: TOKEN_ISSUER });
      } catch {
        throw new DomainError('UNAUTHENTICATED');
      }
      this.verified.set(token, claims);
      // Not remembered (no expiry): a user for this request only.
      if (this.verified.get(token) !== claims) return authUserFromClaims(claims);
    }
    let user = this.userOfClaims.get(claims);
    if (!user) {
      user = Object.freeze(authUserFromClaims(claims));
      this.userOfClaims.set(claims, user);
    }
    return user;
  }

  canActivate(context: ExecutionContext): boolean {
    const access = this.routeAccess(context);
    if (!access) throw new DomainError('FORBIDDEN', undefined, 'route declares no access');
    if (access.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw new DomainError('UNAUTHENTICATED');
    const user = this.userOf(match[1]);
    request.user = user;
    if (!user.permissions.has(access.permission)) throw new DomainError('FORBIDDEN');
    if (user.mustChangePassword && !isOwnAccountPermission(access.permission)) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED');
    }
    return true;
  }
}
