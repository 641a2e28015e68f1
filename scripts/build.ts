/**
 * `npm run build [-- astro build options]`: `astro build`, then the search index and the
 * `_headers` file that names the index's files, once Astro's process has exited, so the memory of
 * Pagefind's indexer is not added to Astro's (src/integrations/after-build.ts). The options are
 * passed to `astro build` unchanged.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../src/lib/command/cli.ts';
import { AFTER_BUILD_VARIABLE, readAfterBuildSteps } from '../src/integrations/after-build.ts';
import { writeHeadersFile } from '../src/integrations/headers.ts';
import { indexedMessage, indexSite } from '../src/integrations/pagefind.ts';

const ASTRO = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

/** The time of day as Astro's log shows it, so the two logs read as one. */
const clock = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

function log(message: string): void {
  process.stdout.write(`${clock.format(new Date())} [search] ${message}\n`);
}

/** Runs `astro build` on this Node with the deferred-steps file named; resolves to its exit code. */
function astroBuild(args: readonly string[], stepsFile: string): Promise<number> {
  // This Node's own options (a profiler, a heap limit) apply to Astro's process too.
  const child = spawn(process.execPath, [...process.execArgv, ASTRO, 'build', ...args], {
    env: { ...process.env, [AFTER_BUILD_VARIABLE]: stepsFile },
    stdio: 'inherit',
  });
  // Ctrl-C or a stop request ends Astro too; this process reports how it ended.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code ?? (signal === null ? 1 : 128 + os.constants.signals[signal]));
    });
  });
}

async function main(): Promise<number> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'reading-list-build-'));
  try {
    const stepsFile = path.join(workDir, 'after-build.json');
    const code = await astroBuild(process.argv.slice(2), stepsFile);
    if (code !== 0) return code;
    const steps = await readAfterBuildSteps(stepsFile);
    if (steps.index !== undefined) {
      log('Indexing the paper pages (Astro has exited)');
      log(indexedMessage(await indexSite(steps.index.outDir)));
    }
    if (steps.headers !== undefined) {
      const { outDir, base, csp } = steps.headers;
      await writeHeadersFile(outDir, base, csp);
    }
    return 0;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  fail(`npm run build: ${error instanceof Error ? error.message : String(error)}`);
}
