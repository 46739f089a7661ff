import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Response types live in the contracts (docs/architecture.md): the API declares them as its return
 * types and the web imports them, so the compiler ties the two. The web's API modules
 * (apps/web/src/api/*.ts and the pages' api.ts) may declare request-side types — queries, filters,
 * params, bodies — but no response shape of their own, named or inline.
 */

const WEB_SRC = fileURLToPath(new URL('../../../apps/web/src/', import.meta.url));

/** Names that say "what an endpoint answers". */
const RESPONSE_NAME =
  /(View|Views|Row|Rows|Item|Items|Outcome|Response|Report|Dashboard|Result|Summary|Counts|Answer)$/;

/**
 * Request-side types whose name happens to end like a response. Only queries, filters and params
 * belong here; nothing does at present.
 */
const ALLOWED = new Set<string>([]);

function walk(directory: string, keep: (file: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(directory)) {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) walk(full, keep, out);
    else if (keep(full)) out.push(full);
  }
  return out;
}

/** The web's API modules: the shared ones and each page folder's api.ts. */
function apiModules(): string[] {
  return walk(WEB_SRC, (file) => {
    const relative = path.relative(WEB_SRC, file).split(path.sep).join('/');
    return (relative.startsWith('api/') && relative.endsWith('.ts')) || relative.endsWith('/api.ts');
  });
}

/** Type and interface declarations (exported or not) whose name reads as a response. */
function responseDeclarations(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(
    /^\s*(?:export\s+)?(?:declare\s+)?(?:interface|type)\s+([A-Za-z_$][\w$]*)/gm,
  )) {
    if (RESPONSE_NAME.test(match[1]) && !ALLOWED.has(match[1])) names.push(match[1]);
  }
  return names;
}

/** Calls like api<{ … }>(…) or anonymous<{ … }>(…): a response shape written inline. */
function inlineResponseShapes(source: string): string[] {
  return [...source.matchAll(/\b(?:api|anonymous)<\s*\{[^>]*\}\s*(?:\[\]\s*)?>/g)].map((match) => match[0]);
}

describe('web response types come from @xiaoshi/contracts', () => {
  it('recognises a response shape declared or written inline', () => {
    const sample = [
      'export interface ObjectionView { id: number }',
      'export type LedgerDashboard = { total: number };',
      'interface ZScoreResponse { reviewers: Record<string, number> }',
      'export interface AuditQuery { limit?: number }',
      'export type ProjectListFilter = ProjectListQuery;',
      "const one = api<{ unread: number }>('/api/notifications/unread-count');",
      "const two = api<ProjectView>('/api/projects/1');",
    ].join('\n');
    expect(responseDeclarations(sample)).toEqual(['ObjectionView', 'LedgerDashboard', 'ZScoreResponse']);
    expect(inlineResponseShapes(sample)).toEqual(['api<{ unread: number }>']);
  });

  it('finds the web API modules', () => {
    const modules = apiModules().map((file) => path.relative(WEB_SRC, file).split(path.sep).join('/'));
    expect(modules).toEqual(
      expect.arrayContaining(['api/awards.ts', 'api/delivery.ts', 'pages/trips/api.ts']),
    );
  });

  it('the web API modules declare no response type of their own', () => {
    const found = apiModules().flatMap((file) =>
      responseDeclarations(readFileSync(file, 'utf8')).map(
        (name) => `${path.relative(WEB_SRC, file)}: ${name}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it('no web call spells its response shape inline', () => {
    const files = walk(WEB_SRC, (file) => /\.tsx?$/.test(file));
    const found = files.flatMap((file) =>
      inlineResponseShapes(readFileSync(file, 'utf8')).map(
        (shape) => `${path.relative(WEB_SRC, file)}: ${shape}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
