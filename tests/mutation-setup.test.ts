/**
 * Mutation testing stays out of `npm test` and of the pull-request workflow (it takes tens of
 * minutes), runs weekly instead, and tests each module with in-process unit tests only.
 */
import { readFile } from 'node:fs/promises';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import strykerConfig from '../stryker.config.mjs';
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
