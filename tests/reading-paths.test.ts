/**
 * Reading paths: the real paths of content/reading-paths.yaml, the checker's problems for a file
 * holding one of each mistake (tests/fixtures/reading-paths/), `npm run check` reporting them
 * with file and line, and the step positions paper pages show.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkReadingPaths } from '../src/lib/check/reading-paths.ts';
import {
  parseReadingPaths,
  PATH_LENGTH,
  positionsByPaper,
} from '../src/lib/topics/reading-paths.ts';
import { writeFixtureContent } from './browser/fixture-corpus.ts';
import { runScript } from './helpers/cli.ts';
import { repoRoot } from './helpers/paths.ts';

const CONTENT = path.join(repoRoot, 'content');
const SITE_CORPUS = path.join(repoRoot, 'tests/fixtures/site-corpus');
const MISTAKES = path.join(repoRoot, 'tests/fixtures/reading-paths/mistakes.yaml');

async function papersOf(dir: string): Promise<{ name: string; text: string }[]> {
  const names = (await readdir(path.join(dir, 'papers'))).filter((name) => name.endsWith('.md'));
  return Promise.all(
    names.map(async (name) => ({
      name,
      text: await readFile(path.join(dir, 'papers', name), 'utf8'),
    })),
  );
}

async function check(dir: string, file: string) {
  return checkReadingPaths({
    text: await readFile(file, 'utf8'),
    file: 'reading-paths.yaml',
    // The fixture corpus is built with the real taxonomy too.
    taxonomyText: await readFile(path.join(CONTENT, 'topics.yaml'), 'utf8'),
    papers: await papersOf(dir),
  });
}

describe('the real reading paths', () => {
  it('give every topic a path of four to eight of its own papers, each with a reason', async () => {
    const papers = await papersOf(CONTENT);
    const text = await readFile(path.join(CONTENT, 'reading-paths.yaml'), 'utf8');
    const taxonomy = await readFile(path.join(CONTENT, 'topics.yaml'), 'utf8');
    expect(await check(CONTENT, path.join(CONTENT, 'reading-paths.yaml'))).toEqual([]);

    const topicIds = [...taxonomy.matchAll(/^ {2}- id: ([a-z-]+)$/gm)].map((match) => match[1]);
    expect(topicIds).toHaveLength(16);
    const slugs = new Map(papers.map(({ name }) => [name.slice(0, -3), [] as string[]]));
    const { paths } = parseReadingPaths({
      text,
      file: 'content/reading-paths.yaml',
      topics: new Set(topicIds.map(String)),
      // Every slug is known; topic membership was checked above.
      paperTopics: new Map([...slugs.keys()].map((slug) => [slug, undefined])),
    });
    expect(paths.map((entry) => entry.topic).sort()).toEqual([...topicIds].sort());
    for (const { topic, steps } of paths) {
      expect(steps.length, topic).toBeGreaterThanOrEqual(PATH_LENGTH.min);
      expect(steps.length, topic).toBeLessThanOrEqual(PATH_LENGTH.max);
      for (const step of steps) expect(step.reason, `${topic}: ${step.paper}`).toMatch(/\.$/);
    }
  });
});

describe('checking reading paths', () => {
  it('reports an unknown slug, a paper outside the topic, a repeat, an empty reason, an unknown field or topic and a short path, each on its line', async () => {
    const problems = await check(SITE_CORPUS, MISTAKES);
    expect(problems.map((problem) => [problem.line, problem.field, problem.message])).toEqual([
      [5, 'weight-penalties[2].paper', 'unknown paper "a-paper-nobody-wrote"'],
      [
        7,
        'weight-penalties[3].paper',
        '"entropic-optimal-transport-with-learned-costs" is not in the topic weight-penalties (its topics: optimal-transport)',
      ],
      [
        9,
        'weight-penalties[4].paper',
        '"quadratic-penalties-and-the-geometry-of-overparameterized-models" is already step 1 of this path',
      ],
      [12, 'weight-penalties[5].reason', 'the reason is empty'],
      [15, 'weight-penalties[6]', 'unknown field "why"'],
      [16, 'no-such-topic', 'unknown topic id "no-such-topic"'],
      [19, 'optimization', 'the path has 1 steps'],
    ]);
    for (const problem of problems) expect(problem.hint).not.toBe('');
  });

  it('reports broken YAML at its line instead of throwing', () => {
    const { problems, paths } = parseReadingPaths({
      text: 'weight-penalties:\n  - paper: x\n    reason: "unclosed\n',
      file: 'reading-paths.yaml',
      topics: new Set(['weight-penalties']),
      paperTopics: new Map(),
    });
    expect(paths).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('yaml');
    expect(problems[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('has nothing to report for a content folder without the file', () => {
    expect(checkReadingPaths({ text: undefined, file: 'x', taxonomyText: '', papers: [] })).toEqual(
      [],
    );
  });
});

describe('npm run check', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('prints each reading-path problem as file:line and exits 1', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reading-list-paths-'));
    dirs.push(dir);
    await writeFixtureContent(dir);
    await cp(MISTAKES, path.join(dir, 'reading-paths.yaml'));
    const run = await runScript('check.ts', [dir]);
    expect(run.code).toBe(1);
    const file = path.posix.join(dir.split(path.sep).join('/'), 'reading-paths.yaml');
    expect(run.stdout).toContain(
      `${file}:5: weight-penalties[2].paper: unknown paper "a-paper-nobody-wrote" (give the slug of a file in papers/ (its name without \`.md\`))`,
    );
    expect(run.stdout.split('\n').filter((line) => line.startsWith(`${file}:`))).toHaveLength(7);
    expect(run.stdout).toContain('7 problems in 1 file');
  });
});

describe('positions on a path', () => {
  it('number the steps from 1 and link each to its neighbours', () => {
    const positions = positionsByPaper([
      {
        topic: 't',
        steps: ['a', 'b', 'c'].map((paper) => ({ paper, reason: 'Why.' })),
      },
      { topic: 'u', steps: ['b', 'd'].map((paper) => ({ paper, reason: 'Why.' })) },
    ]);
    expect(positions.get('a')).toEqual([
      { topic: 't', step: 1, total: 3, previous: undefined, next: 'b' },
    ]);
    expect(positions.get('b')).toEqual([
      { topic: 't', step: 2, total: 3, previous: 'a', next: 'c' },
      { topic: 'u', step: 1, total: 2, previous: undefined, next: 'd' },
    ]);
  });
});
