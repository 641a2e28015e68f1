/**
 * Stryker's Vitest runner, with the per-test coverage of its first run thrown away, so that every
 * mutant runs all the test files of vitest.mutate.config.ts that import the mutated module.
 *
 * Why: the runner names tests by joining suite and test names with a space, and uses those names
 * as Vitest's test-name filter when it runs a mutant against the tests that cover it. Vitest 5
 * matches the filter against names joined with " > " (stryker-js issue 6210), so the filter
 * selects no test and every covered mutant is reported as surviving. `coverageAnalysis: "off"`
 * alone does not help: the runner reports per-test coverage whatever that option says, and
 * Stryker uses coverage whenever a runner reports it. Without it, Stryker gives each mutant no
 * test filter and the runner's `related` option picks the test files, which is what "off" means.
 * Remove this file (and use `testRunner: 'vitest'`) once a runner release fixes issue 6210.
 */
import {
  commonTokens,
  declareFactoryPlugin,
  PluginKind,
  tokens,
} from '@stryker-mutator/api/plugin';
import { strykerPlugins as vitestPlugins } from '@stryker-mutator/vitest-runner';

const vitest = vitestPlugins.find((plugin) => plugin.name === 'vitest');
if (vitest === undefined)
  throw new Error('@stryker-mutator/vitest-runner declares no "vitest" runner');

/** @param {import('@stryker-mutator/api/plugin').Injector} injector */
function createRunner(injector) {
  const runner = vitest.factory(injector);
  return {
    capabilities: () => runner.capabilities(),
    init: () => runner.init(),
    async dryRun(options) {
      const result = await runner.dryRun(options);
      if ('mutantCoverage' in result) delete result.mutantCoverage;
      return result;
    },
    mutantRun: (options) => runner.mutantRun(options),
    dispose: () => runner.dispose(),
  };
}
createRunner.inject = tokens(commonTokens.injector);

export const strykerPlugins = [
  declareFactoryPlugin(PluginKind.TestRunner, 'vitest-whole-files', createRunner),
];
