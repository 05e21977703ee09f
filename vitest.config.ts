import { defineConfig } from 'vitest/config';

/**
 * Three projects (inline projects inherit this root config: resolve.alias, pool, timeouts):
 * - unit (test/unit): pure code (statistics, NIP, schema composition); no database, no seed. `npm run test:unit`.
 * - integration (test/integration): one real PostgreSQL for the run, migrated and seeded once by the global setup.
 * - browser (test/browser): the reference dashboard in headless Chromium against the real platform, on its own
 *   database like integration (it needs `npm run build` first: the gateway serves dist/dashboard).
 * Vitest starts every selected project's global setup before any test, so `npm test` runs the projects one
 * after the other (unit first): a plain `vitest run` would make the unit tests wait for the seed.
 */
export default defineConfig({
  resolve: {
    // The Apollo packages load graphql's CommonJS build; make Vite use the same copy.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        // Pure modules, imported once by one worker (no per-file isolation): about half the time. A test that
        // registers its own type-graphql classes belongs in integration (type-graphql's metadata is global).
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], pool: 'threads', isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
