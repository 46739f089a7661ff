import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Plugin } from 'vite';

const fromHere = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
/** Where `vite dev` forwards /api; the API's own default port unless told otherwise. */
const apiTarget = process.env.XIAOSHI_API_URL ?? 'http://127.0.0.1:3000';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Writes `file.br` (brotli, quality 11) and `file.gz` (gzip, level 9) next to `file`. */
async function writeCompressedCopies(file: string): Promise<void> {
  const data = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(data, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gzipped(data, { level: zlib.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
}

/**
 * Writes compressed copies of every script, stylesheet, HTML, SVG and JSON file of the build, once,
 * so the API serves them compressed (@fastify/static `preCompressed`) without compressing on each
 * request. Every such file gets its copies, however small, so that every script is served the same
 * way.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'xiaoshi:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => /\.(js|mjs|css|html|svg|json)$/.test(name));
      await Promise.all(files.map((name) => writeCompressedCopies(path.join(outDir, name))));
    },
  };
}

const aliases = {
  '@xiaoshi/contracts': fromHere('../../libs/contracts/src/index.ts'),
  '@xiaoshi/domain': fromHere('../../libs/domain/src/index.ts'),
};

/**
 * dist/login.html: index.html with the sign-in page already drawn in #root (src/prerender/login.tsx,
 * built for Node and run once here), served by the API at /login. The first page most visitors
 * load is on screen when its HTML and stylesheet are, not after its scripts have run.
 */
function prerenderLogin(): Plugin {
  let root = '';
  let outDir = '';
  return {
    name: 'xiaoshi:prerender-login',
    apply: (config, env) => env.command === 'build' && !config.build?.ssr,
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      // Its own folder per build (tests build the app into temporary folders side by side).
      const serverOut = path.join(root, 'node_modules', '.prerender', String(process.pid));
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        resolve: { alias: aliases },
        plugins: [
          react(),
          // The pages the sign-in page preloads are not needed to draw it: left out of this build.
          { name: 'xiaoshi:no-dynamic-imports', resolveDynamicImport: () => false },
        ],
        build: { ssr: 'src/prerender/login.tsx', outDir: serverOut, emptyOutDir: true, copyPublicDir: false },
      });
      const entry = pathToFileURL(path.join(serverOut, 'login.js')).href;
      const { renderLoginPage } = (await import(`${entry}?at=${Date.now()}`)) as {
        renderLoginPage: () => string;
      };
      const index = await readFile(path.join(outDir, 'index.html'), 'utf8');
      const empty = '<div id="root"></div>';
      if (!index.includes(empty)) throw new Error('prerender: index.html has no empty #root');
      const page = index.replace(empty, `<div id="root" data-prerendered="login">${renderLoginPage()}</div>`);
      await writeFile(path.join(outDir, 'login.html'), page);
      await writeCompressedCopies(path.join(outDir, 'login.html'));
      await rm(serverOut, { recursive: true, force: true });
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress(), prerenderLogin()],
  resolve: {
    // The shared libraries are consumed from source, so the web build never needs their dist/.
    alias: aliases,
  },
  server: {
    // The API mounts everything under /api itself, so the path is forwarded unchanged.
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    // dist/.vite/manifest.json: which chunks each route loads (the first-page budget test reads it).
    manifest: true,
    emptyOutDir: true,
    // antd is not forced into one chunk: with the pipeline pages it passed 1.1 MB, all of it loaded
    // by the login page. Left to the bundler, each page pulls the components it uses (tables, date
    // pickers, uploads) as shared chunks, and the first load is ~140 kB gzip lighter. The default
    // 500 kB warning stays on, so a chunk that grows like that again is noticed.
    rolldownOptions: {
      // The shared libraries are pure declarations. Saying so lets the bundler drop the modules the
      // web never uses (the zod request schemas, ~28 kB gzip) instead of keeping them for their
      // top-level z.object(...) calls.
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]libs[\\/](contracts|domain)[\\/]src[\\/]/, sideEffects: false }],
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
          ],
        },
      },
    },
  },
});
