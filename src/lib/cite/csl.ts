/**
 * CSL-JSON items for papers: the data format of citeproc, Pandoc and Zotero.
 *
 * Only fields and types from the CSL 1.0.2 data schema are used: `paper-conference` and
 * `article-journal` when the venue says so, else `article` (a preprint, or a paper published
 * somewhere the venue name does not identify).
 */
import type { Paper } from '../paper/schema.ts';
import { referenceOf, type Reference } from './reference.ts';

/** A name as CSL-JSON holds it. */
export type CslName = { family: string; given: string; suffix?: string } | { literal: string };

export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'article' | 'article-journal' | 'paper-conference';
  title: string;
  author?: CslName[];
  /** Year, month and day, from the paper's date. */
  issued?: { 'date-parts': [[number, number, number]] };
  'container-title'?: string;
  /** For a preprint: the archive and its identifier. */
  publisher?: string;
  number?: string;
  note?: string;
  DOI?: string;
  URL: string;
  abstract?: string;
}

const TYPE = {
  conference: 'paper-conference',
  journal: 'article-journal',
  other: 'article',
} as const satisfies Record<string, CslItem['type']>;

/** The CSL-JSON item of one reference. */
export function cslFromReference(reference: Reference): CslItem {
  const item: CslItem = {
    id: reference.key,
    'citation-key': reference.key,
    type: reference.venue === undefined ? 'article' : TYPE[reference.venue.kind],
    title: reference.title,
    URL: reference.url,
  };
  if (reference.authors.length > 0) item.author = reference.authors.map((name) => ({ ...name }));
  if (reference.issued !== undefined) {
    const { year, month, day } = reference.issued;
    item.issued = { 'date-parts': [[year, month, day]] };
  }
  if (reference.venue !== undefined) {
    item['container-title'] = reference.venue.name;
  } else if (reference.arxiv !== undefined) {
    // How Zotero and arXiv describe a preprint in CSL.
    item.publisher = 'arXiv';
    item.number = `arXiv:${reference.arxiv}`;
  }
  if (reference.authorNote !== undefined) item.note = reference.authorNote;
  if (reference.doi !== undefined) item.DOI = reference.doi;
  if (reference.abstract !== '') item.abstract = reference.abstract;
  return item;
}

/** The CSL-JSON item of `paper`, whose page on this site is at `pageUrl`. */
export function cslItem(paper: Paper, pageUrl: string): CslItem {
  return cslFromReference(referenceOf(paper, pageUrl));
}
