/**
 * `npm run enrich` end to end: the command on a copy of the fixture papers, against a local
 * server that answers as the three sources do, including their failures.
 */
import { execFile } from 'node:child_process';
import { cp, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../src/lib/paper/dates.ts';
import { readPaperFile } from '../../src/lib/paper/paper-file.ts';
import { fakeSourcesEnv, FIXTURE_ROUTES as ROUTES } from '../helpers/enrich-routes.ts';
import { useFakeSources } from '../helpers/enrich-server.ts';
import { repoRoot } from '../helpers/paths.ts';
import { snapshotDir, useTempDirs } from '../helpers/temp.ts';
import { acquireRunLock } from '../../src/lib/command/run-lock.ts';

const execFileAsync = promisify(execFile);
const start = useFakeSources();
const tempDir = useTempDirs();
const fixturePapers = path.join(repoRoot, 'tests/fixtures/enrich/papers');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function enrich(args: readonly string[], env: Record<string, string>): Promise<Run> {
  try {
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      ['scripts/enrich.ts', ...args],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

async function setUp(routes = ROUTES) {
  const dir = await tempDir('enrich');
  const papers = path.join(dir, 'papers');
  await cp(fixturePapers, papers, { recursive: true });
  const server = await start(routes);
  const env = { ENRICH_CONTACT: 'curator@example.org', ...fakeSourcesEnv(server.url) };
  const files = [
    '--papers',
    papers,
    '--cache',
    path.join(dir, 'cache.json'),
    '--report',
    path.join(dir, 'report.md'),
  ];
  return { dir, papers, server, env, files };
}

function withoutContact(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'ENRICH_CONTACT'));
}

async function paper(dir: string, slug: string) {
  const result = readPaperFile(await readFile(path.join(dir, `${slug}.md`), 'utf8'));
  if (!result.ok) throw new Error(`${slug} does not read back`);
  return result.data;
}

describe('npm run enrich', () => {
  it('fills what the papers lack from confirmed records, and only that', async () => {
    const { dir, papers, server, env, files } = await setUp();
    const before = await snapshotDir(papers);
    const run = await enrich(files, env);
    expect(run.stderr).toContain('[1/7] entropic-regularization-of-wasserstein-barycenters');
    expect(run.code).toBe(0);
    const today = todayIso();

    expect(await paper(papers, 'spectral-dropout-for-graph-neural-networks')).toEqual({
      title: 'Spectral Dropout for Graph Neural Networks',
      date: '2021-06-08',
      authorCount: 3,
      authors: ['Ana Ortiz', 'Bo Chen', 'Chidi Okafor'],
      upvotes: 42,
      upvotesOn: today,
      topics: ['dropout'],
      arxiv: '2106.04321',
      arxivCategory: 'cs.LG',
      doi: '10.5555/sdgnn.2021.17',
      url: 'https://proceedings.example.org/paper/2021/spectral-dropout',
      code: 'https://github.com/example-lab/spectral-dropout',
      projectPage: 'https://example-lab.github.io/spectral-dropout/',
      venue: 'Neural Information Processing Systems 2021',
      sources: ['2026-11-22-hf-papers-blocks.txt'],
      added: '2026-11-22',
    });
    // After a 429: the full date replaces the listing's "Jan 13", which it agrees with.
    expect(await paper(papers, 'label-smoothing-under-distribution-shift')).toMatchObject({
      date: '2023-01-13',
      arxiv: '2301.05555',
      authors: ['Inês Duarte', 'Jonas van der Berg'],
      upvotes: 11,
      code: 'https://github.com/example-lab/ls-shift',
    });
    expect(
      (await paper(papers, 'label-smoothing-under-distribution-shift')).dateText,
    ).toBeUndefined();
    // Found through arXiv while the index's search was down, confirmed by the index.
    expect(await paper(papers, 'entropic-regularization-of-wasserstein-barycenters')).toMatchObject(
      {
        arxiv: '1905.07777',
        arxivCategory: 'math.OC',
        authors: ['Kaito Mori', 'Lucía Fernández'],
        upvotes: 0,
      },
    );
    // A hand-typed venue stays; arXiv still gives what the index's broken answer could not.
    expect(await paper(papers, 'stochastic-depth-with-learned-rates')).toMatchObject({
      venue: 'A Workshop Typed By Hand 2020',
      authors: ['Mei Tanaka'],
      authorCount: 1,
      arxivCategory: 'cs.CV',
    });
    // A near miss, two candidates and nothing found leave their files untouched.
    const after = await snapshotDir(papers);
    for (const slug of [
      'weight-decay-is-all-you-need',
      'mixing-patches-for-robust-vision',
      'orthogonal-penalties-in-tiny-recurrent-networks',
    ])
      expect(after.get(`${slug}.md`)).toBe(before.get(`${slug}.md`));
    expect([...after.keys()]).toEqual([...before.keys()]);

    const report = await readFile(path.join(dir, 'report.md'), 'utf8');
    expect(report).toContain(
      '- Hugging Face, arXiv:2203.01111: Weight Decay Is Almost All You Need (2 authors, 2022). Not accepted: the title differs.',
    );
    expect(report).toContain(
      'arXiv:2204.00001: Mixing Patches for Robust Vision (1 author, 2022). Not accepted: 2 records match equally well.',
    );
    expect(report).toContain('arXiv:2204.00002: Mixing patches for robust vision');
    expect(report).toMatch(
      /## label-smoothing-under-distribution-shift\n\n.*\n\n- OpenAlex failed: no answer within 1.5 s after 2 attempts\./,
    );
    expect(report).toContain('- Hugging Face failed: malformed answer: not JSON');
    expect(run.stdout).toContain(
      'Hugging Face: 3 accepted, 2 candidates to review, 1 not found, 0 skipped, 1 errors',
    );
    expect(run.stdout).toContain('filled 26 fields in 4 of 7 papers');
    expect(
      server.requests.every((request) => request.userAgent.includes('mailto:curator@example.org')),
    ).toBe(true);
  });

  it('changes no byte when run again offline, and asks no source', async () => {
    const { dir, papers, env, files } = await setUp();
    expect((await enrich(files, env)).code).toBe(0);
    const papersAfter = await snapshotDir(papers);
    const cache = await readFile(path.join(dir, 'cache.json'), 'utf8');
    const again = await enrich([...files, '--offline'], {
      ...withoutContact(env),
      ENRICH_HF_URL: 'http://127.0.0.1:1',
    });
    expect(again.code).toBe(0);
    expect(await snapshotDir(papers)).toEqual(papersAfter);
    expect(await readFile(path.join(dir, 'cache.json'), 'utf8')).toBe(cache);
    expect(again.stdout).toContain('filled 0 fields in 0 of 6 papers in');
    expect(again.stdout).toContain('; 1 paper already complete, not asked');
  });

  it('keeps every answer in a sorted cache, and re-asks only with --refresh', async () => {
    const { dir, server, env, files } = await setUp();
    await enrich([...files, '--only', 'spectral-dropout-for-graph-neural-networks'], env);
    const cache = JSON.parse(await readFile(path.join(dir, 'cache.json'), 'utf8')) as Record<
      string,
      { read: string }
    >;
    expect(Object.keys(cache)).toEqual([
      'arxiv id 2106.04321',
      'huggingface paper 2106.04321',
      'huggingface search spectral dropout for graph neural networks',
      'openalex title spectral dropout for graph neural networks',
    ]);
    const asked = server.requests.length;
    await enrich([...files, '--only', 'weight-decay-is-all-you-need'], env);
    const second = server.requests.length;
    await enrich([...files, '--only', 'weight-decay-is-all-you-need'], env);
    expect(server.requests.length).toBe(second);
    await enrich([...files, '--only', 'weight-decay-is-all-you-need', '--refresh'], env);
    expect(server.requests.length).toBe(second + (second - asked));
  });

  it('prints the diff with --dry-run and writes nothing', async () => {
    const { dir, papers, env, files } = await setUp();
    const before = await snapshotDir(papers);
    const run = await enrich(
      [...files, '--dry-run', '--only', 'spectral-dropout-for-graph-neural-networks'],
      env,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`--- ${papers}/spectral-dropout-for-graph-neural-networks.md`);
    expect(run.stdout).toContain('\n-upvotes: 40\n');
    expect(run.stdout).toContain('\n+upvotes: 42\n');
    expect(run.stdout).toContain('+arxiv: "2106.04321"\n');
    expect(run.stdout).toContain('would fill 10 fields in 1 of 1 papers');
    expect(await snapshotDir(papers)).toEqual(before);
    expect(await readdir(dir)).toEqual(['papers']);
  });

  it('uses only the sources named with --source', async () => {
    const { papers, server, env, files } = await setUp();
    const run = await enrich(
      [...files, '--source', 'arxiv', '--only', 'stochastic-depth-with-learned-rates'],
      env,
    );
    expect(run.code).toBe(0);
    expect(server.requests.map((request) => request.key)).toEqual([
      '/api/query id_list=2007.08888',
    ]);
    expect(await paper(papers, 'stochastic-depth-with-learned-rates')).toMatchObject({
      arxivCategory: 'cs.CV',
    });
  });

  it('stops with a clear message when ENRICH_CONTACT is missing', async () => {
    const { papers, env, files } = await setUp();
    const before = await snapshotDir(papers);
    const run = await enrich(files, withoutContact(env));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^ENRICH_CONTACT is not set\. .*ENRICH_CONTACT=you@example\.org npm run enrich/,
    );
    expect(await snapshotDir(papers)).toEqual(before);
  });

  it('exits non-zero when no source can be reached, and writes no paper', async () => {
    const { papers, env, files } = await setUp({});
    const before = await snapshotDir(papers);
    const down = 'http://127.0.0.1:1';
    const run = await enrich(
      [
        ...files,
        '--only',
        'weight-decay-is-all-you-need',
        '--only',
        'mixing-patches-for-robust-vision',
      ],
      {
        ...env,
        ENRICH_HF_URL: down,
        ENRICH_ARXIV_URL: down,
        ENRICH_OPENALEX_URL: down,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no source could be reached');
    expect(run.stdout).toContain(
      'OpenAlex: 0 accepted, 0 candidates to review, 0 not found, 0 skipped, 2 errors',
    );
    expect(await snapshotDir(papers)).toEqual(before);
  });

  it('refuses an unknown paper or source before asking anything', async () => {
    const { server, env, files } = await setUp();
    const unknown = await enrich([...files, '--only', 'no-such-paper'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-paper.md');
    const source = await enrich([...files, '--source', 'scholar'], env);
    expect(source.stderr).toContain(
      '--source: unknown source "scholar" (use huggingface, arxiv, openalex)',
    );
    expect(server.requests).toEqual([]);
  });
  it('waits while an import holds the papers folder, then enriches', async () => {
    const { papers, env, files } = await setUp();
    const lock = await acquireRunLock(papers, 'npm run import');
    const running = enrich(files, env);
    // Long enough for the command to start and find the folder in use.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const untouched = await paper(papers, 'entropic-regularization-of-wasserstein-barycenters');
    expect(untouched.arxiv).toBeUndefined();
    await lock.release();
    const run = await running;
    expect(run.stderr).toContain(`${papers} is in use by \`npm run import\``);
    expect(run.code).toBe(0);
    const enriched = await paper(papers, 'entropic-regularization-of-wasserstein-barycenters');
    expect(enriched.arxiv).toBeDefined();
  });
});
