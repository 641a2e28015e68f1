import { describe, expect, it } from 'vitest';
import {
  formatSearchState,
  pagefindOptions,
  parseSearchState,
} from '../../src/lib/site/search-url.ts';

describe('search state in the URL', () => {
  it('reads the query, filters and sort from a shared link', () => {
    expect(
      parseSearchState('?q=entropic+transport&topic=optimal-transport&year=2023&sort=date'),
    ).toEqual({
      query: 'entropic transport',
      topics: ['optimal-transport'],
      years: ['2023'],
      sort: 'date',
      asTyped: false,
    });
  });

  it('ignores malformed filters and unknown sorts', () => {
    expect(parseSearchState('?topic=<script>&year=20x3&sort=random')).toEqual({
      query: '',
      topics: [],
      years: [],
      sort: 'relevance',
      asTyped: false,
    });
  });

  it('writes a state back to the same query string it was read from', () => {
    const search = '?q=dropout&topic=dropout-noise&topic=robustness&year=2019&sort=upvotes';
    expect(formatSearchState(parseSearchState(search))).toBe(search);
  });

  it('writes nothing for the empty default state', () => {
    expect(
      formatSearchState({ query: '', topics: [], years: [], sort: 'relevance', asTyped: false }),
    ).toBe('');
  });

  it('turns the state into Pagefind filters and sort options', () => {
    expect(
      pagefindOptions(parseSearchState('?q=dropout&topic=weight-penalties&sort=upvotes')),
    ).toEqual({ filters: { topic: { any: ['weight-penalties'] } }, sort: { upvotes: 'desc' } });
    expect(pagefindOptions(parseSearchState('?q=dropout&year=2019'))).toEqual({
      filters: { year: { any: ['2019'] } },
    });
  });

  it('lists the papers a filter keeps newest first when there is no query to rank them by', () => {
    expect(pagefindOptions(parseSearchState('?topic=robustness'))).toEqual({
      filters: { topic: { any: ['robustness'] } },
      sort: { date: 'desc' },
    });
  });

  it('keeps a paper that has any one of several years or topics a link asks for', () => {
    expect(pagefindOptions(parseSearchState('?q=dropout&year=2021&year=2022')).filters).toEqual({
      year: { any: ['2021', '2022'] },
    });
  });

  it('keeps only papers with code when the box is ticked, and says so in the link', () => {
    const state = parseSearchState('?q=dropout&code=yes');
    expect(state.code).toBe(true);
    expect(formatSearchState(state)).toBe('?q=dropout&code=yes');
    expect(pagefindOptions(state).filters).toEqual({ code: { any: ['yes'] } });
    expect(parseSearchState('?code=1').code).toBeUndefined();
    expect(pagefindOptions(parseSearchState('?q=dropout')).filters).toEqual({});
  });
});
