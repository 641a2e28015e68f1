/**
 * The shortlist's downloads, written in the browser by the modules that write the site's own
 * exports: BibTeX and CSV exactly as the whole list's `papers.bib` and `papers.csv`, RIS and
 * CSL-JSON as the paper pages' citations, one record after another.
 */
import { cslItem } from '../cite/csl.ts';
import { risRecord } from '../cite/ris.ts';
import { paperPageUrl } from '../export/page-url.ts';
import type { PaperRecord } from '../export/papers-json.ts';
import type { Paper, PaperData } from '../schema.ts';
import { listFile } from '../site/exports.ts';

export const SHORTLIST_FORMATS = [
  { id: 'bib', label: 'BibTeX', extension: 'bib', mediaType: 'application/x-bibtex' },
  { id: 'ris', label: 'RIS', extension: 'ris', mediaType: 'application/x-research-info-systems' },
  { id: 'csv', label: 'CSV', extension: 'csv', mediaType: 'text/csv' },
  {
    id: 'csl',
    label: 'CSL-JSON',
    extension: 'json',
    mediaType: 'application/vnd.citationstyles.csl+json',
  },
] as const;

export type ShortlistFormat = (typeof SHORTLIST_FORMATS)[number]['id'];

/** The fields a record adds to the paper file's. */
const RECORD_ONLY = new Set(['slug', 'abstract', 'pageUrl']);

/** A published record (`papers.json`'s shape) as the paper the export modules take. */
export function paperFromRecord(record: PaperRecord): Paper {
  const data = Object.fromEntries(
    Object.entries(record).filter(([key]) => !RECORD_ONLY.has(key)),
  ) as PaperData;
  return { slug: record.slug, abstract: record.abstract, data };
}

/** The file of `papers` in `format`; `siteUrl` is the home page's absolute address. */
export function shortlistFile(
  format: ShortlistFormat,
  papers: readonly Paper[],
  siteUrl: string,
): string {
  const pageUrl = (slug: string): string => paperPageUrl(siteUrl, slug);
  switch (format) {
    case 'bib':
    case 'csv':
      return listFile(format, papers, siteUrl);
    case 'ris':
      return papers.map((paper) => risRecord(paper, pageUrl(paper.slug))).join('');
    case 'csl':
      return `${JSON.stringify(
        papers.map((paper) => cslItem(paper, pageUrl(paper.slug))),
        null,
        2,
      )}\n`;
  }
}
