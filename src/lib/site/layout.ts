/**
 * The frame around every page: the main navigation, the feeds the page advertises and the
 * footer's links. Base.astro only lays these out.
 */
import { footerLinks, type FooterLinks } from './footer.ts';
import { SITE_NAME } from './identity.ts';
import type { SiteLinks } from './links.ts';

/** The sections of the site a page can belong to, marked current in the navigation. */
export type Section = 'home' | 'topics' | 'all' | 'years' | 'about' | 'search';

/** A feed a page names in its `<head>`. */
export interface FeedLink {
  title: string;
  href: string;
}

export interface PageFrame {
  /** The site's home page, and whether it is the page shown. */
  home: { href: string; current: boolean };
  nav: { label: string; href: string; current: boolean }[];
  /** The site's feed, then the page's own (a topic's). */
  feeds: FeedLink[];
  footer: FooterLinks;
}

const NAV = [
  { id: 'topics', label: 'Topics', path: 'topics/' },
  { id: 'all', label: 'All papers', path: 'all/' },
  { id: 'years', label: 'Years', path: 'years/' },
  { id: 'about', label: 'About', path: 'about/' },
] as const satisfies readonly { id: Section; label: string; path: string }[];

/** The frame of a page in `section` (none: no entry is current) that adds `feeds` to the site's. */
export function pageFrame(
  section: Section | undefined,
  feeds: readonly FeedLink[],
  links: Pick<SiteLinks, 'href'>,
  repo: string | undefined,
): PageFrame {
  return {
    home: { href: links.href(''), current: section === 'home' },
    nav: NAV.map((item) => ({
      label: item.label,
      href: links.href(item.path),
      current: item.id === section,
    })),
    feeds: [{ title: `${SITE_NAME}: newly added papers`, href: links.href('feed.xml') }, ...feeds],
    footer: footerLinks(links, repo),
  };
}
