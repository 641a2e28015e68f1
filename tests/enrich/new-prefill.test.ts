/** `npm run new -- --arxiv ID`: the new paper pre-filled from arXiv and the Hugging Face index. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArxivFeed } from '../../src/lib/enrich/arxiv.ts';
import { parseHfPaper } from '../../src/lib/enrich/huggingface.ts';
import { prefillFields } from '../../src/lib/enrich/prefill.ts';
import { fakeSourcesEnv, FIXTURE_ROUTES } from '../helpers/enrich-routes.ts';
import { fixture, useFakeSources } from '../helpers/enrich-server.ts';
import { repoRoot } from '../helpers/paths.ts';

const execFileAsync = promisify(execFile);
const start = useFakeSources();

async function runNew(args: readonly string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ['scripts/new.ts', ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const CORPUS = [
  '--papers',
  'tests/fixtures/site-corpus/papers',
  '--taxonomy',
  'content/topics.yaml',
];

describe('prefillFields', () => {
  const arxiv = parseArxivFeed(fixture('arxiv-2106.04321.xml'), 'u')[0];
  const hf = parseHfPaper(fixture('hf-paper-2106.04321.json'), 'u');

  it('fills title, abstract, authors and date from arXiv, code and project page from the index', () => {
    const result = prefillFields({ arxiv: '2106.04321' }, arxiv, hf);
    expect(result.fields).toEqual({
      arxiv: '2106.04321',
      title: 'Spectral Dropout for Graph Neural Networks',
      abstract: 'We drop eigencomponents of the graph Laplacian instead of nodes or edges.',
      date: '2021-06-08',
      authors: 'Ana Ortiz; Bo Chen; Chidi Okafor',
      code: 'https://github.com/example-lab/spectral-dropout',
      projectPage: 'https://example-lab.github.io/spectral-dropout/',
    });
    expect(result.notes).toEqual([
      "arXiv and the Hugging Face index print the title differently; arXiv's is used",
    ]);
  });

  it('never replaces what the contributor typed', () => {
    const result = prefillFields(
      { title: 'My Title', code: 'https://example.org/code' },
      arxiv,
      hf,
    );
    expect(result.fields.title).toBe('My Title');
    expect(result.fields.code).toBe('https://example.org/code');
    expect(result.filled).toEqual(['abstract', 'date', 'authors', 'projectPage']);
  });
});

describe('npm run new -- --arxiv', () => {
  it('shows the paper filled from the sources, for the contributor to confirm', async () => {
    const server = await start(FIXTURE_ROUTES);
    const run = await runNew(['--arxiv', 'arXiv:2106.04321', '--yes', '--dry-run', ...CORPUS], {
      ENRICH_CONTACT: 'curator@example.org',
      ...fakeSourcesEnv(server.url),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Filled from arXiv:2106.04321: --title, --abstract, --date, --authors, --code, --project-page.',
    );
    expect(run.stdout).toContain('title: "Spectral Dropout for Graph Neural Networks"\n');
    expect(run.stdout).toContain('authors:\n  - "Ana Ortiz"\n  - "Bo Chen"\n  - "Chidi Okafor"\n');
    expect(run.stdout).toContain('code: "https://github.com/example-lab/spectral-dropout"\n');
    expect(run.stdout).toContain('---\nWe drop eigencomponents of the graph Laplacian');
    expect(run.stdout).toContain('(dry run: nothing written)');
  });

  it('asks for ENRICH_CONTACT before looking anything up', async () => {
    const run = await runNew(['--arxiv', '2106.04321', '--yes', '--dry-run', ...CORPUS], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ENRICH_CONTACT is not set');
    expect(run.stderr).toContain('Or give --title and --abstract yourself.');
  });
});
