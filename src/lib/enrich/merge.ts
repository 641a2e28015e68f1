/**
 * Filling a paper with what the sources confirmed, without losing anything: a value already in
 * the file, typed by a person or written by an earlier run, is never replaced. The one exception
 * is the upvote count, which is the index's own figure: a newer reading replaces an older one, and
 * `upvotesOn` records the day it was read.
 */
import { MONTHS } from '../paper/dates.ts';
import { REFERENCE_FIELDS } from '../paper/fields.ts';
import type { PaperData } from '../paper/schema.ts';

/** What the sources confirmed about a paper; each value only when a source gave it. */
export interface Findings {
  arxiv?: string | undefined;
  arxivCategory?: string | undefined;
  authors?: string[] | undefined;
  /** `YYYY-MM-DD` of the first version. */
  date?: string | undefined;
  upvotes?: { count: number; read: string } | undefined;
  code?: string | undefined;
  projectPage?: string | undefined;
  doi?: string | undefined;
  venue?: string | undefined;
  url?: string | undefined;
}

export interface FillResult {
  data: PaperData;
  /** The fields that changed, in the order of the file. */
  filled: string[];
  /** What was found but not written, and why. */
  notes: string[];
}

/** `2019-03-06` → `Mar 6`, as a listing prints a date without its year. */
function monthDay(date: string): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1] ?? ''} ${Number(date.slice(8, 10))}`;
}

/** Filled when the paper lacks them: a source's findings have every reference field. */
const SIMPLE_FIELDS = REFERENCE_FIELDS satisfies readonly (keyof Findings & keyof PaperData)[];

export function fillPaper(original: PaperData, found: Findings): FillResult {
  const data: PaperData = { ...original };
  const filled: string[] = [];
  const notes: string[] = [];

  const authors = found.authors;
  if (data.authors === undefined && authors !== undefined && authors.length > 0) {
    if (data.authorCount !== undefined && data.authorCount !== authors.length) {
      notes.push(
        `authors not written: the sources name ${authors.length}, the file says authorCount ${data.authorCount}`,
      );
    } else {
      data.authors = [...authors];
      filled.push('authors');
      if (data.authorCount === undefined) {
        data.authorCount = authors.length;
        filled.push('authorCount');
      }
    }
  }

  if (data.date === undefined && found.date !== undefined) {
    if (data.dateText === undefined) {
      data.date = found.date;
      filled.push('date');
    } else if (monthDay(found.date) === data.dateText) {
      // The full date says what `dateText` says, and its year too; one file never has both.
      data.date = found.date;
      delete data.dateText;
      filled.push('date', 'dateText');
    } else {
      notes.push(
        `date not written: the sources give ${found.date}, the listing printed ${data.dateText}`,
      );
    }
  }

  const upvotes = found.upvotes;
  if (
    upvotes !== undefined &&
    (data.upvotesOn === undefined || upvotes.read > data.upvotesOn) &&
    (data.upvotes !== upvotes.count || data.upvotesOn !== upvotes.read)
  ) {
    if (data.upvotes !== upvotes.count) filled.push('upvotes');
    data.upvotes = upvotes.count;
    data.upvotesOn = upvotes.read;
    filled.push('upvotesOn');
  }

  for (const field of SIMPLE_FIELDS) {
    const value = found[field];
    if (data[field] === undefined && value !== undefined) {
      data[field] = value;
      filled.push(field);
    }
  }
  return { data, filled, notes };
}
