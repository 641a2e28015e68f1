/**
 * Search as a reader uses it, in a real browser on the fixture site: a sentence whose words no
 * paper has all of, the field's vocabulary, a typo and its "search instead" link, a word no paper
 * mentions, authors and arXiv ids, what a result shows, Back to the same place, the `/` key, Clear
 * filters, a page that holds still while results arrive, and axe on the result states.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authorLine } from '../../src/lib/site/authors.ts';
import { paperBySlug, readCorpus, topicById } from './fixture-corpus.ts';
import { serveStatic, type StaticServer } from '../../harness/build-and-serve.ts';
import { launchBrowser } from '../../harness/chromium.ts';
import { fixtureSite } from '../helpers/fixture-sites.ts';
import {
  newPage,
  runAxe,
  searchResultItems,
  searchResultLinks,
  type RecordedPage,
} from './pages.ts';

const SEARCH_TIMEOUT = 30_000;
const DECOUPLED = 'decoupled-weight-decay-for-sparse-transformers';
const ENTROPIC = 'entropic-optimal-transport-with-learned-costs';
const DEPTH = 'stochastic-depth-revisited-dropout-noise-in-residual-networks';
const MIXING = 'mixing-patches-a-simple-data-augmentation-for-vision-transformers';

let browser: Browser;
let server: StaticServer;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  cleanups.push(() => browser.close());
  const dir = await fixtureSite('/');
  server = await serveStatic(dir, '/');
  cleanups.push(() => server.close());
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function open(): Promise<RecordedPage> {
  const recorded = await newPage(browser);
  cleanups.push(() => recorded.close());
  return recorded;
}

function status(page: Page) {
  return page.getByRole('status');
}

/** Opens a search and waits until its results are announced. */
async function searchFor(page: Page, query: string): Promise<void> {
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
  await expect
    .poll(() => status(page).innerText(), { timeout: SEARCH_TIMEOUT })
    .not.toMatch(/^(?:Searching…)?$/);
}

async function resultSlugs(page: Page): Promise<string[]> {
  return (
    await searchResultLinks(page).evaluateAll((links) =>
      links.map((link) => (link as HTMLAnchorElement).pathname),
    )
  ).map((path) => path.replace(/^\/papers\/|\/$/g, ''));
}

function expectQuiet(session: RecordedPage): void {
  expect(session.consoleErrors).toEqual([]);
  expect(session.externalRequests).toEqual([]);
}

describe('search that finds what a reader means', () => {
  test('words no paper has all of still find the papers that have some, and the status says so', async () => {
    const session = await open();
    await searchFor(session.page, 'sinkhorn iterations with dropout');
    expect(await status(session.page).innerText()).toBe(
      'No paper has all of these words; showing 2 papers that match most of them.',
    );
    expect((await resultSlugs(session.page)).sort()).toEqual([ENTROPIC, DEPTH].sort());
    expectQuiet(session);
  });

  test('a form of the vocabulary finds papers that use another: ViT finds vision transformers', async () => {
    const session = await open();
    await searchFor(session.page, 'vit');
    expect(await resultSlugs(session.page)).toEqual([MIXING]);
    expect(await status(session.page).innerText()).toBe('1 paper found for “vit”.');
    await expect
      .poll(() => searchResultItems(session.page).first().locator('mark').allInnerTexts())
      .toEqual(expect.arrayContaining(['vision', 'transformers']));
  });

  test('a misspelt word is corrected, and "search instead" searches the words as typed', async () => {
    const session = await open();
    const { page } = session;
    await searchFor(page, 'sinkhron');
    expect(await status(page).innerText()).toBe(
      'Showing results for “sinkhorn”; search instead for “sinkhron”. 1 paper found for “sinkhorn”.',
    );
    expect(await resultSlugs(page)).toEqual([ENTROPIC]);
    await status(page).getByRole('link', { name: '“sinkhron”' }).click();
    await expect.poll(() => status(page).innerText()).toBe('No paper mentions “sinkhron”.');
    expect(new URL(page.url()).searchParams.get('typed')).toBe('1');
    expect(await searchResultItems(page).count()).toBe(0);
    // Back returns to the corrected search.
    await page.goBack();
    await expect.poll(() => resultSlugs(page)).toEqual([ENTROPIC]);
    expectQuiet(session);
  });

  test('a word no paper mentions says so instead of showing unrelated papers', async () => {
    const session = await open();
    await searchFor(session.page, 'asdfgh');
    expect(await status(session.page).innerText()).toBe('No paper mentions “asdfgh”.');
    expect(await searchResultItems(session.page).count()).toBe(0);
    await searchFor(session.page, 'asdfgh sinkhorn');
    expect(await status(session.page).innerText()).toBe(
      'No paper mentions “asdfgh”; showing papers with the other words. 1 paper found for “asdfgh sinkhorn”.',
    );
  });

  test('an author, an arXiv id or a DOI finds its paper first', async () => {
    const session = await open();
    for (const query of ['Okafor', '2406.01234', 'arXiv:2406.01234', '10.5555/dwdst.2024.3']) {
      await searchFor(session.page, query);
      expect((await resultSlugs(session.page))[0], query).toBe(DECOUPLED);
    }
  });

  test('a result shows its authors, year, topics and upvotes, and an excerpt that does not repeat the title', async () => {
    const session = await open();
    await searchFor(session.page, 'pruned');
    const item = searchResultItems(session.page).first();
    const corpus = await readCorpus();
    const paper = paperBySlug(corpus, DECOUPLED);
    expect(
      await item.getByRole('list', { name: 'Details' }).getByRole('listitem').allInnerTexts(),
    ).toEqual([
      authorLine(paper.data),
      paper.data.date?.slice(0, 4),
      ...paper.data.topics.map((id) => topicById(corpus, id).name),
      `${String(paper.data.upvotes)} upvotes`,
    ]);
    const excerpt = await item.locator('p').innerText();
    expect(excerpt).not.toContain(paper.data.title);
    expect(await item.locator('mark').allInnerTexts()).toContain('pruned');
  });

  test('Back from a result opened after "Show more" returns to the same results and place', async () => {
    const session = await open();
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 500 });
    await searchFor(page, 'and');
    await expect.poll(() => searchResultLinks(page).count()).toBe(10);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await expect.poll(() => searchResultLinks(page).count()).toBeGreaterThan(10);
    const shown = await searchResultLinks(page).count();
    const last = searchResultLinks(page).nth(shown - 1);
    await last.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(100);
    await last.click();
    await page.waitForURL(/\/papers\//);
    await page.goBack();
    await expect
      .poll(() => searchResultLinks(page).count(), { timeout: SEARCH_TIMEOUT })
      .toBe(shown);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 50);
    expectQuiet(session);
  });

  test('"/" focuses the search box, except while typing in a field', async () => {
    const session = await open();
    const { page } = session;
    await searchFor(page, 'dropout');
    const box = page.getByRole('main').getByRole('searchbox');
    await page.getByRole('heading', { level: 1 }).click();
    expect(await box.evaluate((input) => input === document.activeElement)).toBe(false);
    await page.keyboard.press('/');
    expect(await box.evaluate((input) => input === document.activeElement)).toBe(true);
    // Typing "/" in the box types it.
    await page.keyboard.type('/');
    expect(await box.inputValue()).toBe('/');
  });

  test('"Clear filters" removes the topic and year and keeps the query', async () => {
    const session = await open();
    const { page } = session;
    await page.goto(`${server.url}search/?q=transformers&topic=data-augmentation&year=2024`);
    const clear = page.getByRole('button', { name: 'Clear filters' });
    await expect.poll(() => clear.isVisible(), { timeout: SEARCH_TIMEOUT }).toBe(true);
    await clear.click();
    await expect.poll(() => page.url()).toBe(`${server.url}search/?q=transformers`);
    expect(await clear.isHidden()).toBe(true);
    await expect.poll(() => resultSlugs(page)).toEqual(expect.arrayContaining([MIXING, DECOUPLED]));
  });

  test('the page holds still while the search runs and results arrive (layout shift < 0.02)', async () => {
    const session = await open();
    const { page } = session;
    await searchFor(page, 'regularizer');
    await expect.poll(() => searchResultLinks(page).count()).toBeGreaterThan(3);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & {
              value: number;
              hadRecentInput: boolean;
            })[]) {
              if (!entry.hadRecentInput) total += entry.value;
            }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => {
            resolve(total);
          }, 500);
        }),
    );
    expect(shift).toBeLessThan(0.02);
  });

  test("Pagefind's script, entry and WebAssembly start loading from the page's head, once each", async () => {
    const session = await open();
    const { page } = session;
    const requested: string[] = [];
    page.on('request', (request) => {
      const { pathname, search } = new URL(request.url());
      if (pathname.startsWith('/pagefind/')) requested.push(`${pathname}${search}`);
    });
    await searchFor(page, 'regularizer');
    await expect.poll(() => searchResultLinks(page).count()).toBeGreaterThan(0);
    const preloaded = await page
      .locator('head link[rel="preload"], head link[rel="modulepreload"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(preloaded).toEqual([
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json?ts=revalidated',
      '/pagefind/wasm.en.pagefind',
    ]);
    // A preload the script then asks for under another address would be downloaded twice.
    for (const file of preloaded) {
      expect(requested.filter((address) => address === file)).toHaveLength(1);
    }
    expectQuiet(session);
  });

  test('axe finds nothing on the search page, with results, a correction and no match', async () => {
    const session = await open();
    for (const query of ['regularizer', 'sinkhron', 'asdfgh']) {
      await searchFor(session.page, query);
      expect(await runAxe(session.page), query).toEqual([]);
    }
  });
});
