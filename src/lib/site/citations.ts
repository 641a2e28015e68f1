/** The citation formats a paper page offers, each shown on the page and downloadable. */
import { bibtexEntry } from '../cite/bibtex.ts';
import { cslItem } from '../cite/csl.ts';
import { risRecord } from '../cite/ris.ts';
import type { Paper } from '../schema.ts';

export const CITATION_FORMATS = [
  {
    id: 'bibtex',
    label: 'BibTeX',
    extension: 'bib',
    mediaType: 'application/x-bibtex; charset=utf-8',
  },
  {
    id: 'ris',
    label: 'RIS',
    extension: 'ris',
    mediaType: 'application/x-research-info-systems; charset=utf-8',
  },
  {
    id: 'csl',
    label: 'CSL-JSON',
    extension: 'json',
    mediaType: 'application/vnd.citationstyles.csl+json; charset=utf-8',
  },
] as const;

export type CitationFormat = (typeof CITATION_FORMATS)[number]['id'];

/** The citation of a paper in one format, ending with a newline. */
export function citationText(format: CitationFormat, paper: Paper, pageUrl: string): string {
  switch (format) {
    case 'bibtex':
      return bibtexEntry(paper, pageUrl);
    case 'ris':
      return risRecord(paper, pageUrl);
    case 'csl':
      return `${JSON.stringify([cslItem(paper, pageUrl)], null, 2)}\n`;
  }
}
