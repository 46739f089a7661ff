import { DiscoveryService } from '@nestjs/core';
import type { z } from 'zod';
import { ROUTE_ACCESS, type RouteAccess } from '../../apps/api/src/common/route-access.decorator.js';
import { BODY_SCHEMA, QUERY_SCHEMA } from '../../apps/api/src/common/validation.js';
import type { TestApp } from './test-app.js';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'] as const;

/** One route of the running API, as its controller declares it. */
export interface DiscoveredRoute {
  method: 'get' | 'post' | 'put' | 'delete' | 'patch';
  /** Express-style path with `:params`. */
  path: string;
  access: RouteAccess;
  /** The zod schemas its body and query are validated with, if any. */
  body: z.ZodType | undefined;
  query: z.ZodType | undefined;
  name: string;
}

/**
 * Every GET/POST/PUT/DELETE/PATCH route of the app's controllers that declares its access (a route
 * without one fails the platform suite), for the suites that probe every route.
 */
export function discoverRoutes(t: TestApp): DiscoveredRoute[] {
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of t.app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as { prototype: Record<string, unknown>; name: string } | null;
    if (!controller) continue;
    const base = (Reflect.getMetadata('path', controller) as string | undefined) ?? '';
    const classAccess = Reflect.getMetadata(ROUTE_ACCESS, controller) as RouteAccess | undefined;
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = controller.prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const own = Reflect.getMetadata('path', handler) as string | undefined;
      if (own === undefined) continue;
      const method = METHODS[Reflect.getMetadata('method', handler) as number];
      const access = (Reflect.getMetadata(ROUTE_ACCESS, handler) as RouteAccess | undefined) ?? classAccess;
      if (!access || !['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].includes(method)) continue;
      const path = `/api/${[base, own].map((part) => part.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`;
      routes.push({
        method: method.toLowerCase() as DiscoveredRoute['method'],
        path,
        access,
        body: Reflect.getMetadata(BODY_SCHEMA, handler) as z.ZodType | undefined,
        query: Reflect.getMetadata(QUERY_SCHEMA, handler) as z.ZodType | undefined,
        name: `${method} ${path} (${controller.name}.${name})`,
      });
    }
  }
  return routes;
}
