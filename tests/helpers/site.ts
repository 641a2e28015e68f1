/** Papers and links for the site's unit tests: the smallest paper the schema accepts, and a site under a sub-path. */
import type { Paper } from '../../src/lib/paper/schema.ts';
import { siteLinks } from '../../src/lib/site/links.ts';

/** A paper in the topic `dropout-noise`, added on 2026-01-01, with `data` on top. */
export function sitePaper(
  slug: string,
  data: Partial<Paper['data']> = {},
  abstract?: string,
): Paper {
  return {
    slug,
    abstract: abstract ?? `Abstract of ${slug}.`,
    data: { title: slug, topics: ['dropout-noise'], sources: [], added: '2026-01-01', ...data },
  };
}

/** The links of a site served at `https://lab.example.org/reading-list/`. */
export const subPathLinks = siteLinks({ site: 'https://lab.example.org', base: '/reading-list/' });

/** How the tests name a paper's file in messages. */
export const fileOf = (slug: string): string => `content/papers/${slug}.md`;
