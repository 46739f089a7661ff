import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromHere = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
/** Where `vite dev` forwards /api; the API's own default port unless told otherwise. */
const apiTarget = process.env.XIAOSHI_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The shared libraries are consumed from source, so the web build never needs their dist/.
    alias: {
      '@xiaoshi/contracts': fromHere('../../libs/contracts/src/index.ts'),
      '@xiaoshi/domain': fromHere('../../libs/domain/src/index.ts'),
    },
  },
  server: {
    // The API mounts everything under /api itself, so the path is forwarded unchanged.
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
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
