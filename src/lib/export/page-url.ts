/** The absolute address of a paper's page, as the exports link to it. */
import { paperPath } from '../site/urls.ts';

/**
 * `siteUrl` is where the site's home page is served, sub-path included
 * (`https://example.org/reading-list/`); a missing final slash is supplied.
 */
export function paperPageUrl(siteUrl: string, slug: string): string {
  const root = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  return new URL(paperPath(slug), root).href;
}
