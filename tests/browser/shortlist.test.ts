/**
 * The reader's own list and the reading paths, in a real browser, under the root and under the
 * sub-path /reading-list/: toggles on paper and topic pages, the header count, persistence across
 * reloads and tabs, a stored paper that no longer exists, the /list/ page's reordering, removing,
 * downloads (parsed back with a BibTeX and a CSV parser) and share links, the keyboard, axe, and a
 * paper page with JavaScript switched off.
 *
 * Expectations come from the fixture corpus and its reading-paths.yaml (fixture-corpus.ts).
 */
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { load } from 'js-yaml';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CORPUS_DIR, paperBySlug, readCorpus, topicById, type Corpus } from './fixture-corpus.ts';
import type { StaticServer } from '../../harness/build-and-serve.ts';
import { launchBrowser } from '../../harness/chromium.ts';
import { FIXTURE_BASES, serveFixtureSites } from '../helpers/fixture-sites.ts';
import { newPage, runAxe, type RecordedPage } from './pages.ts';

const BASES = FIXTURE_BASES;
type BasePath = (typeof BASES)[number];

const TOPIC = 'weight-penalties';
const DROPOUT = 'stochastic-depth-revisited-dropout-noise-in-residual-networks';
const MIXING = 'mixing-patches-a-simple-data-augmentation-for-vision-transformers';

let browser: Browser;
let corpus: Corpus;
/** The fixture's one reading path: the weight-penalties papers, in reading order. */
let pathSlugs: string[];
let pathReasons: string[];
let servers = new Map<BasePath, StaticServer>();
const cleanups: (() => Promise<unknown>)[] = [];
const sessions = new Set<RecordedPage>();

beforeAll(async () => {
  corpus = await readCorpus();
  const paths = load(await readFile(path.join(CORPUS_DIR, 'reading-paths.yaml'), 'utf8')) as Record<
    string,
    { paper: string; reason: string }[]
  >;
  pathSlugs = (paths[TOPIC] ?? []).map((step) => step.paper);
  pathReasons = (paths[TOPIC] ?? []).map((step) => step.reason);
  browser = await launchBrowser();
  cleanups.push(() => browser.close());
  servers = await serveFixtureSites(BASES, cleanups);
});

afterEach(async () => {
  const open = [...sessions];
  sessions.clear();
  await Promise.all(open.map((session) => session.close()));
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function open(): Promise<RecordedPage> {
  const session = await newPage(browser, { width: 1280 });
  sessions.add(session);
  return session;
}

function url(base: BasePath, relative: string): string {
  const server = servers.get(base);
  if (server === undefined) throw new Error(`no server for ${base}`);
  return `${server.url}${relative}`;
}

function title(slug: string): string {
  return paperBySlug(corpus, slug).data.title;
}

async function visit(page: Page, base: BasePath, relative: string): Promise<void> {
  const response = await page.goto(url(base, relative));
  expect(response?.status(), relative).toBe(200);
}

/** The header's link to the list, once the script has shown it. */
function countLink(page: Page) {
  return page.getByRole('banner').getByRole('link', { name: /^My list/ });
}

async function expectCount(page: Page, count: number): Promise<void> {
  await expect
    .poll(() => countLink(page).innerText())
    .toMatch(new RegExp(`^My list\\s*${String(count)}$`));
}

/** The titles of the papers /list/ shows, in order. */
async function listedTitles(page: Page): Promise<string[]> {
  return page.getByRole('main').getByRole('list').first().locator(':scope > li h2').allInnerTexts();
}

/**
 * Nothing went to another host, no dialog opened, and nothing logged an error but the 404s of
 * records `expected404` names (the browser logs every failed request, a missing paper's too).
 */
function quiet(session: RecordedPage, expected404 = 0): void {
  expect(session.externalRequests, 'requests to other hosts').toEqual([]);
  const notFound = session.consoleErrors.filter((message) => message.includes(' 404 '));
  expect(notFound, 'missing records').toHaveLength(expected404);
  expect(
    session.consoleErrors.filter((message) => !notFound.includes(message)),
    'console errors',
  ).toEqual([]);
  expect(session.dialogs, 'dialogs').toEqual([]);
}

/** Downloads the file a button makes and returns its name and text. */
async function download(page: Page, name: string): Promise<{ file: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  const saved = await file.path();
  return { file: file.suggestedFilename(), text: await readFile(saved, 'utf8') };
}

describe.each(BASES)('the shortlist at %s', (base) => {
  test('a paper page adds and removes its paper, and the list survives a reload', async () => {
    const session = await open();
    const { page } = session;
    await visit(page, base, `papers/${DROPOUT}/`);
    const toggle = page.getByRole('main').getByRole('button', { name: 'Add to my list' });
    await expectCount(page, 0);
    await toggle.click();
    await expect
      .poll(() =>
        page.getByRole('main').getByRole('button', { name: 'Remove from my list' }).count(),
      )
      .toBe(1);
    await expectCount(page, 1);

    await page.reload();
    await expectCount(page, 1);
    const remove = page.getByRole('main').getByRole('button', { name: 'Remove from my list' });
    expect(await remove.isVisible()).toBe(true);
    await countLink(page).click();
    await expect.poll(() => listedTitles(page)).toEqual([title(DROPOUT)]);
    expect(page.url()).toBe(url(base, 'list/'));

    await page.goBack();
    await page.getByRole('main').getByRole('button', { name: 'Remove from my list' }).click();
    await expectCount(page, 0);
    quiet(session);
  });

  test('a topic list adds papers by title, and /list/ shows them in the order they were added', async () => {
    const session = await open();
    const { page } = session;
    await visit(page, base, `topics/${TOPIC}/`);
    const [first, second] = [pathSlugs[3] ?? '', pathSlugs[0] ?? ''];
    await page.getByRole('button', { name: `Add to my list: ${title(first)}` }).click();
    await page.getByRole('button', { name: `Add to my list: ${title(second)}` }).click();
    await expectCount(page, 2);
    expect(
      await page.getByRole('button', { name: `Remove from my list: ${title(first)}` }).count(),
    ).toBe(1);
    await visit(page, base, 'list/');
    await expect.poll(() => listedTitles(page)).toEqual([title(first), title(second)]);
    quiet(session);
  });

  test('a topic opens with its reading path, and the path goes on the list in one click', async () => {
    const session = await open();
    const { page } = session;
    await visit(page, base, `topics/${TOPIC}/`);
    const start = page.getByRole('region', { name: 'Start here' });
    const steps = start.getByRole('listitem').filter({ has: page.getByRole('heading') });
    expect(await steps.getByRole('heading').allInnerTexts()).toEqual(pathSlugs.map(title));
    for (const [index, reason] of pathReasons.entries())
      expect(await steps.nth(index).innerText()).toContain(reason);
    // "Start here" comes before the topic's full list of papers.
    const headings = await page
      .getByRole('main')
      .getByRole('heading', { level: 2 })
      .allInnerTexts();
    expect(headings[0]).toBe('Start here');

    await start.getByRole('button', { name: 'Add path to my list' }).click();
    await expectCount(page, pathSlugs.length);
    expect(await start.getByRole('button', { name: 'Path is on my list' }).count()).toBe(1);
    await visit(page, base, 'list/');
    await expect.poll(() => listedTitles(page)).toEqual(pathSlugs.map(title));
    quiet(session);
  });
});

describe('the shared script', () => {
  test('is one module file, deferred, and at most 3 KB gzipped on every kind of page', async () => {
    const session = await open();
    const { page } = session;
    const sources = new Set<string>();
    for (const relative of ['', `topics/${TOPIC}/`, `papers/${DROPOUT}/`, 'all/', 'list/']) {
      await visit(page, '/reading-list/', relative);
      const shared = await page.locator('script[src*="Shortlist"]').evaluateAll((scripts) =>
        (scripts as HTMLScriptElement[]).map((script) => ({
          src: script.src,
          type: script.type,
        })),
      );
      expect(shared, relative).toHaveLength(1);
      expect(shared[0]?.type, relative).toBe('module');
      sources.add(shared[0]?.src ?? '');
    }
    expect(sources.size).toBe(1);
    const response = await page.request.get([...sources][0] ?? '');
    expect(response.status()).toBe(200);
    expect(gzipSync(await response.body(), { level: 9 }).length).toBeLessThanOrEqual(3 * 1024);
    quiet(session);
  });
});

describe('search results', () => {
  test('each carry the toggle, and adding from there counts in the header', async () => {
    const session = await open();
    const { page } = session;
    await visit(page, '/reading-list/', 'search/?q=dropout');
    const toggle = page.getByRole('button', { name: `Add to my list: ${title(DROPOUT)}` });
    // Pagefind loads its index on first use, which can take a while on a busy machine.
    await expect.poll(() => toggle.count(), { timeout: 30_000 }).toBe(1);
    await toggle.click();
    await expectCount(page, 1);
    expect(
      await page.getByRole('button', { name: `Remove from my list: ${title(DROPOUT)}` }).count(),
    ).toBe(1);
    quiet(session);
  });
});

describe('reading paths on paper pages', () => {
  test('a paper on a path says which step it is, with the previous and next steps', async () => {
    const session = await open();
    const { page } = session;
    const topic = topicById(corpus, TOPIC);
    for (const [index, slug] of pathSlugs.entries()) {
      await visit(page, '/reading-list/', `papers/${slug}/`);
      const nav = page.getByRole('navigation', { name: `Reading path in ${topic.name}` });
      expect(await nav.innerText()).toContain(
        `Step ${String(index + 1)} of ${String(pathSlugs.length)} in ${topic.name}`,
      );
      const links = await nav.getByRole('link').allInnerTexts();
      const previous = pathSlugs[index - 1];
      const next = pathSlugs[index + 1];
      expect(links).toEqual([
        topic.name,
        ...(previous ? [title(previous)] : []),
        ...(next ? [title(next)] : []),
      ]);
    }
    await visit(page, '/reading-list/', `papers/${DROPOUT}/`);
    expect(await page.getByRole('navigation', { name: /^Reading path/ }).count()).toBe(0);
    quiet(session);
  });
});

describe('the /list/ page under /reading-list/', () => {
  const base = '/reading-list/';

  /** Opens /list/ with `slugs` already stored, as a reader's earlier visits left them. */
  async function withList(page: Page, slugs: readonly string[]): Promise<void> {
    await visit(page, base, 'list/');
    await page.evaluate(
      ({ key, value }) => {
        localStorage.setItem(key, value);
      },
      {
        key: `shortlist:${base}list/`,
        value: JSON.stringify(slugs),
      },
    );
    await page.reload();
    await expect
      .poll(() => page.getByRole('main').getByRole('list').first().locator(':scope > li').count())
      .toBe(slugs.length);
  }

  test('reorders and removes papers with the keyboard alone, keeping focus on the paper moved', async () => {
    const session = await open();
    const { page } = session;
    const slugs = pathSlugs.slice(0, 3);
    await withList(page, slugs);
    const [a, b, c] = slugs.map(title);

    // Tab from the top of the page to the first paper's "Move down" and press Enter.
    await page.keyboard.press('Tab');
    let guard = 0;
    while (
      !(await page.evaluate(() => document.activeElement?.ariaLabel ?? '')).startsWith(
        'Move down',
      ) &&
      guard++ < 40
    )
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.ariaLabel)).toBe(`Move down: ${a}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => listedTitles(page)).toEqual([b, a, c]);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.ariaLabel))
      .toBe(`Move down: ${a}`);
    await page.keyboard.press('Space');
    await expect.poll(() => listedTitles(page)).toEqual([b, c, a]);

    // Focus fell back to its "Move up" at the bottom of the list; the next Tab is its "Remove".
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.ariaLabel)).toBe(`Remove: ${a}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => listedTitles(page)).toEqual([b, c]);
    await expectCount(page, 2);

    await page.reload();
    await expect.poll(() => listedTitles(page)).toEqual([b, c]);
    quiet(session);
  });

  test('shows a stored paper that no longer exists as missing, and lets the reader remove it', async () => {
    const session = await open();
    const { page } = session;
    await withList(page, [DROPOUT, 'a-paper-that-was-removed-from-the-list']);
    await expect.poll(() => listedTitles(page)).toEqual([title(DROPOUT), 'Missing paper']);
    expect(await page.getByRole('main').innerText()).toContain(
      '“a-paper-that-was-removed-from-the-list” is no longer in the reading list',
    );
    await page.getByRole('button', { name: 'Remove: Missing paper' }).click();
    await expect.poll(() => listedTitles(page)).toEqual([title(DROPOUT)]);
    await expectCount(page, 1);
    quiet(session, 1);
  });

  test('downloads BibTeX, RIS, CSV and CSL-JSON that parsers read back, and copies the BibTeX', async () => {
    const session = await open();
    const { page } = session;
    const slugs = [...pathSlugs, MIXING];
    await withList(page, slugs);
    const titles = slugs.map(title);

    const bib = await download(page, 'Download BibTeX');
    expect(bib.file).toBe('my-reading-list.bib');
    const library = parseBibtex(bib.text, { english: false });
    expect(library.errors).toEqual([]);
    expect(library.entries.map((entry) => entry.fields.title).sort()).toEqual([...titles].sort());

    const csv = await download(page, 'Download CSV');
    const rows = parseCsv<{ slug: string; title: string; page_url: string }>(csv.text, {
      columns: true,
    });
    expect(rows.map((row) => row.slug).sort()).toEqual([...slugs].sort());
    for (const row of rows) {
      expect(row.title).toBe(title(row.slug));
      expect(row.page_url).toBe(`https://reading-list.test/reading-list/papers/${row.slug}/`);
    }

    const ris = await download(page, 'Download RIS');
    const risTitles = [...ris.text.matchAll(/^TI {2}- (.*)\r$/gm)].map((match) => match[1]);
    expect(risTitles).toEqual(titles);
    expect(ris.text.match(/^ER {2}- \r$/gm)?.length).toBe(slugs.length);

    const csl = await download(page, 'Download CSL-JSON');
    const items = JSON.parse(csl.text) as { title: string; URL: string }[];
    expect(items.map((item) => item.title)).toEqual(titles);

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(url(base, '')).origin,
    });
    await page.getByRole('button', { name: 'Copy all as BibTeX' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(bib.text);
    quiet(session);
  });

  test('a share link of 50 papers stays short, and opening it offers to view or merge it', async () => {
    const session = await open();
    const { page } = session;
    const slugs = [MIXING, ...pathSlugs.slice(0, 2)];
    await withList(page, slugs);
    const link = await page.getByRole('textbox', { name: 'Link to this list' }).inputValue();
    expect(link.startsWith(url(base, 'list/#p='))).toBe(true);
    // Seven characters a paper: fifty papers fit in a chat message.
    expect(link.length - url(base, 'list/#p=').length).toBe(7 * slugs.length);

    // Another reader, whose own list holds one of the papers already.
    const other = await open();
    await withList(other.page, [pathSlugs[1] ?? '', DROPOUT]);
    await other.page.goto(link);
    await expect.poll(() => listedTitles(other.page)).toEqual(slugs.map(title));
    const shared = other.page.getByRole('region', { name: 'Shared list' });
    expect(await shared.isVisible()).toBe(true);
    await expectCount(other.page, 2);
    await shared.getByRole('button', { name: 'Add 3 papers to my list' }).click();
    await expect
      .poll(() => listedTitles(other.page))
      .toEqual([pathSlugs[1] ?? '', DROPOUT, MIXING, pathSlugs[0] ?? ''].map(title));
    await expectCount(other.page, 4);
    expect(new URL(other.page.url()).hash).toBe('');
    expect(await shared.isVisible()).toBe(false);
    quiet(session);
    quiet(other);
  });

  test('a second tab sees additions and removals without reloading', async () => {
    const session = await open();
    const { page } = session;
    await visit(page, base, `papers/${DROPOUT}/`);
    const second = await page.context().newPage();
    await second.goto(url(base, 'list/'));
    await expect.poll(() => listedTitles(second)).toEqual([]);
    await page.getByRole('main').getByRole('button', { name: 'Add to my list' }).click();
    await expect.poll(() => listedTitles(second)).toEqual([title(DROPOUT)]);
    await expectCount(second, 1);
    await second.getByRole('button', { name: `Remove: ${title(DROPOUT)}` }).click();
    await expect
      .poll(() => page.getByRole('main').getByRole('button', { name: 'Add to my list' }).count())
      .toBe(1);
    await expectCount(page, 0);
    quiet(session);
  });

  test('axe finds no WCAG 2.2 A/AA violation on /list/, empty, filled or shared, light or dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const session = await newPage(browser, { width: 1280, colorScheme });
      sessions.add(session);
      const { page } = session;
      await visit(page, base, 'list/');
      await expect.poll(() => page.getByText('Your list is empty.').count()).toBe(1);
      expect(await runAxe(page)).toEqual([]);
      await withList(page, [DROPOUT, 'a-paper-that-was-removed-from-the-list', MIXING]);
      expect(await runAxe(page)).toEqual([]);
      const link = await page.getByRole('textbox', { name: 'Link to this list' }).inputValue();
      await page.evaluate(() => {
        localStorage.clear();
      });
      await page.goto(link);
      await expect.poll(() => listedTitles(page)).toEqual([title(DROPOUT), title(MIXING)]);
      expect(await runAxe(page)).toEqual([]);
    }
  });
});

describe('without JavaScript', () => {
  test('a paper page works fully and shows no toggle; /list/ says why it is empty', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const paper = paperBySlug(corpus, pathSlugs[1] ?? '');
      await page.goto(url('/reading-list/', `papers/${paper.slug}/`));
      const main = page.getByRole('main');
      expect(await main.getByRole('heading', { level: 1 }).innerText()).toBe(paper.data.title);
      expect(await main.getByText(paper.abstract, { exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: /my list/ }).count()).toBe(0);
      expect(await page.getByRole('link', { name: /^My list/ }).count()).toBe(0);
      expect(await main.getByRole('region', { name: 'Cite this paper' }).isVisible()).toBe(true);
      // The reading path's links work as plain links.
      const nav = page.getByRole('navigation', { name: /^Reading path/ });
      await nav.getByRole('link', { name: title(pathSlugs[2] ?? '') }).click();
      expect(page.url()).toBe(url('/reading-list/', `papers/${pathSlugs[2] ?? ''}/`));

      await page.goto(url('/reading-list/', `topics/${TOPIC}/`));
      expect(await page.getByRole('button', { name: /my list/ }).count()).toBe(0);
      await page.goto(url('/reading-list/', 'list/'));
      expect(await page.getByRole('main').innerText()).toContain('needs JavaScript');
    } finally {
      await context.close();
    }
  });
});
