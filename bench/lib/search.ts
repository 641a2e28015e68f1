/**
 * What a reader's browser downloads for a first search: a real headless Chromium opens the search
 * page with a one-word query and every response is counted until the results have loaded and the
 * network has been quiet for a second. Recording real requests beats adding up files: it counts
 * exactly the index chunks, filters and fragments Pagefind chooses to fetch.
 *
 * The browser and static server (harness/chromium.ts, harness/build-and-serve.ts) are handed in
 * by the caller, which loads them only when a search is measured.
 */
import type { Browser, Page, Request } from 'playwright-core';
import type { FirstSearch } from './results.ts';
import { gzippedBytes } from './sizes.ts';
import { summarize } from './stats.ts';

export interface SearchHarness {
  launchBrowser(): Promise<Browser>;
  serveStatic(dir: string, base: string): Promise<{ url: string; close(): Promise<void> }>;
}

/** How long the network must be quiet after results appear before a search counts as done. */
const QUIET_MS = 1000;
const RESULT_TIMEOUT_MS = 120_000;

/**
 * Waits until the search page has announced what it found: the results list no longer busy and
 * a status other than "Searching…" (a search that finds nothing says so too).
 */
export async function waitForSearch(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const status = document.querySelector('[data-search-status]')?.textContent.trim() ?? '';
      const list = document.querySelector('[data-search-results]');
      return (
        list !== null && !list.hasAttribute('aria-busy') && status !== '' && status !== 'Searching…'
      );
    },
    undefined,
    { timeout },
  );
}

interface Download {
  path: string;
  bytes: number;
  gzipBytes: number;
}

async function oneSearch(
  browser: Browser,
  siteUrl: string,
  query: string,
): Promise<{ downloads: Download[]; results: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const pending = new Set<Request>();
    const reads: Promise<Download | undefined>[] = [];
    let lastActivity = Date.now();
    page.on('request', (request) => {
      pending.add(request);
      lastActivity = Date.now();
    });
    page.on('requestfailed', (request) => {
      pending.delete(request);
      lastActivity = Date.now();
    });
    page.on('requestfinished', (request) => {
      pending.delete(request);
      lastActivity = Date.now();
      reads.push(
        (async () => {
          const response = await request.response();
          if (response === null || !request.url().startsWith(siteUrl)) return undefined;
          const body = await response.body();
          // Pagefind's index and WebAssembly files are gzipped already; a host sends them as is.
          const compressed = /\.(?:pagefind|pf_\w+)$/.test(new URL(request.url()).pathname);
          return {
            path: new URL(request.url()).pathname,
            bytes: body.length,
            gzipBytes: compressed ? body.length : Math.min(body.length, gzippedBytes(body)),
          };
        })(),
      );
    });
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
    const resultItems = page.getByRole('list', { name: 'Results' }).locator(':scope > li');
    await waitForSearch(page, RESULT_TIMEOUT_MS);
    const deadline = Date.now() + RESULT_TIMEOUT_MS;
    while ((pending.size > 0 || Date.now() - lastActivity < QUIET_MS) && Date.now() < deadline) {
      await page.waitForTimeout(100);
    }
    const results = await resultItems.count();
    const downloads = (await Promise.all(reads)).filter(
      (download): download is Download => download !== undefined,
    );
    return { downloads, results };
  } finally {
    await context.close();
  }
}

/** Runs `runs` first searches for `query` on the built site in `distDir`, each in a fresh context. */
export async function measureFirstSearch(
  harness: SearchHarness,
  distDir: string,
  query: string,
  runs: number,
): Promise<FirstSearch> {
  const server = await harness.serveStatic(distDir, '/');
  const browser = await harness.launchBrowser();
  try {
    const totals: number[] = [];
    const gzipTotals: number[] = [];
    let last: { downloads: Download[]; results: number } = { downloads: [], results: 0 };
    for (let run = 0; run < runs; run += 1) {
      last = await oneSearch(browser, server.url, query);
      totals.push(last.downloads.reduce((sum, download) => sum + download.bytes, 0));
      gzipTotals.push(last.downloads.reduce((sum, download) => sum + download.gzipBytes, 0));
    }
    return {
      query,
      bytes: summarize(totals),
      gzipBytes: summarize(gzipTotals),
      requests: last.downloads
        .map(({ path, bytes }) => ({ path, bytes }))
        .sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1)),
      results: last.results,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
