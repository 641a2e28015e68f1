/**
 * `node scripts/check.ts`, run the way `npm run check` runs it: from the repository root, with the
 * Node that runs the tests (Node 24 strips the types). The broken corpus holds one file per kind
 * of mistake; see tests/fixtures/broken-corpus/README.md.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runScript, type Run } from '../helpers/cli.ts';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.ts';
import { useTempDirs } from '../helpers/temp.ts';

function runCheck(args: readonly string[]): Promise<Run> {
  return runScript('check.ts', args);
}

const P = 'tests/fixtures/broken-corpus/papers/';
const T = 'tests/fixtures/broken-corpus/topics.yaml';
const FIELDS =
  'title, date, dateText, authorCount, authors, upvotes, upvotesOn, comments, topics, autoTopics, arxiv, arxivCategory, doi, url, code, projectPage, venue, sources, added, notes';
const ABSTRACT_HINT =
  'paste the abstract as published, as one paragraph below the closing "---" line';

/** Every line `npm run check` must print for the broken corpus, in order. */
const EXPECTED = [
  `${P}.assigned-topics.json:1: record: the shared record of automatic topics is no longer used: each paper keeps its own in \`autoTopics\` (run \`npm run import\`, which moves its entries into the papers and deletes it)`,
  `${P}Weight_Decay_Revisited.md:1: file name: "Weight_Decay_Revisited.md" is not a well-formed slug (rename it to weight-decay-revisited.md: lower-case letters and digits joined by single hyphens, at most 80 characters before a -2, -3 suffix)`,
  `${P}bad-arxiv-id.md:5: arxiv: expected an arXiv identifier such as 2106.09685 or cs/0112017 (write only the identifier, such as "2106.09685")`,
  `${P}bad-url.md:5: url: expected an http(s) URL (write a full http(s) link)`,
  `${P}byte-order-mark.md:1: frontmatter: the file starts with an invisible byte-order mark (save the file as UTF-8 without BOM, so that its first line is exactly "---")`,
  `${P}date-not-iso.md:3: date: "June 11, 2024" is not an ISO date such as 2024-06-11 (write the date as "2024-06-11")`,
  `${P}empty-abstract.md:7: abstract: empty (${ABSTRACT_HINT})`,
  `${P}impossible-date.md:3: date: "2024-02-30" is not a day of the calendar (write the date as "2024-06-11")`,
  `${P}invalid-yaml.md:2: frontmatter: invalid YAML: bad indentation of a mapping entry (write the value in double quotes: a colon followed by a space starts a new field)`,
  `${P}lorem-ipsum-abstract.md:7: abstract: placeholder "Lorem ipsum" instead of the abstract (${ABSTRACT_HINT})`,
  `${P}malformed-topic-id.md:3: topics: expected a topic id such as weight-penalties (list topic ids from ${T})`,
  `${P}missing-added-date.md:1: added: missing (add a line added: "YYYY-MM-DD" with the day the paper joins the list)`,
  `${P}missing-frontmatter.md:1: frontmatter: missing frontmatter (start the file with a line "---", the fields, and another "---"; see CONTRIBUTING.md)`,
  `${P}missing-title.md:1: title: missing (add a line such as title: "Decoupled Weight Decay Regularization" below the first "---")`,
  `${P}near-identical-title-2-typo.md:2: title: nearly the same title as ${P}near-identical-title-1-original.md (if it is the same paper, keep one file and delete the other; if not, give both files their arXiv ids)`,
  `${P}no-topics.md:3: topics: no topics (list topic ids from ${T}, primary topic first, or empty the list and run \`npm run import\` to let the rules choose)`,
  `${P}paper-in-the-wrong-format.markdown:1: file name: not a paper file, so the site ignores it (rename it to paper-in-the-wrong-format.md)`,
  `${P}placeholder-abstract.md:7: abstract: placeholder "TODO" instead of the abstract (${ABSTRACT_HINT})`,
  `${P}placeholder-title.md:2: title: placeholder "TBD" instead of the title (write the paper's title as published)`,
  `${P}same-arxiv-2-copy.md:5: arxiv: same arXiv id as ${P}same-arxiv-1-original.md (a paper is listed once: keep one file and delete the other, or correct the arXiv id)`,
  `${P}same-title-2-copy.md:2: title: same title as ${P}same-title-1-original.md (a paper is listed once: keep one file, move anything only the other has into it, delete the other)`,
  `${P}too-short-abstract.md:7: abstract: only 12 characters, too short for an abstract of at least 20 (${ABSTRACT_HINT})`,
  `${P}topic-listed-twice.md:3: topics: "weight-penalties" is listed twice (list each topic once, the primary topic first)`,
  `${P}unclosed-frontmatter.md:1: frontmatter: the frontmatter is never closed (end the fields with a line "---" and put the abstract below it)`,
  `${P}unknown-auto-topic.md:5: autoTopics: unknown topic id "dropout" (it records what the rules chose and is written by \`npm run import\`; delete the field to mark the topics as chosen by hand)`,
  `${P}unknown-fields.md:3: tags: unknown field (remove it, or use one of: ${FIELDS})`,
  `${P}unknown-fields.md:7: keywords: unknown field (remove it, or use one of: ${FIELDS})`,
  `${P}unknown-topic.md:3: topics: unknown topic id "dropout" (did you mean "dropout-noise"? The ids are listed in ${T})`,
  `${P}wrong-type.md:3: upvotes: expected a number, not "many" (write a whole number, 0 or more)`,
  `${T}:30: topics[1].rules[0].patterns[1]: invalid regular expression '(unclosed': Unterminated group (write the pattern in single quotes, and put a backslash before ( ) [ ] { } . * + ? | where you mean the character itself)`,
];

const newTempDir = useTempDirs();

/** A content folder with the real taxonomy and the given paper files. */
async function corpus(papers: Readonly<Record<string, string>>): Promise<string> {
  const dir = await newTempDir('check');
  await mkdir(path.join(dir, 'papers'));
  await writeFile(
    path.join(dir, 'topics.yaml'),
    await readFile(path.join(repoRoot, 'content/topics.yaml')),
  );
  for (const [name, text] of Object.entries(papers)) {
    await writeFile(path.join(dir, 'papers', name), text);
  }
  return dir;
}

const GOOD_PAPER = `---
title: "Decoupled Weight Decay Regularization"
topics:
  - "weight-penalties"
  - "optimization"
arxiv: "1711.05101"
sources: []
added: "2026-11-22"
---
L2 regularization and weight decay regularization are equivalent for standard stochastic gradient descent, but not for adaptive gradient algorithms such as Adam.
`;

describe('npm run check on a corpus of broken files', () => {
  it('prints every mistake as one line, sorted by file and line, then a count, and exits 1', async () => {
    const run = await runCheck(['tests/fixtures/broken-corpus']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1)).toEqual(EXPECTED);
    expect(lines.at(-1)).toBe('30 problems in 29 files (32 papers, 3 topics)');
  });

  it('reports every file of the corpus except the correct control papers', async () => {
    const run = await runCheck(['tests/fixtures/broken-corpus']);
    const reported = new Set(EXPECTED.map((line) => line.slice(0, line.indexOf(':'))));
    const names = await readdir(path.join(repoRoot, P));
    const controls = ['a-valid-control-paper.md', 'near-miss-part-1.md', 'near-miss-part-2.md'];
    // The first file of each duplicated pair is correct on its own; the second is reported.
    const originals = names.filter((name) => name.includes('-1-original'));
    expect(names.filter((name) => !reported.has(`${P}${name}`)).sort()).toEqual(
      [...controls, ...originals].sort(),
    );
    expect(run.stdout).not.toMatch(/a-valid-control-paper|near-miss-part/);
  });
});

describe('npm run check on good content', () => {
  it('passes the real content with a one-line summary', async () => {
    const papers = (await readdir(path.join(repoRoot, 'content/papers'))).filter((name) =>
      name.endsWith('.md'),
    );
    const run = await runCheck([]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${papers.length} papers, 16 topics: no problems\n`);
    expect(run.code).toBe(0);
  });

  it('treats a file name that is not a slug as an error, not a warning', async () => {
    const dir = await corpus({ 'Decoupled Weight Decay.md': GOOD_PAPER });
    const run = await runCheck([dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `${dir}/papers/Decoupled Weight Decay.md:1: file name: "Decoupled Weight Decay.md" is not a well-formed slug (rename it to decoupled-weight-decay-regularization.md: lower-case letters and digits joined by single hyphens, at most 80 characters before a -2, -3 suffix)\n` +
        '1 problem in 1 file (1 paper, 16 topics)\n',
    );
  });

  it('names files as the folder was given, with or without a trailing slash', async () => {
    const run = await runCheck(['content/']);
    expect(run.code).toBe(0);
    const withoutAbstract = GOOD_PAPER.slice(0, GOOD_PAPER.lastIndexOf('---\n') + 4);
    const dir = await corpus({ 'no-abstract.md': withoutAbstract });
    const broken = await runCheck([`${dir}/`]);
    expect(broken.stdout.split('\n')[0]).toMatch(
      new RegExp(`^${dir}/papers/no-abstract\\.md:10: abstract: empty `),
    );
  });
});

describe('npm run check usage', () => {
  it('exits 2 and says so when the folder has no papers folder', async () => {
    const dir = await newTempDir('check-empty');
    const run = await runCheck([dir]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${dir}/papers: cannot read the papers folder`);
  });

  it('reports a missing taxonomy file as a problem of the content', async () => {
    const dir = await newTempDir('check-no-taxonomy');
    await mkdir(path.join(dir, 'papers'));
    await writeFile(
      path.join(dir, 'papers', 'decoupled-weight-decay-regularization.md'),
      GOOD_PAPER,
    );
    const run = await runCheck([dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `${dir}/topics.yaml:1: topics: the taxonomy file is missing (restore it from git; it lists the topics papers may use and the rules that assign them)\n` +
        '1 problem in 1 file (1 paper)\n',
    );
  });
});
