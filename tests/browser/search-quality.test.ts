/**
 * The search-quality floor on the real list: every query of bench/search-queries.yaml (written
 * from the real abstracts) through the built search page. Keyword queries must find their paper
 * in the top 3, reader paraphrases in the top 5 for at least 90 %, typos in the top 5, and no
 * query may show nothing. `npm run bench -- --search-quality` reports the same figures in full.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  parseQualitySets,
  runQualitySets,
  summarizeQuality,
  type QueryOutcome,
} from '../../bench/lib/search-quality.ts';
import { buildSite, REPO_ROOT, removeBuilds, serveStatic } from '../../harness/build-and-serve.ts';
import { launchBrowser } from '../../harness/chromium.ts';

let browser: Browser;
let outcomes: QueryOutcome[];
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  cleanups.push(removeBuilds);
  const file = path.join(REPO_ROOT, 'bench', 'search-queries.yaml');
  const sets = parseQualitySets(await readFile(file, 'utf8'), file);
  browser = await launchBrowser();
  cleanups.push(() => browser.close());
  const dir = await buildSite({ contentDir: 'content', base: '/' });
  const server = await serveStatic(dir, '/');
  cleanups.push(() => server.close());
  const page = await browser.newPage();
  outcomes = await runQualitySets(page, server.url, sets);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const misses = (set: string) =>
  outcomes
    .filter((outcome) => outcome.set === set)
    .filter((outcome) => outcome.rank === null || outcome.rank > (set === 'keyword' ? 3 : 5))
    .map((outcome) => `${outcome.query}: ${String(outcome.rank)} (${outcome.status})`);

describe('search quality on the real list', () => {
  test('every keyword query finds its paper in the top 3', () => {
    expect(misses('keyword')).toEqual([]);
  });

  test('at least 90 % of reader paraphrases find their paper in the top 5', () => {
    const summary = summarizeQuality(outcomes).find((entry) => entry.set === 'paraphrase');
    expect(summary?.total).toBeGreaterThanOrEqual(20);
    expect(summary?.hits ?? 0, misses('paraphrase').join('\n')).toBeGreaterThanOrEqual(
      Math.ceil(0.9 * (summary?.total ?? 0)),
    );
  });

  test('every typo query finds its paper in the top 5', () => {
    expect(misses('typo')).toEqual([]);
  });

  test('no query shows nothing', () => {
    expect(
      outcomes.filter((outcome) => outcome.shown === 0).map((outcome) => outcome.query),
    ).toEqual([]);
  });
});
