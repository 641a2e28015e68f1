import { describe, expect, it, vi } from 'vitest';
import type { PagefindResult, PagefindSearchOptions } from '../../src/lib/site/pagefind-client.ts';
import {
  inverseFrequency,
  runSearch,
  type SearchRequest,
} from '../../src/lib/site/search-engine.ts';
import { vocabularyIndex } from '../../src/lib/site/search-query.ts';

interface FakePage {
  id: string;
  title: string;
  text: string;
  date: string;
}

const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/**
 * A stand-in for Pagefind with its matching rules: a quoted term matches whole words (a quoted
 * phrase, consecutive words); an unquoted term matches words starting with each of its words, and
 * a word with no such word falls back to the longest index word it starts with (`asdfgh` → `as`).
 * Title words score ten times abstract words.
 */
function fakePagefind(pages: readonly FakePage[]) {
  const vocabulary = new Set(pages.flatMap((page) => words(`${page.title} ${page.text}`)));
  const result = (page: FakePage, score: number): PagefindResult => ({
    id: page.id,
    score,
    data: () =>
      Promise.resolve({
        url: `/papers/${page.id}/`,
        content: `${page.title}. ${page.text}`,
        excerpt: '',
        meta: { title: page.title },
        filters: {},
      }),
  });
  const search = vi.fn((term: string | null, options: PagefindSearchOptions = {}) => {
    if (term === null) {
      const sorted = options.sort?.date
        ? [...pages].sort((a, b) => (a.date < b.date ? 1 : -1))
        : pages;
      return Promise.resolve({ results: sorted.map((page) => result(page, 0)) });
    }
    const exact = /^".*"$/.test(term);
    const query = words(term);
    const found = pages.flatMap((page) => {
      const title = words(page.title);
      const body = [...title, ...words(page.text)];
      let score = 0;
      if (exact) {
        const at = body.findIndex((_, i) => query.every((word, j) => body[i + j] === word));
        if (at < 0) return [];
        score = 1;
      } else {
        for (const word of query) {
          let matches = [...vocabulary].filter((known) => known.startsWith(word));
          if (matches.length === 0) {
            const longest = [...vocabulary]
              .filter((known) => word.startsWith(known))
              .sort((a, b) => b.length - a.length)[0];
            matches = longest === undefined ? [] : [longest];
          }
          const inTitle = title.filter((w) => matches.includes(w)).length;
          const inBody = body.filter((w) => matches.includes(w)).length;
          if (inBody === 0) return [];
          score += inTitle * 10 + inBody;
        }
      }
      return [result(page, score)];
    });
    return Promise.resolve({ results: found.sort((a, b) => b.score - a.score) });
  });
  return { search };
}

const PAGES: FakePage[] = [
  {
    id: 'mixup',
    title: 'Mixup beyond empirical risk',
    text: 'We interpolate pairs of images and their labels as a regularizer.',
    date: '2018-01-01',
  },
  {
    id: 'cutout',
    title: 'Cutout for convolutional networks',
    text: 'Masking square regions of images during training.',
    date: '2017-01-01',
  },
  {
    id: 'dropout',
    title: 'Dropout as noise',
    text: 'Dropping units at random prevents co-adaptation in networks.',
    date: '2014-01-01',
  },
  {
    id: 'dropblock',
    title: 'DropBlock for convolutional networks',
    text: 'Dropping contiguous regions of feature maps.',
    date: '2018-06-01',
  },
  {
    id: 'sgd',
    title: 'Flat minima and SGD',
    text: 'Stochastic gradient descent finds flat minima of the loss.',
    date: '2019-01-01',
  },
];

const vocabulary = vocabularyIndex([['cnn', 'convolutional']]);
const request = (query: string, more: Partial<SearchRequest> = {}): SearchRequest => ({
  query,
  filters: {},
  typing: false,
  asTyped: false,
  ...more,
});
const indexWords = () => Promise.resolve(['networks', 'dropout', 'images', 'regions', 'dropping']);

async function search(query: string, more: Partial<SearchRequest> = {}) {
  const words = vi.fn(indexWords);
  const outcome = await runSearch(fakePagefind(PAGES), request(query, more), {
    vocabulary,
    words,
  });
  return { ...outcome, ids: outcome.results.map((result) => result.id), words };
}

describe('runSearch', () => {
  it('lists papers with every word first, then papers with some, rarer words counting more', async () => {
    const found = await search('masking regions of images');
    expect(found.ids[0]).toBe('cutout');
    expect(found.mode).toBe('some');
    expect(found.complete).toBe(1);
    // "regions" (two papers) and "images" (two papers) each match one more paper.
    expect(found.ids.slice(1).sort()).toEqual(['dropblock', 'mixup']);
  });

  it('finds papers for a sentence none of them contains whole', async () => {
    const found = await search('why does sgd find flat minima in big networks');
    expect(found.ids[0]).toBe('sgd');
    expect(found.complete).toBe(0);
    expect(found.mode).toBe('some');
  });

  it('does not count stop words: a question about SGD is about SGD', async () => {
    const found = await search('why does sgd');
    expect(found.ids).toEqual(['sgd']);
    expect(found.mode).toBe('all');
  });

  it('says which word no paper mentions, instead of matching a prefix of it', async () => {
    const found = await search('asdfgh');
    expect(found.ids).toEqual([]);
    expect(found.unmatched).toEqual(['asdfgh']);
  });

  it('keeps the results of the other words when one word matches nothing', async () => {
    const found = await search('asdfgh dropout');
    expect(found.ids).toEqual(['dropout']);
    expect(found.unmatched).toEqual(['asdfgh']);
  });

  it('corrects a misspelt word to the nearest word of the index, loading the word list only then', async () => {
    const typo = await search('dropuot');
    expect(typo.ids).toEqual(['dropout']);
    expect(typo.corrections).toEqual([{ from: 'dropuot', to: 'dropout' }]);
    expect(typo.words).toHaveBeenCalled();
    const correct = await search('dropout');
    expect(correct.words).not.toHaveBeenCalled();
  });

  it('searches the words as typed when asked to', async () => {
    const found = await search('dropuot', { asTyped: true });
    expect(found.ids).toEqual([]);
    expect(found.unmatched).toEqual(['dropuot']);
  });

  it('finds a paper by another form of the vocabulary: CNN finds convolutional', async () => {
    const found = await search('cnn');
    expect(found.ids.sort()).toEqual(['cutout', 'dropblock']);
    expect(found.highlight).toContain('convolutional');
  });

  it('matches whole words only, except the word being typed, where whole words come first', async () => {
    expect((await search('drop')).ids).toEqual([]);
    const typing = await search('drop', { typing: true });
    expect(typing.ids.sort()).toEqual(['dropblock', 'dropout']);
    const words = await search('dropout', { typing: true });
    expect(words.ids).toEqual(['dropout']);
  });

  it('orders by the chosen sort key, papers with every word first', async () => {
    const found = await search('convolutional networks', { sort: { date: 'desc' } });
    expect(found.ids.slice(0, 2)).toEqual(['dropblock', 'cutout']);
    expect(found.ids.slice(2)).toEqual(['dropout']);
  });

  it('lists the papers a filter keeps, newest first, when there is no query', async () => {
    const found = await search('');
    expect(found.mode).toBe('filters');
    expect(found.ids[0]).toBe('sgd');
  });

  it('takes the number of papers from the page, when it gives one, instead of an empty search', async () => {
    const backend = fakePagefind(PAGES);
    const outcome = await runSearch(backend, request('masking regions of images'), {
      vocabulary,
      words: vi.fn(indexWords),
      paperCount: PAGES.length,
    });
    // The empty search would have Pagefind make a result for every paper.
    expect(backend.search).not.toHaveBeenCalledWith(null, {});
    expect(outcome.results.map((result) => result.id)).toEqual(
      (await search('masking regions of images')).ids,
    );
  });

  it('weights rare words above common ones', () => {
    expect(inverseFrequency(1, 300)).toBeGreaterThan(inverseFrequency(100, 300));
    expect(inverseFrequency(300, 300)).toBeGreaterThan(0);
  });
});
