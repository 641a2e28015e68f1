/**
 * The part of Pagefind's browser API (`pagefind/pagefind.js` in the built site) the search page
 * uses. Pagefind publishes no types for it, so these follow its documentation.
 */

import { SITE_LANGUAGE } from './identity.ts';

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
    /** The query string of the entry's address, instead of the time of the request. */
    metaCacheTag?: string;
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

/**
 * The query string Pagefind adds to `pagefind-entry.json`. By default it is the time of the
 * request, so no cache can hold a stale entry; the site's hosts revalidate that file on every use
 * (`REVALIDATE` in `hosting/rules.ts`), so a fixed value is as safe, and lets the search page
 * preload the entry under the exact address Pagefind then asks for.
 */
export const ENTRY_CACHE_TAG = 'revalidated';

/** A `<link>` in the search page's head that starts a download Pagefind will need. */
export interface PagefindPreload {
  rel: 'modulepreload' | 'preload';
  href: string;
}

/**
 * The files every search needs before it can look anything up: Pagefind's script, its entry and
 * its WebAssembly. Loaded one after the other by Pagefind, they are a chain of round trips before
 * the first result; named in the page's head, they load at once, alongside the page's own script.
 * Pagefind picks the index of the page's language, `SITE_LANGUAGE`. (The metadata file's name is
 * hashed and only known to the entry, so it cannot be named here.)
 */
export function pagefindPreloads(bundlePath: string): readonly PagefindPreload[] {
  return [
    { rel: 'modulepreload', href: `${bundlePath}pagefind.js` },
    { rel: 'preload', href: `${bundlePath}pagefind-entry.json?ts=${ENTRY_CACHE_TAG}` },
    { rel: 'preload', href: `${bundlePath}wasm.${SITE_LANGUAGE}.pagefind` },
  ];
}

/** Loads Pagefind's browser API from the site's bundle. */
export async function loadPagefind(bundlePath: string): Promise<PagefindApi> {
  const api = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as PagefindApi;
  await api.options({
    basePath: bundlePath,
    excerptLength: 30,
    noWorker: true,
    metaCacheTag: ENTRY_CACHE_TAG,
  });
  return api;
}
