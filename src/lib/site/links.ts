/**
 * How the site addresses its own pages. Paths are relative to the base (`topics/dropout-noise/`);
 * links add the base (`/reading-list/topics/dropout-noise/`); addresses add the origin too
 * (`https://lab.example.org/reading-list/topics/dropout-noise/`). Pages take the bound helpers of
 * this build from build-links.ts; this module is pure, so every rule is tested without Astro.
 */
import { paperPath, withBase } from './urls.ts';

/** The path of a topic's first page. */
export function topicPath(id: string): string {
  return `topics/${id}/`;
}

/** The path of a year's first page. */
export function yearPath(year: string): string {
  return `years/${year}/`;
}

/** Where the site is served: an origin and a base path (as site-config.ts gives them). */
export interface SitePlace {
  /** The origin, such as `https://lab.example.org`. */
  site: string;
  /** The base path, with slashes on both ends: `/`, `/reading-list/`. */
  base: string;
}

export interface SiteLinks {
  /** The site's home address, base included: `https://lab.example.org/reading-list/`. */
  siteUrl: string;
  /** A link to a path under the base: `href('all/')` is `/reading-list/all/`. */
  href: (path: string) => string;
  paperHref: (slug: string) => string;
  topicHref: (id: string) => string;
  yearHref: (year: string) => string;
  /** The full address of a path under the base, for feeds, citations and robots.txt. */
  absoluteUrl: (path: string) => string;
  /** The full address of a page from the path it is served at (base included): its canonical URL. */
  servedUrl: (pathname: string) => string;
}

/** The link helpers of a site served at `place`. */
export function siteLinks(place: SitePlace): SiteLinks {
  const href = (path: string): string => withBase(place.base, path);
  const servedUrl = (pathname: string): string => new URL(pathname, place.site).href;
  return {
    siteUrl: servedUrl(place.base),
    href,
    paperHref: (slug) => href(paperPath(slug)),
    topicHref: (id) => href(topicPath(id)),
    yearHref: (year) => href(yearPath(year)),
    absoluteUrl: (path) => servedUrl(href(path)),
    servedUrl,
  };
}
