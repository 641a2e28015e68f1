/**
 * The reading list as a CSV file (RFC 4180) for spreadsheets and scripts: one row per paper in
 * slug order, a header row, every record ending in LF — line breaks inside an abstract are LF
 * too, so the file uses one kind of line ending throughout.
 */
import { compareText } from '../ordering.ts';
import type { Paper } from '../schema.ts';
import { paperPageUrl } from './page-url.ts';

export const CSV_COLUMNS = [
  'slug',
  'title',
  'date',
  'dateText',
  'year',
  'authorCount',
  'authors',
  'upvotes',
  'upvotesOn',
  'topics',
  'arxiv',
  'arxivCategory',
  'doi',
  'url',
  'code',
  'projectPage',
  'venue',
  'added',
  'page_url',
  'abstract',
] as const;

/** Separates the names in `authors` and the ids in `topics` (names may hold commas). */
export const LIST_SEPARATOR = '; ';

/** A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds `,`, `"` or a break. */
export function csvField(value: string): string {
  const text = value.replace(/\r\n?/g, '\n');
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function row(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** The CSV file of `papers`; `siteUrl` is the site's address, for each paper's `page_url`. */
export function papersCsv(papers: readonly Paper[], siteUrl: string): string {
  const sorted = [...papers].sort((a, b) => compareText(a.slug, b.slug));
  const optional = (value: string | number | undefined): string =>
    value === undefined ? '' : String(value);
  const lines = sorted.map(({ slug, data, abstract }) =>
    row([
      slug,
      data.title,
      optional(data.date),
      optional(data.dateText),
      optional(data.date?.slice(0, 4)),
      optional(data.authorCount),
      (data.authors ?? []).join(LIST_SEPARATOR),
      optional(data.upvotes),
      optional(data.upvotesOn),
      data.topics.join(LIST_SEPARATOR),
      optional(data.arxiv),
      optional(data.arxivCategory),
      optional(data.doi),
      optional(data.url),
      optional(data.code),
      optional(data.projectPage),
      optional(data.venue),
      data.added,
      paperPageUrl(siteUrl, slug),
      abstract,
    ]),
  );
  return row(CSV_COLUMNS) + lines.join('');
}
