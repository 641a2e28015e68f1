/**
 * Paper files: what the importer writes must read back exactly, both through gray-matter (our
 * reader) and through js-yaml 4 (what Astro uses to read frontmatter), and bad hand edits must be
 * reported with the line to fix.
 */
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readPaperFile, serializePaper, type ReadResult } from '../src/lib/paper/paper-file.ts';
import { paperFieldOrder, paperSchema, type PaperData } from '../src/lib/paper/schema.ts';
import type { Problem } from '../src/lib/problems/problem.ts';
import { HOSTILE_STRINGS } from './robustness/arbitraries.ts';

/** Frontmatter and body the way Astro splits a Markdown file (see @astrojs/internal-helpers). */
function astroRead(text: string): { frontmatter: unknown; body: string } {
  const match = /^---([\s\S]*?\n)---/.exec(text);
  if (match === null) throw new Error('no frontmatter block');
  return { frontmatter: load(match[1] ?? ''), body: text.slice(match[0].length) };
}

function minimalPaper(title: string): PaperData {
  return { title, topics: [], sources: ['2026-11-22-hf-papers-blocks.txt'], added: '2026-11-22' };
}

function problemsOf(result: ReadResult): Problem[] {
  if (result.ok) throw new Error(`the file was accepted: ${JSON.stringify(result.data)}`);
  return result.problems;
}

/** Expects the paper to read back with this exact title and abstract through both parsers. */
function expectRoundTrip(title: string, abstract: string): void {
  const text = serializePaper(minimalPaper(title), abstract);
  const result = readPaperFile(text);
  if (!result.ok) throw new Error(`${JSON.stringify(title)}: ${JSON.stringify(result.problems)}`);
  expect(result.data.title).toBe(title);
  expect(result.abstract).toBe(abstract);
  const astro = astroRead(text);
  expect(astro.frontmatter).toMatchObject({ title });
  expect(astro.body).toBe(abstract === '' ? '\n' : `\n${abstract}\n`);
}

/** The shared hostile strings that can be a title as written: trimmed, not blank. */
const HOSTILE_TITLES = HOSTILE_STRINGS.filter((text) => text.trim() === text && text !== '');

describe('serializePaper and readPaperFile', () => {
  it('round-trips YAML-hostile titles byte for byte through gray-matter and js-yaml 4', () => {
    for (const title of HOSTILE_TITLES) expectRoundTrip(title, 'An abstract.');
  });

  it('round-trips abstracts that look like frontmatter or Markdown syntax', () => {
    expectRoundTrip('A title', '---\ntitle: "not the title"\n---\n# Heading\n- item: x');
    expectRoundTrip('A title', 'We minimise $\\|Wx - y\\|^2 + \\lambda \\|W\\|_1$ (the lasso).');
    expectRoundTrip('A title', '');
  });

  for (const unit of ['grapheme', 'binary'] as const) {
    it(`round-trips any trimmed, non-blank title and trimmed abstract (fast-check, ${unit})`, () => {
      const trimmed = fc.string({ unit, maxLength: 60 }).filter((text) => text.trim() === text);
      fc.assert(
        fc.property(
          trimmed.filter((text) => text !== ''),
          trimmed,
          (title, abstract) => {
            expectRoundTrip(title, abstract);
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  it('writes the fields in paperFieldOrder and ends the file with one newline', () => {
    const data: PaperData = {
      title: 'A title',
      date: '2024-06-11',
      authorCount: 3,
      authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
      upvotes: 4,
      upvotesOn: '2026-12-01',
      comments: 1,
      topics: ['weight-penalties', 'dropout'],
      autoTopics: ['weight-penalties'],
      arxiv: '2106.09685',
      arxivCategory: 'cs.LG',
      doi: '10.1000/xyz-123',
      url: 'https://example.org/paper',
      code: 'https://github.com/example/paper',
      projectPage: 'https://example.org/paper/project',
      venue: 'NeurIPS 2023',
      sources: ['2026-11-22-hf-papers-blocks.txt'],
      added: '2026-11-22',
      notes: 'A note.',
    };
    const text = serializePaper(data, 'An abstract.');
    const keys = [...text.matchAll(/^([A-Za-z]+):/gm)].map((match) => match[1]);
    expect(keys).toEqual(paperFieldOrder.filter((field) => field !== 'dateText'));
    expect(text.endsWith('An abstract.\n')).toBe(true);
    const result = readPaperFile(text);
    expect(result.ok && result.data).toEqual(data);
  });

  it('writes every field of the schema: each has one place in paperFieldOrder', () => {
    expect([...paperFieldOrder].sort()).toEqual(Object.keys(paperSchema.shape).sort());
    expect(new Set(paperFieldOrder).size).toBe(paperFieldOrder.length);
  });
});

describe('readPaperFile on hand-edited files', () => {
  const valid = '---\ntitle: "T"\ntopics: []\nsources: []\nadded: "2026-01-01"\n---\nAbstract.\n';

  it('reads a file saved with CRLF line endings', () => {
    const result = readPaperFile(valid.replace(/\n/g, '\r\n'));
    expect(result.ok && result.data.title).toBe('T');
    expect(result.ok && result.abstract).toBe('Abstract.');
  });

  it('accepts unquoted dates a contributor writes by hand', () => {
    const result = readPaperFile('---\ntitle: T\ndate: 2024-06-11\nadded: 2026-01-01\n---\nA.\n');
    expect(result.ok && [result.data.date, result.data.added]).toEqual([
      '2024-06-11',
      '2026-01-01',
    ]);
  });

  it('reports a file without frontmatter at line 1', () => {
    expect(problemsOf(readPaperFile('title: "T"\n\nAbstract.\n'))).toEqual([
      expect.objectContaining({ line: 1, field: 'frontmatter', message: 'missing frontmatter' }),
    ]);
  });

  it('reports an unknown field at its line', () => {
    const text = valid.replace('topics: []\n', 'topics: []\nauthor: "Ada"\n');
    expect(problemsOf(readPaperFile(text))).toEqual([
      expect.objectContaining({ line: 4, field: 'author', message: 'unknown field' }),
    ]);
  });

  it('words what is wrong as npm run check does, with the value as written and a suggestion', () => {
    const text = valid
      .replace('title: "T"\n', '')
      .replace('topics: []\n', 'topics: []\nupvotes: many\nauthor: "Ada"\n');
    expect(problemsOf(readPaperFile(text))).toEqual([
      {
        line: 1,
        field: 'title',
        message: 'missing',
        hint: 'add a line such as title: "Decoupled Weight Decay Regularization" below the first "---"',
      },
      {
        line: 3,
        field: 'upvotes',
        message: 'expected a number, not "many"',
        hint: 'write a whole number, 0 or more',
      },
      {
        line: 4,
        field: 'author',
        message: 'unknown field',
        hint: `did you mean \`authors\`? The fields are: ${paperFieldOrder.join(', ')}`,
      },
    ]);
  });

  it('reports a date that is no real day at its line', () => {
    const text = valid.replace('topics: []\n', 'topics: []\ndate: "2024-02-30"\n');
    expect(problemsOf(readPaperFile(text))).toEqual([
      expect.objectContaining({ line: 4, field: 'date' }),
    ]);
  });

  it('reports an `added` date that is not a date at its line', () => {
    const text = valid.replace('added: "2026-01-01"', 'added: "yesterday"');
    expect(problemsOf(readPaperFile(text))).toEqual([
      expect.objectContaining({ line: 5, field: 'added' }),
    ]);
  });

  it('reports a date written as a month and day in dateText only when it has that shape', () => {
    const good = readPaperFile(valid.replace('topics: []\n', 'dateText: "Mar 6"\ntopics: []\n'));
    expect(good.ok && good.data.dateText).toBe('Mar 6');
    const bad = valid.replace('topics: []\n', 'dateText: "6 March"\ntopics: []\n');
    expect(problemsOf(readPaperFile(bad))).toEqual([
      expect.objectContaining({ line: 3, field: 'dateText' }),
    ]);
  });

  it('reports invalid YAML as a frontmatter problem', () => {
    const text = valid.replace('topics: []\n', 'notes: a: b\ntopics: []\n');
    const [problem] = problemsOf(readPaperFile(text));
    expect(problem?.field).toBe('frontmatter');
    expect(problem?.message).toMatch(/^invalid YAML: /);
  });

  // Known bug: gray-matter hands js-yaml the frontmatter starting with the newline after the
  // opening `---`, so js-yaml's 0-based line already counts that line; readPaperFile adds 2
  // instead of 1 and points one line below the mistake.
  it('reports invalid YAML at the line of the mistake', () => {
    const colon = valid.replace('topics: []\n', 'notes: a: b\ntopics: []\n');
    expect(problemsOf(readPaperFile(colon))[0]?.line).toBe(3);
    const duplicate = valid.replace('topics: []\n', 'title: "U"\ntopics: []\n');
    expect(problemsOf(readPaperFile(duplicate))[0]?.line).toBe(3);
  });

  // Known bug: js-yaml (via gray-matter) turns an unquoted 2024-02-30 into a Date that rolls
  // over to 2024-03-01, and the schema accepts any valid Date, so the typo is silently changed.
  it('reports an unquoted date that is no real day instead of moving it', () => {
    const text = valid.replace('topics: []\n', 'topics: []\ndate: 2024-02-30\n');
    expect(problemsOf(readPaperFile(text))).toEqual([
      expect.objectContaining({ line: 4, field: 'date' }),
    ]);
  });

  // Known bug: gray-matter parses with js-yaml 3, which accepts a tab before a key; Astro reads
  // frontmatter with js-yaml 4, which refuses it, so the file passes the reader and breaks the site.
  it('refuses a field indented with a tab, which Astro cannot read', () => {
    const text = valid.replace('topics: []\n', 'topics: []\n\tnotes: "x"\n');
    expect(() => astroRead(text)).toThrow(/tab characters must not be used in indentation/);
    expect(readPaperFile(text).ok).toBe(false);
  });
});
