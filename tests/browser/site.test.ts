/**
 * The reading list as a reader uses it, in a real browser: the home page's topics, a topic's
 * papers, a paper's page, search with its topic filter kept in the URL, under the root and under
 * the sub-path /reading-list/; then accessibility (axe, light and dark), narrow screens and the
 * rule that no request leaves 127.0.0.1.
 *
 * The site is built once per base from the fixture corpus, and every expectation is derived from
 * the fixture files (see fixture-corpus.ts). Elements are found by role, label and visible text;
 * only Pagefind's own result markup is found by its class names. Search results are awaited with
 * polling expectations, never with fixed sleeps.
 */
import type { Result } from 'axe-core';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  type Corpus,
  type FixturePaper,
  paperBySlug,
  papersWithTopic,
  readableDate,
  readCorpus,
  topicById,
  topicsWithPapers,
} from './fixture-corpus.ts';
import type { StaticServer } from '../../harness/build-and-serve.ts';
import { launchBrowser } from '../../harness/chromium.ts';
import { FIXTURE_BASES, serveFixtureSites } from '../helpers/fixture-sites.ts';
import {
  isExternalUrl,
  newPage,
  runAxe,
  searchResultItems,
  searchResultLinks,
  type PageOptions,
  type RecordedPage,
} from './pages.ts';

const BASES = FIXTURE_BASES;
type BasePath = (typeof BASES)[number];

/**
 * How long a search may take to show its results (Pagefind loads its index on first use). Generous,
 * because a loaded two-core machine can take several seconds; a working search is far quicker.
 */
const SEARCH_TIMEOUT = 30_000;

/** Fixture papers and topics the scenarios below use by name. */
const DROPOUT = 'stochastic-depth-revisited-dropout-noise-in-residual-networks';
const MIXING = 'mixing-patches-a-simple-data-augmentation-for-vision-transformers';
const DECOUPLED = 'decoupled-weight-decay-for-sparse-transformers';
const QUADRATIC = 'quadratic-penalties-and-the-geometry-of-overparameterized-models';
const MAX_ENTROPY = 'maximum-entropy-policies-for-offline-reinforcement-learning';
/** "transformers" finds exactly MIXING and DECOUPLED, which share no topic. */
const SHARED_QUERY = 'transformers';
const AUGMENTATION = 'data-augmentation';
const RL = 'reinforcement-learning';
const WEIGHT_PENALTIES = 'weight-penalties';

let browser: Browser;
let corpus: Corpus;
const servers = new Map<BasePath, StaticServer>();
/** What afterAll undoes, latest first. */
const cleanups: (() => Promise<unknown>)[] = [];
/** Pages opened by the running test, closed after it whatever its outcome. */
const openSessions = new Set<Session>();

beforeAll(async () => {
  corpus = await readCorpus();
  browser = await launchBrowser();
  cleanups.push(() => browser.close());
  for (const [base, server] of await serveFixtureSites(BASES, cleanups)) servers.set(base, server);
});

afterEach(async () => {
  const sessions = [...openSessions];
  openSessions.clear();
  await Promise.all(sessions.map((session) => session.close()));
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** A recorded page that also keeps every request it made (its browser context's). */
interface Session extends RecordedPage {
  requests: { url: string; type: string }[];
}

async function open(options: PageOptions = {}): Promise<Session> {
  const recorded = await newPage(browser, { width: 1280, colorScheme: 'light', ...options });
  const requests: Session['requests'] = [];
  // The context, not the page, so requests from Pagefind's web worker are counted too.
  recorded.page.context().on('request', (request) => {
    requests.push({ url: request.url(), type: request.resourceType() });
  });
  const session = { ...recorded, requests };
  openSessions.add(session);
  return session;
}

/** The site's root URL for a base, such as `http://127.0.0.1:40123/reading-list/`. */
function siteUrl(base: BasePath): string {
  const server = servers.get(base);
  if (server === undefined) throw new Error(`no server for ${base}`);
  return server.url;
}

/** Opens `path` (relative to the site's root) and checks it answered 200. */
async function visit(page: Page, base: BasePath, path: string): Promise<void> {
  const url = `${siteUrl(base)}${path}`;
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
}

/** Nothing went to another host, nothing logged an error, no dialog opened. */
function expectQuiet(session: Session): void {
  expect(session.externalRequests, 'requests to other hosts').toEqual([]);
  expect(session.consoleErrors, 'console errors').toEqual([]);
  expect(session.dialogs, 'dialogs').toEqual([]);
}

/** Accessible names and resolved `href`s of the links a locator finds, in document order. */
function linksOf(locator: Locator): Promise<{ name: string; href: string }[]> {
  return locator.evaluateAll((links) =>
    links.map((link) => ({
      name: (link as HTMLElement).innerText.trim(),
      href: (link as HTMLAnchorElement).href,
    })),
  );
}

function heading1(page: Page): Promise<string> {
  return page.getByRole('heading', { level: 1 }).innerText();
}

function paperUrl(base: BasePath, paper: FixturePaper): string {
  return `${siteUrl(base)}papers/${paper.slug}/`;
}

function topicUrl(base: BasePath, topicId: string): string {
  return `${siteUrl(base)}topics/${topicId}/`;
}

function titleOf(slug: string): string {
  return paperBySlug(corpus, slug).data.title;
}

/** A URL with its query parameters decoded and sorted, so equal links compare equal. */
function normalizeUrl(href: string): string {
  const url = new URL(href);
  const params = [...url.searchParams].map(([key, value]) => `${key}=${value}`).sort();
  return `${url.origin}${url.pathname}${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

/**
 * The "Open the paper" links a paper page must offer, normalized: the paper's own links first
 * (arXiv, PDF, code, project page, DOI, its link), then title searches only without an arXiv id.
 */
function expectedPaperLinks(paper: FixturePaper): { name: string; href: string }[] {
  const { title, arxiv, url, code, projectPage, doi } = paper.data;
  const search = (base: string, params: Record<string, string>) =>
    normalizeUrl(`${base}?${new URLSearchParams(params).toString()}`);
  const direct = [
    ...(arxiv === undefined
      ? []
      : [
          { name: 'arXiv', href: `https://arxiv.org/abs/${arxiv}` },
          { name: 'PDF', href: `https://arxiv.org/pdf/${arxiv}` },
        ]),
    ...(code === undefined ? [] : [{ name: 'Code', href: normalizeUrl(code) }]),
    ...(projectPage === undefined
      ? []
      : [{ name: 'Project page', href: normalizeUrl(projectPage) }]),
    ...(doi === undefined ? [] : [{ name: 'DOI', href: `https://doi.org/${doi}` }]),
    ...(url === undefined ? [] : [{ name: 'Paper website', href: normalizeUrl(url) }]),
  ];
  if (arxiv !== undefined) return direct;
  return [
    ...direct,
    {
      name: 'Search arXiv',
      href: search('https://arxiv.org/search/', { searchtype: 'title', query: title }),
    },
    {
      name: 'Search Hugging Face Papers',
      href: search('https://huggingface.co/papers', { q: title }),
    },
    {
      name: 'Search Google Scholar',
      href: search('https://scholar.google.com/scholar', { q: `"${title}"` }),
    },
  ];
}

// Search: the page's own box, and its list of results found by role and name.

/** The search page's search box, inside the main content (the header has its own). */
function searchBox(page: Page): Locator {
  return page.getByRole('main').getByRole('searchbox', { name: 'Search titles and abstracts' });
}

function topicSelect(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Topic' });
}

/** The results shown: how many, and their sorted titles. */
async function shownResults(page: Page): Promise<{ count: number; titles: string[] }> {
  const count = await searchResultItems(page).count();
  const titles = (await searchResultLinks(page).allInnerTexts())
    .map((title) => title.trim())
    .sort();
  return { count, titles };
}

/** Waits until the results are exactly these papers, no more and no fewer. */
async function expectResults(page: Page, slugs: readonly string[]): Promise<void> {
  const titles = slugs.map(titleOf).sort();
  await expect
    .poll(() => shownResults(page), { timeout: SEARCH_TIMEOUT, interval: 100 })
    .toEqual({ count: titles.length, titles });
}

/** The search page's state as its URL holds it. */
function searchParamsOf(page: Page): { q: string | null; topic: string[] } {
  const params = new URL(page.url()).searchParams;
  return { q: params.get('q'), topic: params.getAll('topic') };
}

/** Every request went to the site's own origin, and Pagefind's files came from under the base. */
function expectSameOriginSearch(session: Session, base: BasePath): void {
  const root = siteUrl(base);
  const origin = new URL(root).origin;
  expect(session.requests.filter(({ url }) => new URL(url).origin !== origin)).toEqual([]);
  const pagefind = session.requests.filter(({ url }) =>
    new URL(url).pathname.includes('/pagefind'),
  );
  expect(pagefind.length, 'Pagefind requests').toBeGreaterThan(0);
  expect(pagefind.filter(({ url }) => !url.startsWith(`${root}pagefind/`))).toEqual([]);
}

/** Scripts in the document that are JavaScript: any with `src`, or inline code. */
function scriptsWithCode(page: Page): Promise<string[]> {
  return page.locator('script').evaluateAll((scripts) =>
    (scripts as HTMLScriptElement[])
      .filter((script) => {
        // JSON-LD and other data blocks are not code; no type, `module` or a JS MIME type is.
        const isCode = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i.test(
          script.type.trim(),
        );
        return script.src !== '' || (isCode && script.text.trim() !== '');
      })
      .map((script) => script.outerHTML.slice(0, 200)),
  );
}

/**
 * Resources the document would load from other hosts: scripts, images, frames, media, and
 * stylesheets, fonts, icons or connections named by <link>. Links out (<a>, and <link
 * rel="canonical"> naming the published address) load nothing and are not counted.
 */
function externalReferences(page: Page): Promise<string[]> {
  return page.evaluate((host) => {
    const loading =
      /\b(?:stylesheet|preload|modulepreload|prefetch|preconnect|dns-prefetch|icon|manifest)\b/i;
    const found: string[] = [];
    const check = (element: Element, value: string | null) => {
      if (value === null || value.trim() === '') return;
      const url = new URL(value.trim(), document.baseURI);
      if (/^(?:https?|wss?):$/.test(url.protocol) && url.hostname !== host) {
        found.push(`<${element.localName}> ${url.href}`);
      }
    };
    for (const element of document.querySelectorAll('[src], [poster], object[data]')) {
      check(element, element.getAttribute('src'));
      check(element, element.getAttribute('poster'));
      check(element, element.getAttribute('data'));
    }
    for (const element of document.querySelectorAll('[srcset]')) {
      for (const candidate of (element.getAttribute('srcset') ?? '').split(',')) {
        check(element, candidate.trim().split(/\s+/)[0] ?? null);
      }
    }
    for (const link of document.querySelectorAll('link[href]')) {
      if (loading.test(link.getAttribute('rel') ?? '')) check(link, link.getAttribute('href'));
    }
    return found;
  }, '127.0.0.1');
}

function describeViolations(violations: readonly Result[]): string[] {
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} at ` +
      violation.nodes.map((node) => node.target.join(' ')).join(' | '),
  );
}

// ---------------------------------------------------------------------------------------------
// Pages and search, at the root and under a sub-path
// ---------------------------------------------------------------------------------------------

describe.each(BASES)('the fixture site built for base %s', (base) => {
  test('the home page lists every topic that has papers, with its count, linking to it', async () => {
    const session = await open();
    const { page } = session;
    await visit(page, base, '');
    const main = page.getByRole('main');

    const topics = topicsWithPapers(corpus);
    expect(topics.length).toBeGreaterThan(1);
    for (const topic of topics) {
      const count = papersWithTopic(corpus, topic.id).length;
      // `has` is matched inside each list item, so it takes a locator from the page.
      const card = main
        .getByRole('list', { name: 'Topics' })
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: topic.name, exact: true }) });
      expect(await card.count(), `one list item for ${topic.name}`).toBe(1);
      const countText = new RegExp(`(?<!\\d)${count} ${count === 1 ? 'paper' : 'papers'}\\b`);
      expect(await card.innerText(), topic.name).toMatch(countText);
      // Every link named after the topic leads to its page.
      const links = await linksOf(main.getByRole('link', { name: topic.name, exact: true }));
      expect([...new Set(links.map(({ href }) => href))], topic.name).toEqual([
        topicUrl(base, topic.id),
      ]);
    }
    expectQuiet(session);
  });

  test('each topic page lists the papers carrying it, newest first and undated last', async () => {
    const session = await open();
    const { page } = session;
    // The fixture must exercise the undated case: reinforcement learning has a dated paper and
    // an undated one.
    const rl = papersWithTopic(corpus, RL);
    expect(rl.map((paper) => paper.data.date === undefined)).toEqual([false, true]);

    const papersPrefix = `${siteUrl(base)}papers/`;
    for (const topic of topicsWithPapers(corpus)) {
      await visit(page, base, `topics/${topic.id}/`);
      expect(await heading1(page)).toBe(topic.name);
      expect(await page.getByRole('main').getByText(topic.description).isVisible()).toBe(true);
      // The reading path ("Start here") comes first and has its own tests (shortlist.test.ts).
      const pathLinks = await page
        .getByRole('region', { name: 'Start here' })
        .getByRole('link')
        .count();
      const listed = (await linksOf(page.getByRole('main').getByRole('link')))
        .filter(({ href }) => href.startsWith(papersPrefix))
        .slice(pathLinks);
      expect(listed, topic.id).toEqual(
        papersWithTopic(corpus, topic.id).map((paper) => ({
          name: paper.data.title,
          href: paperUrl(base, paper),
        })),
      );
    }
    expectQuiet(session);
  });

  test('each paper page shows its abstract, topics, date and links out, and loads only the shortlist script', async () => {
    const session = await open();
    const { page } = session;
    const main = page.getByRole('main');
    const topicsPrefix = `${siteUrl(base)}topics/`;

    for (const paper of corpus.papers) {
      const { data } = paper;
      await visit(page, base, `papers/${paper.slug}/`);
      expect(await heading1(page)).toBe(data.title);

      // The abstract, exactly; in an abstract with math, the text around the formulas, and one
      // MathML formula per `$…$`.
      const formulas = paper.abstract.match(/\$[^$]+\$/g) ?? [];
      if (formulas.length === 0) {
        const abstract = main.getByText(paper.abstract, { exact: true });
        expect(await abstract.count(), paper.slug).toBe(1);
        expect(await abstract.isVisible(), paper.slug).toBe(true);
      } else {
        const text = (await main.innerText()).replace(/\s+/g, ' ');
        for (const part of paper.abstract.split(/\$[^$]+\$/)) {
          expect(text, paper.slug).toContain(part.replace(/\s+/g, ' ').trim());
        }
        expect(await main.getByRole('math').count(), paper.slug).toBe(formulas.length);
      }

      // Its topics, in the paper's order, as links to their pages (`…/topics/<id>/`), wherever
      // they are in the main content.
      const topicLinks = (await linksOf(main.getByRole('link'))).filter(
        ({ href }) =>
          href.startsWith(topicsPrefix) && /^[^/?#]+\/$/.test(href.slice(topicsPrefix.length)),
      );
      expect(topicLinks, paper.slug).toEqual(
        data.topics.map((id) => ({ name: topicById(corpus, id).name, href: topicUrl(base, id) })),
      );

      // Its date, readable, with the machine-readable date alongside.
      if (data.date !== undefined) {
        const time = main.locator(`time[datetime="${data.date}"]`).first();
        expect(await time.isVisible(), paper.slug).toBe(true);
        expect((await time.innerText()).trim(), paper.slug).toBe(readableDate(data.date));
      } else {
        expect(data.dateText, `${paper.slug} has neither date nor dateText`).toBeDefined();
        const shown = main.getByText(data.dateText ?? '', { exact: true });
        expect(await shown.first().isVisible(), paper.slug).toBe(true);
      }

      // "Open the paper": its own links, then title searches on three sites when it has no id.
      const paperLinks = await linksOf(
        page.getByRole('region', { name: 'Open the paper' }).getByRole('link'),
      );
      expect(
        paperLinks.map(({ name, href }) => ({ name, href: normalizeUrl(href) })),
        paper.slug,
      ).toEqual(expectedPaperLinks(paper));
      if (data.upvotesOn !== undefined) {
        const dated = main.getByText(`${data.upvotes ?? 0} upvotes on Hugging Face, as of`);
        expect(await dated.isVisible(), paper.slug).toBe(true);
      }

      // The only code is the shared shortlist module and the inline copy-button enhancement of
      // the citation block, under 1 KB.
      const scripts = (await scriptsWithCode(page)).filter(
        (script) =>
          !/^<script type="module" src="[^"]*\/_astro\/ShortlistNav\.[^"]*\.js">/.test(script),
      );
      expect(scripts.length, paper.slug).toBeLessThanOrEqual(1);
      for (const script of scripts)
        expect(script, paper.slug).toMatch(/^<script type="module">.*data-copy/s);
      const inline = await page.locator('script[type="module"]:not([src])').allTextContents();
      expect(
        inline.reduce((total, text) => total + text.length, 0),
        paper.slug,
      ).toBeLessThan(1024);
    }

    // No JavaScript was requested by any paper page but the one shortlist module (cached after
    // the first page): no other script file, no worker.
    const javascript = session.requests.filter(
      ({ url, type }) => type === 'script' || /\.m?js$/.test(new URL(url).pathname),
    );
    expect(
      new Set(javascript.map(({ url }) => new URL(url).pathname.replace(/\.[\w-]+\.js$/, '.js'))),
    ).toEqual(new Set([`${base}_astro/ShortlistNav.astro_astro_type_script_index_0_lang.js`]));
    expectQuiet(session);
  });

  test('a reader clicks from the home page to a topic, to a paper, and back to a topic', async () => {
    const session = await open();
    const { page } = session;
    const topic = topicById(corpus, RL);
    const paper = paperBySlug(corpus, MAX_ENTROPY);
    await visit(page, base, '');

    await page
      .getByRole('main')
      .getByRole('link', { name: topic.name, exact: true })
      .first()
      .click();
    await page.waitForURL(topicUrl(base, RL));
    expect(await heading1(page)).toBe(topic.name);

    await page
      .getByRole('main')
      .getByRole('link', { name: paper.data.title, exact: true })
      .first()
      .click();
    await page.waitForURL(paperUrl(base, paper));
    expect(await heading1(page)).toBe(paper.data.title);

    const other = topicById(corpus, paper.data.topics[1] ?? RL);
    await page
      .getByRole('main')
      .getByRole('link', { name: other.name, exact: true })
      .first()
      .click();
    await page.waitForURL(topicUrl(base, other.id));
    expect(await heading1(page)).toBe(other.name);

    await page
      .getByRole('banner')
      .getByRole('link', { name: 'Regularization reading list' })
      .click();
    await page.waitForURL(siteUrl(base));
    expectQuiet(session);
  });

  test('a query typed into the search box finds the paper, and its result opens it', async () => {
    const session = await open();
    const { page } = session;
    const paper = paperBySlug(corpus, DROPOUT);
    await visit(page, base, 'search/');

    await searchBox(page).fill('dropout');
    await expectResults(page, [DROPOUT]);
    expect(await linksOf(searchResultLinks(page))).toEqual([
      { name: paper.data.title, href: paperUrl(base, paper) },
    ]);
    await expect.poll(() => searchParamsOf(page)).toEqual({ q: 'dropout', topic: [] });
    expectSameOriginSearch(session, base);

    await searchResultLinks(page).click();
    await page.waitForURL(paperUrl(base, paper));
    expect(await heading1(page)).toBe(paper.data.title);
    expectQuiet(session);
  });

  test('the Topic filter narrows the results and is kept in the URL, across a reload and Back', async () => {
    const session = await open();
    const { page } = session;
    await visit(page, base, 'search/');

    await searchBox(page).fill(SHARED_QUERY);
    await expectResults(page, [MIXING, DECOUPLED]);

    // MIXING carries the topic, DECOUPLED does not: it must disappear.
    expect(paperBySlug(corpus, MIXING).data.topics).toContain(AUGMENTATION);
    expect(paperBySlug(corpus, DECOUPLED).data.topics).not.toContain(AUGMENTATION);
    await topicSelect(page).selectOption({ label: topicById(corpus, AUGMENTATION).name });
    await expectResults(page, [MIXING]);
    expect(searchParamsOf(page)).toEqual({ q: SHARED_QUERY, topic: [AUGMENTATION] });
    const filteredUrl = page.url();

    // Back: the unfiltered search again.
    await page.goBack();
    await expect.poll(() => searchParamsOf(page)).toEqual({ q: SHARED_QUERY, topic: [] });
    await expectResults(page, [MIXING, DECOUPLED]);
    expect(await topicSelect(page).inputValue()).toBe('');
    expect(await searchBox(page).inputValue()).toBe(SHARED_QUERY);

    // The filtered URL, loaded afresh, restores the query, the filter and the results.
    const fresh = await open();
    const response = await fresh.page.goto(filteredUrl);
    expect(response?.status()).toBe(200);
    await expectResults(fresh.page, [MIXING]);
    expect(await searchBox(fresh.page).inputValue()).toBe(SHARED_QUERY);
    expect(await topicSelect(fresh.page).inputValue()).toBe(AUGMENTATION);
    expectSameOriginSearch(fresh, base);

    expectSameOriginSearch(session, base);
    expectQuiet(session);
    expectQuiet(fresh);
  });

  test('"Has code" keeps the papers whose code is linked, and shows their authors', async () => {
    const session = await open();
    const { page } = session;
    const withCode = corpus.papers.filter((paper) => paper.data.code !== undefined);
    expect(withCode.map((paper) => paper.slug)).toEqual([DECOUPLED]);
    await visit(page, base, `search/?q=${SHARED_QUERY}`);
    await expectResults(page, [MIXING, DECOUPLED]);
    await page.getByRole('main').getByRole('checkbox', { name: 'Has code' }).check();
    await expectResults(page, [DECOUPLED]);
    expect(searchParamsOf(page)).toMatchObject({ q: SHARED_QUERY });
    expect(page.url()).toContain('code=yes');
    await expect
      .poll(() =>
        page.getByRole('main').getByText('Ana Ortiz, Bo Chen, Chidi Okafor and 2 more').count(),
      )
      .toBe(1);
    expectQuiet(session);
  });

  test('a link asking for two topics keeps the papers that have either', async () => {
    const session = await open();
    const { page } = session;
    const other = paperBySlug(corpus, DECOUPLED).data.topics[0] ?? '';
    expect(paperBySlug(corpus, MIXING).data.topics).not.toContain(other);
    await visit(page, base, `search/?q=${SHARED_QUERY}&topic=${AUGMENTATION}&topic=${other}`);
    await expectResults(page, [MIXING, DECOUPLED]);
    expectQuiet(session);
  });

  test('a topic chosen without a query lists all its papers, newest first', async () => {
    const session = await open();
    const { page } = session;
    await visit(page, base, `search/?topic=${WEIGHT_PENALTIES}`);

    const expected = papersWithTopic(corpus, WEIGHT_PENALTIES);
    await expectResults(
      page,
      expected.map((paper) => paper.slug),
    );
    // Shown newest first; undated papers sort as the oldest.
    const dateOf = new Map(expected.map((paper) => [paper.data.title, paper.data.date ?? '']));
    const shownDates = (await searchResultLinks(page).allInnerTexts()).map(
      (title) => dateOf.get(title.trim()) ?? '?',
    );
    expect(shownDates).toEqual([...shownDates].sort().reverse());
    expect(await searchBox(page).inputValue()).toBe('');
    expectQuiet(session);
  });

  test('results come ten at a time, and "Show more results" adds the rest and moves focus to them', async () => {
    const session = await open();
    const { page } = session;
    // A word nearly every paper uses, so that there are more results than fit on one page.
    const word = 'and';
    const matching = corpus.papers.filter((paper) =>
      new RegExp(`\\b${word}\\b`, 'i').test(`${paper.data.title} ${paper.abstract}`),
    );
    expect(matching.length, 'papers matching the query').toBeGreaterThan(10);
    await visit(page, base, `search/?q=${word}`);

    await expect.poll(() => searchResultLinks(page).count(), { timeout: SEARCH_TIMEOUT }).toBe(10);
    await expect
      .poll(() => page.getByRole('status').innerText())
      .toBe(`${String(matching.length)} papers found for “${word}”.`);
    const more = page.getByRole('button', { name: 'Show more results' });
    // Twice, as an impatient reader would: the same results must not be added twice.
    await more.dblclick();
    await expectResults(
      page,
      matching.map((paper) => paper.slug),
    );
    expect(await more.isHidden()).toBe(true);
    // Keyboard readers continue where the new results start.
    expect(
      await searchResultLinks(page)
        .nth(10)
        .evaluate((link) => link === document.activeElement),
    ).toBe(true);
    expectQuiet(session);
  });

  test('a search sent from the header form on a paper page shows results on the search page', async () => {
    const session = await open();
    const { page } = session;
    await visit(page, base, `papers/${DECOUPLED}/`);

    const form = page.getByRole('banner').getByRole('search');
    await form.getByRole('searchbox', { name: 'Search papers' }).fill('dropout');
    await form.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(`${siteUrl(base)}search/?q=dropout`);
    await expectResults(page, [DROPOUT]);
    expect(await searchBox(page).inputValue()).toBe('dropout');
    expect(await linksOf(searchResultLinks(page))).toEqual([
      { name: titleOf(DROPOUT), href: paperUrl(base, paperBySlug(corpus, DROPOUT)) },
    ]);
    expectSameOriginSearch(session, base);
    expectQuiet(session);
  });

  test('no page requests or references anything outside 127.0.0.1', async () => {
    const session = await open();
    const { page } = session;
    const paths = ['', `topics/${WEIGHT_PENALTIES}/`, `papers/${QUADRATIC}/`, 'search/?q=dropout'];
    for (const path of paths) {
      await visit(page, base, path);
      if (path.startsWith('search/')) await expectResults(page, [DROPOUT]);
      expect(await externalReferences(page), path).toEqual([]);
    }
    expect(session.requests.filter(({ url }) => isExternalUrl(url))).toEqual([]);
    expectQuiet(session);
  });
});

// ---------------------------------------------------------------------------------------------
// Accessibility and narrow screens (the markup is the same under every base)
// ---------------------------------------------------------------------------------------------

describe('accessibility and layout', () => {
  const base: BasePath = '/';

  test.each(['light', 'dark'] as const)(
    'axe finds no WCAG 2.2 A/AA violation at 1280 px in %s mode',
    async (colorScheme) => {
      const session = await open({ width: 1280, colorScheme });
      const { page } = session;
      const pages = [
        '',
        `topics/${WEIGHT_PENALTIES}/`,
        `papers/${DECOUPLED}/`,
        `papers/${QUADRATIC}/`,
        `search/?q=${SHARED_QUERY}`,
      ];
      const found: Record<string, string[]> = {};
      for (const path of pages) {
        await visit(page, base, path);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          colorScheme === 'dark',
        );
        if (path.startsWith('search/')) await expectResults(page, [MIXING, DECOUPLED]);
        found[`/${path}`] = describeViolations(await runAxe(page));
      }
      expect(found).toEqual(Object.fromEntries(pages.map((path) => [`/${path}`, []])));
      expectQuiet(session);
    },
  );

  test('the home, search, topic and every paper page fit a 320 px screen without scrolling sideways', async () => {
    const session = await open({ width: 320 });
    const { page } = session;
    const overflowing: string[] = [];
    const pages = [
      '',
      'search/',
      'topics/',
      'all/',
      ...corpus.papers.map((paper) => `papers/${paper.slug}/`),
    ];
    for (const path of pages) {
      await visit(page, base, path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) overflowing.push(`/${path}: ${width}px`);
    }
    expect(overflowing).toEqual([]);
    expectQuiet(session);
  });
});

// ---------------------------------------------------------------------------------------------
// The citation's copy button and the 404 page
// ---------------------------------------------------------------------------------------------

describe('a paper page and the 404 page', () => {
  test('the copy button puts the BibTeX entry shown on the page on the clipboard', async () => {
    const session = await open();
    const { page } = session;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await visit(page, '/', `papers/${DROPOUT}/`);
    const shown = await page.locator('#cite-bibtex').innerText();
    expect(shown).toContain(paperBySlug(corpus, DROPOUT).data.title);
    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    await expect.poll(() => page.getByRole('button', { name: 'Copied' }).count()).toBe(1);
    expectQuiet(session);
  });

  test('an unknown address under /reading-list/ gets the 404 page with a way home', async () => {
    const session = await open();
    const { page } = session;
    const home = siteUrl('/reading-list/');
    const response = await page.goto(`${home}papers/no-such-paper/`);
    expect(response?.status()).toBe(404);
    expect(await heading1(page)).toBeTruthy();
    // Its links hold the base path, however deep the missing address was.
    const targets = (await linksOf(page.getByRole('link'))).map(({ href }) => href);
    expect(targets).toContain(home);
    expect(session.externalRequests).toEqual([]);
  });
});
