/**
 * The names under which paper pages hand data to the search index, and under which the search
 * page asks for it back. Pages and the search script both take them from here: a filter renamed on
 * one side only would make every search by that filter come back empty, without an error.
 */

/**
 * Filters a paper page sets (`data-pagefind-filter`) and the search page narrows by; the search
 * form's fields and its URL's parameters carry the same names (`?topic=dropout-noise&year=2023`).
 */
export const FILTER = { topic: 'topic', year: 'year', code: 'code' } as const;

/** The value of the `code` filter on papers whose code is linked. */
export const CODE_LINKED = 'yes';

/** Sort keys a paper page sets (`data-pagefind-sort`) and the search page orders by. */
export const SORT = { date: 'date', upvotes: 'upvotes' } as const;

/** Metadata a paper page sets (`data-pagefind-meta`) and a search result shows. */
export const META = {
  title: 'title',
  authors: 'authors',
  byline: 'byline',
  upvotes: 'upvotes',
} as const;

/** `name:value`, as `data-pagefind-filter`, `-sort` and `-meta` take a value inline. */
export function pagefindPair(name: string, value: string | number): string {
  return `${name}:${String(value)}`;
}
