/**
 * The search-quality benchmark: queries written from the abstracts of the real list, each naming
 * the paper a reader typing it wants (bench/search-queries.yaml), run through the built search
 * page in a headless browser exactly as a reader types them into the address bar. It reports how
 * often the paper is near the top and how often a query shows nothing at all.
 *
 * The page is driven, not Pagefind alone, so the figures are those of what a reader sees: query
 * handling, relaxation, vocabulary and typo correction included.
 */
import { load } from 'js-yaml';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { waitForSearch } from './search.ts';

/** One query and the paper (file name without `.md`) it should find. */
export interface QualityQuery {
  query: string;
  paper: string;
}

const querySchema = z.strictObject({
  query: z.string().trim().min(1),
  paper: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
});

const setSchema = z.strictObject({
  keyword: z.array(querySchema).min(1),
  paraphrase: z.array(querySchema).min(1),
  typo: z.array(querySchema).default([]),
});

export type QualitySets = z.output<typeof setSchema>;
export type QualitySetName = keyof QualitySets;

/** How deep in the results each set's target must be. */
export const QUALITY_DEPTH: Readonly<Record<QualitySetName, number>> = {
  keyword: 3,
  paraphrase: 5,
  typo: 5,
};

/** Reads the query sets; `file` names the file in errors. */
export function parseQualitySets(text: string, file: string): QualitySets {
  const parsed = setSchema.safeParse(load(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** What one query showed: the paper's rank among the results (1-based), and how many results. */
export interface QueryOutcome extends QualityQuery {
  set: QualitySetName;
  /** Position of the paper in the results shown, or null when it is not among them. */
  rank: number | null;
  /** Results shown on the first page. */
  shown: number;
  /** The status line the page announced. */
  status: string;
}

/** How long a single query may take before the benchmark gives up on it. */
const QUERY_TIMEOUT_MS = 60_000;

/** Opens `search/?q=…` on the site at `siteUrl` and reads what the page shows once it is done. */
export async function runQuery(
  page: Page,
  siteUrl: string,
  query: QualityQuery,
  set: QualitySetName,
): Promise<QueryOutcome> {
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query.query)}`);
  await waitForSearch(page, QUERY_TIMEOUT_MS);
  const { hrefs, status } = await page.evaluate(() => ({
    hrefs: [...document.querySelectorAll('[data-search-results] > li h2 a')].map(
      (link) => (link as HTMLAnchorElement).pathname,
    ),
    status: document.querySelector('[data-search-status]')?.textContent.trim() ?? '',
  }));
  const index = hrefs.findIndex((href) => href.endsWith(`/papers/${query.paper}/`));
  return { ...query, set, rank: index < 0 ? null : index + 1, shown: hrefs.length, status };
}

/** Runs every query of every set, one after the other, in one page. */
export async function runQualitySets(
  page: Page,
  siteUrl: string,
  sets: QualitySets,
): Promise<QueryOutcome[]> {
  const outcomes: QueryOutcome[] = [];
  for (const set of Object.keys(QUALITY_DEPTH) as QualitySetName[]) {
    for (const query of sets[set]) outcomes.push(await runQuery(page, siteUrl, query, set));
  }
  return outcomes;
}

/** A set's figures: hits within its depth, queries with no result at all, and the total. */
export interface QualitySummary {
  set: QualitySetName;
  depth: number;
  hits: number;
  zeroResults: number;
  total: number;
}

export function summarizeQuality(outcomes: readonly QueryOutcome[]): QualitySummary[] {
  return (Object.keys(QUALITY_DEPTH) as QualitySetName[]).map((set) => {
    const depth = QUALITY_DEPTH[set];
    const ofSet = outcomes.filter((outcome) => outcome.set === set);
    return {
      set,
      depth,
      hits: ofSet.filter((outcome) => outcome.rank !== null && outcome.rank <= depth).length,
      zeroResults: ofSet.filter((outcome) => outcome.shown === 0).length,
      total: ofSet.length,
    };
  });
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((100 * part) / whole)} %`;
}

/** The figures as a Markdown table, then every query that missed, with what the page said. */
export function renderQuality(outcomes: readonly QueryOutcome[]): string {
  const rows = summarizeQuality(outcomes).map(
    (summary) =>
      `| ${summary.set} | top ${summary.depth} | ${summary.hits} / ${summary.total} (${percent(summary.hits, summary.total)}) | ${summary.zeroResults} (${percent(summary.zeroResults, summary.total)}) |`,
  );
  const misses = outcomes
    .filter((outcome) => outcome.rank === null || outcome.rank > QUALITY_DEPTH[outcome.set])
    .map(
      (outcome) =>
        `- ${outcome.set} \`${outcome.query}\`: ${outcome.rank === null ? 'not shown' : `rank ${outcome.rank}`} (${outcome.status})`,
    );
  return [
    '| set | target within | hits | zero results |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    ...(misses.length === 0 ? ['Every query found its paper.'] : ['Misses:', '', ...misses]),
    '',
  ].join('\n');
}
