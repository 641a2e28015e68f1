/**
 * What `npm run import` reports and records, written out by hand: the capture date of every month,
 * the summary of each listing, the warnings when listings disagree, and each write's changes.
 */
import { describe, expect, it } from 'vitest';
import { planImport, sourceDate } from '../src/lib/import/importer.ts';
import { RetiredList } from '../src/lib/paper/retired.ts';
import { blocksListing, onePerLineListing, paragraphsListing } from './helpers/listings.ts';

const TODAY = '2027-01-15';
const DROPOUT = {
  title: 'Lattice Dropout: Structured Noise for Feature Maps',
  abstract: 'Dropout on feature maps removes too little information. We drop whole sublattices.',
};
const DROPOUT_SLUG = 'lattice-dropout-structured-noise-for-feature-maps';

describe('sourceDate', () => {
  it.each([
    '2026-01-31',
    '2026-02-28',
    '2026-03-31',
    '2026-04-30',
    '2026-05-31',
    '2026-06-30',
    '2026-07-31',
    '2026-08-31',
    '2026-09-30',
    '2026-10-31',
    '2026-11-30',
    '2026-12-31',
  ])('reads the capture date %s from the start of a file name', (date) => {
    expect(sourceDate(`${date}-hf-papers-blocks.txt`, TODAY)).toBe(date);
  });

  it('falls back to today for a day the month does not have, or a date not at the start', () => {
    expect(sourceDate('2026-04-31-hf-papers-blocks.txt', TODAY)).toBe(TODAY);
    expect(sourceDate('hf-papers-2026-04-01.txt', TODAY)).toBe(TODAY);
    expect(sourceDate('hf-papers-2026-04-01-blocks.txt', TODAY)).toBe(TODAY);
    expect(sourceDate('2026-04-01.txt', TODAY)).toBe(TODAY);
  });
});

describe('planImport summaries and warnings', () => {
  const BLOCKS = '2026-11-22-hf-papers-blocks.txt';
  const ONE_LINE = '2026-11-29-hf-papers-one-per-line.txt';

  it('counts what each listing brought, merged, split by rule and left out as retired', () => {
    const result = planImport(
      [
        { name: BLOCKS, text: blocksListing([{ ...DROPOUT, authors: 4, date: 'Jun 11, 2024 3' }]) },
        {
          name: ONE_LINE,
          text: onePerLineListing([
            { ...DROPOUT, upvotes: '3', authors: 4, date: 'Jun 11, 2024' },
            {
              title: 'Mixup Helps',
              abstract: 'We show that mixup helps small networks.',
              upvotes: '-',
              authors: 2,
              date: 'Mar 3, 2025',
            },
            {
              title: 'Retired Paper',
              abstract: 'We study a paper the curator took out.',
              upvotes: '1',
              authors: 1,
              date: 'Mar 4, 2025',
            },
          ]),
        },
      ],
      [],
      {
        today: TODAY,
        retired: new RetiredList([{ title: 'Retired Paper', reason: 'Off topic.' }]),
      },
    );
    expect(result.summaries).toEqual([
      {
        file: BLOCKS,
        layout: 'blocks',
        entries: 1,
        newPapers: 1,
        alreadyPresent: 0,
        duplicatesMerged: 0,
        titlesByRule: 0,
        retired: 0,
        refreshed: 0,
        warnings: [],
      },
      {
        file: ONE_LINE,
        layout: 'one-per-line',
        entries: 3,
        newPapers: 1,
        alreadyPresent: 0,
        duplicatesMerged: 1,
        titlesByRule: 2,
        retired: 1,
        refreshed: 0,
        warnings: [],
      },
    ]);
    expect(result.writes.map((write) => [write.slug, write.status])).toEqual([
      [DROPOUT_SLUG, 'new'],
      ['mixup-helps', 'new'],
    ]);
    expect([result.unchanged, result.migrated, result.topicChanges]).toEqual([0, 0, []]);
  });

  it('warns when a later listing prints the title or abstract differently, keeping the first', () => {
    const PARAGRAPHS = '2026-12-01-hf-papers-paragraphs.txt';
    const result = planImport(
      [
        { name: BLOCKS, text: blocksListing([{ ...DROPOUT, authors: 4, date: 'Jun 11, 2024' }]) },
        {
          name: PARAGRAPHS,
          text: paragraphsListing([
            { title: DROPOUT.title.toUpperCase(), abstract: `${DROPOUT.abstract} More.` },
          ]),
        },
      ],
      [],
      { today: TODAY },
    );
    expect(result.summaries[1]?.warnings).toEqual([
      `${PARAGRAPHS}:11: title "${DROPOUT.title.toUpperCase()}" differs in case or punctuation from "${DROPOUT.title}" (kept the first)`,
      `${PARAGRAPHS}:11: abstract differs from the one given earlier (kept the first)`,
    ]);
    expect(result.writes[0]?.text).toContain(`title: "${DROPOUT.title}"\n`);
    expect(result.writes[0]?.text).toContain(
      'sources:\n  - "2026-11-22-hf-papers-blocks.txt"\n  - "2026-12-01-hf-papers-paragraphs.txt"\n',
    );
    expect(result.writes[0]?.text).toContain('added: "2026-11-22"\n');
  });

  it('lists the fields a new paper sets, in file order, the abstract last', () => {
    const result = planImport(
      [{ name: BLOCKS, text: blocksListing([{ ...DROPOUT, authors: 4, date: 'Jun 11, 2024 3' }]) }],
      [],
      { today: TODAY },
    );
    // Strictly: a new field has no `before`, or the dry run would print `title undefined → …`.
    expect(result.writes[0]?.changes).toStrictEqual([
      { field: 'title', after: DROPOUT.title },
      { field: 'date', after: '2024-06-11' },
      { field: 'authorCount', after: 4 },
      { field: 'upvotes', after: 3 },
      { field: 'topics', after: [] },
      { field: 'sources', after: [BLOCKS] },
      { field: 'added', after: '2026-11-22' },
      { field: 'abstract' },
    ]);
  });
});
