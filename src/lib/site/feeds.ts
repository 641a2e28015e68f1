/** The items of the reading list's RSS feeds: the papers most recently added, newest first. */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { compareText } from '../paper/ordering.ts';
import { safeText } from '../paper/safe-text.ts';
import type { Paper } from '../paper/schema.ts';
import type { TopicWithPapers } from './catalog.ts';
import { SITE_DESCRIPTION, SITE_NAME } from './identity.ts';
import type { SiteLinks } from './links.ts';

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
  papers: readonly Paper[],
  topicName: (id: string) => string | undefined,
  links: Pick<SiteLinks, 'paperHref'>,
): FeedItem[] {
  return [...papers]
    .sort(
      (a, b) =>
        compareText(b.data.added, a.data.added) ||
        compareText(b.data.date ?? '', a.data.date ?? '') ||
        compareText(a.slug, b.slug),
    )
    .slice(0, FEED_SIZE)
    .map((paper) => ({
      title: safeText(paper.data.title),
      link: links.paperHref(paper.slug),
      pubDate: new Date(`${paper.data.added}T00:00:00Z`),
      description: feedDescription(paper.abstract),
      categories: paper.data.topics.flatMap((id) => topicName(id) ?? []).map(safeText),
    }));
}

/** A feed as `@astrojs/rss` takes it. */
export interface FeedChannel {
  title: string;
  description: string;
  /** The site's home address, against which item links are resolved. */
  site: string;
  items: FeedItem[];
  customData: string;
}

type FeedLinks = Pick<SiteLinks, 'paperHref' | 'siteUrl'>;

function channel(
  title: string,
  description: string,
  papers: readonly Paper[],
  topicById: ReadonlyMap<string, Pick<TopicWithPapers, 'name'>>,
  links: FeedLinks,
): FeedChannel {
  return {
    title,
    description,
    site: links.siteUrl,
    items: feedItems(papers, (id) => topicById.get(id)?.name, links),
    customData: '<language>en</language>',
  };
}

/** The site's feed: the papers most recently added to the whole list. */
export function siteFeed(
  papers: readonly Paper[],
  topicById: ReadonlyMap<string, Pick<TopicWithPapers, 'name'>>,
  links: FeedLinks,
): FeedChannel {
  return channel(SITE_NAME, SITE_DESCRIPTION, papers, topicById, links);
}

/** A topic's feed: the papers most recently added to it. */
export function topicFeed(
  topic: Pick<TopicWithPapers, 'name' | 'description' | 'papers'>,
  topicById: ReadonlyMap<string, Pick<TopicWithPapers, 'name'>>,
  links: FeedLinks,
): FeedChannel {
  return channel(`${topic.name} · ${SITE_NAME}`, topic.description, topic.papers, topicById, links);
}

/**
 * An abstract as a feed item's description. RSS readers render `<description>` as HTML, so the
 * abstract's text must not be put there as it is (`<img src=x onerror=…>` would become markup in
 * a reader that does not sanitise). This is HTML built here from the text alone: one `<p>` per
 * paragraph (paragraphs are separated by blank lines, as on the paper page), every character of
 * the abstract escaped as text, `$…$` math left as its TeX source, which reads better in a reader
 * than MathML that many of them strip.
 */
export function feedDescription(abstract: string): string {
  const paragraphs = safeText(abstract)
    .replace(/\r\n?/g, '\n')
    .split(/\n[\t ]*\n\s*/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
  return toHtml(
    paragraphs.map((text): Element => ({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [{ type: 'text', value: text }],
    })),
  );
}
