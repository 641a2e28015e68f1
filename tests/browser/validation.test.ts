/**
 * The built site under validators and hostile content: the fixture corpus (which holds a paper
 * whose title and abstract carry HTML) is built at `/` and at `/reading-list/`; every page must
 * pass html-validate with the repository's `.htmlvalidate.json`, every internal link and asset a
 * page names must resolve (linkinator, crawling the served site), the hostile paper's page must
 * show its markup as text, run nothing, report no error and request nothing outside the site, and
 * the Content-Security-Policy must stop a script that reached a page all the same.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData, type Message } from 'html-validate';
import { LinkChecker, LinkState } from 'linkinator';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type StaticServer } from '../../harness/build-and-serve.ts';
import { launchBrowser } from '../../harness/chromium.ts';
import { FIXTURE_BASES, fixtureSite, serveFixtureSites } from '../helpers/fixture-sites.ts';
import { newPage, searchResultLinks } from './pages.ts';

const BASES = FIXTURE_BASES;

/** The fixture paper whose title and abstract carry markup that must stay text. */
const HOSTILE = {
  slug: 'script-alert-1-a-hostile-title-for-escaping-tests',
  title: '<script>alert(1)</script> A Hostile Title for Escaping Tests',
  abstractText: 'and so must <img src=x onerror=alert(1)> and [a link](javascript:alert(1))',
};

/**
 * Problems found in pages this test file does not own, reported to their owners. Each is left
 * out of the "no errors" check and has its own `it.fails` test below, which starts failing (and
 * so asks for the entry to be removed) the day the page is fixed.
 */

interface BuiltSite {
  dir: string;
  server: StaticServer;
}

const sites = new Map<string, BuiltSite>();
let browser: Browser;
let validator: HtmlValidate;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  const config = JSON.parse(
    await readFile(path.join(REPO_ROOT, '.htmlvalidate.json'), 'utf8'),
  ) as ConfigData;
  validator = new HtmlValidate(new StaticConfigLoader(config));
  for (const [base, server] of await serveFixtureSites(BASES, cleanups)) {
    sites.set(base, { dir: await fixtureSite(base), server });
  }
  browser = await launchBrowser();
  cleanups.push(() => browser.close());
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function site(base: string): BuiltSite {
  const built = sites.get(base);
  if (built === undefined) throw new Error(`no site built at ${base}`);
  return built;
}

/** Every `.html` file under a folder, relative to it, with `/` separators. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** html-validate's messages for one built page. */
async function validate(dir: string, file: string): Promise<Message[]> {
  const report = await validator.validateFile(path.join(dir, file));
  return report.results.flatMap((result) => result.messages);
}

describe.each(BASES)('the fixture corpus built at %s', (base) => {
  it('has no page that html-validate finds an error in', async () => {
    const { dir } = site(base);
    const files = await htmlFiles(dir);
    // Home, about, search, 404, topics, years, three orders of all papers, the reader's list and thirteen papers.
    expect(files.length).toBeGreaterThan(30);
    expect(files).toContain(`papers/${HOSTILE.slug}/index.html`);
    const errors: string[] = [];
    for (const file of files) {
      for (const message of await validate(dir, file)) {
        errors.push(
          `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
        );
      }
    }
    expect(errors).toEqual([]);
  });

  it('has no broken internal link, image, stylesheet, script or fragment, from the home page on', async () => {
    const { server } = site(base);
    const origin = new URL(server.url).origin;
    const checker = new LinkChecker();
    const result = await checker.check({
      path: server.url,
      recurse: true,
      checkCss: true,
      checkFragments: true,
      // A link that only works through a redirect names a page's address wrongly.
      redirects: 'error',
      concurrency: 8,
      timeout: 10_000,
      // Other hosts are not the site's to check, and the network may be closed.
      linksToSkip: (link) => Promise.resolve(!link.startsWith(origin)),
    });
    const checked = result.links.filter((link) => link.state !== LinkState.SKIPPED);
    const broken = checked
      .filter((link) => link.state === LinkState.BROKEN)
      .map((link) => `${link.url} (${String(link.status)}) on ${link.parent ?? 'the start page'}`);
    expect(broken).toEqual([]);
    // It crawled the whole site, the hostile paper's page and an asset under the base included.
    const urls = checked.map((link) => link.url);
    expect(urls).toContain(`${server.url}papers/${HOSTILE.slug}/`);
    expect(urls.some((url) => url.startsWith(`${server.url}_astro/`))).toBe(true);
    expect(checked.length).toBeGreaterThan(50);
  });

  it('shows the hostile paper with its markup as text, running nothing and requesting nothing outside', async () => {
    const recorded = await newPage(browser);
    cleanups.push(() => recorded.close());
    const { page, dialogs, consoleErrors, externalRequests } = recorded;
    const response = await page.goto(`${site(base).server.url}papers/${HOSTILE.slug}/`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(HOSTILE.title);
    await expect(page.getByText(HOSTILE.abstractText).isVisible()).resolves.toBe(true);
    await expect(page.title()).resolves.toContain(HOSTILE.title);
    // Scripts that did run would have opened a dialog, added an element or logged an error.
    await expect(
      page.evaluate(
        () => document.querySelectorAll('img[src="x"], [onerror], a[href^="javascript:"]').length,
      ),
    ).resolves.toBe(0);
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
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });
});

describe('searching for the hostile paper', () => {
  it('lists it with its markup as text, running nothing and requesting nothing outside', async () => {
    const recorded = await newPage(browser);
    cleanups.push(() => recorded.close());
    const { page, dialogs, consoleErrors, externalRequests } = recorded;
    await page.goto(`${site('/reading-list/').server.url}search/?q=hostile`);
    // Results are made in the browser from Pagefind's index: the title comes back as text.
    await expect
      .poll(() => searchResultLinks(page).allInnerTexts(), { timeout: 15_000 })
      .toEqual([HOSTILE.title]);
    await expect(
      page.evaluate(() => document.querySelectorAll('img[src="x"], [onerror]').length),
    ).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });
});

describe('the Content-Security-Policy', () => {
  it('blocks an inline script injected into a page', async () => {
    const recorded = await newPage(browser);
    cleanups.push(() => recorded.close());
    const { page, consoleErrors } = recorded;
    await page.goto(`${site('/').server.url}papers/${HOSTILE.slug}/`);
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
});
