/**
 * The GitHub workflow that tests and deploys the site: the settings that, when wrong, break a
 * deployment in ways only a maintainer of a private repository or an interrupted deploy notices.
 */
import { readFile } from 'node:fs/promises';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface Job {
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  steps: { uses?: string; env?: Record<string, string> }[];
}

interface Workflow {
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

const workflow = load(await readFile('.github/workflows/site.yml', 'utf8')) as Workflow;
const deploy = workflow.jobs.deploy;

describe('the deploy job', () => {
  it('may read the repository, so checkout works on a private one', () => {
    expect(deploy?.permissions).toMatchObject({
      contents: 'read',
      pages: 'write',
      'id-token': 'write',
    });
  });

  it('is never cancelled halfway by a newer push (the Pages starter concurrency)', () => {
    expect(deploy?.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    // A workflow-wide group with cancel-in-progress would cancel the deploy job too.
    expect(workflow.concurrency).toBeUndefined();
  });

  it('builds with the address GitHub Pages gives', () => {
    const build = deploy?.steps.find((step) => step.env?.SITE_URL !== undefined);
    expect(build?.env?.SITE_URL).toContain('steps.pages.outputs.origin');
    expect(build?.env?.BASE_PATH).toContain('steps.pages.outputs.base_path');
  });
});
