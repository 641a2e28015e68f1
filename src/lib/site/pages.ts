/**
 * How list pages are cut and addressed. Every list (a topic, a year, all papers in each order)
 * shows LIST_PAGE_SIZE papers a page: at about six elements a row, a page stays well under the
 * 800 elements past which Lighthouse calls a page's DOM excessive, however long the list grows.
 */

/** Papers per page of every paper list. */
export const LIST_PAGE_SIZE = 50;

/** Papers per page of a topic (the same as every list). */
export const TOPIC_PAGE_SIZE = LIST_PAGE_SIZE;

/** The orderings of the all-papers list, each a pre-rendered page. */
export const ORDERINGS = [
  { id: 'newest', label: 'Newest first', path: 'all/' },
  { id: 'title', label: 'Title A–Z', path: 'all/title/' },
  { id: 'upvotes', label: 'Most upvoted', path: 'all/upvotes/' },
] as const;

export type OrderingId = (typeof ORDERINGS)[number]['id'];

/** One page of a list. */
export interface ListPage<T> {
  papers: T[];
  /** 1-based number of this page, and of the last page. */
  current: number;
  last: number;
  /** 0-based positions of the first and last paper shown, and the length of the whole list. */
  start: number;
  end: number;
  total: number;
  /** Path of this page relative to the site's base: `all/`, `all/2/`, `years/2024/3/`. */
  path: string;
  /** Path of the list's first page: `all/`, `years/2024/`. */
  listPath: string;
  /** The rest of the path after the list's own path: undefined on page 1, else `2`, `3`, … */
  rest: string | undefined;
  previous: string | undefined;
  next: string | undefined;
}

/** The path of page `n` of the list at `listPath` (`all/title/`): page 1 is the list's own path. */
export function pagePath(listPath: string, n: number): string {
  return n === 1 ? listPath : `${listPath}${n}/`;
}

/**
 * The list cut into pages of `size`, each with its path and neighbours. An empty list still has
 * one (empty) page, so the list's address always answers.
 */
export function listPages<T>(
  papers: readonly T[],
  listPath: string,
  size: number = LIST_PAGE_SIZE,
): ListPage<T>[] {
  const last = Math.max(1, Math.ceil(papers.length / size));
  return Array.from({ length: last }, (_, index) => {
    const current = index + 1;
    const start = index * size;
    const slice = papers.slice(start, start + size);
    return {
      papers: slice,
      current,
      last,
      start,
      end: start + Math.max(slice.length, 1) - 1,
      total: papers.length,
      path: pagePath(listPath, current),
      listPath,
      rest: current === 1 ? undefined : String(current),
      previous: current > 1 ? pagePath(listPath, current - 1) : undefined,
      next: current < last ? pagePath(listPath, current + 1) : undefined,
    };
  });
}

/** `Papers 51–100 of 323` when the list has several pages, else `323 papers`. */
export function rangeLine(
  page: Pick<ListPage<unknown>, 'start' | 'end' | 'total' | 'last'>,
): string {
  if (page.last <= 1) return `${page.total} ${page.total === 1 ? 'paper' : 'papers'}`;
  return `Papers ${page.start + 1}–${page.end + 1} of ${page.total}`;
}

/** One entry of a pager's page links: a page number, or a gap between numbers. */
export type PagerEntry = { page: number; current: boolean } | { gap: true };

/**
 * The page numbers a pager links: the first and last pages and those within two of the current
 * one, with a gap where numbers are left out (`1 … 5 6 7 8 9 … 200`), so a list of any length
 * is a few clicks from any page.
 */
export function pagerEntries(current: number, last: number, reach = 2): PagerEntry[] {
  const entries: PagerEntry[] = [];
  let previous = 0;
  for (let page = 1; page <= last; page += 1) {
    const shown = page === 1 || page === last || Math.abs(page - current) <= reach;
    if (!shown) continue;
    // A gap of one page shows that page instead: `1 2 3`, never `1 … 3`.
    if (page - previous === 2) entries.push({ page: page - 1, current: false });
    else if (page - previous > 2) entries.push({ gap: true });
    entries.push({ page, current: page === current });
    previous = page;
  }
  return entries;
}
