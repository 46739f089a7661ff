import type { IncomingMessage, ServerResponse } from 'node:http';
import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The per-request framework path, kept cheap (issue 13 "cheap requests": ≤ 60 µs of CPU for a
 * route without I/O). What used to run as middleware on every request is computed once here.
 */

/**
 * helmet's headers, computed once: helmet is run a single time against a recording response and
 * its header set is replayed on every reply with `reply.headers()`. Running the middleware per
 * request cost ~10 µs, and its `res.setHeader` calls pushed Node's `writeHead` onto its slow path.
 * Only static options are accepted (no per-request functions such as CSP nonces) — a function
 * would be evaluated once, so it is refused.
 */
export function staticSecurityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const directives = (options.contentSecurityPolicy as { directives?: Record<string, unknown> } | undefined)
    ?.directives;
  for (const [name, value] of Object.entries(directives ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((item) => typeof item === 'function')) {
      throw new Error(
        `helmet directive ${name} is computed per request; staticSecurityHeaders cannot replay it`,
      );
    }
  }
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
    getHeader(name: string) {
      return headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return Object.freeze(headers);
}

/**
 * The headers of documents: the web app's pages and files, Swagger UI and the printable HTML the
 * API renders (vouchers, certificates). helmet's full set, with the policy the app needs.
 */
export const DOCUMENT_SECURITY_HEADERS = staticSecurityHeaders({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      // antd injects its CSS-in-JS as <style> elements; printable documents carry their own <style>.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      scriptSrc: ["'self'"],
    },
  },
});

/**
 * The headers of the API's data replies (JSON, Excel and files under /api/), after OWASP's REST
 * security cheat sheet: nothing in a reply may load, run or be framed (`default-src 'none';
 * frame-ancestors 'none'`), no sniffing, no referrer, readable by this origin only, HTTPS kept.
 * helmet's other headers steer how a browser treats a page (DNS prefetch, origin-keyed agent
 * clusters, IE's download prompt, Flash's cross-domain policy) and mean nothing for data; dropping
 * them saves a kilobyte and about a tenth of a cheap request's time.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': DOCUMENT_SECURITY_HEADERS['strict-transport-security']!,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
});

/** Which set a request's reply starts with: data for /api/ (but Swagger UI), documents otherwise. */
export function securityHeadersFor(url: string): Readonly<Record<string, string>> {
  return url.startsWith('/api/') && !url.startsWith('/api/docs')
    ? API_SECURITY_HEADERS
    : DOCUMENT_SECURITY_HEADERS;
}

/**
 * One log line per request, written when it completes (Fastify's default is two: "incoming
 * request" and "request completed"). The line carries the request as `req` — through the
 * privacy-preserving serializer of pino-nest-logger.ts — with the status and response time.
 * Nothing is built when the level is above `info`.
 */
export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {
    // Folded into the completion line.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const log = reply.log as FastifyReply['log'] & { isLevelEnabled?: (level: string) => boolean };
    if (error) {
      log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    } else if (log.isLevelEnabled ? log.isLevelEnabled('info') : true) {
      log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    }
  }
}

type PluginCallback = (instance: FastifyInstance, options: object, done: (error?: Error) => void) => void;

/**
 * @fastify/multipart in stream mode only (`request.file()`, which is all the API uses), without the
 * two hooks it adds to every request for its disk mode — an async `onRequest` that puts a `close`
 * listener on each response and an async `onResponse` — which exist only to delete the temporary
 * files of `request.saveRequestFiles()`. Disk mode is switched off instead: `saveRequestFiles`
 * throws, so no temporary file can be written that nothing would delete.
 */
export function streamOnlyMultipart(multipart: PluginCallback): PluginCallback {
  const plugin: PluginCallback = (instance, options, done) => {
    const target = instance as unknown as Record<
      'addHook' | 'decorateRequest',
      (name: string, value: unknown) => unknown
    >;
    const { addHook, decorateRequest } = target;
    // The plugin registers everything synchronously; the originals are back before it returns.
    target.addHook = function (this: unknown, name, hook) {
      return name === 'onRequest' || name === 'onResponse' ? instance : addHook.call(this, name, hook);
    };
    target.decorateRequest = function (this: unknown, name, value) {
      const disabled = () =>
        Promise.reject(new Error('multipart disk mode is off: read uploads with request.file()'));
      return decorateRequest.call(this, name, name === 'saveRequestFiles' ? disabled : value);
    };
    try {
      multipart(instance, options, done);
    } finally {
      target.addHook = addHook;
      target.decorateRequest = decorateRequest;
    }
  };
  // Like the plugin itself (fastify-plugin): its decorators and parser belong to the root scope.
  Object.assign(plugin, {
    [Symbol.for('skip-override')]: true,
    [Symbol.for('fastify.display-name')]: '@fastify/multipart',
  });
  return plugin;
}
