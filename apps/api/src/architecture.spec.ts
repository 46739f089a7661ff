import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shape of the API, checked on every run (docs/architecture.md):
 * - a module owns the tables of the entities declared in its folder, and only it writes them;
 * - SQL lives in repository files (`*.repository.ts`), nowhere else;
 * - a service stays small enough to hold in mind.
 */

const MODULES = fileURLToPath(new URL('./modules/', import.meta.url));
const MAX_SERVICE_LINES = 400;

interface SourceFile {
  module: string;
  file: string;
  text: string;
}

function sourceFiles(): SourceFile[] {
  const files: SourceFile[] = [];
  for (const module of readdirSync(MODULES)) {
    const walk = (directory: string) => {
      for (const name of readdirSync(directory)) {
        const full = path.join(directory, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts')) {
          files.push({ module, file: path.relative(MODULES, full), text: readFileSync(full, 'utf8') });
        }
      }
    };
    if (statSync(path.join(MODULES, module)).isDirectory()) walk(path.join(MODULES, module));
  }
  return files;
}

const files = sourceFiles();

/** table → owning module, and entity class → table, from the @Entity declarations. */
function ownership() {
  const owner = new Map<string, string>();
  const entityTable = new Map<string, string>();
  for (const { module, text } of files) {
    for (const match of text.matchAll(/@Entity\(\s*(?:\{\s*name:\s*)?'([a-z0-9_]+)'/g)) {
      owner.set(match[1], module);
      const declared = /export class (\w+)/.exec(text.slice(match.index + match[0].length));
      if (declared) entityTable.set(declared[1], match[1]);
    }
  }
  return { owner, entityTable };
}

describe('the module map', () => {
  const { owner, entityTable } = ownership();

  it('knows which module owns each table', () => {
    expect(owner.size).toBeGreaterThan(50);
  });

  it('lets no module write another module’s tables', () => {
    const foreign: string[] = [];
    for (const { module, file, text } of files) {
      for (const match of text.matchAll(/\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_][a-z0-9_]*)/gi)) {
        const table = match[1].toLowerCase();
        const tableOwner = owner.get(table);
        if (tableOwner && tableOwner !== module) foreign.push(`${file} writes ${table} (owned by ${tableOwner})`);
      }
      const entityWrite = /\.(?:update|insert|save|delete|increment|decrement|upsert|softDelete|remove)\(\s*([A-Z]\w+)\b/g;
      for (const match of text.matchAll(entityWrite)) {
        const table = entityTable.get(match[1]);
        const tableOwner = table ? owner.get(table) : undefined;
        if (table && tableOwner && tableOwner !== module) foreign.push(`${file} writes ${table} (owned by ${tableOwner})`);
      }
    }
    expect(foreign).toEqual([]);
  });

  it('keeps SQL in repository files', () => {
    const outside = files
      .filter(({ file }) => !file.endsWith('.repository.ts'))
      .flatMap(({ file, text }) => {
        const count = (text.match(/\.query\s*[<(]/g) ?? []).length;
        return count ? [`${file}: ${count}`] : [];
      });
    expect(outside).toEqual([]);
  });

  it('keeps TypeORM calls in repository files (services pass the transaction on, nothing more)', () => {
    const typeorm = /\.(?:find|findOne|findBy|findOneBy|findOneOrFail|findOneByOrFail|findAndCount|count|countBy|exists|existsBy|save|insert|update|upsert|delete|remove|increment|decrement|create|merge|createQueryBuilder|getRepository)\(\s*[A-Z]\w+\s*[,)]/g;
    const outside = files
      .filter(({ file }) => !file.endsWith('.repository.ts') && !file.endsWith('.entity.ts') && !file.endsWith('.entities.ts'))
      .flatMap(({ file, text }) => {
        const count = (text.match(typeorm) ?? []).length;
        return count ? [`${file}: ${count}`] : [];
      });
    expect(outside).toEqual([]);
  });

  it(`keeps every service under ${MAX_SERVICE_LINES} lines`, () => {
    const big = files
      .filter(({ file }) => file.endsWith('.service.ts'))
      .map(({ file, text }) => ({ file, lines: text.split('\n').length }))
      .filter(({ lines }) => lines > MAX_SERVICE_LINES)
      .map(({ file, lines }) => `${file}: ${lines}`);
    expect(big).toEqual([]);
  });
});
