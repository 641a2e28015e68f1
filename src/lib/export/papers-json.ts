/**
 * The reading list as `papers.json`: every paper's frontmatter, slug, abstract and page address,
 * in slug order, every object's keys sorted, so that two builds of the same papers on the same
 * date are byte for byte the same file.
 */
import { compareText } from '../paper/ordering.ts';
import type { Paper, PaperData } from '../paper/schema.ts';
import { paperPageUrl } from './page-url.ts';

/** The file name the schema is published under, beside `papers.json`. */
export const PAPERS_SCHEMA_FILE = 'papers.schema.json';

/** A paper as published: the importer's bookkeeping (`autoTopics`) is left out. */
export type PaperRecord = Omit<PaperData, 'autoTopics'> & {
  slug: string;
  abstract: string;
  pageUrl: string;
};

export interface PapersJson {
  $schema: string;
  count: number;
  /** The build date: an ISO date-time (from a `Date`) or date (from a string). */
  generated: string;
  papers: PaperRecord[];
}

export interface PapersJsonOptions {
  /** When the site is built; passed in so that output depends on nothing but the arguments. */
  buildDate: Date | string;
  /** The site's address, sub-path included; the schema and the pages are under it. */
  siteUrl: string;
}

/** An object with its keys in code-unit order and its undefined values left out. */
function sortedKeys<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => compareText(a, b)),
  ) as T;
}

/** The frontmatter readers get: everything but the importer's record of automatic topics. */
function publishedFields(data: PaperData): Omit<PaperData, 'autoTopics'> {
  const fields: Partial<PaperData> = { ...data };
  delete fields.autoTopics;
  return fields as Omit<PaperData, 'autoTopics'>;
}

/** One paper as `papers.json` lists it (and the shortlist's per-paper records hold it). */
export function paperRecord({ slug, data, abstract }: Paper, siteUrl: string): PaperRecord {
  return sortedKeys<PaperRecord>({
    ...publishedFields(data),
    slug,
    abstract,
    pageUrl: paperPageUrl(siteUrl, slug),
  });
}

export function papersJson(papers: readonly Paper[], options: PapersJsonOptions): PapersJson {
  const root = options.siteUrl.endsWith('/') ? options.siteUrl : `${options.siteUrl}/`;
  const records = [...papers]
    .sort((a, b) => compareText(a.slug, b.slug))
    .map((paper) => paperRecord(paper, root));
  return sortedKeys({
    $schema: new URL(PAPERS_SCHEMA_FILE, root).href,
    count: records.length,
    generated:
      typeof options.buildDate === 'string' ? options.buildDate : options.buildDate.toISOString(),
    papers: records,
  });
}

/** `papers.json` as text: two-space indentation, ending in a newline. */
export function papersJsonText(papers: readonly Paper[], options: PapersJsonOptions): string {
  return `${JSON.stringify(papersJson(papers, options), null, 2)}\n`;
}
