/**
 * The links of this build: every internal link and absolute address a page, feed or download
 * carries is made here from the one site address (site-config.ts), so no page repeats the base
 * path or the origin.
 */
import { base, site } from './site-config.ts';
import { siteLinks } from './links.ts';

export const links = siteLinks({ site, base });

export const { siteUrl, href, paperHref, topicHref, yearHref, absoluteUrl, servedUrl } = links;
