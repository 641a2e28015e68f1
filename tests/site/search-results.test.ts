import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  excerptSegments,
  resultFacts,
  resultsStatus,
  wantsResults,
} from '../../src/lib/site/search-results.ts';
import { parseSearchState } from '../../src/lib/site/search-url.ts';

describe('excerptSegments', () => {
  it('highlights the words Pagefind marked and keeps the rest as plain text', () => {
    expect(
      excerptSegments(
        'computed with the <mark>Sinkhorn</mark> iterations of <mark>entropic</mark> OT',
      ),
    ).toEqual([
      { text: 'computed with the ', marked: false },
      { text: 'Sinkhorn', marked: true },
      { text: ' iterations of ', marked: false },
      { text: 'entropic', marked: true },
      { text: ' OT', marked: false },
    ]);
  });

  it('gives back markup from a paper as the characters the paper wrote, never as tags', () => {
    // Pagefind escapes < and > in page text and leaves & alone.
    expect(excerptSegments('a &lt;script&gt;alert(1)&lt;/script&gt; in <mark>W&B</mark>')).toEqual([
      { text: 'a <script>alert(1)</script> in ', marked: false },
      { text: 'W&B', marked: true },
    ]);
  });

  it('joins adjacent runs of the same kind', () => {
    expect(excerptSegments('<mark>drop</mark><mark>out</mark>')).toEqual([
      { text: 'dropout', marked: true },
    ]);
  });

  it('keeps every character of any excerpt, in order', () => {
    // Text that spells an entity itself ("&lt;") cannot be told from an escaped "<": Pagefind does
    // not escape "&", so such text is left out.
    const text = fc.string().filter((run) => !/&[lg]t;/.test(run));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.boolean())), (runs) => {
        const escaped = runs.map(([run]) => run.replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
        const excerpt = runs
          .map(([, marked], i) =>
            marked ? `<mark>${escaped[i] ?? ''}</mark>` : (escaped[i] ?? ''),
          )
          .join('');
        const plain = runs.map(([run]) => run).join('');
        expect(
          excerptSegments(excerpt)
            .map((segment) => segment.text)
            .join(''),
        ).toBe(plain);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('what the search page shows', () => {
  it('searches for a query or a filter, and shows nothing for an empty form', () => {
    expect(wantsResults(parseSearchState(''))).toBe(false);
    expect(wantsResults(parseSearchState('?sort=date'))).toBe(false);
    expect(wantsResults(parseSearchState('?q=dropout'))).toBe(true);
    expect(wantsResults(parseSearchState('?year=2021'))).toBe(true);
  });

  it('announces how many papers were found, for what', () => {
    expect(resultsStatus(1, parseSearchState('?q=grokking'))).toBe('1 paper found for “grokking”.');
    expect(resultsStatus(1234, parseSearchState('?q=dropout&topic=dropout-noise'))).toBe(
      '1,234 papers found for “dropout” with the chosen filters.',
    );
    expect(resultsStatus(0, parseSearchState('?q=quasar'))).toBe('No paper found for “quasar”.');
    expect(resultsStatus(12, parseSearchState('?year=2019'))).toBe(
      '12 papers found with the chosen filters.',
    );
  });

  it("lists a result's year, then its topics by their names", () => {
    const names = new Map([
      ['optimal-transport', 'Optimal transport'],
      ['robustness', 'Robustness'],
    ]);
    expect(
      resultFacts({ topic: ['optimal-transport', 'robustness'], year: ['2022'] }, names),
    ).toEqual(['2022', 'Optimal transport', 'Robustness']);
    expect(resultFacts({}, names)).toEqual([]);
  });

  it('puts the authors in brief first when the page gives them', () => {
    expect(
      resultFacts({ year: ['2021'] }, new Map(), {
        title: 'T',
        byline: 'A. Ortiz, B. Chen, et al.',
      }),
    ).toEqual(['A. Ortiz, B. Chen, et al.', '2021']);
  });

  it('lists papers with code alone, as a filter', () => {
    const state = {
      query: '',
      topics: [],
      years: [],
      code: true as const,
      sort: 'relevance' as const,
    };
    expect(wantsResults(state)).toBe(true);
    expect(resultsStatus(3, state)).toBe('3 papers found with the chosen filters.');
  });
});
