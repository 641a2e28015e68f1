/** The citation formats a paper page offers, each shown on the page and downloadable. */
import { bibtexFromReference } from './bibtex.ts';
import { cslFromReference } from './csl.ts';
import type { Reference } from './reference.ts';
import { risFromReference } from './ris.ts';

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

/** A paper's citation in one format, ending with a newline; `referenceOf` makes the reference. */
export function citationText(format: CitationFormat, reference: Reference): string {
  switch (format) {
    case 'bibtex':
      return bibtexFromReference(reference);
    case 'ris':
      return risFromReference(reference);
    case 'csl':
      return `${JSON.stringify([cslFromReference(reference)], null, 2)}\n`;
  }
}
