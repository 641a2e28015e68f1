/**
 * What the browser tests do with a page of the site under test: open it in a fresh context that
 * records (and blocks) requests to other hosts, console errors and dialogs; run axe-core in it;
 * find the search page's results. Building, serving and the browser itself come from
 * harness/build-and-serve.ts and harness/chromium.ts. See tests/browser/README.md.
 */
import type { AxeResults, Result, RunOptions } from 'axe-core';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { LOCAL_HOST } from '../../harness/build-and-serve.ts';

const require = createRequire(import.meta.url);

export interface PageOptions {
  /** Viewport width in CSS pixels (the height is 900). */
  width?: number;
  colorScheme?: 'light' | 'dark';
}

/** A page in its own browser context, with what it did that a test may want to forbid. */
export interface RecordedPage {
  page: Page;
  /** Every request or WebSocket URL for a host other than 127.0.0.1; each was blocked. */
  externalRequests: string[];
  /** console.error messages and uncaught exceptions. */
  consoleErrors: string[];
  /** alert, confirm and prompt dialogs the page opened (each is dismissed). */
  dialogs: string[];
  close(): Promise<void>;
}

/** Whether a URL leaves the test machine's server: data:, blob: and about: URLs do not. */
export function isExternalUrl(url: string): boolean {
  const parsed = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return false;
  return parsed.hostname !== LOCAL_HOST;
}

/**
 * Opens a page in a fresh browser context (no shared cookies or storage between tests) and records
 * requests to other hosts, console errors and dialogs. Requests to other hosts are also blocked,
 * so a test never depends on, or leaks to, the outside network.
 */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<RecordedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const externalRequests: string[] = [];
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  context.on('request', (request) => {
    if (isExternalUrl(request.url())) externalRequests.push(request.url());
  });
  await context.route(
    (url) => isExternalUrl(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  page.on('websocket', (socket) => {
    if (isExternalUrl(socket.url())) externalRequests.push(socket.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    // The page may already be closing; a dismissed dialog is all that matters.
    dialog.dismiss().catch(() => undefined);
  });
  return { page, externalRequests, consoleErrors, dialogs, close: () => context.close() };
}

// ---------------------------------------------------------------------------------------------
// Accessibility
// ---------------------------------------------------------------------------------------------

/** axe-core rule tags for WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS: readonly string[] = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22aa',
];

let axeSource: Promise<string> | undefined;

/** axe-core's minified browser build, read once from the installed package. */
function readAxeSource(): Promise<string> {
  const entry = require.resolve('axe-core');
  axeSource ??= readFile(path.join(path.dirname(entry), 'axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Runs axe-core in the page and returns its WCAG 2 A/AA violations (empty when none). The script
 * comes from the local package, never fetched, and is evaluated through the DevTools protocol: the
 * site's Content-Security-Policy rightly forbids inline scripts, so a script tag would be blocked.
 */
export async function runAxe(page: Page): Promise<Result[]> {
  await page.evaluate(await readAxeSource());
  const options: RunOptions = {
    runOnly: { type: 'tag', values: [...WCAG_TAGS] },
    resultTypes: ['violations'],
  };
  return page.evaluate(async (runOptions) => {
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: RunOptions): Promise<AxeResults> };
    };
    const results = await axe.run(document, runOptions);
    return results.violations;
  }, options);
}

/** The search page's results: the items of the list named Results. */
export function searchResultItems(page: Page): Locator {
  return page.getByRole('list', { name: 'Results' }).locator(':scope > li');
}

/** Each search result's title link. */
export function searchResultLinks(page: Page): Locator {
  return searchResultItems(page).getByRole('heading').getByRole('link');
}
