import { defineConfig } from 'vitest/config';

/**
 * The unit tests that `npm run mutate` runs against each mutant. Stryker runs every test file here
 * that imports the mutated module (directly or through another module), once per mutant, so only
 * tests that call the code in this process belong here: a test that starts a command in a child
 * process or builds the site sees no mutant and only costs time, and the generated-input tests
 * (thousands of random listings per run) cost seconds per mutant for what the tests named after
 * each rule already check.
 */
export default defineConfig({
  test: {
    include: [
      'tests/slug*.test.ts',
      'tests/importer*.test.ts',
      'tests/retired.test.ts',
      'tests/check/corpus.test.ts',
      'tests/check/duplicate*.test.ts',
      'tests/check/paper*.test.ts',
      'tests/cite/*.test.ts',
      'tests/export/*.test.ts',
      'tests/listing/*.test.ts',
      'tests/topics/*.test.ts',
      'tests/shortlist/share.test.ts',
    ],
    testTimeout: 30_000,
  },
});
