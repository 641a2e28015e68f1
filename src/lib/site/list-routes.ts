/**
 * The pages of the paper lists, computed once for the routes: `/all/` in each order and each
 * year, cut into pages, with the groups each page shows. Routes only hand these to components.
 */
import { byNewest, byTitle, byUpvotes } from '../paper/ordering.ts';
import type { SitePaper, YearGroup } from './catalog.ts';
import { listPages, ORDERINGS, type ListPage } from './pages.ts';
import { dateGroups, singleGroup, type ListGroup } from './paper-list.ts';

/** A page of a list, with the groups to show on it. */
export interface ListRoutePage extends ListPage<SitePaper> {
  groups: ListGroup<SitePaper>[];
}

function withGroups(
  pages: ListPage<SitePaper>[],
  group: (papers: SitePaper[]) => ListGroup<SitePaper>[],
): ListRoutePage[] {
  return pages.map((page) => ({ ...page, groups: group(page.papers) }));
}

/** One page of `/all/` in one order. */
export interface AllPapersPage extends ListRoutePage {
  ordering: (typeof ORDERINGS)[number];
  /** The route's rest parameter: undefined, `title`, `2`, `title/2`, … */
  param: string | undefined;
}

const SORTERS = { newest: byNewest, title: byTitle, upvotes: byUpvotes } as const;

/** Every page of `/all/`, in each order; newest first groups undated papers apart. */
export function allPapersPages(papers: readonly SitePaper[]): AllPapersPage[] {
  return ORDERINGS.flatMap((ordering) => {
    const sorted = SORTERS[ordering.id](papers);
    const grouping = ordering.id === 'newest' ? dateGroups : singleGroup;
    return withGroups(listPages(sorted, ordering.path), grouping).map((page) => ({
      ...page,
      ordering,
      param: page.path.replace(/^all\/?/, '').replace(/\/$/, '') || undefined,
    }));
  });
}

/** One page of a year's list. */
export interface YearPage extends ListRoutePage {
  year: string;
}

/** Every page of every year's list, newest first. */
export function yearPages(years: readonly YearGroup[]): YearPage[] {
  return years.flatMap((group) =>
    withGroups(listPages(group.papers, `years/${group.year}/`), singleGroup).map((page) => ({
      ...page,
      year: group.year,
    })),
  );
}
