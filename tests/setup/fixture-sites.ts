/**
 * Vitest global setup of the `site` project: builds the fixture corpus once per base path for every
 * test file that reads or serves the fixture site (tests/helpers/fixture-sites.ts), instead of once
 * per file. The builds run in the background, one after the other, so the tests of the other
 * project start at once; each build writes a status file when it ends, which the tests wait for.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { BUILD_ROOT, buildSite, removeBuilds } from '../../harness/build-and-serve.ts';
import { writeFixtureContent } from '../browser/fixture-corpus.ts';

/** The base paths the fixture site is built for: the root and a sub-path, as hosts serve it. */
export const FIXTURE_BASES = ['/', '/reading-list/'] as const;
export type FixtureBase = (typeof FIXTURE_BASES)[number];

/** Where one build goes, and the file that says it has ended. */
export interface FixtureSite {
  dir: string;
  /** Holds `BuildStatus` once the build has ended, whether it succeeded or not. */
  statusFile: string;
}

export type BuildStatus = { ok: true } | { ok: false; error: string };

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSites: Record<FixtureBase, FixtureSite>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await mkdir(BUILD_ROOT, { recursive: true });
  const root = await mkdtemp(path.join(BUILD_ROOT, 'fixture-sites-'));
  const contentDir = path.join(root, 'content');
  await writeFixtureContent(contentDir);
  const sites = Object.fromEntries(
    FIXTURE_BASES.map((base, index) => {
      const dir = path.join(root, `dist-${String(index)}`);
      return [base, { dir, statusFile: `${dir}.status.json` }];
    }),
  ) as Record<FixtureBase, FixtureSite>;
  project.provide('fixtureSites', sites);

  const builds = (async () => {
    // One at a time: buildSite queues them anyway, and the root site is the one most files want.
    for (const base of FIXTURE_BASES) {
      const { dir, statusFile } = sites[base];
      let status: BuildStatus;
      try {
        await buildSite({ contentDir, base, outDir: dir });
        status = { ok: true };
      } catch (error) {
        status = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      await writeFile(statusFile, JSON.stringify(status));
    }
  })();

  return async () => {
    await builds;
    await removeBuilds();
    await rm(root, { recursive: true, force: true });
  };
}
