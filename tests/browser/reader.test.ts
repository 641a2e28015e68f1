/**
 * The site as a reader meets it: what a paper page leads with, how every list shows a paper, the
 * home page on a phone, the footer's project links, and the slips readers noticed (raw `$` in
 * titles, "1 upvotes", an invented "0 upvotes", an empty "Listed in", unlabelled arrows).
 *
 * Built from the site corpus plus `tests/fixtures/reader-papers/` (a paper with math in its
 * title, authors, one upvote and no listing), under a sub-path, with a repository address.
 */
import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LIST_PAGE_SIZE } from '../../src/lib/site/pages.ts';
import { CONTENT_DIR, readCorpus, writeFixtureContent, type Corpus } from './fixture-corpus.ts';
import {
  BUILD_ROOT,
  buildSite,
  removeBuilds,
  serveStatic,
  type StaticServer,
} from '../../harness/build-and-serve.ts';
import { launchBrowser } from '../../harness/chromium.ts';
import { newPage, runAxe, type PageOptions } from './pages.ts';

const EXTRA_PAPERS = fileURLToPath(new URL('../fixtures/reader-papers/', import.meta.url));
const BASE = '/reading-list/';
const REPO = 'https://github.com/lab/reading-list';

const MATH = {
  slug: 'w-2-regularized-transport-plans-for-imbalanced-clustering',
  title: 'W$^2$-Regularized Transport Plans for Imbalanced Clustering',
  plain: 'W²-Regularized Transport Plans for Imbalanced Clustering',
};
/** The one newer paper of the math paper's primary topic (optimal transport). */
const NEWER_OT = 'entropic-optimal-transport-with-learned-costs';
/** A paper without author names, from a listing. */
const NO_AUTHORS = 'stochastic-depth-revisited-dropout-noise-in-residual-networks';

let browser: Browser;
let server: StaticServer;
let dist: string;
let corpus: Corpus;
let topicOrder: string[];
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  cleanups.push(removeBuilds);
  // The site corpus and the extra papers, side by side in one content folder.
  const contentDir = path.join(BUILD_ROOT, `reader-corpus-${process.pid}`);
  cleanups.push(() => rm(contentDir, { recursive: true, force: true }));
  await writeFixtureContent(contentDir);
  await cp(EXTRA_PAPERS, path.join(contentDir, 'papers'), {
    recursive: true,
    filter: (source) => !source.endsWith('README.md'),
  });
  dist = await buildSite({ contentDir, base: BASE, env: { REPO_URL: REPO } });
  server = await serveStatic(dist, BASE);
  cleanups.push(() => server.close());
  browser = await launchBrowser();
  cleanups.push(() => browser.close());
  corpus = await readCorpus();
  const taxonomy = load(await readFile(path.join(CONTENT_DIR, 'topics.yaml'), 'utf8')) as {
    topics: { id: string }[];
  };
  topicOrder = taxonomy.topics.map((topic) => topic.id);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function open(route: string, options: PageOptions = {}): Promise<Page> {
  const recorded = await newPage(browser, options);
  cleanups.push(() => recorded.close());
  const response = await recorded.page.goto(`${server.url}${route}`);
  expect(response?.status(), route).toBe(200);
  return recorded.page;
}

/** Top of an element on the page, to check the order in which a reader meets things. */
async function top(locator: Locator): Promise<number> {
  const box = await locator.first().boundingBox();
  if (box === null) throw new Error(`not visible: ${String(locator)}`);
  return box.y;
}

describe('a paper page', () => {
  test('leads with title, authors, date, links and topics, then the abstract, related papers and citations', async () => {
    const page = await open(`papers/${MATH.slug}/`);
    const main = page.getByRole('main');
    const order = [
      await top(main.getByRole('heading', { level: 1 })),
      await top(main.getByText('Ada Example, Grace Placeholder', { exact: true })),
      await top(main.locator('time[datetime="2024-03-01"]')),
      await top(main.getByRole('region', { name: 'Open the paper' }).getByRole('link')),
      await top(main.getByRole('list', { name: 'Topics' })),
      await top(main.getByRole('heading', { name: 'Abstract' })),
      await top(main.getByRole('heading', { name: 'Cite this paper' })),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
  });

  test('renders math in its title in the heading and the tab, and keeps it TeX in BibTeX', async () => {
    const page = await open(`papers/${MATH.slug}/`);
    const heading = page.getByRole('heading', { level: 1 });
    expect(await heading.getByRole('math').count()).toBe(1);
    expect(await heading.innerText()).not.toContain('$');
    expect(await page.title()).toBe(`${MATH.plain} · Regularization reading list`);
    const bibtex = await page.locator('#cite-bibtex').innerText();
    expect(bibtex).toContain(`title = {{${MATH.title}}}`);
    expect(bibtex).not.toContain('textasciicircum');
  });

  test('says author names are missing only when they are', async () => {
    const placeholder = /Author names appear once a contributor adds them/;
    const withAuthors = await open(`papers/${MATH.slug}/`);
    expect(await withAuthors.getByText(placeholder).count()).toBe(0);
    const without = await open(`papers/${NO_AUTHORS}/`);
    expect(await without.getByText(placeholder).count()).toBe(1);
  });

  test('shows no empty "Listed in" for a paper added by hand', async () => {
    const byHand = await open(`papers/${MATH.slug}/`);
    expect(await byHand.getByRole('heading', { name: 'Listed in' }).count()).toBe(0);
    expect(await byHand.getByText(/^Added by hand on /).isVisible()).toBe(true);
    const listed = await open(`papers/${NO_AUTHORS}/`);
    const heading = listed.getByRole('heading', { name: 'Listed in' });
    expect(await heading.count()).toBe(1);
  });

  test('labels its neighbours as newer and older, with the arrow pointing the right way', async () => {
    const page = await open(`papers/${MATH.slug}/`);
    const nav = page.getByRole('navigation', { name: 'More in Optimal transport' });
    const links = nav.getByRole('link');
    expect(await links.count()).toBe(1);
    expect(await links.first().innerText()).toMatch(
      /^Newer in Optimal transport →\s+Entropic Optimal Transport with Learned Costs$/,
    );
    expect(await links.first().getAttribute('href')).toBe(`${BASE}papers/${NEWER_OT}/`);

    const newer = await open(`papers/${NEWER_OT}/`);
    const back = newer.getByRole('navigation', { name: 'More in Optimal transport' });
    expect(await back.getByRole('link').first().innerText()).toMatch(
      /^← Older in Optimal transport/,
    );
  });
});

describe('the lists', () => {
  /** The text of every row of the lists in the main content. */
  async function rows(page: Page): Promise<string[]> {
    return page.getByRole('main').locator('.paper-list > li').allInnerTexts();
  }

  test('/all/ says "1 upvote" and invents no count for a paper without one', async () => {
    const page = await open('all/');
    const texts = await rows(page);
    const papers = corpus.papers.length + 1;
    expect(texts).toHaveLength(papers);
    expect(texts.join('\n')).not.toMatch(/\b1 upvotes\b/);
    const counted = texts.filter((text) => /\b\d+ upvotes?\b/.test(text));
    const withCount = corpus.papers.filter((paper) => paper.data.upvotes !== undefined).length + 1;
    expect(counted).toHaveLength(withCount);
    const row = texts.find((text) => text.startsWith(MATH.plain.slice(0, 1)));
    // The meta line ends with the count; the shortlist's button may follow on a line of its own.
    expect(row).toMatch(
      /Ada Example and Grace Placeholder · 2024 · Optimal transport · 1 upvote$/m,
    );
  });

  test('every row shows a math title rendered, never its dollar signs', async () => {
    for (const route of ['all/', 'all/title/', 'years/2024/', 'topics/optimal-transport/', '']) {
      const page = await open(route);
      const link = page.getByRole('main').locator(`a[href="${BASE}papers/${MATH.slug}/"]`).first();
      expect(await link.getByRole('math').count(), route).toBe(1);
      expect(await link.innerText(), route).not.toContain('$');
    }
  });

  test('gathers undated papers under "No date given" in newest-first lists', async () => {
    const undated = corpus.papers.filter((paper) => paper.data.date === undefined);
    expect(undated.length).toBeGreaterThan(0);
    for (const route of ['all/', 'topics/language-models/']) {
      const page = await open(route);
      const heading = page.getByRole('heading', { name: 'No date given' });
      expect(await heading.count(), route).toBe(1);
      for (const paper of undated.filter(
        (item) => route === 'all/' || item.data.topics.includes('language-models'),
      )) {
        const link = page.getByRole('link', { name: paper.data.title, exact: true });
        expect(await top(link), paper.slug).toBeGreaterThan(await top(heading));
      }
    }
  });

  test('a full list page stays under the 800 elements past which Lighthouse warns', async () => {
    // The fixture has few papers: measure the page around the rows and the largest row, and
    // add up a full page of such rows, as a list of any length shows at most LIST_PAGE_SIZE.
    for (const route of ['all/', 'years/2024/', 'topics/weight-penalties/']) {
      const page = await open(route);
      const { total, rows: perRow } = await page.evaluate(() => ({
        total: document.querySelectorAll('*').length,
        rows: [...document.querySelectorAll('.paper-list > li')].map((row) => ({
          count: row.querySelectorAll('*').length + 1,
          math: row.querySelector('math') !== null,
        })),
      }));
      const chrome = total - perRow.reduce((sum, row) => sum + row.count, 0);
      // Three topics is the most a paper has; the fixture's rows may have fewer. Rows with a
      // formula in the title (a few elements more) are rare enough to leave out of the estimate.
      const plain = perRow.filter((row) => !row.math).map((row) => row.count);
      const fullRow = Math.max(...plain) + (3 - 1);
      expect(chrome + LIST_PAGE_SIZE * fullRow, route).toBeLessThan(800);
    }
  });

  test('"Most upvoted" shows each count, highest first', async () => {
    const page = await open('all/upvotes/');
    const counts = (await rows(page)).flatMap((text) => {
      const match = /\b(\d+) upvotes?\b/.exec(text);
      return match ? [Number(match[1])] : [];
    });
    expect(counts.length).toBeGreaterThan(3);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe('the home page', () => {
  test('lists topics in the curated order of topics.yaml', async () => {
    const page = await open('');
    const hrefs = await page
      .getByRole('main')
      .locator('.topic-card a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    const ids = hrefs.map((href) => href.replace(`${BASE}topics/`, '').replace(/\/$/, ''));
    expect(ids).toEqual(topicOrder);
  });

  test('shows "Recently added" within two screens on a phone', async () => {
    const page = await open('', { width: 390 });
    expect(await top(page.getByRole('heading', { name: 'Recently added' }))).toBeLessThan(1800);
  });

  test('cuts no chart label and charts undated papers apart from the years', async () => {
    const page = await open('', { width: 390 });
    const cut = await page.locator('.chart svg').evaluateAll((charts) =>
      charts.flatMap((chart) => {
        const svg = chart as SVGSVGElement;
        const width = svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].flatMap((text) => {
          const box = text.getBBox();
          return box.x < 0 || box.x + box.width > width ? [text.textContent] : [];
        });
      }),
    );
    expect(cut).toEqual([]);
    const years = page.getByRole('img', { name: /^Papers per year/ });
    expect(await years.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await page.locator('.chart').first().innerText()).not.toContain('No year given');
    const note = page.getByText(/^Not charted: 1 paper listed without a year/);
    expect(await note.isVisible()).toBe(true);
    expect(await note.innerText()).toContain('(see papers by year)');
  });
});

describe('every page', () => {
  test('ends with the project links, the feed and the downloads', async () => {
    const page = await open('topics/');
    const footer = page.getByRole('contentinfo');
    const href = (name: string) =>
      footer.getByRole('link', { name, exact: true }).getAttribute('href');
    expect(await href('Repository')).toBe(REPO);
    expect(await href('Suggest a paper')).toBe(`${REPO}/issues/new?template=suggest-a-paper.yml`);
    expect(await href('Contribute')).toBe(`${REPO}/blob/HEAD/CONTRIBUTING.md`);
    expect(await href('RSS feed')).toBe(`${BASE}feed.xml`);
    expect(await href('papers.json')).toBe(`${BASE}papers.json`);
    expect(await href('BibTeX')).toBe(`${BASE}papers.bib`);
    expect(await href('CSV')).toBe(`${BASE}papers.csv`);
  });

  test('the about page links CONTRIBUTING.md and the issue form, with spaces around code', async () => {
    const page = await open('about/');
    const text = await page.getByRole('main').innerText();
    expect(text).toContain('under content/papers/');
    expect(text).not.toMatch(/\w(content\/papers\/|CONTRIBUTING\.md)/);
    expect(
      await page
        .getByRole('main')
        .getByRole('link', { name: 'CONTRIBUTING.md' })
        .getAttribute('href'),
    ).toBe(`${REPO}/blob/HEAD/CONTRIBUTING.md`);
    expect(text).toMatch(/CC0 1\.0/);
  });

  test('the 404 page names no canonical address of its own', async () => {
    const html = await readFile(path.join(dist, '404.html'), 'utf8');
    expect(html).not.toContain('rel="canonical"');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  test('axe finds nothing on the lists and paper pages, light and dark, phone and desktop', async () => {
    const found: Record<string, string[]> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [390, 1280]) {
        for (const route of ['', 'all/', 'years/2024/', `papers/${MATH.slug}/`]) {
          const page = await open(route, { width, colorScheme });
          const violations = await runAxe(page);
          const key = `${colorScheme} ${width} /${route}`;
          found[key] = violations.map(
            (violation) =>
              `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
          );
        }
      }
    }
    expect(Object.values(found).flat()).toEqual([]);
  });
});
