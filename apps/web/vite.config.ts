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
    emptyOutDir: true,
    // antd alone is ~800 kB minified; it is split into its own long-cached chunk below.
    chunkSizeWarningLimit: 1200,
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
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|dayjs)[\\/]/ },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
          ],
        },
      },
    },
  },
});
