/**
 * Parsers for the four listing layouts (see `content/sources/README.md`). The layout is
 * recognised from the content; anything a parser does not recognise is an error with its line.
 */
import { LISTING_DATE, parseListingDate } from '../paper/dates.ts';
import { splitTitleAndAbstract } from './split-title.ts';
import { cleanLine } from './text.ts';
import { ProblemError } from '../problems/problem.ts';
import type { LayoutId, Listing, ListingEntry } from './types.ts';

/** Lines a search page prints around its results. */
const FURNITURE = new Set([
  'new',
  'Get trending papers in your email inbox!',
  'Get trending papers in your email inbox once a day!',
  'Subscribe',
  'Daily Papers',
  'byAK and the research community',
]);

const AUTHORS_LINE = /^•\s*(\d+) authors?$/;
const DATE_LINE =
  /^((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}(?:, \d{4})?)(?: (\d+))?$/;
// `s`: the text may hold U+2028 and U+2029, which `.` would not match without it.
const ONE_LINE_ENTRY =
  /^(-|\d+) (.+?) (\d+) authors? · ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}(?:, \d{4})?)(?: (\d+))?$/s;

/** Longest title line we accept; anything longer is an abstract standing where a title should. */
const MAX_TITLE_LENGTH = 300;

interface Line {
  /** 1-based line number. */
  number: number;
  text: string;
}

/** Options for parsing. */
export interface ParseOptions {
  /** Year for dates printed without one (`Mar 6`); without it such dates stay text. */
  year?: number;
  /**
   * Finds the title of a one-line entry from titles printed on their own line elsewhere.
   * Given the run-together text, returns the title it starts with, if known.
   */
  knownTitle?: (text: string) => string | undefined;
}

function isFurniture(text: string): boolean {
  return FURNITURE.has(text) || LISTING_DATE.test(text);
}

function toLines(text: string): Line[] {
  return text.split('\n').map((raw, index) => ({ number: index + 1, text: cleanLine(raw) }));
}

/** Index of the first line after the page furniture at the top. */
function skipFurniture(lines: readonly Line[]): number {
  let index = 0;
  // Stryker disable next-line EqualityOperator: one step past the end reads no line and returns past the end, where slice gives the same empty rest
  while (index < lines.length) {
    // Stryker disable next-line StringLiteral: the loop bound keeps the line defined, so the fallback is never read
    const text = lines[index]?.text ?? '';
    if (text !== '' && !isFurniture(text)) break;
    index += 1;
  }
  return index;
}

/** Bad listing input, at its line; the importer names the file. */
function listingProblem(line: number, message: string, hint: string): ProblemError {
  return new ProblemError({ line, message, hint });
}

/** Recognises the layout of a listing from its content. */
export function detectLayout(text: string): LayoutId {
  const lines = toLines(text);
  const start = skipFurniture(lines);
  // Stryker disable next-line MethodExpression,ConditionalExpression,StringLiteral: body[0] is never blank (skipFurniture stops at text) and the author and entry tests below never match a blank line, so keeping blank lines changes nothing
  const body = lines.slice(start).filter((line) => line.text !== '');
  const first = body[0];
  if (first === undefined) {
    throw listingProblem(
      lines.length,
      'no paper entries found (the file is empty or holds only page furniture)',
      'paste the listing of a search results page, entries included',
    );
  }
  const hasAuthorLines = body.some((line) => AUTHORS_LINE.test(line.text));
  // Any whole one-line entry marks the layout, so a cut-off first entry is reported where it is.
  if (!hasAuthorLines && body.some((line) => ONE_LINE_ENTRY.test(line.text))) return 'one-per-line';
  if (hasAuthorLines) return 'blocks';
  if (/^Subscribe\S/.test(first.text)) return 'title-abstract-lines';
  // The two layouts left have no mark on their entries: any text of alternating lines would
  // pass for one (/etc/passwd read as twelve papers). The search page's header vouches for them.
  if (!lines.slice(0, start).some((line) => line.text !== '')) {
    throw listingProblem(
      first.number,
      'unrecognised layout: no entry marked as a listing\'s ("• N authors", a one-line entry) and no header of a Daily Papers search page ("Get trending papers…", "Subscribe")',
      'save the search page as text from its very top, header included; content/sources/README.md shows the four layouts',
    );
  }
  const afterFirst = lines[first.number];
  return afterFirst?.text === '' ? 'paragraphs' : 'title-abstract-lines';
}

function checkTitle(line: Line): string {
  // A search page's furniture where a title should be: a second dump was pasted below the first.
  if (isFurniture(line.text)) {
    throw listingProblem(
      line.number,
      `expected a title line, found the page furniture "${line.text}"`,
      'a second search page seems to start here; save each listing as a file of its own',
    );
  }
  if (line.text.length > MAX_TITLE_LENGTH) {
    throw listingProblem(
      line.number,
      `expected a title line, found ${line.text.length} characters of text`,
      'an abstract seems to have no title before it; add the title on its own line above it',
    );
  }
  return line.text;
}

function missing(line: number, what: string, hint: string): never {
  throw listingProblem(line, `expected ${what}`, hint);
}

function withDate(
  entry: ListingEntry,
  printed: string,
  line: number,
  options: ParseOptions,
): ListingEntry {
  const parsed = parseListingDate(printed, options.year);
  if (parsed === undefined)
    missing(line, `a real date, found "${printed}"`, 'write the date as Jun 11, 2024');
  return { ...entry, ...parsed };
}

function parseBlocks(lines: readonly Line[], options: ParseOptions): ListingEntry[] {
  const body = lines.slice(skipFurniture(lines)).filter((line) => line.text !== '');
  const entries: ListingEntry[] = [];
  const hint = 'each entry is a title, its abstract, "• N authors", "·" and a date, as on the page';
  // Stryker disable next-line EqualityOperator: one step past the end finds no title and breaks
  for (let index = 0; index < body.length; index += 5) {
    const [title, abstract, authors, dot, date] = body.slice(index, index + 5);
    if (title === undefined) break;
    const last = body.at(-1)?.number ?? title.number;
    if (AUTHORS_LINE.test(title.text) || title.text === '·' || DATE_LINE.test(title.text)) {
      missing(title.number, `a title line, found "${title.text}"`, hint);
    }
    checkTitle(title);
    if (abstract === undefined || AUTHORS_LINE.test(abstract.text)) {
      missing(abstract?.number ?? last, `the abstract of "${title.text}"`, hint);
    }
    const authorsMatch = authors === undefined ? null : AUTHORS_LINE.exec(authors.text);
    if (authors === undefined || authorsMatch === null) {
      missing(authors?.number ?? last, `"• N authors" after the abstract of "${title.text}"`, hint);
    }
    if (dot?.text !== '·') missing(dot?.number ?? last, 'a line "·" after the author count', hint);
    const dateMatch = date === undefined ? null : DATE_LINE.exec(date.text);
    if (date === undefined || dateMatch === null) {
      missing(
        date?.number ?? last,
        `a date such as "Jun 11, 2024" after the "·" line of "${title.text}"`,
        hint,
      );
    }
    // Stryker disable next-line StringLiteral: the date group always takes part in a match, so the default is never used
    const [, printedDate = '', count] = dateMatch;
    const entry: ListingEntry = {
      title: checkTitle(title),
      abstract: abstract.text,
      line: title.number,
      authorCount: Number(authorsMatch[1]),
      ...(count === undefined ? {} : { upvotes: Number(count) }),
    };
    entries.push(withDate(entry, printedDate, date.number, options));
  }
  return entries;
}

function parseOnePerLine(lines: readonly Line[], options: ParseOptions): ListingEntry[] {
  const entries: ListingEntry[] = [];
  for (const line of lines.slice(skipFurniture(lines))) {
    if (line.text === '') continue;
    const match = ONE_LINE_ENTRY.exec(line.text);
    if (match === null) {
      missing(
        line.number,
        'an entry "UPVOTES TITLE ABSTRACT N authors · Mon D, YYYY" on one line',
        'one-line listings hold one paper per line; is the line cut off, or from another layout?',
      );
    }
    // Stryker disable next-line StringLiteral: these groups always take part in a match, so the defaults are never used
    const [, upvotes = '-', printed = '', authorCount = '', printedDate = '', comments] = match;
    // Extra spaces around the title and abstract (`5  Title Abstract  3 authors`) are not text.
    const text = printed.trim();
    // A known title with nothing after it: the abstract is missing (`7 Title  3 authors · …`).
    if (options.knownTitle?.(`${text} `) === text) {
      missing(
        line.number,
        `an abstract after the title "${text}"`,
        'the entry is cut off; add its abstract',
      );
    }
    const candidate = options.knownTitle?.(text);
    const known =
      candidate !== undefined && text.startsWith(`${candidate} `) ? candidate : undefined;
    const split =
      known === undefined
        ? splitTitleAndAbstract(text)
        : { title: known, abstract: text.slice(known.length + 1) };
    if (split === undefined) {
      missing(
        line.number,
        'a title followed by an abstract',
        'no word reads as the start of an abstract; add the paper with its title on its own line instead',
      );
    }
    const entry: ListingEntry = {
      title: split.title.trim(),
      abstract: split.abstract.trim(),
      line: line.number,
      authorCount: Number(authorCount),
      upvotes: upvotes === '-' ? 0 : Number(upvotes),
      ...(comments === undefined ? {} : { comments: Number(comments) }),
      titleSplit: known === undefined ? 'rule' : 'known',
    };
    entries.push(withDate(entry, printedDate, line.number, options));
  }
  return entries;
}

function pairsToEntries(pairs: readonly Line[]): ListingEntry[] {
  const entries: ListingEntry[] = [];
  // Stryker disable next-line EqualityOperator: one step past the end finds no title and breaks
  for (let index = 0; index < pairs.length; index += 2) {
    const title = pairs[index];
    const abstract = pairs[index + 1];
    if (title === undefined) break;
    if (abstract === undefined) {
      missing(
        title.number,
        `an abstract after the title "${title.text}"`,
        'the entry is cut off; add its abstract',
      );
    }
    entries.push({ title: checkTitle(title), abstract: abstract.text, line: title.number });
  }
  return entries;
}

function parseParagraphs(lines: readonly Line[]): ListingEntry[] {
  const start = skipFurniture(lines);
  const paragraphs: Line[] = [];
  for (const line of lines.slice(start)) {
    if (line.text === '') continue;
    const previous = lines[line.number - 2];
    if (previous !== undefined && previous.text !== '' && line.number - 1 > start) {
      missing(
        line.number,
        'a blank line between a title and its abstract',
        'this listing separates every title and abstract by a blank line; a line break may have split a paragraph',
      );
    }
    paragraphs.push(line);
  }
  return pairsToEntries(paragraphs);
}

function parseTitleAbstractLines(lines: readonly Line[]): ListingEntry[] {
  const start = skipFurniture(lines);
  const body = lines
    .slice(start)
    .map((line, index) =>
      index === 0 ? { ...line, text: line.text.replace(/^Subscribe(?=\S)/, '') } : line,
    );
  const lastText = body.findLastIndex((line) => line.text !== '');
  const blank = body.slice(0, lastText).find((line) => line.text === '');
  if (blank !== undefined) {
    missing(
      blank.number,
      'a title or abstract line (this layout has no blank lines between entries)',
      'remove the blank line, or check whether two listings were pasted into one file',
    );
  }
  return pairsToEntries(body.filter((line) => line.text !== ''));
}

/**
 * Parses a listing of any of the four layouts; `layout` is the one `detectLayout` recognised, for
 * a caller that needed it first.
 */
export function parseListing(
  text: string,
  options: ParseOptions = {},
  layout: LayoutId = detectLayout(text),
): Listing {
  const lines = toLines(text);
  switch (layout) {
    case 'blocks':
      return { layout, entries: parseBlocks(lines, options) };
    case 'one-per-line':
      return { layout, entries: parseOnePerLine(lines, options) };
    case 'paragraphs':
      return { layout, entries: parseParagraphs(lines) };
    case 'title-abstract-lines':
      return { layout, entries: parseTitleAbstractLines(lines) };
  }
}
