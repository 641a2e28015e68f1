/**
 * Where the site is served and where its project lives, read from the environment once and
 * shared by the Astro config and the pages. Pages take the base path from here rather than from
 * `import.meta.env.BASE_URL`, which a stray `BASE_URL` variable in the environment would silently
 * override.
 */

/** The address the site is built for when SITE_URL is not set: right for no real host. */
export const PLACEHOLDER_SITE = 'https://example.org';

/** The site's address: SITE_URL is the origin, BASE_PATH the sub-path (always with slashes). */
export interface SiteAddress {
  site: string;
  base: string;
  /** The project's repository (REPO_URL), for the footer's links; undefined when unknown. */
  repo: string | undefined;
  /** What the build should warn about: a placeholder address, an unknown repository. */
  warnings: string[];
}

/** A SITE_URL or BASE_PATH that cannot give a working site. */
export class SiteAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteAddressError';
  }
}

/** `reading-list`, `/reading-list` and `/reading-list/` all become `/reading-list/`; `` is `/`. */
function normalBase(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** SITE_URL as an origin and the path it carries, or a clear error. */
function parseSiteUrl(value: string): { origin: string; path: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SiteAddressError(
      `SITE_URL="${value}" is not a web address (give the site's address, such as https://lab.example.org)`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SiteAddressError(
      `SITE_URL="${value}" is not an http(s) address (give the site's address, such as https://lab.example.org)`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new SiteAddressError(
      `SITE_URL="${value}" has a query or fragment (give only the address, such as https://lab.example.org/reading-list/)`,
    );
  }
  return { origin: url.origin, path: url.pathname };
}

/** The repository's web address: REPO_URL, else the GitHub Actions repository, else none. */
function repository(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const explicit = env.REPO_URL?.trim();
  if (explicit) return explicit.replace(/\/+$/, '').replace(/\.git$/, '');
  if (env.GITHUB_REPOSITORY) {
    return `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}`;
  }
  return undefined;
}

/**
 * Reads SITE_URL, BASE_PATH and REPO_URL. SITE_URL may carry the sub-path itself
 * (`https://lab.example/reading-list/`): the base is taken from it, and a BASE_PATH that says
 * otherwise is refused rather than one of the two being silently dropped.
 */
export function siteAddress(env: Readonly<Record<string, string | undefined>>): SiteAddress {
  const warnings: string[] = [];
  // An empty SITE_URL (a CI variable left blank) counts as unset.
  const given = env.SITE_URL?.trim() === '' ? undefined : env.SITE_URL?.trim();
  const { origin, path } = parseSiteUrl(given ?? PLACEHOLDER_SITE);
  const fromSite = normalBase(path);
  const fromBase = env.BASE_PATH === undefined ? undefined : normalBase(env.BASE_PATH);
  if (fromBase !== undefined && fromSite !== '/' && fromBase !== fromSite) {
    throw new SiteAddressError(
      `SITE_URL="${given ?? ''}" names the path ${fromSite} but BASE_PATH="${env.BASE_PATH ?? ''}" ` +
        `says ${fromBase} (give the path in one of them only, or the same path in both)`,
    );
  }
  const base = fromSite === '/' ? (fromBase ?? '/') : fromSite;
  if (given === undefined) {
    warnings.push(
      `SITE_URL is not set: canonical links, the sitemap, the feeds and the citations point to ` +
        `${PLACEHOLDER_SITE}. Set SITE_URL to the address the site is served from ` +
        `(such as SITE_URL=https://lab.example.org npm run build).`,
    );
  }
  const repo = repository(env);
  if (repo === undefined) {
    warnings.push(
      'REPO_URL is not set: the footer has no links to the repository, "Suggest a paper" and ' +
        '"Contribute". Set REPO_URL to the repository\'s address (such as https://github.com/lab/reading-list).',
    );
  }
  return { site: origin, base, repo, warnings };
}

/** The address of this build. */
export const { site, base, repo, warnings: addressWarnings } = siteAddress(process.env);
