/**
 * `npm run new`: the pure planner and interview in `src/lib/import/new-paper/`, and the command itself
 * (`node scripts/new.ts`, stdin not a terminal, so flags only), always on a temporary corpus.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../src/lib/paper/dates.ts';
import { normalizeArxiv, type NewPaperFields } from '../src/lib/import/new-paper/fields.ts';
import { interview } from '../src/lib/import/new-paper/interview.ts';
import { planNewPaper, type NewPaperContext } from '../src/lib/import/new-paper/plan.ts';
import { readPaperFile } from '../src/lib/paper/paper-file.ts';
import { formatProblem } from '../src/lib/problems/problem.ts';
import { compileTaxonomy } from '../src/lib/topics/assign.ts';
import { loadTaxonomy } from '../src/lib/topics/load.ts';
import { repoRoot } from './helpers/paths.ts';
import { snapshotDir, useTempDirs } from './helpers/temp.ts';

const TAXONOMY_TEXT = readFileSync(path.join(repoRoot, 'content/topics.yaml'), 'utf8');
const MATCHER = compileTaxonomy(loadTaxonomy(TAXONOMY_TEXT, 'content/topics.yaml'));

const SAM = {
  title: 'Sharpness-Aware Minimization for Efficiently Improving Generalization',
  abstract:
    'In today’s heavily overparameterized models, the value of the training loss provides few guarantees on model generalization ability. We introduce Sharpness-Aware Minimization (SAM), which seeks parameters that lie in neighborhoods having uniformly low loss.',
};

/** Papers already in the list, as the temporary corpora below hold them. */
const LISTED = {
  'decoupled-weight-decay-regularization': {
    title: 'Decoupled Weight Decay Regularization',
    arxiv: '1711.05101',
    abstract:
      'L2 regularization and weight decay regularization are equivalent for standard stochastic gradient descent, but not for adaptive gradient algorithms such as Adam.',
  },
  'dropout-a-simple-way-to-prevent-neural-networks-from-overfitting': {
    title: 'Dropout: A Simple Way to Prevent Neural Networks from Overfitting',
    arxiv: undefined,
    abstract:
      'Deep neural nets with a large number of parameters are very powerful machine learning systems. Dropout is a technique for addressing overfitting.',
  },
  'implicit-regularization-in-deep-learning-part-1': {
    title: 'Implicit Regularization in Deep Learning, Part 1',
    arxiv: undefined,
    abstract:
      'The first part of a survey of the implicit regularization that gradient descent brings to deep networks.',
  },
} as const;

function context(overrides: Partial<NewPaperContext> = {}): NewPaperContext {
  return {
    today: '2026-11-22',
    matcher: MATCHER,
    taxonomyFile: 'content/topics.yaml',
    papersDir: 'content/papers',
    existing: Object.entries(LISTED).map(([slug, paper]) => ({
      slug,
      title: paper.title,
      arxiv: paper.arxiv,
    })),
    ...overrides,
  };
}

describe('planNewPaper', () => {
  it('writes every given value through the shared schema, with added today and no sources', () => {
    const plan = planNewPaper(
      {
        ...SAM,
        date: '2020-10-03',
        arxiv: 'https://arxiv.org/abs/2010.01412v3',
        url: 'https://openreview.net/forum?id=6Tm1mposlrM',
        authors: 'Pierre Foret; Ariel Kleiner ;Hossein Mobahi; Behnam Neyshabur;',
        venue: 'ICLR 2021',
        notes: 'The origin of SAM.',
        topics: 'implicit-regularization, optimization',
      },
      false,
      context(),
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.fileName).toBe(
      'sharpness-aware-minimization-for-efficiently-improving-generalization.md',
    );
    expect(plan.text).toBe(`---
title: "Sharpness-Aware Minimization for Efficiently Improving Generalization"
date: "2020-10-03"
authorCount: 4
authors:
  - "Pierre Foret"
  - "Ariel Kleiner"
  - "Hossein Mobahi"
  - "Behnam Neyshabur"
topics:
  - "implicit-regularization"
  - "optimization"
arxiv: "2010.01412v3"
url: "https://openreview.net/forum?id=6Tm1mposlrM"
venue: "ICLR 2021"
sources: []
added: "2026-11-22"
notes: "The origin of SAM."
---
${SAM.abstract}
`);
    expect(readPaperFile(plan.text).ok).toBe(true);
    // Ids typed by hand are the contributor's choice, even when the rules would agree.
    expect(plan.data.autoTopics).toBeUndefined();
  });

  it('proposes topics from the rules, with the words of the paper that matched', () => {
    const plan = planNewPaper(SAM, true, context());
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.data.topics).toEqual(['implicit-regularization']);
    expect(plan.data.autoTopics).toEqual(['implicit-regularization']);
    const [primary] = plan.proposal.topics;
    expect(primary?.id).toBe('implicit-regularization');
    expect(primary?.terms).toEqual(
      expect.arrayContaining(['sharpness aware', 'overparameterized']),
    );
  });

  it('asks for a choice of topics rather than taking the proposal silently', () => {
    const plan = planNewPaper(SAM, false, context());
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems.map(formatProblem)).toEqual([
      '--topics: no topics chosen; the rules propose implicit-regularization (pass --yes to accept them, or --topics with ids from content/topics.yaml, primary first)',
    ]);
  });

  it('lists every wrong value at once, in the order of the flags', () => {
    const plan = planNewPaper(
      {
        title: 'TODO',
        abstract: 'tbd',
        date: '2024-02-30',
        arxiv: 'arXiv 2106',
        url: 'www.example.org/paper.pdf',
        topics: 'dropout, weight-penalties, weight-penalties',
      },
      false,
      context(),
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      '--title: placeholder "TODO" instead of the title',
      '--abstract: placeholder "tbd" instead of the abstract',
      '--date: "2024-02-30" is not a day of the calendar',
      '--arxiv: "arXiv 2106": expected an arXiv identifier such as 2106.09685 or cs/0112017',
      '--url: "www.example.org/paper.pdf": expected an http(s) URL',
      '--topics: unknown topic id "dropout"',
      '--topics: "weight-penalties" is given twice',
    ]);
    expect(plan.problems[5]?.hint).toBe(
      'did you mean "dropout-noise"? The ids are listed in content/topics.yaml',
    );
  });

  it('says what is missing when the title or abstract is not given', () => {
    const plan = planNewPaper({ topics: 'optimization' }, false, context());
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems.map(formatProblem)).toEqual([
      '--title: missing (give the title as published, such as --title "Decoupled Weight Decay Regularization")',
      '--abstract: missing (give the abstract as published with --abstract "…" or --abstract-file FILE)',
    ]);
  });

  it.each([
    [
      'the same title',
      { title: 'DECOUPLED weight-decay regularization' },
      '--title',
      'the list already has a paper with this title: content/papers/decoupled-weight-decay-regularization.md',
    ],
    [
      'the same arXiv id',
      { title: 'Fixing Weight Decay in Adam', arxiv: 'arXiv:1711.05101v2' },
      '--arxiv',
      'the list already has a paper with this arXiv id: content/papers/decoupled-weight-decay-regularization.md',
    ],
    [
      'a near-identical title',
      { title: 'Dropout: A Simple Way to Prevent Neural Networks from Overfiting' },
      '--title',
      'the list already has a paper with nearly this title: content/papers/dropout-a-simple-way-to-prevent-neural-networks-from-overfitting.md',
    ],
  ] as const)(
    'refuses a paper with %s, naming the file it repeats',
    (_, fields, option, message) => {
      const plan = planNewPaper(
        { abstract: SAM.abstract, topics: 'optimization', ...fields },
        false,
        context(),
      );
      expect(plan.ok).toBe(false);
      if (plan.ok) return;
      expect(plan.problems).toHaveLength(1);
      expect(plan.problems[0]?.field).toBe(option);
      expect(plan.problems[0]?.message).toContain(message);
    },
  );

  it('accepts the next part of a series, whose title differs by a number only', () => {
    const plan = planNewPaper(
      {
        title: 'Implicit Regularization in Deep Learning, Part 2',
        abstract: SAM.abstract,
        topics: 'implicit-regularization',
      },
      false,
      context(),
    );
    expect(plan.ok).toBe(true);
  });

  it('gives a different paper whose slug is taken a numbered file name', () => {
    const taken = context({
      existing: [{ slug: 'entmax-sparse-attention', title: 'α-Entmax: Sparse Attention' }],
    });
    const plan = planNewPaper(
      { title: 'β-Entmax: Sparse Attention', abstract: SAM.abstract, topics: 'optimization' },
      false,
      taken,
    );
    expect(plan.ok && plan.fileName).toBe('entmax-sparse-attention-2.md');
  });
});

describe('normalizeArxiv', () => {
  it('shortens the forms an arXiv id is usually copied in to the bare id', () => {
    expect(normalizeArxiv('arXiv:2010.01412')).toBe('2010.01412');
    expect(normalizeArxiv(' https://arxiv.org/abs/2010.01412v2 ')).toBe('2010.01412v2');
    expect(normalizeArxiv('https://arxiv.org/pdf/2010.01412.pdf')).toBe('2010.01412');
    expect(normalizeArxiv('arxiv.org/abs/cs/0112017')).toBe('cs/0112017');
  });
});

/** A prompter that answers from a script and records what it was asked and told. */
function scripted(answers: readonly string[]) {
  const queue = [...answers];
  const asked: string[] = [];
  const said: string[] = [];
  return {
    asked,
    said,
    io: {
      ask: (question: string) => {
        asked.push(question);
        const answer = queue.shift();
        if (answer === undefined) return Promise.reject(new Error(`no answer for ${question}`));
        return Promise.resolve(answer);
      },
      say: (text: string) => {
        said.push(text);
      },
    },
  };
}

describe('interview', () => {
  it('asks for each value, re-asks a wrong one, takes the proposal on Enter and confirms', async () => {
    const session = scripted([
      SAM.title,
      '',
      'In today’s heavily overparameterized models, the value of the training loss',
      'provides few guarantees on model generalization ability.',
      '',
      '3 October 2020',
      '2020-10-03',
      '',
      'Pierre Foret; Ariel Kleiner',
      '',
      '',
      '',
      'y',
    ]);
    const plan = await interview(session.io, {}, false, context());
    expect(plan !== 'cancelled' && plan.ok).toBe(true);
    if (plan === 'cancelled' || !plan.ok) return;
    expect(plan.data).toMatchObject({
      title: SAM.title,
      date: '2020-10-03',
      authors: ['Pierre Foret', 'Ariel Kleiner'],
      topics: ['implicit-regularization'],
    });
    expect(plan.text).toContain(
      '\nIn today’s heavily overparameterized models, the value of the training loss provides few guarantees on model generalization ability.\n',
    );
    expect(session.said.join('')).toContain(
      '--date: "3 October 2020" is not an ISO date such as 2024-06-11',
    );
    expect(session.said.join('')).toContain('1. implicit-regularization (Implicit regularization');
    expect(session.asked.at(-1)).toBe(`Write ${plan.fileName}? [Y/n] `);
  });

  it('refuses a paper already in the list right after its title, before the abstract', async () => {
    const session = scripted(['Decoupled Weight Decay Regularisation', '']);
    const plan = await interview(session.io, {}, false, context());
    expect(
      plan !== 'cancelled' && !plan.ok && plan.problems.map((problem) => problem.field),
    ).toEqual(['--title']);
    expect(session.asked).toHaveLength(2);
    expect(session.asked.some((question) => question.startsWith('Abstract'))).toBe(false);
  });

  it('asks only for what the flags left out, and writes nothing when told no', async () => {
    const session = scripted(['', '', '', '', '', '', 'n']);
    const flags: NewPaperFields = { ...SAM, arxiv: '2010.01412', topics: 'nonsense' };
    const plan = await interview(session.io, flags, false, context());
    expect(plan).toBe('cancelled');
    expect(session.said.join('')).toContain('--topics: unknown topic id "nonsense"');
    expect(session.asked.map((question) => question.split(/[,:(]/)[0])).toEqual([
      'Publication date',
      'Link to the paper ',
      'Authors',
      'Venue',
      "A curator's note for readers ",
      'Topics',
      `Write ${SAM_FILE}? [Y/n] `,
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The command.

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runNew(args: readonly string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/new.ts', ...args], { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

const newTempDir = useTempDirs();

/** A small content folder: the real taxonomy and the papers of LISTED. */
async function smallCorpus(): Promise<{ dir: string; papers: string; args: string[] }> {
  const dir = await newTempDir('new');
  const papers = path.join(dir, 'papers');
  await mkdir(papers);
  await writeFile(path.join(dir, 'topics.yaml'), TAXONOMY_TEXT);
  for (const [slug, paper] of Object.entries(LISTED)) {
    const arxiv = paper.arxiv === undefined ? '' : `arxiv: "${paper.arxiv}"\n`;
    await writeFile(
      path.join(papers, `${slug}.md`),
      `---\ntitle: ${JSON.stringify(paper.title)}\ntopics:\n  - "optimization"\n${arxiv}sources: []\nadded: "2026-01-05"\n---\n${paper.abstract}\n`,
    );
  }
  return { dir, papers, args: ['--papers', papers, '--taxonomy', path.join(dir, 'topics.yaml')] };
}

const SAM_FILE = 'sharpness-aware-minimization-for-efficiently-improving-generalization.md';

describe('npm run new', () => {
  it('writes a paper that npm run check accepts, after showing the proposed topics', async () => {
    const corpus = await smallCorpus();
    const before = todayIso();
    const run = await runNew([
      ...corpus.args,
      '--title',
      SAM.title,
      '--abstract',
      SAM.abstract,
      '--date',
      '2020-10-03',
      '--arxiv',
      'arXiv:2010.01412',
      '--yes',
    ]);
    const after = todayIso();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Topics proposed by the rules in .*topics\.yaml \(primary first\):\n {2}1\. implicit-regularization \(Implicit regularization and generalization\): score \d+ from "sharpness aware", /,
    );
    expect(run.stdout).toContain(
      `wrote ${corpus.papers}/${SAM_FILE} with topics implicit-regularization\n`,
    );

    const text = await readFile(path.join(corpus.papers, SAM_FILE), 'utf8');
    const read = readPaperFile(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.data).toMatchObject({
      title: SAM.title,
      date: '2020-10-03',
      arxiv: '2010.01412',
      sources: [],
      topics: ['implicit-regularization'],
    });
    expect([before, after]).toContain(read.data.added);
    expect(read.abstract).toBe(SAM.abstract);
    // Accepted rule topics are marked in the paper itself, so a later `--retopic` may update them.
    expect(read.data.autoTopics).toEqual(['implicit-regularization']);
    expect(await readdir(corpus.papers)).not.toContain('.assigned-topics.json');

    const check = await new Promise<number | null>((resolve) => {
      spawn(process.execPath, ['scripts/check.ts', corpus.dir], { cwd: repoRoot }).on(
        'close',
        resolve,
      );
    });
    expect(check).toBe(0);
  });

  it('marks topics chosen with --topics as a person’s choice', async () => {
    const corpus = await smallCorpus();
    const run = await runNew([
      ...corpus.args,
      '--title',
      SAM.title,
      '--abstract',
      SAM.abstract,
      '--topics',
      'optimization,implicit-regularization',
    ]);
    expect(run.code).toBe(0);
    const text = await readFile(path.join(corpus.papers, SAM_FILE), 'utf8');
    expect(text).toContain('topics:\n  - "optimization"\n  - "implicit-regularization"\n');
    expect(text).not.toContain('autoTopics');
  });

  it.each([
    [
      'the same title',
      ['--title', 'Decoupled weight decay regularization'],
      '--title: the list already has a paper with this title: PAPERS/decoupled-weight-decay-regularization.md ("Decoupled Weight Decay Regularization") (edit PAPERS/decoupled-weight-decay-regularization.md instead of adding the paper again)',
    ],
    [
      'the same arXiv id',
      [
        '--title',
        'Fixing Weight Decay Regularization in Adam',
        '--arxiv',
        'https://arxiv.org/abs/1711.05101v1',
      ],
      '--arxiv: the list already has a paper with this arXiv id: PAPERS/decoupled-weight-decay-regularization.md ("Decoupled Weight Decay Regularization") (edit PAPERS/decoupled-weight-decay-regularization.md instead of adding the paper again)',
    ],
    [
      'a near-identical title',
      ['--title', 'Dropout: A Simple Way to Prevent Neural Networks From Overfiting'],
      '--title: the list already has a paper with nearly this title: PAPERS/dropout-a-simple-way-to-prevent-neural-networks-from-overfitting.md ("Dropout: A Simple Way to Prevent Neural Networks from Overfitting") (if it is the same paper, edit PAPERS/dropout-a-simple-way-to-prevent-neural-networks-from-overfitting.md instead; if it is another paper, add the arXiv ids of both: --arxiv here and arxiv in PAPERS/dropout-a-simple-way-to-prevent-neural-networks-from-overfitting.md)',
    ],
  ])(
    'refuses a paper with %s, naming the existing file, and writes nothing',
    async (_, flags, line) => {
      const corpus = await smallCorpus();
      const before = await snapshotDir(corpus.papers);
      const run = await runNew([...corpus.args, ...flags, '--abstract', SAM.abstract, '--yes']);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `${line.replaceAll('PAPERS', corpus.papers)}\nNothing was written.\n`,
      );
      expect(await snapshotDir(corpus.papers)).toEqual(before);
    },
  );

  it('writes nothing at all and lists every problem when values are wrong', async () => {
    const corpus = await smallCorpus();
    const before = await snapshotDir(corpus.papers);
    const run = await runNew([
      ...corpus.args,
      '--title',
      SAM.title,
      '--abstract',
      'TODO',
      '--date',
      '2020-13-01',
      '--url',
      'openreview.net',
      '--topics',
      'sharpness',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').map((line) => line.split(' (')[0])).toEqual([
      '--abstract: placeholder "TODO" instead of the abstract',
      '--date: "2020-13-01" is not a day of the calendar',
      '--url: "openreview.net": expected an http(s) URL',
      '--topics: unknown topic id "sharpness"',
      'Nothing was written.',
      '',
    ]);
    // Not even a temporary file is left behind.
    expect(await snapshotDir(corpus.papers)).toEqual(before);
  });

  it('names the proposal and writes nothing when a script gives neither --topics nor --yes', async () => {
    const corpus = await smallCorpus();
    const run = await runNew([...corpus.args, '--title', SAM.title, '--abstract', SAM.abstract]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('1. implicit-regularization');
    expect(run.stderr).toContain(
      '--topics: no topics chosen; the rules propose implicit-regularization (pass --yes to accept them',
    );
    expect(await readdir(corpus.papers)).not.toContain(SAM_FILE);
  });

  it('reads the abstract from standard input, and shows the file without writing it on --dry-run', async () => {
    const corpus = await smallCorpus();
    const run = await runNew(
      [...corpus.args, '--title', SAM.title, '--abstract-file', '-', '--yes', '--dry-run'],
      `${SAM.abstract}\n`,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `${corpus.papers}/${SAM_FILE} (dry run: nothing written):\n---\ntitle: "${SAM.title}"\n`,
    );
    expect(run.stdout).toContain(`---\n${SAM.abstract}\n`);
    expect(await readdir(corpus.papers)).not.toContain(SAM_FILE);
  });

  it('refuses to add a paper while a paper file in the folder does not read', async () => {
    const corpus = await smallCorpus();
    await writeFile(
      path.join(corpus.papers, 'broken.md'),
      '---\ntitle: "Broken"\n---\nNo added date here at all.\n',
    );
    const run = await runNew([
      ...corpus.args,
      '--title',
      SAM.title,
      '--abstract',
      SAM.abstract,
      '--yes',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${corpus.papers}/broken.md:1: added: `);
    expect(run.stderr).toContain(
      'duplicates cannot be ruled out; fix them first (npm run check). Nothing was written.',
    );
    expect(await readdir(corpus.papers)).not.toContain(SAM_FILE);
  });

  it('refuses a papers folder that does not exist rather than starting a new list', async () => {
    const corpus = await smallCorpus();
    const missing = path.join(corpus.dir, 'paper');
    const run = await runNew([
      '--papers',
      missing,
      '--taxonomy',
      path.join(corpus.dir, 'topics.yaml'),
      '--title',
      SAM.title,
      '--abstract',
      SAM.abstract,
      '--yes',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `${missing}: no such folder (give the papers folder with --papers DIR). Nothing was written.\n`,
    );
    expect(await readdir(corpus.dir)).toEqual(['papers', 'topics.yaml']);
  });

  it('also takes the taxonomy file as --topics FILE, as npm run import does', async () => {
    const corpus = await smallCorpus();
    const run = await runNew([
      '--papers',
      corpus.papers,
      '--topics',
      path.join(corpus.dir, 'topics.yaml'),
      '--topics',
      'optimization',
      '--title',
      SAM.title,
      '--abstract',
      SAM.abstract,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await readFile(path.join(corpus.papers, SAM_FILE), 'utf8')).toContain(
      'topics:\n  - "optimization"\n',
    );
  });
});
