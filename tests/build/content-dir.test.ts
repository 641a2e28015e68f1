/**
 * Building from another content folder uses a content cache of its own, so Astro's store never
 * holds one folder's papers when another is built and reports no duplicate slug that is not one.
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheDirFor, contentDirOf } from '../../src/lib/paper/content-dir.ts';
import { repoRoot } from '../helpers/paths.ts';

describe('contentDirOf', () => {
  it('reads CONTENT_DIR and falls back to content/', () => {
    expect(contentDirOf({ CONTENT_DIR: 'tests/fixtures/site-corpus' })).toBe(
      'tests/fixtures/site-corpus',
    );
    expect(contentDirOf({})).toBe('content');
    expect(contentDirOf({ CONTENT_DIR: ' ' })).toBe('content');
  });
});

describe('cacheDirFor', () => {
  it('keeps Astro’s default cache for the default content folder, however it is named', () => {
    expect(cacheDirFor('content', repoRoot)).toBe('./node_modules/.astro');
    expect(cacheDirFor(path.join(repoRoot, 'content'), repoRoot)).toBe('./node_modules/.astro');
    expect(cacheDirFor('./content/', repoRoot)).toBe('./node_modules/.astro');
  });

  it('gives every other folder its own cache, the same one each time', () => {
    const fixture = cacheDirFor('tests/fixtures/site-corpus', repoRoot);
    const copy = cacheDirFor('/tmp/a-copy-of-content', repoRoot);
    expect(new Set([fixture, copy, './node_modules/.astro']).size).toBe(3);
    expect(fixture).toMatch(/^\.\/node_modules\/\.astro\/content-[0-9a-f]{16}$/);
    expect(cacheDirFor(path.join(repoRoot, 'tests/fixtures/site-corpus'), repoRoot)).toBe(fixture);
  });
});

describe('the Astro config', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function configuredCacheDir(contentDir: string | undefined): Promise<string | undefined> {
    vi.resetModules();
    vi.stubEnv('CONTENT_DIR', contentDir);
    const config = await import('../../astro.config.mjs');
    return config.default.cacheDir;
  }

  it('builds each content folder with the cache for that folder', async () => {
    const fixture = 'tests/fixtures/site-corpus';
    expect(await configuredCacheDir(fixture)).toBe(cacheDirFor(fixture, process.cwd()));
    expect(await configuredCacheDir(undefined)).toBe('./node_modules/.astro');
  });
});
