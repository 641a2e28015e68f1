/**
 * The shortlist's downloads, written in the browser by the modules that write the site's own
 * exports: BibTeX and CSV exactly as the whole list's `papers.bib` and `papers.csv`, RIS and
 * CSL-JSON as the paper pages' citations, one record after another.
 */
import { cslFromReference } from '../cite/csl.ts';
import { citationKeys, referenceOf } from '../cite/reference.ts';
import { risFromReference } from '../cite/ris.ts';
import { paperPageUrl } from './page-url.ts';
import type { PaperRecord } from './papers-json.ts';
import type { Paper, PaperData } from '../paper/schema.ts';
import { listFile } from './lists.ts';

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

/** A paper's published record: its entry in `papers.json` and its citation key on the site. */
export type ShortlistRecord = PaperRecord & { citationKey: string };

/** The fields a record adds to the paper file's. */
const RECORD_ONLY = new Set(['slug', 'abstract', 'pageUrl', 'citationKey']);

/** A published record as the paper the export modules take. */
export function paperFromRecord(record: PaperRecord): Paper {
  const data = Object.fromEntries(
    Object.entries(record).filter(([key]) => !RECORD_ONLY.has(key)),
  ) as PaperData;
  return { slug: record.slug, abstract: record.abstract, data };
}

/**
 * The file of `papers` in `format`; `siteUrl` is the home page's absolute address, `keys` the
 * papers' citation keys on the site (unique across the whole list), by slug.
 */
export function shortlistFile(
  format: ShortlistFormat,
  papers: readonly Paper[],
  siteUrl: string,
  keys: ReadonlyMap<string, string> = citationKeys(papers),
): string {
  const reference = (paper: Paper) =>
    referenceOf(paper, paperPageUrl(siteUrl, paper.slug), keys.get(paper.slug));
  switch (format) {
    case 'bib':
    case 'csv':
      return listFile(format, papers, siteUrl, keys);
    case 'ris':
      return papers.map((paper) => risFromReference(reference(paper))).join('');
    case 'csl':
      return `${JSON.stringify(
        papers.map((paper) => cslFromReference(reference(paper))),
        null,
        2,
      )}\n`;
  }
}
