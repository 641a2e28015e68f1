/**
 * The part of Pagefind's browser API (`pagefind/pagefind.js` in the built site) the search page
 * uses. Pagefind publishes no types for it, so these follow its documentation.
 */

/** One page's data, loaded only for the results shown. */
export interface PagefindResultData {
  url: string;
  /** Text around the best match, with `<` and `>` escaped and matches in `<mark>`. */
  excerpt: string;
  /** The page's indexed text, as plain text (not escaped). */
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  /** Pagefind's relevance score for the search that returned it. */
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindSearchOptions {
  /** Values of each filter: a page must have all of a plain list, or one of an `any` list. */
  filters?: Record<string, string[] | { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindResponse {
  results: PagefindResult[];
}

export interface PagefindApi {
  options: (options: {
    basePath?: string;
    excerptLength?: number;
    /** Search on the page's own thread: saves the worker's download (43 KB) for small indexes. */
    noWorker?: boolean;
  }) => Promise<void>;
  preload: (term: string) => Promise<void>;
  /** A `null` term lists every page the filters keep. */
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindResponse>;
  /** As `search`, but resolves to `null` when a newer call superseded it during the wait. */
  debouncedSearch: (
    term: string | null,
    options?: PagefindSearchOptions,
    debounceMs?: number,
  ) => Promise<PagefindResponse | null>;
}

/** Loads Pagefind's browser API from the site's bundle. */
export async function loadPagefind(bundlePath: string): Promise<PagefindApi> {
  const api = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as PagefindApi;
  await api.options({ basePath: bundlePath, excerptLength: 30, noWorker: true });
  return api;
}
