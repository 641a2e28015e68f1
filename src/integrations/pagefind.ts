/**
 * Builds the Pagefind search index as part of `astro build`, through Pagefind's Node API in the
 * `astro:build:done` hook. Any indexing error fails the build; the service is always closed.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** The subset of Pagefind's API the integration uses, so tests can pass a fake. */
export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

/** Throws when a Pagefind response reports errors. */
function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/**
 * Only paper pages are searched, so only they are read: the other pages (the long lists of all
 * papers among them) would double the indexing time for nothing.
 */
export const INDEXED_PAGES = 'papers/*/index.html';

/** Indexes the built site in `outDir` and writes the bundle to `outDir/pagefind/`. Returns the page count. */
export async function indexSite(outDir: string, api: PagefindApi = pagefind): Promise<number> {
  try {
    const { index, errors } = await api.createIndex({});
    check('createIndex', errors);
    if (index === undefined) throw new Error('Pagefind createIndex returned no index');
    const added = await index.addDirectory({ path: outDir, glob: INDEXED_PAGES });
    check('addDirectory', added.errors);
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    check('writeFiles', written.errors);
    return added.page_count;
  } finally {
    await api.close();
  }
}

/** The Astro integration. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'reading-list:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = await indexSite(outDir);
        logger.info(`Indexed ${pages} pages for search`);
      },
    },
  };
}
