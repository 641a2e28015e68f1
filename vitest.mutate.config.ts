import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Quick test files first, and the file that failed last before them: a mutant is killed by its
 * first failing test (Stryker stops there), and most are killed by a small hand-written test, so
 * a slow file that reads every real paper should run only when nothing quicker noticed the mutant.
 * Vitest's own order is the other way round (longest first, to finish a parallel run sooner).
 */
class QuickFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const rank = (spec: TestSpecification): [number, number] => {
      const result = cache.getTestSpecificationResult(spec);
      if (result === undefined) return [1, 0];
      return [result.failed ? 0 : 1, result.duration];
    };
    return Promise.resolve(
      [...files].sort((a, b) => {
        const [failedA, durationA] = rank(a);
        const [failedB, durationB] = rank(b);
        return failedA - failedB || durationA - durationB;
      }),
    );
  }
}

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
    sequence: { sequencer: QuickFirst },
    testTimeout: 30_000,
  },
});
