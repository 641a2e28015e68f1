// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import headers from './src/integrations/headers.ts';
import siteAddressWarnings from './src/integrations/site-address.ts';

import { addressWarnings, base, site } from './src/lib/site/site-config.ts';
import { cacheDirFor, contentDirOf } from './src/lib/paper/content-dir.ts';

export default defineConfig({
  site,
  base,
  // One content cache per content folder: see src/lib/paper/content-dir.ts.
  cacheDir: cacheDirFor(contentDirOf(process.env), process.cwd()),
  trailingSlash: 'always',
  // Pages are rendered four at a time: while one waits on a write, another renders. Measured at
  // 10,000 papers on two cores: 80–87 s with one at a time, 64–66 s with four (bench/README.md).
  build: { format: 'directory', concurrency: 4 },
  // Everything on a page is made at build time; no prefetch or client router script is shipped.
  prefetch: false,
  devToolbar: { enabled: false },
  // Abstracts have no code blocks; Shiki's inline styles would also need a looser CSP.
  markdown: { syntaxHighlight: false },
  // Astro inlines scripts under 4 KB into every page. The shortlist script is the exception: one
  // file that every page shares and the browser caches, not 2 KB more in each page.
  vite: {
    build: { assetsInlineLimit: (file) => (/shortlist.*\.js$/i.test(file) ? false : undefined) },
  },
  // Pagefind runs after the pages so it indexes the finished site; the _headers file last, as its
  // rules name Pagefind's files.
  integrations: [siteAddressWarnings(addressWarnings), sitemap(), pagefind(), headers()],
  security: {
    // A Content-Security-Policy meta tag on every page, with hashes of Astro's own inline scripts
    // and styles: only the site's scripts run, and Pagefind may compile its WebAssembly.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // No inline style attributes: the pages have none, and math in abstracts is stripped of
      // them (src/lib/markdown/math-policy.ts), so `style-src-attr` is not needed at all.
      styleDirective: { resources: ["'self'"] },
    },
  },
});
