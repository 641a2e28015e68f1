/**
 * What one row of a paper list shows, and how lists are grouped and cut into pages. Topic pages,
 * year pages, `/all/` and the home page's recent additions all draw rows from here, so a paper
 * reads the same in every list.
 */
import type { Paper, PaperData } from '../paper/schema.ts';
import { plural } from '../paper/words.ts';
import { authorLine } from './authors.ts';
import { topicsOf, type SiteTopic } from './catalog.ts';
import type { SiteLinks } from './links.ts';

/** `1 upvote`, `12 upvotes`; nothing when the listing gave no count (never an invented 0). */
export function upvoteLine(data: Pick<PaperData, 'upvotes'>): string | undefined {
  return data.upvotes === undefined ? undefined : plural(data.upvotes, 'upvote');
}

/** The year a list shows: of the full date, else the year in the printed date, else nothing. */
export function yearOf(data: Pick<PaperData, 'date' | 'dateText'>): string | undefined {
  return data.date?.slice(0, 4) ?? /\b(1[89]|20)\d\d\b/.exec(data.dateText ?? '')?.[0];
}

/** One row of a paper list, as PaperSummary.astro shows it. */
export interface PaperRow {
  /** The paper's page. */
  href: string;
  /** The authors and the year: `Ada Example and Grace Placeholder · 2024`, or empty. */
  lead: string;
  /** The paper's topics, primary first, each linking its page. */
  topics: { name: string; href: string }[];
  /** `12 upvotes`, when the listing gave a count. */
  upvotes: string | undefined;
}

/** What a list shows of a paper besides its title. */
export function paperRow(
  paper: Pick<Paper, 'slug' | 'data'>,
  topicById: ReadonlyMap<string, SiteTopic>,
  links: Pick<SiteLinks, 'paperHref' | 'topicHref'>,
): PaperRow {
  return {
    href: links.paperHref(paper.slug),
    lead: [authorLine(paper.data), yearOf(paper.data)]
      .filter((part) => part !== undefined)
      .join(' · '),
    topics: topicsOf(paper, topicById).map((topic) => ({
      name: topic.name,
      href: links.topicHref(topic.id),
    })),
    upvotes: upvoteLine(paper.data),
  };
}

/** A run of papers in a list, under a heading when it is not the main run. */
export interface ListGroup<T> {
  /** Heading of the group; undefined for the dated papers, which need none. */
  heading: string | undefined;
  /** A sentence under the heading saying why the group is apart. */
  note: string | undefined;
  papers: T[];
}

/** The heading undated papers are gathered under in every newest-first list. */
export const UNDATED_HEADING = 'No date given';

/**
 * A newest-first list as groups: the dated papers, then those without a full date under "No date
 * given", so they no longer sink to the bottom without a word. Order within each group is kept.
 */
export function dateGroups<T extends { data: Pick<PaperData, 'date'> }>(
  papers: readonly T[],
): ListGroup<T>[] {
  const dated = papers.filter((paper) => paper.data.date !== undefined);
  const undated = papers.filter((paper) => paper.data.date === undefined);
  const groups: ListGroup<T>[] = [];
  if (dated.length > 0) groups.push({ heading: undefined, note: undefined, papers: dated });
  if (undated.length > 0) {
    groups.push({
      heading: UNDATED_HEADING,
      note:
        undated.length === 1
          ? 'This paper was listed without a full date, so it comes after the dated ones.'
          : 'These papers were listed without a full date, so they come after the dated ones.',
      papers: undated,
    });
  }
  return groups;
}

/** The whole list as one group, for orders where dates play no part (by title, by upvotes). */
export function singleGroup<T>(papers: readonly T[]): ListGroup<T>[] {
  return papers.length === 0 ? [] : [{ heading: undefined, note: undefined, papers: [...papers] }];
}
