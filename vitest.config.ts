import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files that read or serve the fixture site: the `site` project builds it once per base path
 * for all of them, in its global setup (tests/setup/fixture-sites.ts).
 */
const FIXTURE_SITE_TESTS = ['tests/browser/**/*.test.ts', 'tests/build/outputs.test.ts'];

export default defineConfig({
  test: {
    // Site builds in the end-to-end tests take several seconds each on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...FIXTURE_SITE_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: FIXTURE_SITE_TESTS,
          globalSetup: ['tests/setup/fixture-sites.ts'],
          // A file may wait for both fixture builds before its own setup runs.
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
