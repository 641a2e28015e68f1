/**
 * Mutation testing stays out of `npm test` and of the pull-request workflow (it takes tens of
 * minutes), runs weekly instead, and tests each module with in-process unit tests only.
 */
import { readFile } from 'node:fs/promises';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import strykerConfig from '../stryker.config.mjs';
import { correctNameFilter, vitestNamePattern } from '../stryker.vitest-runner.mjs';
import mutateVitestConfig from '../vitest.mutate.config.ts';

interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: { run?: string }[] }>;
}

const packageJson = JSON.parse(await readFile('package.json', 'utf8')) as {
  scripts: Record<string, string>;
};

async function workflow(name: string): Promise<Workflow> {
  return load(await readFile(`.github/workflows/${name}`, 'utf8')) as Workflow;
}

function commands(flow: Workflow): string[] {
  return Object.values(flow.jobs).flatMap((job) => job.steps.flatMap((step) => step.run ?? []));
}

describe('npm run mutate', () => {
  it('is not part of npm test, nor of the pull-request workflow', async () => {
    expect(packageJson.scripts.mutate).toBe('stryker run');
    expect(packageJson.scripts.test).not.toMatch(/mutate|stryker/);
    expect(commands(await workflow('site.yml')).join('\n')).not.toMatch(/mutate|stryker/);
  });

  it('runs weekly and on demand, from a clean install', async () => {
    const flow = await workflow('mutation.yml');
    expect(Object.keys(flow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(commands(flow)).toContain('npm ci && npm run mutate');
  });

  it('fails below 85% and writes its reports outside the tracked files', async () => {
    expect(strykerConfig.thresholds?.break).toBe(85);
    expect(strykerConfig.htmlReporter?.fileName).toMatch(/^reports\//);
    expect(strykerConfig.jsonReporter?.fileName).toMatch(/^reports\//);
    expect((await readFile('.gitignore', 'utf8')).split('\n')).toContain('reports/');
  });

  it('mutates only files that exist, and runs no test that starts a child process or a build', async () => {
    const include = mutateVitestConfig.test?.include ?? [];
    expect(include.length).toBeGreaterThan(0);
    for (const pattern of include) expect(pattern).not.toMatch(/browser|build|cli|bench/);
    for (const pattern of strykerConfig.mutate ?? []) {
      const file = String(pattern).replace('*.ts', 'csv.ts');
      await expect(readFile(file, 'utf8')).resolves.toContain('export');
    }
  });
});

describe('the test filter given to Vitest for each mutant', () => {
  // As Stryker's runner writes it: names of suites and test joined with spaces, escaped, or-ed.
  const runnerFilter =
    /runSearch lists papers with every word first|slug keeps \(parenthesised\) words/;

  it('selects the tests that reached the mutant, named as Vitest names them', () => {
    const pattern = vitestNamePattern(runnerFilter);
    expect(pattern).toBeInstanceOf(RegExp);
    const matches = (name: string) => (pattern as RegExp).test(name);
    expect(matches('runSearch > lists papers with every word first')).toBe(true);
    expect(matches('slug > keeps (parenthesised) words')).toBe(true);
    expect(matches('runSearch > finds papers for a sentence none of them contains whole')).toBe(
      false,
    );
    expect(matches('slug > keeps parenthesised words')).toBe(false);
  });

  it('corrects every filter the runner sets later, and leaves "no filter" alone', () => {
    const config: { testNamePattern?: RegExp | string | undefined } = {};
    correctNameFilter(config);
    expect(config.testNamePattern).toBeUndefined();
    config.testNamePattern = runnerFilter;
    expect(String(config.testNamePattern)).not.toBe(String(runnerFilter));
    expect(config.testNamePattern.test('runSearch > lists papers with every word first')).toBe(
      true,
    );
    config.testNamePattern = undefined;
    expect(config.testNamePattern).toBeUndefined();
  });
});
