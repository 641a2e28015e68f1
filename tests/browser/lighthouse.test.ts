/**
 * Lighthouse on a build of the fixture corpus served by real nginx with `deploy/nginx.conf`: one
 * page of each kind a reader opens, once each with the mobile preset. Only what is stable on a
 * busy machine is asserted: accessibility, best practices and SEO at 100, and a layout shift
 * below 0.02. The performance score depends on the machine's load and belongs in the table of
 * `npm run audit`, not here.
 */
import type { LaunchedChrome } from 'chrome-launcher';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  auditPages,
  launchChromium,
  runLighthouse,
  type AuditPage,
} from '../../audit/lighthouse.ts';
import { startServer, type RunningServer } from '../../audit/servers.ts';
import { fixtureSite } from '../helpers/fixture-sites.ts';

const BASE = '/';
/** What the search page is asked, in the audit as here: the fixture corpus has a dropout paper. */
const QUERY = 'dropout';
/** Lighthouse's "good" limit is 0.1; the site holds itself to a fifth of that. */
const MAX_LAYOUT_SHIFT = 0.02;

let server: RunningServer;
let chrome: LaunchedChrome;
let pages: AuditPage[];

beforeAll(async () => {
  const dist = await fixtureSite(BASE);
  pages = await auditPages(dist, QUERY);
  server = await startServer('nginx', dist, BASE);
  chrome = await launchChromium();
});

afterAll(async () => {
  chrome.kill();
  await server.close();
});

type Result = Awaited<ReturnType<typeof runLighthouse>>;

/** The kinds of page every build has; the audit may find more (the shortlist at /list/). */
const KINDS = ['home', 'topic', 'paper', 'all', 'year', 'search', `search "${QUERY}"`];

const results = new Map<string, Promise<Result>>();

/** Lighthouse's result for a page, run once however many tests look at it. */
function lighthouseOf(name: string): Promise<Result> {
  let result = results.get(name);
  if (result === undefined) {
    const page = pages.find((candidate) => candidate.name === name);
    if (page === undefined) throw new Error(`no ${name} page to audit`);
    result = runLighthouse(new URL(page.path, server.url).href, 'mobile', chrome.port, {
      categories: ['accessibility', 'best-practices', 'seo'],
      audits: ['cumulative-layout-shift'],
    });
    results.set(name, result);
  }
  return result;
}

/** A category's score (0–100), with the failing audits as the message that says what to fix. */
async function score(name: string, category: string): Promise<[score: number, failing: string]> {
  const { lhr } = await lighthouseOf(name);
  const failing = (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit?.score !== null && (audit?.score ?? 0) < 1)
    .map((audit) => `${audit?.id ?? ''}: ${audit?.title ?? ''}`);
  return [Math.round((lhr.categories[category]?.score ?? 0) * 100), failing.join('\n')];
}

async function expectFullMarks(name: string): Promise<void> {
  for (const category of ['accessibility', 'best-practices', 'seo']) {
    const [value, failing] = await score(name, category);
    expect(value, `${category} of ${name}:\n${failing}`).toBe(100);
  }
}

async function layoutShift(name: string): Promise<number> {
  const value = (await lighthouseOf(name)).lhr.audits['cumulative-layout-shift']?.numericValue;
  if (value === undefined) throw new Error(`Lighthouse measured no layout shift on ${name}`);
  return value;
}

describe('Lighthouse, mobile, through nginx with deploy/nginx.conf', () => {
  test('finds one page of each kind to audit', () => {
    expect(pages.map(({ name }) => name)).toEqual(expect.arrayContaining(KINDS));
  });

  test.each(KINDS)('%s: accessibility, best practices and SEO at 100', async (name) => {
    await expectFullMarks(name);
  });

  test.each(KINDS)('%s: layout shift below 0.02', async (name) => {
    expect(await layoutShift(name)).toBeLessThan(MAX_LAYOUT_SHIFT);
  });

  test('every other page the audit finds: 100 in the three categories, no layout shift', async () => {
    for (const { name } of pages.filter((page) => !KINDS.includes(page.name))) {
      await expectFullMarks(name);
      expect(await layoutShift(name), name).toBeLessThan(MAX_LAYOUT_SHIFT);
    }
  });
});
