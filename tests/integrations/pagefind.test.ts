import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  indexSite,
  pagefindEnvironment,
  runPagefind,
  type CommandResult,
  type PagefindRunner,
} from '../../src/integrations/pagefind.ts';

let outDir: string;

beforeEach(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'pagefind-integration-'));
});

afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** A stand-in for Pagefind's command line: records its arguments and writes an entry file. */
function fakePagefind(result: CommandResult, pageCount = 12) {
  const calls: { args: readonly string[]; cwd: string }[] = [];
  const run: PagefindRunner = async (args, cwd) => {
    calls.push({ args, cwd });
    if (result.code === 0) {
      const bundle = args[args.indexOf('--output-path') + 1] ?? '';
      await mkdir(bundle, { recursive: true });
      const languages = { en: { hash: 'en_0', wasm: 'en', page_count: pageCount } };
      await writeFile(path.join(bundle, 'pagefind-entry.json'), JSON.stringify({ languages }));
    }
    return result;
  };
  return { run, calls };
}

describe('indexSite', () => {
  it('indexes only the paper pages of the built site into its pagefind folder', async () => {
    const { run, calls } = fakePagefind({ code: 0, output: '' });
    await expect(indexSite(outDir, run)).resolves.toBe(12);
    expect(calls).toEqual([
      {
        args: [
          '--site',
          outDir,
          '--glob',
          'papers/*/index.html',
          '--output-path',
          path.join(outDir, 'pagefind'),
        ],
        // In the built site, where no configuration file of Pagefind's can change the index.
        cwd: outDir,
      },
    ]);
  });

  it("fails the build with Pagefind's own message when it exits with an error", async () => {
    const { run } = fakePagefind({
      code: 1,
      output: 'Error: could not parse papers/x/index.html\n',
    });
    await expect(indexSite(outDir, run)).rejects.toThrow(
      'Pagefind failed (exit code 1):\nError: could not parse papers/x/index.html',
    );
  });

  it('fails the build when no paper page was built, saying which pages it looked for', async () => {
    // The real indexer, on a site with pages but no paper pages.
    await writeFile(
      path.join(outDir, 'index.html'),
      '<!doctype html><html lang="en"><head><title>Home</title></head><body><p>Home</p></body></html>',
    );
    await expect(indexSite(outDir, runPagefind)).rejects.toThrow(
      `No page of ${outDir} matching papers/*/index.html was found`,
    );
  });

  it("leaves Pagefind's own environment settings out, so only the arguments decide the index", () => {
    expect(
      pagefindEnvironment({ PATH: '/bin', PAGEFIND_SERVE: 'true', pagefind_force_language: 'de' }),
    ).toEqual({ PATH: '/bin' });
  });

  it('runs the real indexer: a paper page becomes a searchable bundle', async () => {
    await mkdir(path.join(outDir, 'papers', 'a-paper'), { recursive: true });
    await writeFile(
      path.join(outDir, 'papers', 'a-paper', 'index.html'),
      '<!doctype html><html lang="en"><head><title>A paper</title></head><body>' +
        '<article data-pagefind-body><h1>Decoupled weight decay</h1><p>An abstract.</p></article>' +
        '</body></html>',
    );
    await expect(indexSite(outDir, runPagefind)).resolves.toBe(1);
    // The search API stays; the prebuilt interfaces nothing links to are gone.
    const bundle = await readdir(path.join(outDir, 'pagefind'));
    expect(bundle).toContain('pagefind.js');
    expect(bundle).toContain('pagefind-entry.json');
    expect(bundle.filter((name) => /ui\.(?:js|css)$|highlight/.test(name))).toEqual([]);
  });
});
