/**
 * `npm run preview` serves `dist/` at the base path the site was built for. Astro's own preview
 * takes the base from the environment, so after `BASE_PATH=/reading-list/ npm run build` a plain
 * `npm run preview` served every page at the wrong path. The base is read back from the build
 * instead: the home page's canonical link names the address it was built for.
 */

/** The base path a built home page was made for, from its canonical link; undefined if none. */
export function builtBasePath(homePage: string): string | undefined {
  const href = /<link\s+rel="canonical"\s+href="([^"]+)"/i.exec(homePage)?.[1];
  if (href === undefined) return undefined;
  try {
    return new URL(href.replaceAll('&amp;', '&')).pathname;
  } catch {
    return undefined;
  }
}

/**
 * The environment to run `astro preview` in: BASE_PATH as the build had it, unless the caller
 * set it. Also what to tell the reader about it.
 */
export function previewEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  homePage: string | undefined,
): { env: Record<string, string | undefined>; note: string | undefined } {
  if (env.BASE_PATH !== undefined || homePage === undefined)
    return { env: { ...env }, note: undefined };
  const base = builtBasePath(homePage);
  if (base === undefined || base === '/') return { env: { ...env }, note: undefined };
  return {
    env: { ...env, BASE_PATH: base },
    note: `dist/ was built for the base path ${base}: serving it there.`,
  };
}
