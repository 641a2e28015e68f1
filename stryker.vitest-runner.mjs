/**
 * Stryker's Vitest runner, with its test-name filter corrected so that each mutant runs only the
 * tests that reached it in the first run (`coverageAnalysis: "perTest"`).
 *
 * Why: the runner names a test by joining its suites' names and its own with a space, and gives
 * Vitest a filter of those names when it runs a mutant. Vitest 5 matches the filter against names
 * joined with " > " (stryker-js issue 6210), so the filter selects no test and every covered
 * mutant is reported as surviving. This wrapper rewrites the filter the runner sets, letting each
 * space of a name stand for either separator: a filter that also matches a test whose own name
 * has " > " in it runs one test more, which costs time and never changes a result.
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

/**
 * The runner's filter (names escaped and joined with `|`; a space is never escaped), with each
 * space matching a space or Vitest's " > ".
 *
 * @param {RegExp | string | undefined} pattern
 * @returns {RegExp | string | undefined}
 */
export function vitestNamePattern(pattern) {
  if (!(pattern instanceof RegExp)) return pattern;
  return new RegExp(pattern.source.replaceAll(' ', '(?: | > )'), pattern.flags);
}

/**
 * Makes every later assignment to `config.testNamePattern` store the corrected filter.
 *
 * @param {{ testNamePattern?: RegExp | string | undefined }} config
 */
export function correctNameFilter(config) {
  let pattern = vitestNamePattern(config.testNamePattern);
  Object.defineProperty(config, 'testNamePattern', {
    configurable: true,
    enumerable: true,
    get: () => pattern,
    set: (value) => {
      pattern = vitestNamePattern(value);
    },
  });
}

/** @param {import('@stryker-mutator/api/plugin').Injector} injector */
function createRunner(injector) {
  const runner = vitest.factory(injector);
  return {
    capabilities: () => runner.capabilities(),
    async init() {
      await runner.init();
      // The runner keeps Vitest's instance in `ctx` and sets the filter on each project's config.
      const { ctx } = /** @type {{ ctx: { projects: { config: object }[] } }} */ (
        /** @type {unknown} */ (runner)
      );
      for (const project of ctx.projects) correctNameFilter(project.config);
    },
    dryRun: (options) => runner.dryRun(options),
    mutantRun: (options) => runner.mutantRun(options),
    dispose: () => runner.dispose(),
  };
}
createRunner.inject = tokens(commonTokens.injector);

export const strykerPlugins = [
  declareFactoryPlugin(PluginKind.TestRunner, 'vitest-per-test', createRunner),
];
