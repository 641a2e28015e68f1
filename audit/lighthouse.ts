/**
 * Lighthouse on the built site: which pages to audit, running Lighthouse in the system Chromium
 * (the one the browser tests use, with their flags), the median of several runs and the table
 * `npm run audit` prints. The site is served by a real server with the shipped configuration
 * (audit/servers.ts), so the headers Lighthouse sees are the ones a host sends.
 */
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags, type RunnerResult } from 'lighthouse';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CHROMIUM_ARGS, systemChromium } from '../harness/chromium.ts';

export type Preset = 'mobile' | 'desktop';

/** One page to audit: a name for the table and its path below the site's root. */
export interface AuditPage {
  name: string;
  path: string;
}

/** The four category scores (0–100) and the lab metrics of one audit. */
export interface AuditScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** First and largest contentful paint and total blocking time, in milliseconds. */
  fcp: number;
  lcp: number;
  tbt: number;
  /** Cumulative layout shift, unitless. */
  cls: number;
}

export interface AuditRow {
  page: AuditPage;
  preset: Preset;
  /** The median of every field over the runs, each taken on its own. */
  median: AuditScores;
  runs: AuditScores[];
  /** What kept a category below 100, as `category: audit (k of n runs)`, most frequent first. */
  shortfalls: string[];
}

/** The largest `index.html` directly inside a folder's subfolders: that kind's heaviest page. */
async function largestPage(dist: string, folder: string): Promise<string | undefined> {
  const dir = path.join(dist, folder);
  if (!existsSync(dir)) return undefined;
  let best: { name: string; size: number } | undefined;
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const file = path.join(dir, entry.name, 'index.html');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const { size } = await stat(file);
    if (best === undefined || size > best.size) best = { name: entry.name, size };
  }
  return best && `${folder}/${best.name}/`;
}

/**
 * The pages a reader opens, one of each kind: home, the largest topic, paper and year pages (the
 * heaviest of their kind), the list of all papers, the search page empty and with `query`, and
 * `/list/` when the build has one. Fails when the build lacks a kind of page, so a renamed route
 * cannot silently drop out of the audit.
 */
export async function auditPages(dist: string, query: string): Promise<AuditPage[]> {
  const required = async (name: string, folder: string): Promise<AuditPage> => {
    const found = await largestPage(dist, folder);
    if (found === undefined) throw new Error(`${dist} has no ${name} page under ${folder}/`);
    return { name, path: found };
  };
  const pages: AuditPage[] = [
    { name: 'home', path: '' },
    await required('topic', 'topics'),
    await required('paper', 'papers'),
    { name: 'all', path: 'all/' },
    await required('year', 'years'),
    { name: 'search', path: 'search/' },
    { name: `search "${query}"`, path: `search/?q=${encodeURIComponent(query)}` },
  ];
  if (existsSync(path.join(dist, 'list', 'index.html')))
    pages.push({ name: 'list', path: 'list/' });
  for (const page of pages) {
    const file = path.join(dist, page.path.replace(/\?.*$/, ''), 'index.html');
    if (!existsSync(file)) throw new Error(`${dist} has no ${page.name} page (${file})`);
  }
  return pages;
}

/**
 * Starts the system Chromium for Lighthouse, with the browser tests' flags; `acceptTestCertificate`
 * lets it load a local HTTPS server whose certificate was made for the run.
 */
export async function launchChromium(acceptTestCertificate = false): Promise<LaunchedChrome> {
  const chromePath = systemChromium();
  if (chromePath === undefined) {
    throw new Error(
      "Lighthouse needs a system Chromium: install Debian's chromium (/usr/bin/chromium) or set " +
        'CHROMIUM_PATH.',
    );
  }
  const chromeFlags = [
    ...CHROMIUM_ARGS,
    ...(acceptTestCertificate ? ['--ignore-certificate-errors'] : []),
  ];
  return launch({ chromePath, chromeFlags, logLevel: 'error' });
}

const percent = (score: number | null | undefined): number => Math.round((score ?? 0) * 100);

/** The scores and metrics of one Lighthouse result. */
export function scoresOf(result: RunnerResult): AuditScores {
  const { categories, audits } = result.lhr;
  const metric = (id: string): number => {
    const value = audits[id]?.numericValue;
    if (value === undefined) throw new Error(`Lighthouse reported no ${id}`);
    return value;
  };
  return {
    performance: percent(categories.performance?.score),
    accessibility: percent(categories.accessibility?.score),
    bestPractices: percent(categories['best-practices']?.score),
    seo: percent(categories.seo?.score),
    fcp: metric('first-contentful-paint'),
    lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
  };
}

/**
 * The audits that cost a category points in one run, as `category: audit id`: scored audits that
 * did not pass, in categories below 100. The table's reader sees a 96 and learns why.
 */
export function shortfallsOf(result: RunnerResult): string[] {
  const { categories, audits } = result.lhr;
  return Object.entries(categories).flatMap(([id, category]) =>
    (category.score ?? 0) >= 1
      ? []
      : category.auditRefs
          .filter(({ id: audit, weight }) => weight > 0 && (audits[audit]?.score ?? 1) < 1)
          .map(({ id: audit }) => `${id}: ${audit}`),
  );
}

/** Each shortfall of several runs once, with the number of runs it occurred in. */
export function countShortfalls(runs: readonly (readonly string[])[]): string[] {
  const counts = new Map<string, number>();
  for (const run of runs) {
    for (const shortfall of new Set(run)) counts.set(shortfall, (counts.get(shortfall) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([shortfall, count]) => `${shortfall} (${count} of ${runs.length} runs)`);
}

/** The four categories Lighthouse scores. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/**
 * Runs Lighthouse once on `url` in the Chromium listening on `port`: all four categories, or only
 * the categories and audits named in `only` (a test skips what it does not assert, which halves
 * the time of a run).
 */
export async function runLighthouse(
  url: string,
  preset: Preset,
  port: number,
  only?: { categories: readonly string[]; audits?: readonly string[] },
): Promise<RunnerResult> {
  const flags: Flags = {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...(only?.categories ?? CATEGORIES)],
    ...(only?.audits === undefined ? {} : { onlyAudits: [...only.audits] }),
    // Nothing looks at the screenshots; leaving them out saves time on every run.
    disableFullPageScreenshot: true,
  };
  // Lighthouse's default configuration is its mobile preset.
  const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
  if (result === undefined) throw new Error(`Lighthouse returned nothing for ${url}`);
  const error = result.lhr.runtimeError;
  if (error !== undefined) {
    throw new Error(`Lighthouse failed on ${url}: ${error.code} ${error.message}`);
  }
  return result;
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Every field's median over the runs. */
export function medianScores(runs: readonly AuditScores[]): AuditScores {
  const of = (field: keyof AuditScores) => median(runs.map((run) => run[field]));
  return {
    performance: of('performance'),
    accessibility: of('accessibility'),
    bestPractices: of('bestPractices'),
    seo: of('seo'),
    fcp: of('fcp'),
    lcp: of('lcp'),
    tbt: of('tbt'),
    cls: of('cls'),
  };
}

/**
 * Audits every page with every preset, `runs` times each, at `siteUrl` (the served site's root),
 * reporting each finished row to `onRow`.
 */
export async function auditSite(options: {
  siteUrl: string;
  pages: readonly AuditPage[];
  presets: readonly Preset[];
  runs: number;
  onRow?: (row: AuditRow) => void;
}): Promise<AuditRow[]> {
  const chrome = await launchChromium(options.siteUrl.startsWith('https:'));
  const rows: AuditRow[] = [];
  try {
    for (const preset of options.presets) {
      for (const page of options.pages) {
        const url = new URL(page.path, options.siteUrl).href;
        const runs: AuditScores[] = [];
        const shortfalls: string[][] = [];
        for (let run = 0; run < options.runs; run += 1) {
          const result = await runLighthouse(url, preset, chrome.port);
          runs.push(scoresOf(result));
          shortfalls.push(shortfallsOf(result));
        }
        const row = {
          page,
          preset,
          median: medianScores(runs),
          runs,
          shortfalls: countShortfalls(shortfalls),
        };
        rows.push(row);
        options.onRow?.(row);
      }
    }
  } finally {
    chrome.kill();
  }
  return rows;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/**
 * The audit as a Markdown table: one row per page and preset, medians of the runs; then, for any
 * row with a category below 100 in some run, the audits that cost it points.
 */
export function formatTable(rows: readonly AuditRow[]): string {
  const header = [
    '| page | preset | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |',
    '| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: |',
  ];
  const lines = rows.map(({ page, preset, median: m }) =>
    [
      '',
      ` ${page.name} (/${page.path}) `,
      ` ${preset} `,
      ` ${m.performance} `,
      ` ${m.accessibility} `,
      ` ${m.bestPractices} `,
      ` ${m.seo} `,
      ` ${seconds(m.fcp)} `,
      ` ${seconds(m.lcp)} `,
      ` ${Math.round(m.tbt)} ms `,
      ` ${m.cls.toFixed(3)} `,
      '',
    ].join('|'),
  );
  const below = rows
    .filter(({ shortfalls }) => shortfalls.length > 0)
    .map(({ page, preset, shortfalls }) => `- ${preset} ${page.name}: ${shortfalls.join('; ')}`);
  const table = `${[...header, ...lines].join('\n')}\n`;
  return below.length === 0 ? table : `${table}\nBelow 100 in some run:\n\n${below.join('\n')}\n`;
}
