/**
 * What a contributor reads must be what the project does: the README's Quick start is what CI
 * runs, CONTRIBUTING.md's example file and settings are valid and current, the issue form offers
 * exactly the topics of the taxonomy, and importing a new listing dump works as documented.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../src/lib/check/corpus.ts';
import { formatProblem } from '../src/lib/problems/problem.ts';
import { readPaperFile } from '../src/lib/paper/paper-file.ts';
import { paperFieldOrder, paperSchema } from '../src/lib/paper/schema.ts';
import { loadTaxonomy } from '../src/lib/topics/load.ts';
import { blocksListing } from './helpers/listings.ts';
import { repoRoot } from './helpers/paths.ts';
import { snapshotDir, useTempDirs } from './helpers/temp.ts';

const execFileAsync = promisify(execFile);

function text(file: string): string {
  return readFileSync(path.join(repoRoot, file), 'utf8');
}

/** The lines of the first fenced block of `language` after `from` (or the start) in a document. */
function fencedBlock(document: string, language: string, from = 0): string {
  const open = document.indexOf(`\`\`\`${language}\n`, from);
  if (open < 0) throw new Error(`no \`\`\`${language} block`);
  const start = open + language.length + 4;
  const end = document.indexOf('\n```', start - 1);
  return document.slice(start, end + 1);
}

const README = text('README.md');
const CONTRIBUTING = text('CONTRIBUTING.md');
const TAXONOMY_TEXT = text('content/topics.yaml');
const TAXONOMY = loadTaxonomy(TAXONOMY_TEXT, 'content/topics.yaml');

/** The commands of the README's Quick start: the lines of its first `sh` block. */
function quickStartCommands(): string[] {
  const heading = README.indexOf('\n## Quick start\n');
  expect(heading, 'README.md has a "## Quick start" section').toBeGreaterThanOrEqual(0);
  return fencedBlock(README, 'sh', heading)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

interface Workflow {
  jobs: Record<string, { steps: { run?: string }[] }>;
}

describe('the README and continuous integration', () => {
  it('runs in CI exactly the Quick start commands the README gives, in the same order', () => {
    const commands = quickStartCommands();
    expect(commands).toHaveLength(2);
    const workflow = load(text('.github/workflows/site.yml')) as Workflow;
    // Installing the system packages the Quick start names in its text is setup, like Node.js.
    const setup = (run: string) => run.startsWith('sudo apt-get ') && README.includes(`\`${run}\``);
    const runsPerJob = Object.values(workflow.jobs).map((job) =>
      job.steps.flatMap((step) =>
        step.run === undefined || setup(step.run.trim()) ? [] : [step.run.trim()],
      ),
    );
    // Every command CI runs is one the README tells a contributor to run, and back.
    expect(new Set(runsPerJob.flat())).toEqual(new Set(commands));
    // The job that tests runs them all, as a contributor would.
    expect(runsPerJob).toContainEqual(commands);
  });
});

describe('CONTRIBUTING.md', () => {
  const example = fencedBlock(CONTRIBUTING, 'markdown');

  it('shows an example paper file that reads and passes the shared schema', () => {
    const read = readPaperFile(example);
    expect(read.ok, JSON.stringify(read)).toBe(true);
    if (!read.ok) return;
    expect(paperSchema.safeParse(read.raw).success).toBe(true);
    expect(read.data.title).toBe('Decoupled Weight Decay Regularization');
  });

  it('shows an example file that npm run check accepts under its documented name', () => {
    const report = checkCorpus({
      papersDir: 'content/papers',
      taxonomyFile: 'content/topics.yaml',
      taxonomyText: TAXONOMY_TEXT,
      papers: [{ name: 'decoupled-weight-decay-regularization.md', text: example }],
    });
    expect(report.problems.map(formatProblem)).toEqual([]);
  });

  it('uses every field in the example, or explains why not, and documents every field', () => {
    const read = readPaperFile(example);
    const used = read.ok ? Object.keys(read.raw) : [];
    // `dateText` replaces `date` when a listing printed no year, so one file never has both. The
    // example is a real paper, which has neither a DOI (ICLR registers none) nor a project page;
    // `autoTopics` is written by the importer, never by a person adding a paper by hand.
    expect(paperFieldOrder.filter((field) => !used.includes(field))).toEqual([
      'dateText',
      'autoTopics',
      'doi',
      'projectPage',
    ]);
    for (const field of paperFieldOrder) expect(CONTRIBUTING).toContain(`| \`${field}\``);
  });

  it('quotes the scoring settings and the number of topics of content/topics.yaml', () => {
    expect(load(fencedBlock(CONTRIBUTING, 'yaml'))).toEqual({ scoring: TAXONOMY.scoring });
    expect(CONTRIBUTING).toContain(`The ${TAXONOMY.topics.length} topics`);
  });

  it('names only npm scripts that exist', () => {
    const scripts = Object.keys(
      (JSON.parse(text('package.json')) as { scripts: Record<string, string> }).scripts,
    );
    const documents = [CONTRIBUTING, text('.github/PULL_REQUEST_TEMPLATE.md')];
    const named = documents.flatMap((document) =>
      [...document.matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1] ?? ''),
    );
    expect(named).toEqual(expect.arrayContaining(['new', 'check', 'import', 'topics']));
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });
});

interface IssueForm {
  name: string;
  description: string;
  body: {
    type: string;
    id?: string;
    attributes: { label?: string; options?: unknown[]; multiple?: boolean };
    validations?: { required?: boolean };
  }[];
}

describe('the issue form for suggesting a paper', () => {
  const form = load(text('.github/ISSUE_TEMPLATE/suggest-a-paper.yml')) as IssueForm;
  const field = (id: string) => form.body.find((item) => item.id === id);

  it('offers exactly the topics of content/topics.yaml, in order, as id and name', () => {
    const topics = field('topics');
    expect(topics?.type).toBe('dropdown');
    expect(topics?.attributes.multiple).toBe(true);
    const options = (topics?.attributes.options ?? []) as string[];
    expect(options.map((option) => option.split(' — ')[0])).toEqual(
      TAXONOMY.topics.map((topic) => topic.id),
    );
    expect(options).toEqual(TAXONOMY.topics.map((topic) => `${topic.id} — ${topic.name}`));
  });

  it('requires a title, a link or arXiv id and a reason, with unique field ids', () => {
    expect(form.name).not.toBe('');
    expect(form.description).not.toBe('');
    for (const id of ['title', 'link', 'why']) {
      expect(field(id)?.validations?.required, id).toBe(true);
      expect(field(id)?.attributes.label, id).toBeTruthy();
    }
    const ids = form.body.flatMap((item) => (item.id === undefined ? [] : [item.id]));
    expect(new Set(ids).size).toBe(ids.length);
    const types = new Set(['markdown', 'input', 'textarea', 'dropdown', 'checkboxes']);
    expect(form.body.every((item) => types.has(item.type))).toBe(true);
  });

  it('sits beside a chooser configuration that GitHub understands', () => {
    const config = load(text('.github/ISSUE_TEMPLATE/config.yml')) as Record<string, unknown>;
    expect(Object.keys(config)).toEqual(['blank_issues_enabled']);
    expect(typeof config.blank_issues_enabled).toBe('boolean');
  });
});

describe('the pull-request template', () => {
  it('asks for npm run check and npm test in its checklist', () => {
    const template = text('.github/PULL_REQUEST_TEMPLATE.md');
    const items = template.split('\n').filter((line) => line.startsWith('- [ ] '));
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.some((item) => item.includes('`npm run check`'))).toBe(true);
    expect(items.some((item) => item.includes('`npm test`'))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

const newTempDir = useTempDirs();

const EXISTING = {
  'elastic-penalties-against-forgetting.md': `---
title: "Elastic Penalties against Forgetting"
date: "2021-03-02"
topics:
  - "continual-transfer"
sources: []
added: "2026-01-05"
---
We anchor the weights of a network to those of earlier tasks with a quadratic penalty, and show that continual learning forgets less.
`,
  'the-implicit-bias-of-small-batches.md': `---
title: "The Implicit Bias of Small Batches"
topics:
  - "implicit-regularization"
arxiv: "2101.00001"
sources:
  - "2026-01-05-earlier-dump.txt"
added: "2026-01-05"
---
Small batches make stochastic gradient descent noisy, and the noise acts as an implicit regularizer that favours flat minima.
`,
};

const NEW_PAPERS = [
  {
    title: 'Weight Decay Schedules for Vision Transformers',
    abstract:
      'We compare weight decay schedules for vision transformers and find that decaying the penalty late in training improves accuracy.',
    authors: 3,
    date: 'Nov 20, 2026',
  },
  {
    title: 'Dropout Noise Revisited in Residual Networks',
    abstract:
      'We revisit dropout as noise injection in residual networks and show where in the block it regularizes best.',
    authors: 2,
    date: 'Nov 21, 2026 4',
  },
];

describe('adding papers from a new listing dump, as CONTRIBUTING.md describes', () => {
  it('imports the new dump saved in content/sources, adding its papers and touching no other file', async () => {
    const root = await newTempDir('contributing-import');
    const content = path.join(root, 'content');
    await mkdir(path.join(content, 'papers'), { recursive: true });
    await mkdir(path.join(content, 'sources'));
    await writeFile(path.join(content, 'topics.yaml'), TAXONOMY_TEXT);
    for (const [name, paper] of Object.entries(EXISTING)) {
      await writeFile(path.join(content, 'papers', name), paper);
    }
    const dump = '2026-12-01-hf-papers-weight-decay.txt';
    await writeFile(path.join(content, 'sources', dump), blocksListing(NEW_PAPERS));

    // `npm run import` with no arguments, run from the root of this copy of the project.
    const importScript = path.join(repoRoot, 'scripts/import.ts');
    const run = await execFileAsync(process.execPath, [importScript], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stdout).toContain(`${dump} (blocks): 2 entries, 2 new, 0 already present`);
    expect(run.stdout).toContain(
      'wrote 2 new and 0 updated paper files to content/papers; 0 unchanged',
    );

    const after = await snapshotDir(path.join(content, 'papers'));
    for (const [name, paper] of Object.entries(EXISTING)) expect(after.get(name)).toBe(paper);
    const added = [
      'dropout-noise-revisited-in-residual-networks.md',
      'weight-decay-schedules-for-vision-transformers.md',
    ];
    expect([...after.keys()].filter((name) => !(name in EXISTING)).sort()).toEqual(added);
    const decay = readPaperFile(after.get(added[1] ?? '') ?? '');
    expect(decay.ok && decay.data).toMatchObject({
      title: 'Weight Decay Schedules for Vision Transformers',
      date: '2026-11-20',
      authorCount: 3,
      sources: [dump],
      added: '2026-12-01',
      topics: ['weight-penalties'],
    });

    // The result passes the checks, and importing again changes nothing.
    const check = await execFileAsync(process.execPath, [path.join(repoRoot, 'scripts/check.ts')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(check.stdout).toBe('4 papers, 16 topics: no problems\n');
    const again = await execFileAsync(process.execPath, [importScript], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(again.stdout).toContain(
      'wrote 0 new and 0 updated paper files to content/papers; 2 unchanged',
    );
    expect(await snapshotDir(path.join(content, 'papers'))).toEqual(after);
    expect((await readdir(path.join(content, 'sources'))).sort()).toEqual([dump]);
    expect(await readFile(path.join(content, 'sources', dump), 'utf8')).toBe(
      blocksListing(NEW_PAPERS),
    );
  });
});
