// @ts-check
/**
 * Mutation testing of the pure modules (`npm run mutate`): Stryker plants small bugs in the modules
 * listed in `mutate` and reports each one the unit tests do not notice. Reports go to `reports/`.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutate.json',
  mutate: [
    'src/lib/slug.ts',
    'src/lib/duplicates.ts',
    'src/lib/importer.ts',
    'src/lib/cite/bibtex.ts',
    'src/lib/cite/ris.ts',
    'src/lib/topics/assign.ts',
    'src/lib/listing/parse.ts',
    'src/lib/listing/split-title.ts',
    'src/lib/check/paper.ts',
    'src/lib/export/*.ts',
  ],
  // Per-test coverage would let each mutant run only the tests that reach it, but the Vitest
  // runner builds its test-name filter by joining suite and test names with a space while Vitest 5
  // matches the filter against names joined with " > " (stryker-js issue 6210): the filter matches
  // no test, so every covered mutant would be reported as surviving. With coverage analysis off,
  // each mutant runs every test file of vitest.mutate.config.ts that imports the mutated module
  // (the runner's `related` option), which gives correct verdicts at an affordable cost.
  coverageAnalysis: 'off',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: 85 },
};
