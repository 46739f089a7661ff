import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, isOwnAccountPermission } from '@xiaoshi/contracts';
import { ROUTE_ACCESS, type RequestWithUser, type RouteAccess } from '../../common/route-access.decorator.js';

/**
 * The global guard. Every route must declare its access; a route that declares nothing is refused
 * (fail closed) and the route-inventory test fails the build. Then: a valid access token, the
 * declared permission, and — for accounts on a temporary password — nothing but changing it.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!access) throw new DomainError('FORBIDDEN', undefined, 'route declares no access');
    if (access.kind === 'public') return true;
    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<RequestWithUser>().user!;
    if (!user.permissions.has(access.permission)) throw new DomainError('FORBIDDEN');
    if (user.mustChangePassword && !isOwnAccountPermission(access.permission)) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED');
    }
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error || !user) throw new DomainError('UNAUTHENTICATED');
    return user;
  }
}
