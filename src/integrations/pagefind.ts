/**
 * Builds the Pagefind search index of the finished site with Pagefind's command-line indexer: in
 * the `astro:build:done` hook of a plain `astro build`, or after Astro's process has exited under
 * `npm run build` (see after-build.ts). Any indexing error fails the build.
 *
 * The command line rather than Pagefind's Node API, because the API is slower on the same pages
 * and output: at 10,000 paper pages, writing into an empty folder, the API took 15.8–18.2 s and
 * the command line 11.9–13.8 s (four runs each, alternating), for identical files. Most of either
 * is creating the 10,000 fragment files (bench/README.md).
 */
import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { afterBuildFile, recordAfterBuildStep } from './after-build.ts';

/**
 * Only paper pages are searched, so only they are read: the other pages (the long lists of all
 * papers among them) would double the indexing time for nothing.
 */
export const INDEXED_PAGES = 'papers/*/index.html';

/**
 * Pagefind's prebuilt search interfaces, which it writes beside every index (it has no option to
 * leave them out). The search page uses Pagefind's API directly, so they are removed: 400 KB
 * that nothing links to.
 */
export const UNUSED_BUNDLE_FILES = [
  'pagefind-component-ui.css',
  'pagefind-component-ui.js',
  'pagefind-highlight.js',
  'pagefind-modular-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-ui.css',
  'pagefind-ui.js',
] as const;

/** What a finished command reports: its exit code and everything it printed. */
export interface CommandResult {
  code: number | null;
  output: string;
}

/** Runs Pagefind's command line with the given arguments in a folder; tests pass a stand-in. */
export type PagefindRunner = (args: readonly string[], cwd: string) => Promise<CommandResult>;

/** The npm package's own launcher, which picks the binary built for this platform. */
function pagefindLauncher(): string {
  return fileURLToPath(new URL('runner/bin.cjs', import.meta.resolve('pagefind')));
}

/**
 * The environment without Pagefind's own `PAGEFIND_*` settings: everything the index depends on
 * is in the arguments, and `PAGEFIND_SERVE` would start a server that never lets the build end.
 */
export function pagefindEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^PAGEFIND_/i.test(name)));
}

/**
 * Runs the Pagefind package's launcher on this Node, collecting its output. It runs in `cwd`
 * (the built site), where no `pagefind.yml` or other configuration file of Pagefind's is found.
 */
export const runPagefind = (args: readonly string[], cwd: string): Promise<CommandResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [pagefindLauncher(), ...args], {
      cwd,
      env: pagefindEnvironment(process.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, output });
    });
  });

/** The pages Pagefind indexed, from the entry file it writes beside its bundle. */
export async function indexedPageCount(bundleDir: string): Promise<number> {
  const file = path.join(bundleDir, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(file, 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce(
    (total, language) => total + (language.page_count ?? 0),
    0,
  );
}

/** Indexes the built site in `outDir` and writes the bundle to `outDir/pagefind/`. Returns the page count. */
export async function indexSite(
  outDir: string,
  run: PagefindRunner = runPagefind,
): Promise<number> {
  const bundleDir = path.join(outDir, 'pagefind');
  const { code, output } = await run(
    ['--site', outDir, '--glob', INDEXED_PAGES, '--output-path', bundleDir],
    outDir,
  );
  if (code !== 0) {
    // Pagefind says "not able to build an index" when no page matched; say which pages those are.
    const hint = /not able to build an index/i.test(output)
      ? `\nNo page of ${outDir} matching ${INDEXED_PAGES} was found: were the paper pages built?`
      : '';
    throw new Error(`Pagefind failed (exit code ${String(code)}):\n${output.trim()}${hint}`);
  }
  await Promise.all(
    UNUSED_BUNDLE_FILES.map((name) => rm(path.join(bundleDir, name), { force: true })),
  );
  return indexedPageCount(bundleDir);
}

/** What a build prints once the index is written. */
export function indexedMessage(pages: number): string {
  return `Indexed ${String(pages)} pages for search`;
}

/** The Astro integration. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'reading-list:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const deferredTo = afterBuildFile(process.env);
        if (deferredTo !== undefined) {
          await recordAfterBuildStep(deferredTo, { index: { outDir } });
          logger.info('Search index: built once Astro has exited');
          return;
        }
        const pages = await indexSite(outDir);
        logger.info(indexedMessage(pages));
      },
    },
  };
}
