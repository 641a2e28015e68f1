/**
 * What every host should send with the built site, in one place: which files are hashed and may
 * be cached for a year, the cache policy of everything else, the security headers, the content
 * types servers get wrong, and what to compress. The `_headers` file of the build and the server
 * configurations in `deploy/` are all written from these rules.
 */

/** For a file whose name changes whenever its content does: cached for a year, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * For everything else (pages, feeds, `papers.json`, the exports, Pagefind's script and its
 * WebAssembly, whose names stay the same across builds): kept, but checked with the server on
 * every use, so a new build is seen at once and an unchanged file costs a 304.
 */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * Hashed files, as a regular expression on the path below the base path: Astro's bundles in
 * `_astro/`, Pagefind's fragment, index and filter chunks, and its metadata file
 * `pagefind.<language>_<hash>.pf_meta`. Pagefind's `wasm.<language>.pagefind`, `pagefind.js` and
 * `pagefind-entry.json` keep their names across Pagefind versions, so they are not hashed.
 */
export const HASHED_PATH = String.raw`(?:_astro/|pagefind/(?:fragment|index|filter)/|pagefind/pagefind\.[^/]+\.pf_meta$)`;

/** Whether a file of the build, by its path relative to the site's root, has a hashed name. */
export function isHashedPath(relativePath: string): boolean {
  return new RegExp(`^${HASHED_PATH}`).test(relativePath);
}

/**
 * Directives the header may not carry: `default-src` and every script and style directive. The
 * site's meta Content-Security-Policy allows its inline scripts and styles by their hashes, which
 * exist only once a build has run; browsers enforce the header and the meta policy together, so
 * the header leaves scripts and styles to the meta policy rather than blocking them.
 */
const META_ONLY_DIRECTIVE =
  /^(?:default-src|script-src(?:-elem|-attr)?|style-src(?:-elem|-attr)?)$/;

/** `frame-ancestors` only works in a header: no page of the site may be framed by another. */
const FRAME_ANCESTORS = "frame-ancestors 'none'";

/**
 * The Content-Security-Policy header, from the directives of the site's CSP (the Astro config's
 * `security.csp.directives`, such as `"img-src 'self' data:"`): every directive except those left
 * to the meta policy, plus `frame-ancestors 'none'`.
 */
export function headerCsp(directives: readonly string[]): string {
  const kept = directives
    .map((directive) => directive.trim().replace(/\s+/g, ' '))
    .filter((directive) => {
      const name = directive.split(' ')[0]?.toLowerCase() ?? '';
      return name !== '' && !META_ONLY_DIRECTIVE.test(name) && name !== 'frame-ancestors';
    });
  return [...kept, FRAME_ANCESTORS].join('; ');
}

/** The headers every response gets, with the policy from `headerCsp`. */
export function securityHeaders(csp: string): readonly [name: string, value: string][] {
  return [
    ['Content-Security-Policy', csp],
    ['X-Content-Type-Options', 'nosniff'],
    // Links to papers still tell the publisher which site sent the reader, but not which page.
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ];
}

/**
 * Content types that servers send wrongly or not at all (nginx's defaults make the first three and
 * `.pagefind` `application/octet-stream`; Caddy sends none for `.pagefind`). Pagefind's
 * files are gzip data its script unpacks itself, so they are plain bytes, and must not be
 * compressed again.
 */
export const CONTENT_TYPES: readonly [extension: string, type: string][] = [
  ['webmanifest', 'application/manifest+json'],
  ['bib', 'application/x-bibtex'],
  ['csv', 'text/csv'],
  ['json', 'application/json'],
  ['xml', 'text/xml'],
  ['pagefind', 'application/octet-stream'],
  ['pf_fragment', 'application/octet-stream'],
  ['pf_index', 'application/octet-stream'],
  ['pf_filter', 'application/octet-stream'],
  ['pf_meta', 'application/octet-stream'],
];

/** Types sent with `charset=utf-8` and compressed: every text format the build writes. */
export const TEXT_TYPES: readonly string[] = [
  'text/html',
  'text/css',
  'text/plain',
  'text/csv',
  'text/xml',
  'text/javascript',
  'application/javascript',
  'application/json',
  'application/manifest+json',
  'application/xml',
  'application/x-bibtex',
  'image/svg+xml',
];

/** The directives of an Astro config's `security.csp` setting (none when it is off). */
export function cspDirectives(
  csp: boolean | { directives?: readonly string[] | undefined } | undefined,
): readonly string[] {
  return typeof csp === 'object' ? (csp.directives ?? []) : [];
}
