/**
 * Where the site is served, read from the environment once and shared by the Astro config and the
 * pages. Pages take the base path from here rather than from `import.meta.env.BASE_URL`, which a
 * stray `BASE_URL` variable in the environment would silently override.
 */

/** The site's address: SITE_URL is the origin, BASE_PATH the sub-path (always with slashes). */
export interface SiteAddress {
  site: string;
  base: string;
}

/** Reads SITE_URL and BASE_PATH; `reading-list` and `/reading-list` both become `/reading-list/`. */
export function siteAddress(env: Readonly<Record<string, string | undefined>>): SiteAddress {
  const site = env.SITE_URL ?? 'https://example.org';
  const trimmed = (env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '');
  return { site, base: trimmed === '' ? '/' : `/${trimmed}/` };
}

/** The address of this build. */
export const { site, base } = siteAddress(process.env);
