import { describe, expect, it } from 'vitest';
import {
  formatSearchState,
  pagefindFilters,
  pagefindSort,
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
    });
  });

  it('ignores malformed filters and unknown sorts', () => {
    expect(parseSearchState('?topic=<script>&year=20x3&sort=random')).toEqual({
      query: '',
      topics: [],
      years: [],
      sort: 'relevance',
    });
  });

  it('writes a state back to the same query string it was read from', () => {
    const search = '?q=dropout&topic=dropout-noise&topic=robustness&year=2019&sort=upvotes';
    expect(formatSearchState(parseSearchState(search))).toBe(search);
  });

  it('writes nothing for the empty default state', () => {
    expect(formatSearchState({ query: '', topics: [], years: [], sort: 'relevance' })).toBe('');
  });

  it('turns the state into Pagefind filters and sort options', () => {
    const state = parseSearchState('?topic=weight-penalties&sort=date');
    expect(pagefindFilters(state)).toEqual({ topic: ['weight-penalties'] });
    expect(pagefindSort(state.sort)).toEqual({ date: 'desc' });
    expect(pagefindSort('relevance')).toBeUndefined();
  });
});
