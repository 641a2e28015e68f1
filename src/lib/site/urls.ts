/**
 * `path` under the site's base path: withBase('/reading-list/', 'papers/x/') is
 * `/reading-list/papers/x/`. Every internal link goes through it so the site works under a sub-path.
 */
export function withBase(base: string, path: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${path.replace(/^\/+/, '')}`;
}

/** The URL path of a paper's page, relative to the base. */
export function paperPath(slug: string): string {
  return `papers/${slug}/`;
}
