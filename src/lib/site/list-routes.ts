/**
 * The pages of the paper lists, computed once for the routes: `/all/` in each order, each topic
 * and each year, cut into pages, with the groups each page shows and the words of its title and
 * headings. Routes only hand these to components.
 */
import { byNewest, byTitle, byUpvotes } from '../paper/ordering.ts';
import type { ReadingPath } from '../topics/reading-paths.ts';
import type { Paper } from '../paper/schema.ts';
import type { TopicWithPapers, YearGroup } from './catalog.ts';
import { LIST_FORMATS } from '../export/lists.ts';
import { topicPath, yearPath, type SiteLinks } from './links.ts';
import { listPages, ORDERINGS, rangeLine, type ListPage } from './pages.ts';
import { dateGroups, singleGroup, type ListGroup } from './paper-list.ts';

/** A page of a list, with the groups to show on it and the words around them. */
export interface ListRoutePage extends ListPage<Paper> {
  groups: ListGroup<Paper>[];
  /** The page's own title, before the site's name. */
  title: string;
  /** The page's description, for search engines and link previews. */
  description: string;
  /** The page's main heading. */
  heading: string;
  /** The heading over the list: `Papers 51–100 of 323, newest first`. */
  rangeHeading: string;
  /** Whether the list runs newest first, so its pager leads to newer and older papers. */
  newestFirst: boolean;
}

/** `Dropout`, or `Dropout, page 2` past the first page. */
function pagedTitle(title: string, page: Pick<ListPage<unknown>, 'current'>): string {
  return page.current > 1 ? `${title}, page ${page.current}` : title;
}

/** How a list reads: its title, its order in words, and whether it runs newest first. */
interface ListWords {
  /** The title of the list's first page; later pages add their number. */
  title: string;
  description: string;
  heading: string;
  /** `newest first`, `title a–z`: the end of the heading over the list. */
  order: string;
  /**
   * Newest first lists gather undated papers under a heading of their own and page through newer
   * and older papers; other orders are one run.
   */
  newestFirst: boolean;
}

/** A list's pages, each with its groups, its rest parameter and the words of its headings. */
function routePages(papers: readonly Paper[], listPath: string, words: ListWords): ListRoutePage[] {
  const group = words.newestFirst ? dateGroups : singleGroup;
  return listPages(papers, listPath).map((page) => ({
    ...page,
    groups: group(page.papers),
    title: pagedTitle(words.title, page),
    description: words.description,
    heading: words.heading,
    rangeHeading: `${rangeLine(page)}, ${words.order}`,
    newestFirst: words.newestFirst,
  }));
}

/** Topics and years list their papers newest first. */
const NEWEST_FIRST = { order: 'newest first', newestFirst: true } as const;

/** One page of `/all/` in one order. */
export interface AllPapersPage extends ListRoutePage {
  ordering: (typeof ORDERINGS)[number];
  /** The sort orders, each linking its first page; the one shown is current. */
  orderings: { label: string; path: string; current: boolean }[];
  /** The route's parameter: undefined, `title`, `2`, `title/2`, … */
  params: { order: string | undefined };
}

const SORTERS = { newest: byNewest, title: byTitle, upvotes: byUpvotes } as const;

/** Every page of `/all/`, in each order; newest first groups undated papers apart. */
export function allPapersPages(papers: readonly Paper[]): AllPapersPage[] {
  return ORDERINGS.flatMap((ordering) => {
    const order = ordering.label.toLowerCase();
    return routePages(SORTERS[ordering.id](papers), ordering.path, {
      title: `All papers, ${order}`,
      description: `All ${papers.length} papers of the reading list.`,
      heading: `All ${papers.length} papers`,
      order,
      newestFirst: ordering.id === 'newest',
    }).map((page) => ({
      ...page,
      ordering,
      orderings: ORDERINGS.map((item) => ({
        label: item.label,
        path: item.path,
        current: item.id === ordering.id,
      })),
      params: { order: page.path.replace(/^all\/?/, '').replace(/\/$/, '') || undefined },
    }));
  });
}

/** One page of a year's list. */
export interface YearPage extends ListRoutePage {
  year: string;
  params: { year: string; page: string | undefined };
}

/** Every page of every year's list, newest first. */
export function yearPages(years: readonly YearGroup[]): YearPage[] {
  return years.flatMap((group) =>
    routePages(group.papers, yearPath(group.year), {
      title: `Papers from ${group.year}`,
      description: `${group.papers.length} papers on regularization from ${group.year}.`,
      heading: `Papers from ${group.year}`,
      ...NEWEST_FIRST,
    }).map((page) => ({
      ...page,
      year: group.year,
      params: { year: group.year, page: page.rest },
    })),
  );
}

/** One page of a topic's list. */
export interface TopicPage extends ListRoutePage {
  topic: TopicWithPapers;
  /** The topic's reading path, shown on the first page only. */
  readingPath: ReadingPath | undefined;
  /** The topic's feed: its path and the title a feed reader shows. */
  feed: { path: string; title: string };
  /** The topic's papers as files to download, each saved under the topic's id. */
  downloads: { label: string; path: string; fileName: string }[];
  params: { topic: string; page: string | undefined };
}

/** A topic's feed and downloads, beside its list. */
function topicFiles(topic: TopicWithPapers): Pick<TopicPage, 'feed' | 'downloads'> {
  const path = topicPath(topic.id);
  return {
    feed: { path: `${path}feed.xml`, title: `${topic.name}: newly added papers` },
    downloads: LIST_FORMATS.map((format) => ({
      label: format.label,
      path: `${path}papers.${format.extension}`,
      fileName: `${topic.id}.${format.extension}`,
    })),
  };
}

/** Every page of every topic's list, newest first, each topic's reading path on its first page. */
export function topicPages(
  topics: readonly TopicWithPapers[],
  readingPaths: ReadonlyMap<string, ReadingPath>,
): TopicPage[] {
  return topics.flatMap((topic) => {
    const files = topicFiles(topic);
    return routePages(topic.papers, topicPath(topic.id), {
      title: topic.name,
      description: topic.description,
      heading: topic.name,
      ...NEWEST_FIRST,
    }).map((page) => ({
      ...page,
      ...files,
      topic,
      readingPath: page.current === 1 ? readingPaths.get(topic.id) : undefined,
      params: { topic: topic.id, page: page.rest },
    }));
  });
}

/** One step of a topic's reading path, as "Start here" shows it. */
export interface StartStep {
  paper: Paper;
  href: string;
  /** Why the paper comes where it does. */
  reason: string;
}

/** The steps of a reading path whose papers are still listed, in the path's order. */
export function startSteps(
  path: ReadingPath,
  paperById: ReadonlyMap<string, Paper>,
  links: Pick<SiteLinks, 'paperHref'>,
): StartStep[] {
  return path.steps.flatMap((step) => {
    const paper = paperById.get(step.paper);
    return paper === undefined
      ? []
      : [{ paper, href: links.paperHref(paper.slug), reason: step.reason }];
  });
}

/** Pages as Astro's `getStaticPaths()` returns them: each page's parameters, the page as props. */
export function staticPaths<P extends { params: Record<string, string | undefined> }>(
  pages: readonly P[],
): { params: P['params']; props: { page: P } }[] {
  return pages.map((page) => ({ params: page.params, props: { page } }));
}
