// @ts-check
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';

import { base, site } from './src/lib/site-config.ts';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Everything on a page is made at build time; no prefetch or client router script is shipped.
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [pagefind()],
});
