// @ts-check
import { defineConfig } from 'astro/config';

/**
 * Where the site is served. SITE_URL is the origin (https://example.org) and BASE_PATH the
 * sub-path (/reading-list/); both come from the environment so one build serves any host.
 */
const site = process.env.SITE_URL ?? 'https://example.org';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Everything on a page is made at build time; no prefetch or client router script is shipped.
  prefetch: false,
  devToolbar: { enabled: false },
});
