import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXCERPT_WORDS,
  grouped,
  highlightRoot,
  resultFacts,
  resultsStatus,
  searchExcerpt,
  wantsResults,
  type StatusInput,
  type StatusPart,
} from '../../src/lib/site/search-results.ts';
import { parseSearchState } from '../../src/lib/site/search-url.ts';

const TITLE = 'Sparsity-Constrained Optimal Transport';
const ABSTRACT =
  'Regularized optimal transport (OT) is now increasingly used as a loss or as a matching layer in neural networks. ' +
  'Entropy-regularized OT can be computed using the Sinkhorn algorithm but it leads to fully-dense transportation plans, ' +
  'meaning that all sources are (fractionally) matched with all targets. To address this issue, several works have ' +
  'investigated quadratic regularization instead. This regularization preserves sparsity and leads to unconstrained ' +
  'and smooth (semi) dual objectives, that can be solved with off-the-shelf gradient methods.';
/** Pagefind's stored text of a paper page: the title, a full stop, then the abstract. */
const CONTENT = `${TITLE}. ${ABSTRACT}`;

const textOf = (segments: { text: string }[]) => segments.map((segment) => segment.text).join('');
const marked = (segments: { text: string; marked: boolean }[]) =>
  segments.filter((segment) => segment.marked).map((segment) => segment.text);

describe('searchExcerpt', () => {
  it('shows the abstract without repeating the title when the match is at its start', () => {
    const excerpt = searchExcerpt(CONTENT, TITLE, ['regularized']);
    expect(textOf(excerpt).startsWith('Regularized optimal transport (OT)')).toBe(true);
    expect(textOf(excerpt)).not.toContain('Sparsity-Constrained');
  });

  it('leaves out the authors line that follows the title', () => {
    const content = `${TITLE}. By Ada Lovelace, Alan Turing. ${ABSTRACT}`;
    const excerpt = searchExcerpt(content, TITLE, ['regularized'], 'By Ada Lovelace, Alan Turing');
    expect(textOf(excerpt).startsWith('Regularized optimal transport (OT)')).toBe(true);
  });

  it('shows the part of the abstract around the match, with the matching words marked', () => {
    const excerpt = searchExcerpt(CONTENT, TITLE, ['quadratic']);
    expect(textOf(excerpt)).toMatch(/^… .*quadratic regularization instead/);
    expect(marked(excerpt)).toEqual(['quadratic']);
  });

  it('prefers the passage that holds the most different words of the query', () => {
    const excerpt = searchExcerpt(CONTENT, TITLE, ['sinkhorn', 'dense']);
    expect(marked(excerpt)).toEqual(expect.arrayContaining(['Sinkhorn', 'fully-dense']));
  });

  it('marks other endings of a word: regularization finds regularized and regularization', () => {
    expect(highlightRoot('regularization')).toBe('regular');
    const excerpt = searchExcerpt(CONTENT, TITLE, ['regularization']);
    expect(marked(excerpt)).toEqual(expect.arrayContaining(['Regularized', 'Entropy-regularized']));
  });

  it('is at most EXCERPT_WORDS words long, with an ellipsis where it is cut', () => {
    const excerpt = textOf(searchExcerpt(CONTENT, TITLE, ['gradient']));
    const words = excerpt.split(' ').filter((word) => word !== '…');
    expect(words.length).toBeLessThanOrEqual(EXCERPT_WORDS);
    expect(excerpt.startsWith('… ')).toBe(true);
  });

  it('gives back what the paper wrote character for character, a literal &lt; included', () => {
    // Pagefind's `content` is the page's text unescaped; it is only ever inserted as text.
    const content = 'T. Bounds for a &lt; b and <script>alert(1)</script> in W&B';
    expect(textOf(searchExcerpt(content, 'T', ['bounds']))).toBe(
      'Bounds for a &lt; b and <script>alert(1)</script> in W&B',
    );
  });

  it('keeps every word of a short text, in order, whatever it holds', () => {
    const word = fc.stringMatching(/^[^\s]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: EXCERPT_WORDS }), fc.array(word), (words, terms) => {
        const text = words.join(' ');
        expect(textOf(searchExcerpt(text, '', terms))).toBe(text);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

const found = (input: Partial<StatusInput>): StatusInput => ({
  count: 0,
  mode: 'all',
  complete: input.count ?? 0,
  unmatched: [],
  corrections: [],
  ...input,
});
const said = (parts: StatusPart[]) => parts.map((part) => part.text).join('');

describe('what the search page shows', () => {
  it('searches for a query or a filter, and shows nothing for an empty form', () => {
    expect(wantsResults(parseSearchState(''))).toBe(false);
    expect(wantsResults(parseSearchState('?sort=date'))).toBe(false);
    expect(wantsResults(parseSearchState('?q=dropout'))).toBe(true);
    expect(wantsResults(parseSearchState('?year=2021'))).toBe(true);
  });

  it('announces how many papers were found, for what', () => {
    expect(said(resultsStatus(found({ count: 1 }), parseSearchState('?q=grokking')))).toBe(
      '1 paper found for “grokking”.',
    );
    expect(
      said(
        resultsStatus(found({ count: 1234 }), parseSearchState('?q=dropout&topic=dropout-noise')),
      ),
    ).toBe('1,234 papers found for “dropout” with the chosen filters.');
    expect(said(resultsStatus(found({ count: 0 }), parseSearchState('?q=quasar')))).toBe(
      'No paper found for “quasar”.',
    );
    expect(
      said(resultsStatus(found({ count: 12, mode: 'filters' }), parseSearchState('?year=2019'))),
    ).toBe('12 papers found with the chosen filters.');
  });

  it('writes counts with a comma between each group of three digits, as English does', () => {
    expect(grouped(7)).toBe('7');
    expect(grouped(999)).toBe('999');
    expect(grouped(1000)).toBe('1,000');
    expect(grouped(54321)).toBe('54,321');
    expect(grouped(100000)).toBe('100,000');
    expect(grouped(1234567)).toBe('1,234,567');
  });

  it('says when no paper has every word and the results match only some of them', () => {
    const state = parseSearchState('?q=mixing+two+images+and+their+labels');
    expect(said(resultsStatus(found({ count: 57, mode: 'some', complete: 0 }), state))).toBe(
      'No paper has all of these words; showing 57 papers that match most of them.',
    );
    expect(said(resultsStatus(found({ count: 57, mode: 'some', complete: 3 }), state))).toBe(
      '3 papers have all of these words; 54 more match some of them.',
    );
  });

  it('names a word no paper mentions, with or without other results', () => {
    expect(
      said(
        resultsStatus(found({ count: 0, unmatched: ['asdfgh'] }), parseSearchState('?q=asdfgh')),
      ),
    ).toBe('No paper mentions “asdfgh”.');
    expect(
      said(
        resultsStatus(
          found({ count: 4, unmatched: ['asdfgh'] }),
          parseSearchState('?q=asdfgh+dropout'),
        ),
      ),
    ).toBe(
      'No paper mentions “asdfgh”; showing papers with the other words. 4 papers found for “asdfgh dropout”.',
    );
  });

  it('offers the words as typed when a typo was corrected, as a link', () => {
    const parts = resultsStatus(
      found({ count: 2, corrections: [{ from: 'dropuot', to: 'dropout' }] }),
      parseSearchState('?q=dropuot+transformers'),
    );
    expect(said(parts)).toBe(
      'Showing results for “dropout transformers”; search instead for “dropuot transformers”. 2 papers found for “dropout transformers”.',
    );
    expect(parts.filter((part) => 'searchAsTyped' in part)).toEqual([
      { text: '“dropuot transformers”', searchAsTyped: true },
    ]);
  });

  it("lists a result's year, its topics by their names, and its upvotes", () => {
    const names = new Map([
      ['optimal-transport', 'Optimal transport'],
      ['robustness', 'Robustness'],
    ]);
    expect(
      resultFacts({ topic: ['optimal-transport', 'robustness'], year: ['2022'] }, names, {
        upvotes: '7',
      }),
    ).toEqual(['2022', 'Optimal transport', 'Robustness', '7 upvotes']);
    expect(resultFacts({}, names)).toEqual([]);
  });

  it('puts the authors first when the page gives them', () => {
    expect(
      resultFacts({ year: ['2021'] }, new Map(), {
        title: 'T',
        byline: 'Ana Ortiz, Bo Chen, Chidi Okafor and 2 more',
      }),
    ).toEqual(['Ana Ortiz, Bo Chen, Chidi Okafor and 2 more', '2021']);
  });

  it('lists papers with code alone, as a filter', () => {
    const state = {
      query: '',
      topics: [],
      years: [],
      code: true as const,
      sort: 'relevance' as const,
      asTyped: false,
    };
    expect(wantsResults(state)).toBe(true);
    expect(said(resultsStatus(found({ count: 3, mode: 'filters' }), state))).toBe(
      '3 papers found with the chosen filters.',
    );
  });
});
