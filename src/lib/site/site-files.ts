/** The small files every site serves beside its pages: robots.txt and the web app manifest. */
import { SITE_DESCRIPTION, SITE_NAME } from './identity.ts';
import type { SiteLinks } from './links.ts';

/** robots.txt: everything may be crawled, and the sitemap is named by its full address. */
export function robotsTxt(links: Pick<SiteLinks, 'absoluteUrl'>): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${links.absoluteUrl('sitemap-index.xml')}\n`;
}

/** The web app manifest, as JSON text: the site's name, its scope under the base, its icon. */
export function webManifest(links: Pick<SiteLinks, 'href'>): string {
  const root = links.href('');
  const manifest = {
    name: SITE_NAME,
    short_name: 'Reading list',
    description: SITE_DESCRIPTION,
    start_url: root,
    scope: root,
    display: 'browser',
    background_color: '#fdfdfc',
    theme_color: '#0b5cad',
    icons: [{ src: links.href('favicon.svg'), sizes: 'any', type: 'image/svg+xml' }],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
