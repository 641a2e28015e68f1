/**
 * The search page keeps its whole state in the URL, so a search can be shared and the back button
 * works: `?q=dropout&topic=dropout-noise&year=2023&code=yes&sort=date`, and `typed=1` when the
 * reader asked for the words as typed rather than a typo's correction.
 */

import { CODE_LINKED, FILTER, SORT } from './pagefind-names.ts';

/** Sort orders offered on the search page; `relevance` is Pagefind's own ranking. */
export const SEARCH_SORTS = ['relevance', SORT.date, SORT.upvotes] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchState {
  query: string;
  /** Topic ids to filter by (any of them). */
  topics: string[];
  /** Years to filter by (any of them). */
  years: string[];
  /** Only papers whose code is linked; absent means every paper. */
  code?: true;
  sort: SearchSort;
  /** Search the words as typed, without correcting typos (`typed=1`). */
  asTyped: boolean;
}

function isSort(value: string | null): value is SearchSort {
  return (SEARCH_SORTS as readonly (string | null)[]).includes(value);
}

/** Reads the state from a URL's query string; unknown or malformed values are ignored. */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const sort = params.get('sort');
  return {
    query: (params.get('q') ?? '').trim(),
    topics: params.getAll(FILTER.topic).filter((id) => /^[a-z0-9-]+$/.test(id)),
    years: params.getAll(FILTER.year).filter((year) => /^\d{4}$/.test(year)),
    ...(params.get(FILTER.code) === CODE_LINKED ? { code: true as const } : {}),
    sort: isSort(sort) ? sort : 'relevance',
    asTyped: params.get('typed') === '1',
  };
}

/** The query string for a state (`?…`, or empty), with parameters in a fixed order. */
export function formatSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query !== '') params.set('q', state.query);
  for (const topic of state.topics) params.append(FILTER.topic, topic);
  for (const year of state.years) params.append(FILTER.year, year);
  if (state.code === true) params.set(FILTER.code, CODE_LINKED);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.asTyped && state.query !== '') params.set('typed', '1');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Pagefind's search options for a state: the filter groups that have values, and the order. */
export function pagefindOptions(state: SearchState): {
  filters: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
} {
  // `any`: a paper matches when it has one of the values; a plain list would require all of them.
  const filters = {
    ...(state.topics.length > 0 ? { [FILTER.topic]: { any: state.topics } } : {}),
    ...(state.years.length > 0 ? { [FILTER.year]: { any: state.years } } : {}),
    ...(state.code === true ? { [FILTER.code]: { any: [CODE_LINKED] } } : {}),
  };
  // Relevance is Pagefind's default order; without a query nothing is relevant, so a list kept by
  // the filters alone comes newest first.
  const sort = state.sort === 'relevance' && state.query === '' ? SORT.date : state.sort;
  return sort === 'relevance' ? { filters } : { filters, sort: { [sort]: 'desc' } };
}
