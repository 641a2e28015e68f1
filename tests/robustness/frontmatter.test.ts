/**
 * Paper files carry hostile text safely: whatever a title, an abstract or any hand-written field
 * holds, the file serializePaper writes reads back byte-identical through readPaperFile
 * (gray-matter) and through js-yaml 4 as Astro splits and loads frontmatter. tests/paper-file.test.ts
 * covers short titles and abstracts; this extends it to every text field, to YAML, HTML and
 * Markdown syntax mixed with astral-plane text, combining marks and line separators, and to very
 * long values.
 */
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readPaperFile, serializePaper } from '../../src/lib/paper/paper-file.ts';
import type { PaperData } from '../../src/lib/paper/schema.ts';
import { HOSTILE_STRINGS } from './arbitraries.ts';

/**
 * How Astro reads a Markdown file's frontmatter: the same expression and js-yaml 4's `load` with
 * its default schema, as in `parseFrontmatter` of @astrojs/internal-helpers, which Astro's glob
 * loader uses for `.md` entries.
 */
const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

function astroRead(text: string): { frontmatter: unknown; body: string } {
  const raw = ASTRO_FRONTMATTER.exec(text)?.[1];
  if (raw === undefined) throw new Error('Astro finds no frontmatter');
  return { frontmatter: load(raw), body: text.replace(`---${raw}---`, '') };
}

/** Expects the paper to come back exactly, through both readers. */
function expectRoundTrip(data: PaperData, abstract: string): void {
  const text = serializePaper(data, abstract);
  const result = readPaperFile(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(result.data).toEqual(data);
  expect(result.abstract === abstract, 'abstract differs').toBe(true);
  const astro = astroRead(text);
  expect(astro.frontmatter).toEqual(data);
  expect(astro.body === `\n${abstract}\n`, 'Astro reads another body').toBe(true);
}

const hostilePiece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom('regularization', 'weight decay', 'Dropout', ' ', ' ') },
);

/** Text as JS trims it and the schema needs it: non-empty, no space at either end. */
function trimmed(arbitrary: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return arbitrary.map((text) => text.trim()).filter((text) => text !== '');
}

const hostileText = trimmed(
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .array(hostilePiece, { minLength: 1, maxLength: 30 })
        .map((parts) => parts.join('')),
    },
    // Very long: a few thousand characters of the same mix.
    {
      weight: 1,
      arbitrary: fc
        .array(hostilePiece, { minLength: 200, maxLength: 600 })
        .map((parts) => parts.join('')),
    },
  ),
);

/** An abstract as a body: any of the above, several lines, none with a carriage return. */
const hostileAbstract = fc
  .array(hostileText, { minLength: 1, maxLength: 4 })
  .map((lines) => lines.join('\n').replace(/\r/g, '').trim())
  .filter((text) => text !== '');

const paperArbitrary: fc.Arbitrary<PaperData> = fc
  .record(
    {
      title: hostileText,
      dateText: fc.constantFrom('Mar 6', 'Dec 31'),
      authorCount: fc.integer({ min: 1, max: 500 }),
      authors: fc.array(hostileText, { minLength: 1, maxLength: 4 }),
      upvotes: fc.nat({ max: 10_000 }),
      comments: fc.nat({ max: 500 }),
      topics: fc.subarray(['weight-penalties', 'dropout-noise', 'robustness'], { minLength: 1 }),
      arxiv: fc.constantFrom('2106.09685', 'cs/0112017', '1711.05101v3'),
      url: fc.constantFrom(
        'https://example.org/paper?a=1&b="two"#three',
        "https://example.org/%E6%AD%A3/it's",
        'http://example.org/a:b/---/yes',
      ),
      venue: hostileText,
      sources: fc.array(hostileText, { maxLength: 3 }),
      notes: hostileText,
    },
    { requiredKeys: ['title', 'topics', 'sources'] },
  )
  .map((fields) => ({ ...fields, added: '2026-11-22' }));

describe('paper files with hostile text in every field', () => {
  it('read back byte-identical through gray-matter and through js-yaml 4 as Astro reads them', () => {
    fc.assert(
      fc.property(paperArbitrary, hostileAbstract, (data, abstract) => {
        expectRoundTrip(data, abstract);
      }),
      { seed: 20_261_122, numRuns: 300 },
    );
  });

  it('read back a 100,000-character title and a 1 MB abstract of hostile text exactly', () => {
    const pieces = HOSTILE_STRINGS.filter((piece) => piece.trim() !== '');
    const long = (length: number) => {
      let text = '';
      for (let index = 0; text.length < length; index += 1) {
        text += `${pieces[index % pieces.length] ?? ''} `;
      }
      return text.trim();
    };
    const data: PaperData = {
      title: long(100_000),
      topics: ['weight-penalties'],
      sources: [],
      added: '2026-11-22',
      notes: long(10_000),
    };
    expectRoundTrip(data, long(1_048_576));
  });

  it('keep a title that is nothing but a frontmatter fence or a YAML document marker', () => {
    for (const title of ['---', '...', '--- ---', '+++', '---\n---', '%YAML 1.2\n---']) {
      expectRoundTrip({ title, topics: [], sources: [], added: '2026-11-22' }, 'An abstract.');
    }
  });
});
