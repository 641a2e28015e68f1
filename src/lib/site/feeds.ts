/** The items of the reading list's RSS feeds: the papers most recently added, newest first. */
import { compareText } from '../ordering.ts';
import { paperPath, withBase } from '../urls.ts';
import type { SitePaper } from './catalog.ts';

/** How many papers a feed carries; readers only need the latest additions. */
export const FEED_SIZE = 50;

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/**
 * Feed items for papers, by the day they were added (newest first), ties by publication date and
 * slug so the feed is the same on every build.
 */
export function feedItems(
  papers: readonly SitePaper[],
  topicName: (id: string) => string | undefined,
  base: string,
): FeedItem[] {
  return [...papers]
    .sort(
      (a, b) =>
        compareText(b.data.added, a.data.added) ||
        compareText(b.data.date ?? '', a.data.date ?? '') ||
        compareText(a.id, b.id),
    )
    .slice(0, FEED_SIZE)
    .map((paper) => ({
      title: paper.data.title,
      link: withBase(base, paperPath(paper.id)),
      pubDate: new Date(`${paper.data.added}T00:00:00Z`),
      description: paper.body,
      categories: paper.data.topics.flatMap((id) => topicName(id) ?? []),
    }));
}
