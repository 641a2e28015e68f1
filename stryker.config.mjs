// @ts-check
/**
 * Mutation testing of the pure modules (`npm run mutate`): Stryker plants small bugs in the modules
 * listed in `mutate` and reports each one the unit tests do not notice. Reports go to `reports/`.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  // Stryker's Vitest runner with its test-name filter corrected: see stryker.vitest-runner.mjs.
  testRunner: 'vitest-per-test',
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
  // Each mutant runs only the tests that reached it during the first run; a mutant no test reaches
  // is reported as such without running any. Needs the corrected filter (stryker-js issue 6210).
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: 85 },
};
