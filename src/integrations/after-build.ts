/**
 * The last steps of a build, run after Astro's process has exited when `npm run build` asks.
 *
 * Pagefind's indexer needs about 12 GiB at 100,000 papers and Astro's process still holds about
 * 6 GiB when its `astro:build:done` hooks run, so indexing inside that hook adds the two peaks
 * (17.9 GiB measured, bench/README.md). `npm run build` (scripts/build.ts) names a file in
 * `AFTER_BUILD_VARIABLE`; the integrations then record there what their step needs instead of
 * running it, and the script runs the steps once Astro has exited. A plain `astro build` runs them
 * in its own hooks, as before.
 */
import { readFile, writeFile } from 'node:fs/promises';

/** The environment variable that names the file of deferred steps. */
export const AFTER_BUILD_VARIABLE = 'READING_LIST_AFTER_BUILD';

/** What each deferred step needs, recorded by the integration that owns it. */
export interface AfterBuildSteps {
  /** Pagefind's index of the paper pages in `outDir` (src/integrations/pagefind.ts). */
  index?: { outDir: string };
  /** The `_headers` file of `outDir`, for a base path and CSP header (src/integrations/headers.ts). */
  headers?: { outDir: string; base: string; csp: string };
}

/** The file of deferred steps, when the build was started by `npm run build`. */
export function afterBuildFile(env: NodeJS.ProcessEnv): string | undefined {
  const file = env[AFTER_BUILD_VARIABLE];
  return file === undefined || file === '' ? undefined : file;
}

/** The steps recorded so far; none when the file does not exist yet. */
export async function readAfterBuildSteps(file: string): Promise<AfterBuildSteps> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '{}';
    throw error;
  });
  return JSON.parse(text) as AfterBuildSteps;
}

/** Adds one integration's step to the file (the hooks run one after another, never at once). */
export async function recordAfterBuildStep(file: string, step: AfterBuildSteps): Promise<void> {
  const steps = { ...(await readAfterBuildSteps(file)), ...step };
  await writeFile(file, `${JSON.stringify(steps, null, 2)}\n`);
}
