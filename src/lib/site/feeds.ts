/** The items of the reading list's RSS feeds: the papers most recently added, newest first. */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { compareText } from '../paper/ordering.ts';
import { safeText } from '../paper/safe-text.ts';
import { paperPath, withBase } from './urls.ts';
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
      title: safeText(paper.data.title),
      link: withBase(base, paperPath(paper.id)),
      pubDate: new Date(`${paper.data.added}T00:00:00Z`),
      description: feedDescription(paper.body),
      categories: paper.data.topics.flatMap((id) => topicName(id) ?? []).map(safeText),
    }));
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
