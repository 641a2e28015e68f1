/** The downloadable lists: where they live and how they are served. */
import { bibliography } from '../cite/bibtex.ts';
import { papersCsv } from './csv.ts';
import { paperPageUrl } from './page-url.ts';
import type { Paper } from '../paper/schema.ts';

/** BibTeX and CSV of a list of papers, the files linked from the home and topic pages. */
export const LIST_FORMATS = [
  { extension: 'bib', label: 'BibTeX', mediaType: 'application/x-bibtex; charset=utf-8' },
  { extension: 'csv', label: 'CSV', mediaType: 'text/csv; charset=utf-8' },
] as const;

export type ListFormat = (typeof LIST_FORMATS)[number]['extension'];

/**
 * The file of a list of papers in one format. `siteUrl` is the home page's absolute address;
 * `keys` the citation keys of the whole list, so a topic's file cites each paper as the site does.
 */
export function listFile(
  format: ListFormat,
  papers: readonly Paper[],
  siteUrl: string,
  keys?: ReadonlyMap<string, string>,
): string {
  return format === 'bib'
    ? bibliography(papers, (slug) => paperPageUrl(siteUrl, slug), keys)
    : papersCsv(papers, siteUrl);
}
