import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DomainError } from '@xiaoshi/contracts';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

export interface OriginFacts {
  /** The Origin header, if any. */
  origin: string | undefined;
  /** The Sec-Fetch-Site header, if any (set by the browser; scripts cannot forge it). */
  secFetchSite: string | undefined;
  /** scheme://host[:port] the request was addressed to (Host / X-Forwarded-* when the proxy is trusted). */
  ownOrigin: string;
  /** Configured origins that may also call (the public URL behind a reverse proxy). */
  allowedOrigins: readonly string[];
}

function normalised(origin: string): string | null {
  if (!URL.canParse(origin)) return null;
  const url = new URL(origin);
  return /^https?:$/.test(url.protocol) ? url.origin : null;
}

/**
 * Whether a request comes from another site's page, following the algorithm of Go's
 * http.CrossOriginProtection (net/http, Go 1.25):
 * 1. an Origin on the configured list is accepted;
 * 2. a browser that sends Sec-Fetch-Site is believed: `same-origin` and `none` (typed or
 *    bookmarked) pass, `same-site` and `cross-site` do not;
 * 3. without Sec-Fetch-Site (older browsers), a present Origin must be the request's own origin;
 * 4. with neither header it is not a browser, so no ambient cookie was sent on anyone's behalf.
 */
export function isCrossSite(facts: OriginFacts): boolean {
  const origin = facts.origin === undefined ? null : normalised(facts.origin);
  if (origin && facts.allowedOrigins.includes(origin)) return false;
  const site = facts.secFetchSite?.trim().toLowerCase();
  if (site) return site !== 'same-origin' && site !== 'none';
  if (facts.origin === undefined) return false;
  // 'null' (sandboxed frames, cross-origin redirects) and anything unparsable are foreign.
  return origin === null || origin !== normalised(facts.ownOrigin);
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Refuses cross-site requests on the routes that act on the refresh cookie (refresh, logout) or
 * set it (login): the cookie is SameSite=Strict already; this is the second lock, for browsers or
 * set-ups (same-site subdomains) where SameSite alone is not enough.
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const crossSite = isCrossSite({
      origin: header(request.headers.origin),
      secFetchSite: header(request.headers['sec-fetch-site']),
      ownOrigin: `${request.protocol}://${request.host}`,
      allowedOrigins: this.config.auth.allowedOrigins,
    });
    if (crossSite) throw new DomainError('CROSS_SITE_REQUEST');
    return true;
  }
}
