/**
 * The fixture site as the global setup built it (tests/setup/fixture-sites.ts), once per base path
 * for the whole test run: test files wait for the build they need and serve or read it, never
 * building it themselves.
 */
import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { inject } from 'vitest';
import { serveStatic, type StaticServer } from '../../harness/build-and-serve.ts';
import type { BuildStatus, FixtureBase } from '../setup/fixture-sites.ts';

export { FIXTURE_BASES, type FixtureBase } from '../setup/fixture-sites.ts';

/** Longest wait for a build: two builds one after the other on a loaded two-core machine. */
const BUILD_WAIT_MS = 580_000;

async function readStatus(file: string): Promise<BuildStatus | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as BuildStatus;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The output folder of the fixture site built for `base`, once its build has ended. Throws with
 * the build's output when it failed.
 */
export async function fixtureSite(base: FixtureBase): Promise<string> {
  const { dir, statusFile } = inject('fixtureSites')[base];
  const deadline = Date.now() + BUILD_WAIT_MS;
  for (;;) {
    const status = await readStatus(statusFile);
    if (status?.ok === true) return dir;
    if (status !== undefined) throw new Error(status.error);
    if (Date.now() > deadline) {
      throw new Error(`the fixture site for ${base} was not built within ${BUILD_WAIT_MS} ms`);
    }
    await delay(250);
  }
}

/** Serves the fixture site at each base; each server's `close` goes onto `cleanups`. */
export async function serveFixtureSites<Base extends FixtureBase>(
  bases: readonly Base[],
  cleanups: (() => Promise<unknown>)[],
): Promise<Map<Base, StaticServer>> {
  const servers = new Map<Base, StaticServer>();
  for (const base of bases) {
    const server = await serveStatic(await fixtureSite(base), base);
    cleanups.push(() => server.close());
    servers.set(base, server);
  }
  return servers;
}
