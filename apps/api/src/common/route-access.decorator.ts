import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Permission } from '@xiaoshi/contracts';
import type { FastifyRequest } from 'fastify';
import type { Actor, AuthUser } from './actor.js';

export const ROUTE_ACCESS = 'xiaoshi:route-access';

export type RouteAccess = { kind: 'public' } | { kind: 'permission'; permission: Permission };

/** The route needs a signed-in user holding this permission. */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(ROUTE_ACCESS, { kind: 'permission', permission } satisfies RouteAccess);

/** The route is deliberately open to anyone (login, public notices, health). */
export const Public = () => SetMetadata(ROUTE_ACCESS, { kind: 'public' } satisfies RouteAccess);

export type RequestWithUser = FastifyRequest & { user?: AuthUser };

export function actorOf(request: RequestWithUser): Actor {
  return { user: request.user ?? null, requestId: String(request.id), ip: request.ip };
}

/** The acting user with the request id and client address, for services and the audit log. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return actorOf(context.switchToHttp().getRequest<RequestWithUser>());
});
