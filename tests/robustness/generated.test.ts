/**
 * Property-based tests of the importer over generated listings in each of the four layouts, and
 * over garbage. Whatever the listing, the import either gives papers whose titles and abstracts
 * are exactly the ones printed, or stops with a ProblemError naming a line of the
 * file; it never throws anything else, and every file it would write reads back and passes the
 * schema. Fixed seed, so a failure reproduces; fast-check prints the smallest failing listing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planImport, type ImportPlan } from '../../src/lib/import/importer.ts';
import { parseListing } from '../../src/lib/listing/parse.ts';
import { decodeListing, normaliseListingText } from '../../src/lib/listing/text.ts';
import { ProblemError } from '../../src/lib/problems/problem.ts';
import { isWellFormedSlug } from '../../src/lib/paper/slug.ts';
import {
  blocksListing,
  onePerLineListing,
  paragraphsListing,
  titleAbstractLines,
} from '../helpers/listings.ts';
import {
  blocksEntriesArbitrary,
  oneLineEntriesArbitrary,
  papersArbitrary,
  scrambledListingArbitrary,
  type GeneratedOneLineEntry,
} from './arbitraries.ts';
import { readValidPaper } from './helpers.ts';

const SEED = 20_261_122;
const TODAY = '2027-01-15';
const RUNS = 300;
const GARBAGE_RUNS = 500;

/** A paper read back, or what a generated entry must become: title, abstract, printed fields. */
type ExpectedPaper = Record<string, unknown> & { title: string; abstract: string };

/** A paper as read back from a file the import would write. */
function readBack(plan: ImportPlan): ExpectedPaper[] {
  return plan.writes.map((write) => {
    expect(isWellFormedSlug(write.slug), write.slug).toBe(true);
    const { data, raw, abstract } = readValidPaper(`${write.slug}.md`, write.text);
    // The title as written in the file, not only as the schema (which trims) reads it.
    const { title } = raw;
    return { ...data, title: typeof title === 'string' ? title : '', abstract };
  });
}

function byTitle(a: { title: string }, b: { title: string }): number {
  return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}

/**
 * Imports listings into an empty folder. Returns the papers as written, or `refused` for an
 * ProblemError, after checking that it names one of the listing files and a line inside it.
 */
function importListings(
  sources: readonly { name: string; text: string }[],
): ExpectedPaper[] | 'refused' {
  let plan: ImportPlan;
  try {
    plan = planImport(sources, [], { today: TODAY });
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    const [problem] = error.problems;
    const source = sources.find((candidate) => candidate.name === problem?.file);
    expect(source, error.message).toBeDefined();
    const lines = (source?.text ?? '').split('\n').length;
    expect(problem?.line, error.message).toBeGreaterThanOrEqual(1);
    expect(problem?.line, error.message).toBeLessThanOrEqual(lines);
    return 'refused';
  }
  return readBack(plan);
}

/** Expects exactly these papers, whatever the order; counts the listings imported. */
function expectPapers(
  result: ExpectedPaper[] | 'refused',
  expected: readonly { title: string; abstract: string }[],
  tally: { imported: number },
): void {
  if (result === 'refused') return;
  tally.imported += 1;
  const wanted = [...expected].sort(byTitle);
  // Each paper's fields that its expectation names (a yearless date has dateText, not date).
  const fields = [...result]
    .sort(byTitle)
    .map((paper, index) =>
      Object.fromEntries(Object.keys(wanted[index] ?? {}).map((key) => [key, paper[key]])),
    );
  expect(fields).toEqual(wanted);
}

function assertProperty<T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => void, runs = RUNS) {
  fc.assert(fc.property(arbitrary, check), { seed: SEED, numRuns: runs });
}

function oneLineExpectation(entry: GeneratedOneLineEntry): ExpectedPaper {
  return {
    title: entry.title,
    abstract: entry.abstract,
    authorCount: entry.authors,
    upvotes: entry.upvotes ?? 0,
    comments: entry.comments,
    ...entry.date.expected,
  };
}

function oneLineText(entries: readonly GeneratedOneLineEntry[]): string {
  return onePerLineListing(
    entries.map((entry) => ({
      title: entry.title,
      abstract: entry.abstract,
      upvotes: entry.upvotes === undefined ? '-' : String(entry.upvotes),
      authors: entry.authors,
      date:
        entry.comments === undefined
          ? entry.date.printed
          : `${entry.date.printed} ${entry.comments}`,
    })),
  );
}

/**
 * Whether a one-line entry's text starts with another paper's title followed by a space, so that
 * the two could not be told apart by anyone: `Sparse Dropout` + `Networks are …` against a paper
 * titled `Sparse Dropout Networks`.
 */
function ambiguous(entries: readonly GeneratedOneLineEntry[]): boolean {
  return entries.some((entry) =>
    entries.some(
      (other) =>
        other !== entry &&
        other.title.length > entry.title.length &&
        `${entry.title} ${entry.abstract} `.startsWith(`${other.title} `),
    ),
  );
}

describe('importing generated listings', () => {
  it('reads every blocks entry exactly: title, abstract, authors, date and upvotes', () => {
    const tally = { imported: 0 };
    assertProperty(blocksEntriesArbitrary(8), (entries) => {
      const text = blocksListing(
        entries.map((entry) => ({
          title: entry.title,
          abstract: entry.abstract,
          authors: entry.authors,
          date:
            entry.upvotes === undefined
              ? entry.date.printed
              : `${entry.date.printed} ${entry.upvotes}`,
        })),
      );
      const expected = entries.map((entry) => ({
        title: entry.title,
        abstract: entry.abstract,
        authorCount: entry.authors,
        upvotes: entry.upvotes,
        ...entry.date.expected,
      }));
      expectPapers(importListings([{ name: '2026-11-22-blocks.txt', text }]), expected, tally);
    });
    expect(tally.imported).toBeGreaterThan(RUNS / 2);
  });

  it('reads every paragraphs entry exactly', () => {
    const tally = { imported: 0 };
    assertProperty(papersArbitrary(8), (papers) => {
      const text = paragraphsListing(papers);
      expectPapers(importListings([{ name: '2026-11-22-paragraphs.txt', text }]), papers, tally);
    });
    expect(tally.imported).toBeGreaterThan(RUNS / 2);
  });

  it('reads every title-and-abstract-lines entry exactly, the first glued to "Subscribe"', () => {
    const tally = { imported: 0 };
    assertProperty(papersArbitrary(8), (papers) => {
      const text = titleAbstractLines(papers);
      expectPapers(importListings([{ name: '2026-11-22-lines.txt', text }]), papers, tally);
    });
    expect(tally.imported).toBeGreaterThan(RUNS / 2);
  });

  it('splits every one-line entry exactly where another listing prints its title', () => {
    const tally = { imported: 0 };
    assertProperty(
      oneLineEntriesArbitrary(8).filter((entries) => !ambiguous(entries)),
      (entries) => {
        const text = oneLineText(entries);
        const titles = entries.map((entry) => entry.title);
        // The parser, given the titles as the importer gives titles printed elsewhere.
        const knownTitle = (line: string) =>
          titles
            .filter((title) => line.startsWith(`${title} `))
            .sort((a, b) => b.length - a.length)[0];
        const listing = parseListing(text, { knownTitle });
        expect(listing.layout).toBe('one-per-line');
        expect(listing.entries.map((entry) => [entry.title, entry.abstract])).toEqual(
          entries.map((entry) => [entry.title, entry.abstract]),
        );
        // The importer, with the same papers printed by a paragraphs listing.
        const sources = [
          { name: '2026-11-22-paragraphs.txt', text: paragraphsListing(entries) },
          { name: '2026-11-23-one-per-line.txt', text },
        ];
        const plan = planImport(sources, [], { today: TODAY });
        const oneLine = plan.summaries[1];
        expect(oneLine?.titlesByRule).toBe(0);
        expect(oneLine?.duplicatesMerged).toBe(entries.length);
        // The one-line listing agrees with the paragraphs on every title and abstract.
        expect(oneLine?.warnings).toEqual([]);
        expectPapers(readBack(plan), entries.map(oneLineExpectation), tally);
      },
    );
    expect(tally.imported).toBe(RUNS);
  });

  it('imports one-line entries without known titles into valid files, or names the line', () => {
    const tally = { imported: 0 };
    assertProperty(oneLineEntriesArbitrary(4), (entries) => {
      const result = importListings([
        { name: '2026-11-22-one-per-line.txt', text: oneLineText(entries) },
      ]);
      if (result === 'refused') return;
      tally.imported += 1;
      expect(result.length).toBeLessThanOrEqual(entries.length);
      // However the rule splits them, title and abstract together are what the line printed.
      for (const paper of result) {
        const joined = `${paper.title} ${paper.abstract}`;
        expect(entries.map((entry) => `${entry.title} ${entry.abstract}`)).toContain(joined);
      }
    });
    expect(tally.imported).toBeGreaterThan(RUNS / 2);
  });
});

/** Imports garbage text; anything but a located ProblemError or valid files fails. */
function importGarbage(text: string): void {
  try {
    const plan = planImport([{ name: '2026-11-22-garbage.txt', text }], [], { today: TODAY });
    readBack(plan);
  } catch (error) {
    if (error instanceof ProblemError) {
      expect(error.problems[0]?.line).toBeGreaterThanOrEqual(1);
      return;
    }
    throw error;
  }
}

describe('importing garbage', () => {
  it('gives a located error or valid files for any string', () => {
    assertProperty(
      fc.string({ unit: 'binary', maxLength: 400 }),
      (raw) => {
        let text: string;
        try {
          text = normaliseListingText(raw);
        } catch (error) {
          if (error instanceof ProblemError) return;
          throw error;
        }
        importGarbage(text);
      },
      GARBAGE_RUNS,
    );
  });

  it('gives a located error or valid files for any bytes', () => {
    assertProperty(
      fc.uint8Array({ maxLength: 400 }),
      (bytes) => {
        let text: string;
        try {
          text = decodeListing(bytes);
        } catch (error) {
          if (error instanceof ProblemError) {
            expect(error.problems[0]?.line).toBeGreaterThanOrEqual(1);
            return;
          }
          throw error;
        }
        importGarbage(text);
      },
      GARBAGE_RUNS,
    );
  });

  it('gives a located error or valid files for listing lines in any order', () => {
    assertProperty(
      scrambledListingArbitrary,
      (raw) => {
        importGarbage(normaliseListingText(raw));
      },
      GARBAGE_RUNS,
    );
  });
});
