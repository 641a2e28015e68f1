// @ts-check
/**
 * Mutation testing of the pure modules (`npm run mutate`): Stryker plants small bugs in the modules
 * listed in `mutate` and reports each one the unit tests do not notice. Reports go to `reports/`.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  // Stryker's Vitest runner without its per-test coverage: see stryker.vitest-runner.mjs.
  testRunner: 'vitest-whole-files',
  plugins: [
    '@stryker-mutator/vitest-runner',
    '@stryker-mutator/typescript-checker',
    './stryker.vitest-runner.mjs',
  ],
  vitest: { configFile: 'vitest.mutate.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutate.json',
  mutate: [
    'src/lib/paper/slug.ts',
    'src/lib/paper/duplicates.ts',
    'src/lib/import/importer.ts',
    'src/lib/cite/bibtex.ts',
    'src/lib/cite/ris.ts',
    'src/lib/topics/assign.ts',
    'src/lib/topics/load.ts',
    'src/lib/topics/prefilter.ts',
    'src/lib/listing/parse.ts',
    'src/lib/listing/split-title.ts',
    'src/lib/check/paper.ts',
    'src/lib/export/*.ts',
  ],
  // Each mutant runs every test file of vitest.mutate.config.ts that imports the mutated module
  // (the runner's `related` option), not only the tests that reached it during the first run: the
  // per-test filter does not work with Vitest 5 (stryker-js issue 6210; stryker.vitest-runner.mjs).
  coverageAnalysis: 'off',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: 85 },
};
