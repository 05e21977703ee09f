import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The reference dashboard: built into dist/dashboard/ by `npm run build` (tools/dashboard/build.ts) and
 * served by the gateway under /dashboard/ (gateway/dashboard.ts). Everything it loads is bundled: no CDN.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/dashboard/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    target: ['es2022', 'chrome111', 'firefox115', 'safari16'],
    // ECharts alone is about 600 kB minified; the gateway serves it gzipped.
    chunkSizeWarningLimit: 1500,
    modulePreload: { polyfill: false },
  },
});
