/**
 * The synthetic benchmark corpus: deterministic for a seed, shaped like the real list, valid
 * under the shared schema, and a listing the importer reads back to the same papers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ABSTRACT_WORDS,
  blocksListing,
  blocksListings,
  coinedWord,
  FIRST_YEAR,
  generatePapers,
  LAST_YEAR,
  listingName,
  paperFiles,
  TITLE_WORDS,
  type CorpusOptions,
  type SyntheticPaper,
} from '../../bench/lib/generator.ts';
import { VOCABULARY } from '../../bench/data/vocabulary.ts';
import { planImport } from '../../src/lib/import/importer.ts';
import { parseListing } from '../../src/lib/listing/parse.ts';
import { readPaperFile } from '../../src/lib/paper/paper-file.ts';
import { slugify } from '../../src/lib/paper/slug.ts';
import { loadTaxonomy } from '../../src/lib/topics/load.ts';
import { repoRoot } from '../helpers/paths.ts';

const topicsFile = path.join(repoRoot, 'content', 'topics.yaml');
const TOPIC_IDS = loadTaxonomy(readFileSync(topicsFile, 'utf8'), topicsFile).topics.map(
  (topic) => topic.id,
);

const OPTIONS: CorpusOptions = {
  count: 1500,
  seed: 7,
  vocabulary: VOCABULARY,
  topicIds: TOPIC_IDS,
};

let papers: SyntheticPaper[];

beforeAll(() => {
  papers = generatePapers(OPTIONS);
});

function words(text: string): string[] {
  return text.split(' ');
}

describe('determinism', () => {
  it('gives byte-identical paper files and listing for the same seed', () => {
    const again = generatePapers({ ...OPTIONS, count: 300 });
    const once = generatePapers({ ...OPTIONS, count: 300 });
    expect(paperFiles(again)).toEqual(paperFiles(once));
    expect(blocksListing(again)).toBe(blocksListing(once));
  });

  it('gives a different corpus for a different seed', () => {
    const one = generatePapers({ ...OPTIONS, count: 50 });
    const other = generatePapers({ ...OPTIONS, count: 50, seed: 8 });
    expect(blocksListing(other)).not.toBe(blocksListing(one));
    const titles = new Set(one.map((paper) => paper.data.title));
    expect(other.filter((paper) => titles.has(paper.data.title))).toEqual([]);
  });

  it('makes the first papers of a larger corpus those of a smaller one of the same seed', () => {
    // Only the listing's name, which carries the size, differs.
    const essentials = (corpus: readonly SyntheticPaper[]) =>
      corpus.map(({ slug, data, abstract }) => ({ slug, abstract, ...data, sources: [] }));
    expect(essentials(generatePapers({ ...OPTIONS, count: 100 }))).toEqual(
      essentials(papers.slice(0, 100)),
    );
  });
});

describe('shape', () => {
  it('writes titles of 5 to 20 words and abstracts of 150 to 300 words', () => {
    for (const paper of papers) {
      const title = words(paper.data.title).length;
      const abstract = words(paper.abstract).length;
      expect(title).toBeGreaterThanOrEqual(TITLE_WORDS.min);
      expect(title).toBeLessThanOrEqual(TITLE_WORDS.max);
      expect(abstract).toBeGreaterThanOrEqual(ABSTRACT_WORDS.min);
      expect(abstract).toBeLessThanOrEqual(ABSTRACT_WORDS.max);
    }
    const lengths = new Set(papers.map((paper) => words(paper.abstract).length));
    expect(lengths.has(ABSTRACT_WORDS.min) || lengths.has(ABSTRACT_WORDS.min + 1)).toBe(true);
    expect(lengths.size).toBeGreaterThan(100);
  });

  it('dates papers from 2015 to 2025, and prints some with only a month and day', () => {
    const years = papers.flatMap((paper) =>
      paper.data.date === undefined ? [] : [Number(paper.data.date.slice(0, 4))],
    );
    expect(Math.min(...years)).toBe(FIRST_YEAR);
    expect(Math.max(...years)).toBe(LAST_YEAR);
    const undated = papers.filter((paper) => paper.data.date === undefined);
    expect(undated.length).toBeGreaterThan(papers.length * 0.03);
    expect(undated.length).toBeLessThan(papers.length * 0.2);
    for (const paper of undated) expect(paper.data.dateText).toMatch(/^[A-Z][a-z]{2} \d{1,2}$/);
  });

  it('gives every paper one to three distinct topics of the real taxonomy', () => {
    const counts = new Set<number>();
    const used = new Set<string>();
    for (const { data } of papers) {
      expect(data.topics.length).toBeGreaterThanOrEqual(1);
      expect(data.topics.length).toBeLessThanOrEqual(3);
      expect(new Set(data.topics).size).toBe(data.topics.length);
      for (const topic of data.topics) expect(TOPIC_IDS).toContain(topic);
      counts.add(data.topics.length);
      data.topics.forEach((topic) => used.add(topic));
    }
    expect([...counts].sort()).toEqual([1, 2, 3]);
    expect([...used].sort()).toEqual([...TOPIC_IDS].sort());
  });

  it('gives long-tailed upvotes: many papers none or few, a few very many', () => {
    const upvotes = papers.flatMap((paper) => paper.data.upvotes ?? []).sort((a, b) => a - b);
    expect(upvotes.length).toBeLessThan(papers.length);
    expect(upvotes[Math.floor(upvotes.length / 2)]).toBeLessThanOrEqual(2);
    expect(upvotes.at(-1)).toBeGreaterThanOrEqual(100);
  });

  it('gives every paper an author count, mostly small', () => {
    const counts = papers.map((paper) => paper.data.authorCount ?? 0);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(20);
    expect(counts.filter((count) => count <= 6).length).toBeGreaterThan(papers.length * 0.7);
  });

  it('draws on a growing vocabulary, as a real list does', () => {
    const vocabulary = (corpus: readonly SyntheticPaper[]): number =>
      new Set(corpus.flatMap((paper) => words(paper.abstract.toLowerCase()))).size;
    expect(vocabulary(papers)).toBeGreaterThan(vocabulary(papers.slice(0, 150)) * 1.5);
  });

  it('names rare words uniquely and pronounceably', () => {
    const names = Array.from({ length: 2000 }, (_, id) => coinedWord(id));
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]{5,}$/);
  });
});

describe('paper files', () => {
  it('are valid under the shared schema and read back to the same data', () => {
    for (const [index, file] of paperFiles(papers).entries()) {
      const paper = papers[index];
      const result = readPaperFile(file.text);
      expect(result.ok, file.name).toBe(true);
      if (!result.ok || paper === undefined) continue;
      expect(result.data).toEqual(paper.data);
      expect(result.abstract).toBe(paper.abstract);
    }
  });

  it('have unique titles and slugs, slugs made by the importer’s rule', () => {
    expect(new Set(papers.map((paper) => paper.data.title.toLowerCase())).size).toBe(papers.length);
    expect(new Set(papers.map((paper) => paper.slug)).size).toBe(papers.length);
    for (const paper of papers) expect(paper.slug.startsWith(slugify(paper.data.title))).toBe(true);
  });
});

describe('the listing files of a large corpus', () => {
  const split = { ...OPTIONS, count: 250, perListing: 100 };
  const parts = generatePapers(split);

  it('hold at most the given number of papers each, in three numbered parts', () => {
    const listings = blocksListings(parts, split);
    expect(listings.map((listing) => listing.name)).toEqual([
      `2026-01-15-synthetic-250-seed-${String(OPTIONS.seed)}-part-1-of-3-blocks.txt`,
      `2026-01-15-synthetic-250-seed-${String(OPTIONS.seed)}-part-2-of-3-blocks.txt`,
      `2026-01-15-synthetic-250-seed-${String(OPTIONS.seed)}-part-3-of-3-blocks.txt`,
    ]);
    expect(listings.map((listing) => parseListing(listing.text).entries.length)).toEqual([
      100, 100, 50,
    ]);
  });

  it('import into the same paper files, each paper naming its own part as its source', () => {
    const plan = planImport(blocksListings(parts, split), [], { today: '2027-01-01' });
    const withoutTopics = parts.map((paper) => ({ ...paper, data: { ...paper.data, topics: [] } }));
    const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : 1);
    const written = plan.writes.map((write) => ({ name: `${write.slug}.md`, text: write.text }));
    expect(written.sort(byName)).toEqual(paperFiles(withoutTopics).sort(byName));
    expect(parts[150]?.data.sources).toEqual([blocksListings(parts, split)[1]?.name]);
  });

  it('keep the one-file name of every earlier benchmark for a corpus that fits in one', () => {
    expect(blocksListings(papers, OPTIONS).map((listing) => listing.name)).toEqual([
      listingName(OPTIONS),
    ]);
    expect(listingName(OPTIONS)).not.toContain('part');
  });
});

describe('the listing', () => {
  it('is in the blocks layout and parses back to the same papers', () => {
    const listing = parseListing(blocksListing(papers));
    expect(listing.layout).toBe('blocks');
    expect(listing.entries).toHaveLength(papers.length);
    listing.entries.forEach((entry, index) => {
      const { data, abstract } = papers[index] ?? { data: undefined, abstract: '' };
      expect(entry.title).toBe(data?.title);
      expect(entry.abstract).toBe(abstract);
      expect(entry.authorCount).toBe(data?.authorCount);
      expect(entry.upvotes).toBe(data?.upvotes);
      expect(entry.date).toBe(data?.date);
      expect(entry.dateText).toBe(data?.dateText);
    });
  });

  it('imports into the same paper files, topics aside', () => {
    const sample = papers.slice(0, 200);
    const plan = planImport([{ name: listingName(OPTIONS), text: blocksListing(sample) }], [], {
      today: '2027-01-01',
    });
    const withoutTopics = sample.map((paper) => ({
      ...paper,
      data: { ...paper.data, topics: [] },
    }));
    const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : 1);
    const written = plan.writes.map((write) => ({ name: `${write.slug}.md`, text: write.text }));
    expect(written.sort(byName)).toEqual(paperFiles(withoutTopics).sort(byName));
  });
});
