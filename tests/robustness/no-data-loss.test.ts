/**
 * Re-runs lose nothing: hand edits survive every re-import (with and without --retopic), and an
 * import that is killed or whose disk fails half-way leaves every paper file either as it was or
 * completely written, never truncated. Temporary files a killed import leaves behind are ignored
 * by everything that reads the folder and removed by the next import.
 */
import { spawn } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { listMarkdownFiles, readPapers, writeFilesAtomically } from '../../src/lib/paper/files.ts';
import { listSourceFiles } from '../../src/lib/command/import.ts';
import { planImport, type SourceFile } from '../../src/lib/import/importer.ts';
import { papersDir, repoRoot, sourcesDir } from '../helpers/paths.ts';
import { edit } from '../helpers/papers.ts';
import { snapshotDir, useTempDirs } from '../helpers/temp.ts';
import { paragraphsListing, titleAbstractLines, type TestPaper } from '../helpers/listings.ts';
import { crashSigns, paperFiles, readValidPaper, runImport, temporaryFiles } from './helpers.ts';

const newTempDir = useTempDirs();

/** A copy of the real content: papers, sources, taxonomy. */
async function copyOfContent(): Promise<{ papers: string; sources: string; taxonomy: string }> {
  const dir = await newTempDir('content');
  const papers = path.join(dir, 'papers');
  const sources = path.join(dir, 'sources');
  const taxonomy = path.join(dir, 'topics.yaml');
  await cp(papersDir, papers, { recursive: true });
  await cp(sourcesDir, sources, { recursive: true });
  await cp(path.join(repoRoot, 'content', 'topics.yaml'), taxonomy);
  return { papers, sources, taxonomy };
}

/** A file's text without its `topics` and `autoTopics` blocks: what no --retopic may change. */
function withoutTopics(text: string): string {
  return text.replace(/^(?:topics|autoTopics):(?: \[\])?\n(?: {2}- .*\n)*/gm, '');
}

interface HandEdit {
  file: string;
  /** Replacements made by hand, each applied once: [what was there, what the curator wrote]. */
  changes: [string, string][];
  /** Whether the topics were chosen by hand (then no --retopic may change them). */
  topicsByHand: boolean;
}

const ADDED = 'added: "2026-11-22"\n';

/** Edits a curator makes, each in the place and form `npm run new` and the importer write them. */
const HAND_EDITS: HandEdit[] = [
  {
    file: 'weight-compander-a-simple-weight-reparameterization-for-regularization.md',
    changes: [
      [
        'topics:\n  - "weight-penalties"\n  - "optimization"\n',
        'topics:\n  - "sparsity-compression"\n',
      ],
    ],
    topicsByHand: true,
  },
  {
    file: 'early-learning-regularization-prevents-memorization-of-noisy-labels.md',
    changes: [['sources:\n', 'arxiv: "2007.00151"\nsources:\n']],
    topicsByHand: false,
  },
  {
    file: 'virtual-adversarial-training-a-regularization-method-for-supervised-and-semi.md',
    changes: [['A Regularization Method', 'A Regularisation Method']],
    topicsByHand: false,
  },
  {
    file: 'the-monge-gap-a-regularizer-to-learn-all-transport-maps.md',
    changes: [
      [
        ADDED,
        `${ADDED}notes: "Read §3 first: the \\"gap\\" is a regularizer — yes, really. # not a comment"\n`,
      ],
    ],
    topicsByHand: false,
  },
  {
    file: 'entropy-based-attention-regularization-frees-unintended-bias-mitigation-from.md',
    changes: [
      [
        'Natural Language Processing (NLP) models risk overfitting',
        'Natural-language processing (NLP) models risk over-fitting',
      ],
    ],
    topicsByHand: false,
  },
  {
    file: 'what-regularized-auto-encoders-learn-from-the-data-generating-distribution.md',
    changes: [
      [
        'Auto-Encoders Learn from the Data Generating',
        'Autoencoders Learn From the Data-Generating',
      ],
      [
        'topics:\n  - "generative-models"\n  - "inverse-problems"\n',
        'authors:\n  - "Guillaume Alain"\n  - "Yoshua Bengio"\ntopics:\n  - "representation-learning"\n' +
          'arxiv: "1211.4246"\nurl: "https://jmlr.org/papers/v15/alain14a.html"\nvenue: "JMLR 2014"\n',
      ],
      [ADDED, `${ADDED}notes: "Start with the denoising case."\n`],
      [
        'What do auto-encoders learn about the underlying data generating distribution?',
        'What do autoencoders learn about the underlying data-generating distribution?',
      ],
    ],
    topicsByHand: true,
  },
];

/** Applies the hand edits to a papers folder; returns each edited file's text. */
async function makeHandEdits(papers: string): Promise<Map<string, string>> {
  const edited = new Map<string, string>();
  for (const { file, changes } of HAND_EDITS) {
    let text = await readFile(path.join(papers, file), 'utf8');
    for (const [before, after] of changes) text = edit(text, before, after);
    readValidPaper(file, text);
    await writeFile(path.join(papers, file), text);
    edited.set(file, text);
  }
  return edited;
}

/** Every hand-written text is still in its file, byte for byte, and nothing else was lost. */
function expectEditsIntact(
  after: ReadonlyMap<string, string>,
  before: ReadonlyMap<string, string>,
): void {
  for (const { file, changes, topicsByHand } of HAND_EDITS) {
    const text = after.get(file) ?? '';
    for (const [, written] of changes) expect(text, file).toContain(written);
    if (topicsByHand) expect(text, file).toBe(before.get(file));
  }
  // Only automatic topics may change, and only under --retopic: every other byte stays.
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [file, text] of after) {
    if (file.endsWith('.md'))
      expect(withoutTopics(text), file).toBe(withoutTopics(before.get(file) ?? ''));
  }
}

describe('re-importing every listing over hand-edited papers', () => {
  it('keeps every hand edit byte for byte, with and without --retopic', async () => {
    const { papers, sources, taxonomy } = await copyOfContent();
    await makeHandEdits(papers);
    const before = await snapshotDir(papers);
    const listings = await listSourceFiles(sources);
    expect(listings).toHaveLength(4);

    const plain = await runImport(['--out', papers, '--topics', taxonomy, ...listings]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain(
      `wrote 0 new and 0 updated paper files to ${papers}; 323 unchanged`,
    );
    expect(await snapshotDir(papers)).toEqual(before);

    const retopic = await runImport([
      '--out',
      papers,
      '--topics',
      taxonomy,
      '--retopic',
      ...listings,
    ]);
    expect(retopic.code, retopic.stderr).toBe(0);
    expectEditsIntact(await snapshotDir(papers), before);
  });

  it('keeps topics chosen by hand when --retopic runs with changed rules, and changes the rest', async () => {
    const { papers, sources, taxonomy } = await copyOfContent();
    await makeHandEdits(papers);
    const before = await snapshotDir(papers);
    // New rules: at most one topic per paper.
    const rules = await readFile(taxonomy, 'utf8');
    await writeFile(taxonomy, edit(rules, '  maxTopics: 3\n', '  maxTopics: 1\n'));

    const run = await runImport([
      '--out',
      papers,
      '--topics',
      taxonomy,
      '--retopic',
      ...(await listSourceFiles(sources)),
    ]);
    expect(run.code, run.stderr).toBe(0);
    const after = await snapshotDir(papers);
    expectEditsIntact(after, before);
    const retopicked = [...after].filter(
      ([file, text]) => file.endsWith('.md') && text !== before.get(file),
    );
    expect(retopicked.length).toBeGreaterThan(0);
    for (const [, text] of retopicked) expect(readValidPaper('', text).data.topics).toHaveLength(1);
    expect(run.stdout).toContain('topics of ');
  });
});

// ---------------------------------------------------------------------------------------------
// Interrupted imports
// ---------------------------------------------------------------------------------------------

const WORDS = ['Sparse', 'Spectral', 'Stochastic', 'Adaptive', 'Implicit', 'Entropic', 'Robust'];
const NOUNS = ['Dropout', 'Weight Decay', 'Label Smoothing', 'Mixup', 'Penalties', 'Priors'];

/** `count` invented papers with distinct titles. */
function inventedPapers(count: number): TestPaper[] {
  return Array.from({ length: count }, (_, index) => {
    const word = WORDS[index % WORDS.length] ?? '';
    const noun = NOUNS[Math.floor(index / WORDS.length) % NOUNS.length] ?? '';
    return {
      title: `${word} ${noun} for Deep Networks, Study ${index + 1}`,
      abstract: `We study ${word.toLowerCase()} ${noun.toLowerCase()} in setting ${index + 1} and show that it regularises deep networks on small data sets.`,
    };
  });
}

/** Two listings of the same papers: importing the second adds it to every paper's sources. */
async function twoListings(dir: string, count: number) {
  const papers = inventedPapers(count);
  const first: SourceFile = {
    name: '2026-04-01-hf-papers-title-abstract-lines.txt',
    text: titleAbstractLines(papers),
  };
  const second: SourceFile = {
    name: '2026-04-02-hf-papers-paragraphs.txt',
    text: paragraphsListing(papers),
  };
  for (const source of [first, second]) await writeFile(path.join(dir, source.name), source.text);
  return {
    sources: [first, second],
    files: [first, second].map((source) => path.join(dir, source.name)),
  };
}

/**
 * A papers folder holding the first listing's papers (the "before" version of every file), and
 * the text each file has once the second listing is imported too (the "after" version).
 * Written as `npm run import` writes them, without a taxonomy (so without topics).
 */
async function beforeAndAfter(out: string, sources: readonly SourceFile[]) {
  const [first] = sources;
  if (first === undefined) throw new Error('no listing');
  const options = { today: '2026-04-03' };
  const created = planImport([first], [], options);
  await writeFilesAtomically(
    out,
    created.writes.map((write) => ({ name: `${write.slug}.md`, text: write.text })),
  );
  const before = await paperFiles(out);
  const { papers } = await readPapers(out);
  const updated = planImport(sources, papers, options);
  const after = new Map(before);
  for (const write of updated.writes) after.set(`${write.slug}.md`, write.text);
  return { before, after };
}

const NO_TAXONOMY = ['--topics', 'no-such-taxonomy.yaml'];

/** Every paper file is the before or the after version, and reads back valid. */
function expectEachOldOrNew(
  files: ReadonlyMap<string, string>,
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): { old: number; new: number } {
  expect([...files.keys()]).toEqual([...before.keys()]);
  const counts = { old: 0, new: 0 };
  for (const [name, text] of files) {
    if (text === before.get(name)) counts.old += 1;
    else if (text === after.get(name)) counts.new += 1;
    else expect.fail(`${name} is neither the old nor the new version:\n${text}`);
    readValidPaper(name, text);
  }
  return counts;
}

describe('an import interrupted while writing', () => {
  it('leaves every file old or new when killed mid-write, and the next import finishes the job', async () => {
    const dir = await newTempDir('killed');
    const out = path.join(dir, 'papers');
    const { sources, files } = await twoListings(dir, 2000);
    const { before, after } = await beforeAndAfter(out, sources);
    expect(before.size).toBe(2000);

    const child = spawn(
      process.execPath,
      ['scripts/import.ts', '--out', out, ...NO_TAXONOMY, ...files],
      {
        cwd: repoRoot,
        stdio: 'ignore',
      },
    );
    const closed = new Promise<void>((resolve) => {
      child.once('close', () => {
        resolve();
      });
    });
    // Kill it as soon as its first temporary file appears: it is then writing.
    let sawTemporary = false;
    while (child.exitCode === null && child.signalCode === null) {
      if ((await temporaryFiles(out)).length > 0) {
        sawTemporary = child.kill('SIGKILL');
        break;
      }
      await delay(5);
    }
    await closed;
    expect(sawTemporary).toBe(true);
    expect(child.signalCode).toBe('SIGKILL');

    const counts = expectEachOldOrNew(await paperFiles(out), before, after);
    expect(counts.old + counts.new).toBe(2000);
    // What the kill left behind is hidden, so neither the importer, the checker nor the site
    // (which read `*.md` files only) takes it for a paper.
    const leftovers = await temporaryFiles(out);
    for (const name of leftovers) expect(name).toMatch(/^\..*\.md\.tmp-\d+-[0-9a-f]{8}$/);
    expect(await listMarkdownFiles(out)).toEqual([...before.keys()]);
    expect((await readPapers(out)).problems).toEqual([]);

    const again = await runImport(['--out', out, ...NO_TAXONOMY, ...files]);
    expect(again.code, again.stderr).toBe(0);
    if (leftovers.length > 0) {
      expect(again.stdout).toContain(
        `removed ${leftovers.length} temporary files an interrupted import left in ${out}`,
      );
    }
    expect(await temporaryFiles(out)).toEqual([]);
    expect(await paperFiles(out)).toEqual(after);
  });

  it('leaves every file old or new and no temporary file when a rename fails', async () => {
    const dir = await newTempDir('rename-fails');
    const out = path.join(dir, 'papers');
    const { sources, files } = await twoListings(dir, 20);
    const { before, after } = await beforeAndAfter(out, sources);

    const failingRename = (at: number) => ({
      nodeOptions: ['--import', './tests/robustness/fail-rename.ts'],
      env: { FAIL_RENAME_AT: String(at) },
    });
    const run = await runImport(['--out', out, ...NO_TAXONOMY, ...files], failingRename(1));
    expect(run.code).toBe(1);
    expect(crashSigns(run.stderr), run.stderr).toEqual([]);
    expect(run.stderr).toMatch(/^npm run import stopped: EIO: i\/o error, rename /);
    expect(await temporaryFiles(out)).toEqual([]);
    expect(expectEachOldOrNew(await paperFiles(out), before, after)).toEqual({ old: 20, new: 0 });

    const later = await runImport(['--out', out, ...NO_TAXONOMY, ...files], failingRename(8));
    expect(later.code).toBe(1);
    expect(await temporaryFiles(out)).toEqual([]);
    expect(expectEachOldOrNew(await paperFiles(out), before, after)).toEqual({ old: 13, new: 7 });

    const fixed = await runImport(['--out', out, ...NO_TAXONOMY, ...files]);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain('wrote 0 new and 13 updated paper files');
    expect(await paperFiles(out)).toEqual(after);
  });

  it('removes the temporary files of a killed import, but not those of one still running', async () => {
    const dir = await newTempDir('leftovers');
    const out = path.join(dir, 'papers');
    const { sources, files } = await twoListings(dir, 3);
    const { before, after } = await beforeAndAfter(out, sources);
    const [name = ''] = [...before.keys()];
    // A process that has ended, and this one, which is running.
    const ended = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => ended.once('close', resolve));
    const dead = `.${name}.tmp-${String(ended.pid)}-0badc0de`;
    const running = `.${name}.tmp-${String(process.pid)}-0badc0de`;
    for (const leftover of [dead, running])
      await writeFile(path.join(out, leftover), '---\ntitle: "half');

    const dry = await runImport(['--dry-run', '--out', out, ...NO_TAXONOMY, ...files]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(await temporaryFiles(out)).toEqual([dead, running].sort());

    const run = await runImport(['--out', out, ...NO_TAXONOMY, ...files]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`removed 1 temporary files an interrupted import left in ${out}`);
    expect(await temporaryFiles(out)).toEqual([running]);
    expect(await paperFiles(out)).toEqual(after);
    expect((await readdir(out)).filter((entry) => !entry.startsWith('.'))).toEqual([
      ...after.keys(),
    ]);
  });
});
