/**
 * A light first page (issue 13): the login route loads at most 300 KiB of gzip-compressed script,
 * and the API serves the build's pre-compressed copies (brotli or gzip, as the browser accepts)
 * with a year's immutable caching for hashed assets and `no-cache` for index.html.
 *
 * The web app is built afresh into a temporary directory (the budget is about what the sources
 * produce now, not about a stale apps/web/dist), and the API serves it from there.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../support/test-app.js';

const root = path.resolve(import.meta.dirname, '../..');
const BUDGET_BYTES = 300 * 1024;
const YEAR_IMMUTABLE = /max-age=31536000.*immutable|immutable.*max-age=31536000/;

interface Manifest {
  [key: string]: {
    file: string;
    name?: string;
    src?: string;
    imports?: string[];
    css?: string[];
    isEntry?: boolean;
  };
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent, still compressed. */
  body: Buffer;
}

/** A GET that leaves the body as transferred (fetch and supertest would decompress it). */
function get(baseUrl: string, pathname: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(`${baseUrl}${pathname}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

function decoded(response: RawResponse): Buffer {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.body);
  if (encoding === 'gzip') return gunzipSync(response.body);
  return response.body;
}

/** The manifest keys a chunk pulls in with static imports, itself included. */
function closure(manifest: Manifest, keys: string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]!.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...seen];
}

describe('the first page is light and served pre-compressed', () => {
  let t: TestApp;
  let dist: string;
  let manifest: Manifest;
  let indexHtml: string;

  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'xiaoshi-web-'));
    await promisify(execFile)(
      'npx',
      ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: path.join(root, 'apps/web'),
        // Jest runs with NODE_ENV=test, which would make Vite bundle React's development build.
        env: { ...process.env, NODE_ENV: 'production' },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    manifest = JSON.parse(await readFile(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
    indexHtml = await readFile(path.join(dist, 'index.html'), 'utf8');
    t = await startTestApp({ listen: true, env: { WEB_DIST_DIR: dist } });
  }, 300_000);

  afterAll(async () => {
    await t?.close();
    if (dist) await rm(dist, { recursive: true, force: true });
  });

  /** What the login route loads: the entry with its imports, then the login page's chunk with its own. */
  function loginScripts(): string[] {
    const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
    const login = Object.keys(manifest).find((key) => manifest[key]!.src === 'src/pages/login/LoginPage.tsx');
    expect(login).toBeDefined();
    return closure(manifest, [entry, login!]).map((key) => `/${manifest[key]!.file}`);
  }

  it('serves index.html compressed and never cached without revalidation', async () => {
    const response = await get(t.baseUrl, '/applications', { 'accept-encoding': 'br, gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(decoded(response).toString('utf8')).toBe(indexHtml);
    // Pages keep helmet's full document set (the API's data replies have a leaner one).
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    for (const header of [
      'x-frame-options',
      'strict-transport-security',
      'cross-origin-opener-policy',
      'x-dns-prefetch-control',
    ])
      expect({ header, present: typeof response.headers[header] }).toEqual({ header, present: 'string' });
  });

  it('serves the sign-in page already drawn: index.html with the form in #root, compressed, revalidated', async () => {
    const response = await get(t.baseUrl, '/login?next=%2Fapplications', { 'accept-encoding': 'br, gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const html = decoded(response).toString('utf8');
    const drawn = /<div id="root" data-prerendered="login">([\s\S]*)<\/div>\s*<noscript>/.exec(html);
    expect(drawn).not.toBeNull();
    // The same document as index.html around it: the same scripts, stylesheet and title.
    expect(html.replace(drawn![0], '<div id="root"></div>\n    <noscript>')).toBe(indexHtml);
    // The form a visitor can read before any script has run, in Chinese.
    for (const text of [
      '登录',
      '用户名',
      '密码',
      'id="login_username"',
      'id="login_password"',
      'type="submit"',
    ])
      expect(drawn![1]).toContain(text);
  });

  it('loads the scripts index.html names: the entry and its modulepreloads, nothing else', () => {
    const named = [
      ...indexHtml.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g),
    ].map((match) => match[1]);
    const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
    const expected = closure(manifest, [entry]).map((key) => `/${manifest[key]!.file}`);
    expect(new Set(named)).toEqual(new Set(expected));
  });

  it('sends each script of the login route as brotli, cached for a year as immutable', async () => {
    for (const script of loginScripts()) {
      const response = await get(t.baseUrl, script, { 'accept-encoding': 'gzip, deflate, br' });
      expect({ script, status: response.status, encoding: response.headers['content-encoding'] }).toEqual({
        script,
        status: 200,
        encoding: 'br',
      });
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.headers['cache-control']).toMatch(YEAR_IMMUTABLE);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(decoded(response).equals(await readFile(path.join(dist, script)))).toBe(true);
    }
  });

  it('falls back to gzip, and to the plain file for a client that accepts neither', async () => {
    const [script] = loginScripts();
    const gzip = await get(t.baseUrl, script!, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await get(t.baseUrl, script!, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const original = await readFile(path.join(dist, script!));
    expect(decoded(gzip).equals(original)).toBe(true);
    expect(plain.body.equals(original)).toBe(true);
    expect(plain.headers['cache-control']).toMatch(YEAR_IMMUTABLE);
  });

  it('keeps the login route within 300 KiB of gzip-compressed script, without ECharts', async () => {
    const scripts = loginScripts();
    let total = 0;
    for (const script of scripts) {
      const response = await get(t.baseUrl, script, { 'accept-encoding': 'gzip' });
      expect(response.headers['content-encoding']).toBe('gzip');
      total += response.body.length;
    }
    const names = closure(
      manifest,
      Object.keys(manifest).filter((key) => scripts.includes(`/${manifest[key]!.file}`)),
    ).map((key) => manifest[key]!.name ?? key);
    expect(names.filter((name) => /echarts?/i.test(name))).toEqual([]);
    // In KiB, so that a failure says by how much.
    expect(Math.ceil(total / 1024)).toBeLessThanOrEqual(BUDGET_BYTES / 1024);
  });

  it('does not serve the compressed copies or the build manifest as files of their own', async () => {
    const [script] = loginScripts();
    expect((await get(t.baseUrl, `${script}.br`)).status).toBe(404);
    expect((await get(t.baseUrl, `${script}.gz`)).status).toBe(404);
    // Not a file the server hands out (unknown paths get the app's index.html).
    const manifestResponse = await get(t.baseUrl, '/.vite/manifest.json');
    expect(decoded(manifestResponse).toString('utf8')).not.toContain('isEntry');
  });
});
