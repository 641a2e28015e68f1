/**
 * Writes the `_headers` file of Netlify and Cloudflare Pages into the finished build: the rules of
 * `src/lib/hosting/rules.ts` for this base path, with the Content-Security-Policy header derived
 * from the Astro config's own `security.csp`. It is written after the build rather than kept in
 * `public/` because its rules name the build's files: Pagefind's metadata file has a new hashed
 * name on every build, and each top-level page folder gets its own rule.
 */
import type { AstroIntegration } from 'astro';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { headerRules, renderHeadersFile } from '../lib/hosting/headers-file.ts';
import { cspDirectives, headerCsp } from '../lib/hosting/rules.ts';
import { afterBuildFile, recordAfterBuildStep } from './after-build.ts';

/** Every file under `dir`, relative to it, with `/` between parts, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}

/** Writes `outDir/_headers` for the files now in `outDir`; run after the search index is written. */
export async function writeHeadersFile(outDir: string, base: string, csp: string): Promise<void> {
  const rules = headerRules(base, csp, await listFiles(outDir));
  await writeFile(path.join(outDir, '_headers'), renderHeadersFile(rules));
}

export default function headers(): AstroIntegration {
  let base = '/';
  let csp = '';
  return {
    name: 'reading-list:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        csp = headerCsp(cspDirectives(config.security.csp));
      },
      'astro:build:done': async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        // Under `npm run build` the index is written after Astro exits, and this file names it.
        const deferredTo = afterBuildFile(process.env);
        if (deferredTo !== undefined) {
          await recordAfterBuildStep(deferredTo, { headers: { outDir, base, csp } });
          return;
        }
        await writeHeadersFile(outDir, base, csp);
      },
    },
  };
}
