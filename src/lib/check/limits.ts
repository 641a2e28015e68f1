/**
 * Size and plausibility limits on a paper that passed the schema: what a pull request may not
 * contain even when every field has the right type. A 5 MB abstract makes a 15 MB page and a
 * BibTeX entry too large for citation managers; `added: 2999-01-01` keeps a paper first in
 * "Recently added" and every feed for ever; `Feb 30` is no day. Pure: data and text in, problems
 * out.
 */
import { fieldLine } from '../paper/paper-file.ts';
import type { PaperData } from '../paper/schema.ts';
import type { Problem } from '../problems/problem.ts';

/** The limits, in characters (code points) and years. */
export const LIMITS = {
  /** arXiv allows 1,920 characters; the longest abstract in the list has 1,914. */
  abstract: 5_000,
  /** The longest title in the list has 132 characters. */
  title: 300,
  notes: 1_000,
  venue: 200,
  author: 200,
  authors: 5_000,
  firstYear: 1900,
} as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Days per month when the year is unknown: February may have a 29th. */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why a `dateText` such as `Mar 6` is no day of any year, or undefined when it is one. */
export function dateTextProblem(value: string): string | undefined {
  const [month = '', day = ''] = value.split(' ');
  const index = MONTHS.indexOf(month);
  if (index < 0) return `"${month}" is not a month (write Jan, Feb, Mar … Dec)`;
  const days = MONTH_DAYS[index] ?? 31;
  const number = Number(day);
  if (!Number.isInteger(number) || number < 1 || number > days)
    return `${month} has no day ${day} (${month} has ${days} days)`;
  return undefined;
}

/** Characters as a reader counts them: code points, not UTF-16 units. */
function length(text: string): number {
  return Array.from(text).length;
}

/** Problems of a paper's values against the limits; `today` is `YYYY-MM-DD`. */
export function limitProblems(
  data: Partial<PaperData>,
  abstract: string,
  abstractLine: number,
  text: string,
  file: string,
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  const at = (field: string, line: number, message: string, hint: string): void => {
    problems.push({ file, line, field, message, hint });
  };
  const tooLong = (field: string, value: string, limit: number, line: number): void => {
    const size = length(value);
    if (size > limit)
      at(
        field,
        line,
        `${size.toLocaleString('en')} characters, more than the limit of ${limit.toLocaleString('en')}`,
        field === 'abstract'
          ? 'paste the abstract as published, without the paper body'
          : `shorten it to at most ${limit.toLocaleString('en')} characters`,
      );
  };
  if (data.title !== undefined)
    tooLong('title', data.title, LIMITS.title, fieldLine(text, 'title'));
  tooLong('abstract', abstract, LIMITS.abstract, abstractLine);
  if (data.notes !== undefined)
    tooLong('notes', data.notes, LIMITS.notes, fieldLine(text, 'notes'));
  if (data.venue !== undefined)
    tooLong('venue', data.venue, LIMITS.venue, fieldLine(text, 'venue'));
  if (data.authors !== undefined) {
    const line = fieldLine(text, 'authors');
    if (data.authors.length > LIMITS.authors)
      at(
        'authors',
        line,
        `${data.authors.length} names, more than the limit of ${LIMITS.authors}`,
        'list the authors as published; give authorCount alone for a very large collaboration',
      );
    const long = data.authors.find((name) => length(name) > LIMITS.author);
    if (long !== undefined) tooLong('authors', long, LIMITS.author, line);
  }
  const lastYear = Number(today.slice(0, 4)) + 1;
  if (data.date !== undefined) {
    const year = Number(data.date.slice(0, 4));
    if (year < LIMITS.firstYear || year > lastYear)
      at(
        'date',
        fieldLine(text, 'date'),
        `the year ${year} is outside ${LIMITS.firstYear} to ${lastYear}`,
        'give the publication date as YYYY-MM-DD',
      );
  }
  if (
    data.added !== undefined &&
    (data.added > today || Number(data.added.slice(0, 4)) < LIMITS.firstYear)
  )
    at(
      'added',
      fieldLine(text, 'added'),
      data.added > today
        ? `"${data.added}" is in the future (today is ${today})`
        : `the year ${data.added.slice(0, 4)} is before ${LIMITS.firstYear}`,
      'write the day the paper joins the list, usually today',
    );
  if (data.dateText !== undefined) {
    const problem = dateTextProblem(data.dateText);
    if (problem !== undefined)
      at(
        'dateText',
        fieldLine(text, 'dateText'),
        problem,
        'write the month and day as printed, such as "Mar 6"',
      );
  }
  return problems;
}

/** Names Windows reserves for devices: a file `nul.md` or `con.md` cannot be checked out there. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Whether a file name's stem (before the first dot) is a name Windows reserves. */
export function isWindowsReserved(name: string): boolean {
  return WINDOWS_RESERVED.test(name.split('.', 1)[0] ?? '');
}
