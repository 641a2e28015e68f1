/**
 * Smoke test of the built site in a real browser: the fixture corpus is built at the root and
 * under a sub-path, served on 127.0.0.1, and opened in headless Chromium. Elements are found by
 * role and visible text, never by class names, so restyling the site does not break these tests.
 */
import matter from 'gray-matter';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  buildSite,
  launchBrowser,
  newPage,
  removeBuilds,
  serveStatic,
  type RecordedPage,
  type StaticServer,
} from './harness.ts';

const CORPUS = fileURLToPath(new URL('../fixtures/site-corpus/', import.meta.url));

/** The fixture paper whose title and abstract carry HTML that must stay text. */
const HOSTILE = {
  slug: 'script-alert-1-a-hostile-title-for-escaping-tests',
  title: '<script>alert(1)</script> A Hostile Title for Escaping Tests',
  abstractText: 'and so must <img src=x onerror=alert(1)> and [a link](javascript:alert(1))',
};

/** A plain fixture paper, and the math one. */
const DROPOUT = {
  slug: 'stochastic-depth-revisited-dropout-noise-in-residual-networks',
  title: 'Stochastic Depth Revisited: Dropout Noise in Residual Networks',
  abstractText: 'Dropping whole residual blocks during training acts as a strong regularizer',
};
const MATH_SLUG = 'quadratic-penalties-and-the-geometry-of-overparameterized-models';

/** Every fixture paper's title, read from the corpus itself. */
async function fixtureTitles(): Promise<string[]> {
  const dir = path.join(CORPUS, 'papers');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md'));
  const files = await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')));
  return files.map((text) => String(matter(text).data.title));
}

let browser: Browser;
let atRoot: StaticServer;
let atSubPath: StaticServer;
let titles: string[];
/** What afterAll undoes, latest first; filled as beforeAll and the tests create things. */
const cleanups: (() => Promise<unknown>)[] = [];

/** A new recorded page, closed in afterAll so a failing test still cleans up. */
async function open(): Promise<RecordedPage> {
  const recorded = await newPage(browser, { width: 1280, colorScheme: 'light' });
  cleanups.push(() => recorded.close());
  return recorded;
}

beforeAll(async () => {
  cleanups.push(removeBuilds);
  browser = await launchBrowser();
  cleanups.push(() => browser.close());
  // buildSite runs one build at a time; asking for both at once just queues the second.
  const [rootDir, subPathDir] = await Promise.all([
    buildSite({ contentDir: CORPUS, base: '/' }),
    buildSite({ contentDir: CORPUS, base: '/reading-list/' }),
  ]);
  titles = await fixtureTitles();
  atRoot = await serveStatic(rootDir, '/');
  cleanups.push(() => atRoot.close());
  atSubPath = await serveStatic(subPathDir, '/reading-list/');
  cleanups.push(() => atSubPath.close());
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('the site built from the fixture corpus', () => {
  test('home page loads and lists paper titles that lead to their pages', async () => {
    const { page, externalRequests, consoleErrors } = await open();
    const response = await page.goto(atRoot.url);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBeTruthy();

    const linkNames = await page.getByRole('link').allInnerTexts();
    const listed = titles.filter((title) => linkNames.some((name) => name.trim() === title));
    expect(listed.length).toBeGreaterThan(0);

    const [first = ''] = listed;
    const link = page.getByRole('link', { name: first, exact: true }).first();
    const target = await link.evaluate((element) => (element as HTMLAnchorElement).href);
    await link.click();
    // Waiting for the new address, so the heading read next is the paper page's, not the home's.
    await page.waitForURL(target);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(first);
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('a paper page shows its title and abstract, with math rendered', async () => {
    const { page, externalRequests, consoleErrors } = await open();
    const response = await page.goto(`${atRoot.url}papers/${DROPOUT.slug}/`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(DROPOUT.title);
    await expect(page.getByText(DROPOUT.abstractText).isVisible()).resolves.toBe(true);

    await page.goto(`${atRoot.url}papers/${MATH_SLUG}/`);
    // `$x^2$` becomes MathML (role math), not dollar signs on the page.
    expect(await page.getByRole('math').count()).toBeGreaterThan(0);
    expect(await page.getByRole('main').innerText()).not.toContain('$x^2$');
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('HTML in a title or abstract is shown as text and never runs', async () => {
    const { page, externalRequests, consoleErrors, dialogs } = await open();
    const response = await page.goto(`${atRoot.url}papers/${HOSTILE.slug}/`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(HOSTILE.title);
    await expect(page.getByText(HOSTILE.abstractText).isVisible()).resolves.toBe(true);
    await expect(page.title()).resolves.toContain(HOSTILE.title);

    // No element was made from the text: no injected image, script or javascript: link.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    // Structured data (JSON-LD) is not run by browsers; it may quote the title, escaped.
    const scripts = await page
      .locator('script:not([type="application/ld+json"])')
      .allTextContents();
    expect(scripts.filter((text) => text.includes('alert(1)'))).toEqual([]);
    const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(jsonLd.filter((text) => text.includes('</script'))).toEqual([]);
    expect(jsonLd.map((text) => (JSON.parse(text) as { headline: string }).headline)).toEqual([
      HOSTILE.title,
    ]);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);

    expect(dialogs).toEqual([]);
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('the copy button puts the BibTeX entry shown on the page on the clipboard', async () => {
    const { page, consoleErrors } = await open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${atRoot.url}papers/${DROPOUT.slug}/`);
    const shown = await page.locator('#cite-bibtex').innerText();
    expect(shown).toContain(DROPOUT.title);
    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    await expect.poll(() => page.getByRole('button', { name: 'Copied' }).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  test('the Content-Security-Policy blocks an injected inline script', async () => {
    const { page, consoleErrors } = await open();
    await page.goto(`${atRoot.url}papers/${HOSTILE.slug}/`);
    const policy = await page
      .locator('meta[http-equiv="content-security-policy"]')
      .getAttribute('content');
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // What an attacker's markup would do if it ever reached the page: the browser refuses it.
    await expect(page.addScriptTag({ content: 'window.injected = true;' })).rejects.toThrow(
      /Content Security Policy/,
    );
    await expect(page.evaluate(() => 'injected' in window)).resolves.toBe(false);
    expect(consoleErrors.join('\n')).toMatch(/Content Security Policy/);
  });

  test('under /reading-list/ every internal link on the home page resolves', async () => {
    const { page, externalRequests, consoleErrors } = await open();
    const response = await page.goto(atSubPath.url);
    expect(response?.status()).toBe(200);

    // `href` as the browser resolved it, so relative links are checked as a reader follows them.
    const hrefs = await page
      .locator('a[href]')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    const origin = new URL(atSubPath.url).origin;
    const internal = new Set<string>();
    for (const href of hrefs) {
      const url = new URL(href);
      url.hash = '';
      if (url.origin === origin) internal.add(url.href);
    }
    expect(internal.size).toBeGreaterThan(1);

    const broken: string[] = [];
    for (const href of internal) {
      // A link that leaves the base path would 404 on the real host, even if it works at the root.
      if (!href.startsWith(atSubPath.url)) broken.push(`${href}: outside the base path`);
      else {
        // Redirects are not followed: every link should name the page's final address.
        const { status } = await fetch(href, { redirect: 'manual' });
        if (status !== 200) broken.push(`${href}: ${status}`);
      }
    }
    expect(broken).toEqual([]);
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('an unknown address under /reading-list/ gets the 404 page with a way home', async () => {
    const { page, externalRequests } = await open();
    const response = await page.goto(`${atSubPath.url}papers/no-such-paper/`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBeTruthy();
    const targets = await page
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(targets).toContain(atSubPath.url);
    expect(externalRequests).toEqual([]);
  });
});
