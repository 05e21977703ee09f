import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The Apollo packages load graphql's CommonJS build; make Vite use the same copy.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
