/**
 * The checker as pure functions over file names and texts: the cases the broken corpus does not
 * show one by one (line endings, groups of copies, stray entries, every kind of placeholder).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCorpus, classifyEntry, formatReport } from '../../src/lib/check/corpus.ts';
import { abstractProblem, titleProblem } from '../../src/lib/check/placeholders.ts';
import { formatProblem } from '../../src/lib/problems/problem.ts';
import { repoRoot } from '../helpers/paths.ts';

const TAXONOMY = readFileSync(path.join(repoRoot, 'content/topics.yaml'), 'utf8');

function paper(title: string, extra = '', abstract = 'A long enough abstract about weight decay.') {
  return `---\ntitle: ${JSON.stringify(title)}\ntopics:\n  - "weight-penalties"\n${extra}added: "2026-01-05"\n---\n${abstract}\n`;
}

function check(
  papers: Readonly<Record<string, string>>,
  options: {
    taxonomy?: string | undefined;
    record?: string;
    strays?: { name: string; isFolder: boolean }[];
  } = {},
): string[] {
  const report = checkCorpus({
    papersDir: 'content/papers',
    taxonomyFile: 'content/topics.yaml',
    taxonomyText: 'taxonomy' in options ? options.taxonomy : TAXONOMY,
    papers: Object.entries(papers).map(([name, text]) => ({ name, text })),
    topicRecord: options.record,
    strays: options.strays ?? [],
  });
  return report.problems.map(formatProblem);
}

describe('checkCorpus', () => {
  it('finds nothing wrong with correct papers and says so in one line', () => {
    const report = checkCorpus({
      papersDir: 'content/papers',
      taxonomyFile: 'content/topics.yaml',
      taxonomyText: TAXONOMY,
      papers: [{ name: 'weight-decay.md', text: paper('Weight Decay') }],
    });
    expect(report.problems).toEqual([]);
    expect(formatReport(report)).toBe('1 paper, 16 topics: no problems\n');
  });

  it('gives the right lines in a file saved with Windows line endings', () => {
    const text = paper('Weight Decay', 'arxiv: "arXiv:1711.05101"\n', 'TBD').replaceAll(
      '\n',
      '\r\n',
    );
    expect(check({ 'weight-decay.md': text })).toEqual([
      'content/papers/weight-decay.md:5: arxiv: expected an arXiv identifier such as 2106.09685 or cs/0112017 (write only the identifier, such as "2106.09685")',
      'content/papers/weight-decay.md:8: abstract: placeholder "TBD" instead of the abstract (paste the abstract as published, as one paragraph below the closing "---" line)',
    ]);
  });

  it('names the first file once for each later copy of a paper', () => {
    const problems = check({
      'a.md': paper('Weight Decay'),
      'b.md': paper('WEIGHT DECAY'),
      'c.md': paper('Weight-Decay'),
    });
    expect(problems.map((line) => line.slice(0, line.indexOf(' (')))).toEqual([
      'content/papers/b.md:2: title: same title as content/papers/a.md',
      'content/papers/c.md:2: title: same title as content/papers/a.md',
    ]);
  });

  it('still checks topic ids when the taxonomy has a mistake elsewhere', () => {
    const broken = TAXONOMY.replace("- 'weight decay'", "- '(weight decay'");
    const problems = check(
      { 'a.md': paper('Weight Decay').replace('weight-penalties', 'weight-penalty') },
      { taxonomy: broken },
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^content\/papers\/a\.md:3: topics: unknown topic id "weight-penalty" \(did you mean "weight-penalties"\?/,
    );
    expect(problems[1]).toMatch(
      /^content\/topics\.yaml:\d+: topics\[0\]\.rules\[0\]\.patterns\[0\]: invalid regular expression/,
    );
  });

  it('reports a taxonomy that is not YAML at its line, and leaves topic ids unchecked', () => {
    const problems = check(
      { 'a.md': paper('Weight Decay') },
      { taxonomy: 'scoring:\n  - a\n b: [' },
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/topics\.yaml:3: yaml: invalid YAML: /);
  });

  it('reports every unknown field, not only the first', () => {
    const text = paper('Weight Decay', 'tags: []\nkeywords: []\nisbn: "0-262-03384-4"\n');
    expect(check({ 'a.md': text }).map((line) => line.split(' (')[0])).toEqual([
      'content/papers/a.md:5: tags: unknown field',
      'content/papers/a.md:6: keywords: unknown field',
      'content/papers/a.md:7: isbn: unknown field',
    ]);
  });

  it('says a required field is missing rather than that it has the wrong type', () => {
    const text =
      '---\ntopics:\n  - "weight-penalties"\n---\nA long enough abstract about weight decay.\n';
    expect(check({ 'a.md': text }).map((line) => line.split(' (')[0])).toEqual([
      'content/papers/a.md:1: added: missing',
      'content/papers/a.md:1: title: missing',
    ]);
  });

  it('reports a field left without a value', () => {
    const text = paper('Weight Decay').replace('title: "Weight Decay"', 'title:');
    expect(check({ 'a.md': text })[0]).toMatch(/^content\/papers\/a\.md:2: title: has no value /);
  });

  it('reports files the site would silently leave out, and a leftover shared topic record', () => {
    const problems = check(
      {},
      {
        strays: [
          { name: 'Paper.MD', isFolder: false },
          { name: 'drafts', isFolder: true },
        ],
        record: '{"a": "weight-penalties"}\n',
      },
    );
    expect(problems).toEqual([
      'content/papers/.assigned-topics.json:1: record: the shared record of automatic topics is no longer used: each paper keeps its own in `autoTopics` (run `npm run import`, which moves its entries into the papers and deletes it)',
      'content/papers/Paper.MD:1: file name: not a paper file, so the site ignores it (rename it to paper.md)',
      'content/papers/drafts:1: file name: a folder, which the site ignores (the site reads only the Markdown files directly in content/papers; move the papers up and remove the folder)',
    ]);
  });
});

describe('autoTopics', () => {
  it('accepts a record of automatic topics that differs from topics: a person chose them', () => {
    const text = paper('Weight Decay', 'autoTopics:\n  - "optimization"\n');
    expect(check({ 'weight-decay.md': text })).toEqual([]);
  });

  it('reports a record of automatic topics naming an unknown or repeated topic at its line', () => {
    const text = paper(
      'Weight Decay',
      'autoTopics:\n  - "weight-penalty"\n  - "optimization"\n  - "optimization"\n',
    );
    expect(check({ 'weight-decay.md': text })).toEqual([
      'content/papers/weight-decay.md:5: autoTopics: "optimization" is listed twice (it records what the rules chose and is written by `npm run import`; delete the field to mark the topics as chosen by hand)',
      'content/papers/weight-decay.md:5: autoTopics: unknown topic id "weight-penalty" (it records what the rules chose and is written by `npm run import`; delete the field to mark the topics as chosen by hand)',
    ]);
  });

  it('reports an empty record of automatic topics', () => {
    const text = paper('Weight Decay', 'autoTopics: []\n');
    expect(check({ 'weight-decay.md': text })[0]).toMatch(
      /^content\/papers\/weight-decay\.md:5: autoTopics: /,
    );
  });
});

describe('classifyEntry', () => {
  it('reads paper files and the old topic record, skips hidden files, and flags everything else', () => {
    expect(classifyEntry('weight-decay.md', false)).toBe('paper');
    expect(classifyEntry('Weight Decay.md', false)).toBe('paper');
    expect(classifyEntry('.assigned-topics.json', false)).toBe('record');
    expect(classifyEntry('.weight-decay.md.tmp-123-abcd', false)).toBe('ignored');
    expect(classifyEntry('.DS_Store', false)).toBe('ignored');
    expect(classifyEntry('notes.txt', false)).toBe('stray');
    expect(classifyEntry('old.md', true)).toBe('stray');
  });
});

describe('abstractProblem and titleProblem', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['TODO', 'placeholder "TODO" instead of the abstract'],
    ['todo.', 'placeholder "todo." instead of the abstract'],
    ['TBD', 'placeholder "TBD" instead of the abstract'],
    ['N/A', 'placeholder "N/A" instead of the abstract'],
    ['Abstract', 'placeholder "Abstract" instead of the abstract'],
    ['Abstract:', 'placeholder "Abstract:" instead of the abstract'],
    ['...', 'placeholder "..." instead of the abstract'],
    ['Coming soon', 'placeholder "Coming soon" instead of the abstract'],
    ['TODO: paste the abstract from arXiv later', 'placeholder "TODO:" instead of the abstract'],
    [
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit.',
      'placeholder "Lorem ipsum" instead of the abstract',
    ],
    ['We study dropout.', 'only 17 characters, too short for an abstract of at least 20'],
  ])('rejects the abstract %j', (abstract, message) => {
    expect(abstractProblem(abstract)?.message).toBe(message);
  });

  it.each([
    'We study dropout in depth.',
    'Today we show that weight decay is implicit regularization in disguise.',
    'Abstract reasoning benefits from regularization, as we show on ARC.',
    'N/A-aware training: handling missing features with dropout.',
  ])('accepts the abstract %j', (abstract) => {
    expect(abstractProblem(abstract)).toBeUndefined();
  });

  it('rejects placeholder titles but not short real ones', () => {
    expect(titleProblem('TBD')?.message).toBe('placeholder "TBD" instead of the title');
    expect(titleProblem('Untitled')?.message).toBe('placeholder "Untitled" instead of the title');
    expect(titleProblem('Mixout')).toBeUndefined();
    expect(titleProblem('Abstract Reasoning with Regularized Transformers')).toBeUndefined();
  });
});
