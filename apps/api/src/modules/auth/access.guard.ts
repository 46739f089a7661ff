import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError, isOwnAccountPermission } from '@xiaoshi/contracts';
import { ROUTE_ACCESS, type RequestWithUser, type RouteAccess } from '../../common/route-access.decorator.js';
import { TOKEN_ISSUER, authUserFromClaims, type AccessTokenClaims } from './auth.service.js';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

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
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!access) throw new DomainError('FORBIDDEN', undefined, 'route declares no access');
    if (access.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw new DomainError('UNAUTHENTICATED');
    let claims: AccessTokenClaims;
    try {
      claims = this.jwt.verify<AccessTokenClaims>(match[1], { algorithms: ['HS256'], issuer: TOKEN_ISSUER });
    } catch {
      throw new DomainError('UNAUTHENTICATED');
    }
    const user = authUserFromClaims(claims);
    request.user = user;
    if (!user.permissions.has(access.permission)) throw new DomainError('FORBIDDEN');
    if (user.mustChangePassword && !isOwnAccountPermission(access.permission)) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED');
    }
    return true;
  }
}
