/**
 * The reading list as a CSV file (RFC 4180) for spreadsheets and scripts: one row per paper in
 * slug order, a header row, every record ending in LF — line breaks inside an abstract are LF
 * too, so the file uses one kind of line ending throughout.
 *
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and some strip a
 * leading tab or carriage return first), so a title such as `=HYPERLINK("http://x", "Open")` would
 * become a live link or worse. As OWASP's "CSV Injection" page recommends, such a field is quoted
 * and starts with an apostrophe, which spreadsheets read as "this cell is text" and do not show.
 */
import { compareText } from '../paper/ordering.ts';
import { safeText } from '../paper/safe-text.ts';
import { REFERENCE_FIELDS } from '../paper/fields.ts';
import type { Paper } from '../paper/schema.ts';
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
  ...REFERENCE_FIELDS,
  'added',
  'page_url',
  'abstract',
] as const;

/** Separates the names in `authors` and the ids in `topics` (names may hold commas). */
export const LIST_SEPARATOR = '; ';

/**
 * What a field may not start with: a spreadsheet would read it as a formula. A carriage return
 * has become a line feed by the time this is tested.
 */
const FORMULA_START = /^[=+\-@\t\n]/;

/**
 * A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds `,`, `"` or a break;
 * quoted and behind an apostrophe when it starts like a formula (see above). Characters no text
 * file should hold (src/lib/paper/safe-text.ts) are dropped.
 */
export function csvField(value: string): string {
  const text = safeText(value).replace(/\r\n?/g, '\n');
  if (FORMULA_START.test(text)) return `"'${text.replaceAll('"', '""')}"`;
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
