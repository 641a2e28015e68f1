/**
 * Importing into a list that already has papers: how an entry finds the paper it names (after a
 * curator corrected its title or abstract), which counts a newer listing refreshes, and what each
 * write reports, all with expectations written out by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  planImport,
  type ImportOptions,
  type ImportPlan,
  type SourceFile,
} from '../src/lib/import/importer.ts';
import { RetiredList } from '../src/lib/paper/retired.ts';
import {
  blocksListing,
  onePerLineListing,
  paragraphsListing,
  titleAbstractLines,
} from './helpers/listings.ts';
import { LATTICE, LATTICE_SLUG, summaryOf, TODAY, writeOf } from './helpers/import-plan.ts';
import { applyPlan, edit, existingPapers, type PapersFolder } from './helpers/papers.ts';

const OLDER = '2026-11-22-hf-papers-blocks.txt';
const NEWER = '2026-12-05-hf-papers-blocks.txt';
const LATEST = '2027-01-10-hf-papers-blocks.txt';

function plan(
  sources: readonly SourceFile[],
  folder: PapersFolder = new Map(),
  options: Partial<ImportOptions> = {},
): ImportPlan {
  return planImport(sources, existingPapers(folder), { today: TODAY, ...options });
}

/** A paper file as a curator would leave it; `fields` are the lines between title and topics. */
function paperFile(title: string, fields: string[], sources: string[], abstract: string): string {
  return [
    '---',
    `title: "${title}"`,
    ...fields,
    'topics:',
    '  - "dropout"',
    ...(sources.length === 0 ? ['sources: []'] : ['sources:', ...sources.map((s) => `  - "${s}"`)]),
    'added: "2026-10-01"',
    '---',
    abstract,
    '',
  ].join('\n');
}

/** The Lattice Dropout entry of a blocks listing, with its upvote count when given. */
function lattice(upvotes?: number): SourceFile['text'] {
  return blocksListing([
    {
      ...LATTICE,
      authors: 4,
      date: upvotes === undefined ? 'Jun 11, 2024' : `Jun 11, 2024 ${upvotes}`,
    },
  ]);
}

/** The older and the newer listing of Lattice Dropout, with their upvote counts. */
function olderAndNewer(older: number | undefined, newer: number | undefined): SourceFile[] {
  return [
    { name: OLDER, text: lattice(older) },
    { name: NEWER, text: lattice(newer) },
  ];
}

describe('finding the paper an entry names', () => {
  it('finds a paper whose title was corrected by its abstract, in a listing it never came from', () => {
    const folder = new Map([
      [LATTICE_SLUG, paperFile(LATTICE.title, [], [OLDER], LATTICE.abstract)],
    ]);
    // The new listing cut the title short; nothing but the abstract tells it is the same paper.
    const result = plan(
      [{ name: NEWER, text: paragraphsListing([{ ...LATTICE, title: 'Lattice Dropout' }]) }],
      folder,
    );
    expect(result.writes.map((write) => [write.slug, write.status])).toEqual([
      [LATTICE_SLUG, 'updated'],
    ]);
    expect(summaryOf(result, NEWER)).toMatchObject({ newPapers: 0, alreadyPresent: 1 });
    expect(summaryOf(result, NEWER).warnings).toEqual([]);
  });

  it('finds it by the opening of its abstract when the end of the abstract was corrected too', () => {
    const opening =
      'Dropout on convolutional feature maps removes too little information, because neighbouring ' +
      'activations are strongly correlated and carry the dropped information forward. We propose ' +
      'Lattice Dropout, which drops whole sublattices of a feature map at once, and study how the ' +
      'spacing of the lattice trades the strength of the regularization against the training speed.';
    const printed = { title: 'Lattice Dropout', abstract: `${opening} Code is availble.` };
    const folder = new Map([
      [LATTICE_SLUG, paperFile(LATTICE.title, [], [OLDER], `${opening} Code is available.`)],
    ]);
    const result = plan([{ name: NEWER, text: paragraphsListing([printed]) }], folder);
    expect(result.writes.map((write) => [write.slug, write.status])).toEqual([
      [LATTICE_SLUG, 'updated'],
    ]);
  });

  it('finds a paper whose title and abstract were both corrected by the listing that created it', () => {
    const printed = {
      title: 'Lattice Dropout for Conv Nets',
      abstract: 'Dropout on conv feature maps removes to little information.',
    };
    const created = applyPlan(
      new Map(),
      plan([{ name: OLDER, text: paragraphsListing([printed]) }]),
    );
    const slug = 'lattice-dropout-for-conv-nets';
    const corrected = new Map([
      [
        slug,
        edit(
          edit(created.get(slug) ?? '', printed.title, LATTICE.title),
          printed.abstract,
          LATTICE.abstract,
        ),
      ],
    ]);
    const again = plan([{ name: OLDER, text: paragraphsListing([printed]) }], corrected);
    expect([again.writes, again.unchanged]).toEqual([[], 1]);
    expect(summaryOf(again, OLDER)).toMatchObject({ newPapers: 0, alreadyPresent: 1 });
  });

  it('recognises a paper a new listing prints with the same title, without a warning', () => {
    const folder = applyPlan(new Map(), plan([{ name: OLDER, text: lattice(3) }]));
    const result = plan([{ name: NEWER, text: titleAbstractLines([LATTICE]) }], folder);
    expect(summaryOf(result, NEWER)).toMatchObject({ alreadyPresent: 1, warnings: [] });
  });

  it('merges two printings of a paper already in the list into one write', () => {
    const folder = new Map([
      [LATTICE_SLUG, paperFile(LATTICE.title, [], [OLDER], LATTICE.abstract)],
    ]);
    const result = plan(
      [
        { name: NEWER, text: paragraphsListing([{ ...LATTICE, title: 'Lattice Dropout' }]) },
        { name: LATEST, text: paragraphsListing([{ ...LATTICE, title: 'Lattice Dropout (v2)' }]) },
      ],
      folder,
    );
    expect(result.writes.map((write) => [write.slug, write.status])).toEqual([
      [LATTICE_SLUG, 'updated'],
    ]);
    expect(writeOf(result, LATTICE_SLUG)).toContain(
      `sources:\n  - "${OLDER}"\n  - "${NEWER}"\n  - "${LATEST}"\n`,
    );
    expect(summaryOf(result, NEWER)).toMatchObject({ alreadyPresent: 1, duplicatesMerged: 0 });
    expect(summaryOf(result, LATEST)).toMatchObject({ alreadyPresent: 0, duplicatesMerged: 1 });
  });

  it('leaves out an entry whose paper is retired by its slug, even under another title', () => {
    const folder = new Map([
      [LATTICE_SLUG, paperFile(LATTICE.title, [], [OLDER], LATTICE.abstract)],
    ]);
    const retired = new RetiredList([{ slug: LATTICE_SLUG, reason: 'Not about regularization.' }]);
    const result = plan(
      [{ name: NEWER, text: paragraphsListing([{ ...LATTICE, title: 'Lattice Dropout' }]) }],
      folder,
      { retired },
    );
    expect(result.writes).toEqual([]);
    expect(summaryOf(result, NEWER)).toMatchObject({ retired: 1, alreadyPresent: 0, newPapers: 0 });
  });

  it('does not take two papers whose listing printed no abstract (`…`) for one', () => {
    const spectral = { title: 'Spectral Dropout for Graph Networks', abstract: '…' };
    const decay = { title: 'Weight Decay in Diffusion Transformers', abstract: '…' };
    const folder = applyPlan(
      new Map(),
      plan([{ name: OLDER, text: paragraphsListing([spectral]) }]),
    );
    const result = plan([{ name: NEWER, text: paragraphsListing([decay]) }], folder);
    expect(result.writes.map((write) => [write.slug, write.status])).toEqual([
      ['weight-decay-in-diffusion-transformers', 'new'],
    ]);
  });

  it('splits a one-line entry at the longest title in the list that starts it', () => {
    const short = 'Mixout Regularisation';
    const full = 'Mixout Regularisation In the Low-Resource Regime';
    const other = 'Mixout Regularisation Beyond Fine-Tuning: A Study of Twelve Language Models';
    const folder = new Map([
      ['full', paperFile(full, [], [], 'Fine-tuning large pretrained models overfits quickly.')],
      ['short', paperFile(short, [], [], 'We introduce mixout, a regularizer for fine-tuning.')],
      ['other', paperFile(other, [], [], 'We compare mixout across twelve language models.')],
    ]);
    const result = plan(
      [
        {
          name: '2026-11-29-hf-papers-one-per-line.txt',
          text: onePerLineListing([
            {
              title: full,
              abstract: 'Fine-tuning large pretrained models overfits quickly.',
              upvotes: '2',
              authors: 3,
              date: 'Apr 2, 2024',
            },
          ]),
        },
      ],
      folder,
    );
    expect(result.writes.map((write) => write.slug)).toEqual(['full']);
    expect(result.summaries[0]).toMatchObject({ alreadyPresent: 1, titlesByRule: 0 });
  });
});

describe('one-line listings', () => {
  it('cuts an entry the rule cannot split at a title printed in a listing named after it', () => {
    // No word of this abstract reads as an abstract's opening; alone, the entry is refused.
    const entry = {
      title: 'Mixout Regularisation',
      abstract: 'mixout keeps fine-tuned models close to pretrained weights',
      upvotes: '2',
      authors: 3,
      date: 'Apr 2, 2024',
    };
    const result = plan([
      { name: '2026-11-29-hf-papers-one-per-line.txt', text: onePerLineListing([entry]) },
      { name: OLDER, text: paragraphsListing([entry]) },
    ]);
    expect(result.writes.map((write) => write.slug)).toEqual(['mixout-regularisation']);
  });

  it("does not cut one listing's entries at a title the rule guessed in another", () => {
    const entry = (title: string, abstract: string) => ({
      title,
      abstract,
      upvotes: '3',
      authors: 2,
      date: 'Apr 9, 2024',
    });
    // Alone, the rule ends this title before "In the": a guess, not a title printed on its own.
    const guessed = entry(
      'Mixout Regularisation In the Low-Resource Regime',
      'Fine-tuning large pretrained models on small data sets overfits quickly.',
    );
    const later = entry(
      'Mixout Regularisation Improves Robustness of Fine-Tuned Language Models',
      'We show that mixout keeps fine-tuned models close to their pretrained weights.',
    );
    const result = plan([
      { name: '2026-11-22-hf-papers-one-per-line.txt', text: onePerLineListing([guessed]) },
      { name: '2026-11-29-hf-papers-one-per-line.txt', text: onePerLineListing([later]) },
    ]);
    expect(result.writes.map((write) => write.slug)).toEqual([
      'mixout-regularisation',
      'mixout-regularisation-improves-robustness-of-fine-tuned-language-models',
    ]);
  });
});

describe('counts a listing owns', () => {
  /** The paper as the older listing left it: upvotes 1, from OLDER. */
  const fromOlder = (): Map<string, string> =>
    applyPlan(new Map(), plan([{ name: OLDER, text: lattice(1) }]));

  it('refreshes the count from the newer listing, whichever order the listings are named in', () => {
    const result = plan(
      [
        { name: NEWER, text: lattice(4) },
        { name: OLDER, text: lattice(1) },
      ],
      fromOlder(),
    );
    expect(writeOf(result, LATTICE_SLUG)).toContain('\nupvotes: 4\n');
    expect(summaryOf(result, NEWER).refreshed).toBe(1);
  });

  it('refreshes nothing when the newer listing shows the same count, or none', () => {
    const same = plan(olderAndNewer(1, 1), fromOlder());
    expect(writeOf(same, LATTICE_SLUG)).toContain('\nupvotes: 1\n');
    expect(same.summaries.map((summary) => summary.refreshed)).toEqual([0, 0]);
    const none = plan(olderAndNewer(1, undefined), fromOlder());
    expect(writeOf(none, LATTICE_SLUG)).toContain('\nupvotes: 1\n');
    expect(none.summaries.map((summary) => summary.refreshed)).toEqual([0, 0]);
  });

  it('fills a count the paper never had without calling it refreshed', () => {
    const folder = applyPlan(new Map(), plan([{ name: OLDER, text: lattice() }]));
    expect(folder.get(LATTICE_SLUG)).not.toContain('upvotes');
    const result = plan(olderAndNewer(undefined, 4), folder);
    expect(writeOf(result, LATTICE_SLUG)).toContain('\nupvotes: 4\n');
    expect(result.summaries.map((summary) => summary.refreshed)).toEqual([0, 0]);
  });

  it('keeps the count of a listing newer than any of this import', () => {
    // The paper came from OLDER and LATEST, which both showed 1; NEWER, in between, is stale.
    const folder = new Map([
      [LATTICE_SLUG, paperFile(LATTICE.title, ['upvotes: 1'], [OLDER, LATEST], LATTICE.abstract)],
    ]);
    const result = plan(olderAndNewer(1, 4), folder);
    expect(writeOf(result, LATTICE_SLUG)).toContain('\nupvotes: 1\n');
    expect(summaryOf(result, NEWER).refreshed).toBe(0);
  });

  it('never lets a listing of the same day override, whichever is named first', () => {
    const sameDay = '2026-11-22-hf-papers-more.txt';
    const result = plan(
      [
        { name: sameDay, text: lattice(4) },
        { name: OLDER, text: lattice(1) },
      ],
      fromOlder(),
    );
    expect(writeOf(result, LATTICE_SLUG)).toContain('\nupvotes: 1\n');
    expect(result.summaries.map((summary) => summary.refreshed)).toEqual([0, 0]);
  });

  it('takes the count of two newer listings of the same day from the one named first', () => {
    const sameDay = '2026-12-05-hf-papers-more.txt';
    const result = plan(
      [
        { name: OLDER, text: lattice(1) },
        { name: NEWER, text: lattice(4) },
        { name: sameDay, text: lattice(6) },
      ],
      fromOlder(),
    );
    expect(writeOf(result, LATTICE_SLUG)).toContain('\nupvotes: 4\n');
    expect(result.summaries.map((summary) => summary.refreshed)).toEqual([0, 1, 0]);
  });

  it('is not held back by a listing of the newer day that showed no count', () => {
    const sameDayNoCounts = '2026-12-05-hf-papers-paragraphs.txt';
    const folder = new Map([
      [
        LATTICE_SLUG,
        paperFile(LATTICE.title, ['upvotes: 1'], [OLDER, sameDayNoCounts], LATTICE.abstract),
      ],
    ]);
    const result = plan(olderAndNewer(1, 4), folder);
    expect(writeOf(result, LATTICE_SLUG)).toContain('\nupvotes: 4\n');
  });

  it('keeps a count a curator wrote by hand for a paper added by hand', () => {
    const folder = new Map([
      [LATTICE_SLUG, paperFile(LATTICE.title, ['upvotes: 1'], [], LATTICE.abstract)],
    ]);
    const result = plan(olderAndNewer(1, 4), folder);
    expect(writeOf(result, LATTICE_SLUG)).toContain('\nupvotes: 1\n');
  });

  it('keeps a retired count as the curator left it, even when a newer listing differs', () => {
    const retired = new RetiredList([
      {
        slug: LATTICE_SLUG,
        fields: ['upvotes'],
        reason: 'The listing counts the workshop version.',
      },
    ]);
    const result = plan(olderAndNewer(1, 4), fromOlder(), { retired });
    expect(writeOf(result, LATTICE_SLUG)).toContain('\nupvotes: 1\n');
    expect(summaryOf(result, NEWER).refreshed).toBe(0);
  });
});

describe('dates and abstracts of a paper already in the list', () => {
  it('adds no yearless date to a paper that has a full one', () => {
    const folder = new Map([
      [LATTICE_SLUG, paperFile(LATTICE.title, ['date: "2024-06-11"'], [OLDER], LATTICE.abstract)],
    ]);
    const result = plan(
      [{ name: OLDER, text: blocksListing([{ ...LATTICE, authors: 4, date: 'Jun 11' }]) }],
      folder,
    );
    expect(writeOf(result, LATTICE_SLUG)).not.toContain('dateText');
  });

  it('keeps a dateText a curator wrote beside the full date', () => {
    const fields = ['date: "2024-06-11"', 'dateText: "Jun 11"', 'authorCount: 4'];
    const folder = new Map([
      [LATTICE_SLUG, paperFile(LATTICE.title, fields, [OLDER], LATTICE.abstract)],
    ]);
    const result = plan([{ name: OLDER, text: lattice() }], folder);
    expect([result.writes, result.unchanged]).toEqual([[], 1]);
  });

  it('replaces a yearless date with the full date an import with --year gives', () => {
    const yearless = blocksListing([{ ...LATTICE, authors: 4, date: 'Jun 11' }]);
    const folder = applyPlan(new Map(), plan([{ name: OLDER, text: yearless }]));
    expect(folder.get(LATTICE_SLUG)).toContain('\ndateText: "Jun 11"\n');
    const result = plan([{ name: OLDER, text: yearless }], folder, { year: 2024 });
    expect(writeOf(result, LATTICE_SLUG)).toContain('\ndate: "2024-06-11"\n');
    expect(writeOf(result, LATTICE_SLUG)).not.toContain('dateText');
    expect(result.writes[0]?.changes).toStrictEqual([
      { field: 'date', after: '2024-06-11' },
      { field: 'dateText', before: 'Jun 11' },
    ]);
  });

  it('fills the empty abstract of a paper that lacks nothing else', () => {
    const folder = new Map([
      [
        LATTICE_SLUG,
        paperFile(LATTICE.title, ['date: "2024-06-11"', 'authorCount: 4'], [OLDER], ''),
      ],
    ]);
    const result = plan([{ name: OLDER, text: lattice() }], folder);
    expect(result.writes.map((write) => [write.slug, write.status])).toEqual([
      [LATTICE_SLUG, 'updated'],
    ]);
    expect(writeOf(result, LATTICE_SLUG)).toContain(`---\n${LATTICE.abstract}\n`);
    expect(result.writes[0]?.changes).toStrictEqual([{ field: 'abstract' }]);
  });

  it('lists only the fields that changed, the abstract not among them when it stayed', () => {
    const result = plan(
      olderAndNewer(1, 4),
      applyPlan(new Map(), plan([{ name: OLDER, text: lattice(1) }])),
    );
    expect(result.writes[0]?.changes).toStrictEqual([
      { field: 'upvotes', before: 1, after: 4 },
      { field: 'sources', before: [OLDER], after: [OLDER, NEWER] },
    ]);
  });

  it('names the sources of a new paper in date order, whatever order the listings came in', () => {
    const result = plan([
      { name: NEWER, text: lattice(4) },
      { name: OLDER, text: lattice(4) },
    ]);
    expect(writeOf(result, LATTICE_SLUG)).toContain(
      `sources:\n  - "${OLDER}"\n  - "${NEWER}"\nadded: "2026-11-22"\n`,
    );
  });
});

describe('automatic topics of papers already in the list', () => {
  const rules = (ids: string[], retopic = true) => ({ assign: () => ids, retopic });
  function paperWithTopics(title: string, topics: string[], autoTopics: string[]): string {
    const list = (name: string, ids: string[]) => [`${name}:`, ...ids.map((id) => `  - "${id}"`)];
    return [
      '---',
      `title: "${title}"`,
      ...list('topics', topics),
      ...list('autoTopics', autoTopics),
      'sources: []',
      'added: "2026-10-01"',
      '---',
      'An abstract of twenty characters or more.',
      '',
    ].join('\n');
  }

  it('never retopics a paper whose curator added or replaced a second topic', () => {
    const folder = new Map([
      ['added', paperWithTopics('Added', ['dropout', 'optimization'], ['dropout'])],
      [
        'replaced',
        paperWithTopics('Replaced', ['dropout', 'optimization'], ['dropout', 'data-augmentation']),
      ],
    ]);
    const result = planImport([], existingPapers(folder), {
      today: TODAY,
      topics: rules(['label-smoothing']),
    });
    expect([result.writes, result.topicChanges]).toEqual([[], []]);
  });

  it('writes nothing on --retopic when the rules still give the same topics', () => {
    const folder = new Map([['same', paperWithTopics('Same', ['dropout'], ['dropout'])]]);
    const result = planImport([], existingPapers(folder), {
      today: TODAY,
      topics: rules(['dropout']),
    });
    expect([result.writes, result.topicChanges]).toEqual([[], []]);
  });

  it('reports a retopicked paper once, in the order of the slugs', () => {
    // The listed paper is handled first, the unlisted one after it, yet the report is by slug.
    const folder = new Map([
      ['absent', paperWithTopics('Absent From the Listing', ['dropout'], ['dropout'])],
      [LATTICE_SLUG, paperWithTopics(LATTICE.title, ['dropout'], ['dropout'])],
    ]);
    const result = planImport(
      [{ name: OLDER, text: paragraphsListing([LATTICE]) }],
      existingPapers(folder),
      { today: TODAY, topics: rules(['label-smoothing']) },
    );
    expect(result.writes.map((write) => write.slug)).toEqual(['absent', LATTICE_SLUG]);
    expect(result.topicChanges).toEqual([
      { slug: 'absent', before: ['dropout'], after: ['label-smoothing'] },
      { slug: LATTICE_SLUG, before: ['dropout'], after: ['label-smoothing'] },
    ]);
  });

  it('moves nothing from an empty entry of the old shared record', () => {
    const folder = new Map([
      [
        'unfiled',
        '---\ntitle: "Unfiled"\ntopics: []\nsources: []\nadded: "2026-10-01"\n---\nAn abstract of twenty characters.\n',
      ],
    ]);
    const result = planImport([], existingPapers(folder), {
      today: TODAY,
      topics: { ...rules(['dropout'], false), legacyRecord: { unfiled: [] } },
    });
    expect(result.migrated).toBe(0);
    expect(writeOf(result, 'unfiled')).toContain(
      'topics:\n  - "dropout"\nautoTopics:\n  - "dropout"\n',
    );
  });

  it('counts no topic change for a new paper', () => {
    const result = plan([{ name: OLDER, text: lattice(1) }], new Map(), {
      topics: rules(['dropout'], false),
    });
    expect(result.topicChanges).toEqual([]);
    expect(writeOf(result, LATTICE_SLUG)).toContain('topics:\n  - "dropout"\nautoTopics:');
  });
});
