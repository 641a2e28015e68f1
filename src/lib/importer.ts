/**
 * The import as a pure function: listing texts and the papers already in the list go in, the
 * files to write and a summary come out. It only adds papers and fills empty fields, so a
 * curator's edits survive every re-import; unchanged papers produce no write at all.
 */
import { parseListingDate } from './dates.ts';
import { detectLayout, parseListing } from './listing/parse.ts';
import { ListingError, type LayoutId, type ListingEntry } from './listing/types.ts';
import { serializePaper } from './paper-file.ts';
import type { PaperData } from './schema.ts';
import { slugify, titleKey, uniqueSlug } from './slug.ts';

/** A listing file to import: its name (as recorded in `sources`) and decoded text. */
export interface SourceFile {
  name: string;
  text: string;
}

/** A paper already in the list. */
export interface ExistingPaper {
  slug: string;
  /** The file's text as it is on disk, to tell whether anything changed. */
  text: string;
  data: PaperData;
  abstract: string;
}

export interface ImportOptions {
  /** Year for listing dates printed without one. */
  year?: number;
  /** `added` date for papers from a listing whose file name does not start with a date. */
  today: string;
}

/** What happened to one listing file. */
export interface FileSummary {
  file: string;
  layout: LayoutId;
  /** Entries read from the file. */
  entries: number;
  /** Papers this file brought into the list. */
  newPapers: number;
  /** Entries whose paper was already in the list before this import. */
  alreadyPresent: number;
  /** Entries that repeated a paper seen earlier in this import and were merged into it. */
  duplicatesMerged: number;
  /** Entries whose title was split from the abstract by the rule rather than by another listing. */
  titlesByRule: number;
  warnings: string[];
}

export interface PlannedWrite {
  slug: string;
  text: string;
  status: 'new' | 'updated';
}

export interface ImportPlan {
  writes: PlannedWrite[];
  /** Papers that matched the import and needed no change. */
  unchanged: number;
  summaries: FileSummary[];
}

/** Bad input for the import, located in a file. */
export class ImportError extends Error {
  readonly file: string;
  readonly line: number;
  readonly hint: string;

  constructor(file: string, line: number, message: string, hint: string) {
    super(message);
    this.name = 'ImportError';
    this.file = file;
    this.line = line;
    this.hint = hint;
  }

  /** `file:line: message (hint)`. */
  format(): string {
    return `${this.file}:${this.line}: ${this.message} (${this.hint})`;
  }
}

/** The date a listing was captured, from a file name such as `2026-11-22-hf-papers-blocks.txt`. */
export function sourceDate(name: string, fallback: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})-/.exec(name);
  if (!match) return fallback;
  const [, year = '', month = '', day = ''] = match;
  const printed = `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(month) - 1] ?? ''} ${Number(day)}, ${year}`;
  return parseListingDate(printed) === undefined ? fallback : `${year}-${month}-${day}`;
}

/** Finds titles printed on their own line at the start of run-together one-line text. */
class KnownTitles {
  readonly #byFirstWord = new Map<string, string[]>();

  add(title: string): void {
    const first = title.split(' ', 1)[0] ?? '';
    const list = this.#byFirstWord.get(first) ?? [];
    if (!list.includes(title)) list.push(title);
    this.#byFirstWord.set(first, list);
  }

  /** The longest known title that `text` starts with, followed by a space. */
  find(text: string): string | undefined {
    const first = text.split(' ', 1)[0] ?? '';
    let best: string | undefined;
    for (const title of this.#byFirstWord.get(first) ?? []) {
      if (text.startsWith(`${title} `) && title.length > (best?.length ?? 0)) best = title;
    }
    return best;
  }
}

interface Occurrence {
  file: string;
  entry: ListingEntry;
}

/** One paper of this import: where it goes and every listing entry that named it. */
interface PaperRecord {
  slug: string;
  existing: ExistingPaper | undefined;
  occurrences: Occurrence[];
}

type MergedField = 'date' | 'dateText' | 'authorCount' | 'upvotes' | 'comments';
const MERGED_FIELDS: readonly MergedField[] = [
  'date',
  'dateText',
  'authorCount',
  'upvotes',
  'comments',
];

function parseAll(
  sources: readonly SourceFile[],
  existing: readonly ExistingPaper[],
  options: ImportOptions,
) {
  const known = new KnownTitles();
  for (const paper of existing) known.add(paper.data.title);
  const layouts = new Map<string, LayoutId>();
  const parsed = new Map<string, ListingEntry[]>();
  const parse = (source: SourceFile, withKnownTitles: boolean): void => {
    try {
      const listing = parseListing(source.text, {
        ...(options.year === undefined ? {} : { year: options.year }),
        ...(withKnownTitles ? { knownTitle: (text: string) => known.find(text) } : {}),
      });
      layouts.set(source.name, listing.layout);
      parsed.set(source.name, listing.entries);
      for (const entry of listing.entries)
        if (entry.titleSplit === undefined) known.add(entry.title);
    } catch (error) {
      if (error instanceof ListingError)
        throw new ImportError(source.name, error.line, error.message, error.hint);
      throw error;
    }
  };
  // Listings that print titles on their own line go first, so one-line entries can use their titles.
  const detected = sources.map((source) => {
    try {
      return { source, layout: detectLayout(source.text) };
    } catch (error) {
      if (error instanceof ListingError)
        throw new ImportError(source.name, error.line, error.message, error.hint);
      throw error;
    }
  });
  for (const { source, layout } of detected) if (layout !== 'one-per-line') parse(source, false);
  for (const { source, layout } of detected) if (layout === 'one-per-line') parse(source, true);
  return { layouts, parsed };
}

function describeConflict(field: string, kept: unknown, other: unknown, where: string): string {
  return `${where}: ${field} ${JSON.stringify(other)} differs from ${JSON.stringify(kept)} given earlier (kept ${JSON.stringify(kept)})`;
}

/** The frontmatter of a paper new to the list, merged from every entry that named it. */
function newPaperData(
  record: PaperRecord,
  options: ImportOptions,
  warnings: Map<string, string[]>,
): PaperData {
  const [first] = record.occurrences;
  if (first === undefined) throw new Error('a paper record without entries');
  const data: PaperData = {
    title: first.entry.title,
    topics: [],
    sources: [...new Set(record.occurrences.map((occurrence) => occurrence.file))].sort(),
    added:
      record.occurrences
        .map((occurrence) => sourceDate(occurrence.file, options.today))
        .sort()[0] ?? options.today,
  };
  for (const { file, entry } of record.occurrences) {
    const where = `${file}:${entry.line}`;
    const note = (message: string): void => {
      warnings.get(file)?.push(message);
    };
    if (entry !== first.entry && entry.title !== data.title) {
      note(
        `${where}: title "${entry.title}" differs in case or punctuation from "${data.title}" (kept the first)`,
      );
    }
    for (const field of MERGED_FIELDS) {
      const value = entry[field];
      if (value === undefined) continue;
      const kept = data[field];
      if (kept === undefined) Object.assign(data, { [field]: value });
      else if (kept !== value) note(describeConflict(field, kept, value, where));
    }
  }
  if (data.date !== undefined) delete data.dateText;
  return data;
}

/** An existing paper with its empty fields filled from this import's entries. */
function filledPaperData(existing: ExistingPaper, record: PaperRecord): PaperData {
  const data: PaperData = { ...existing.data };
  for (const { entry } of record.occurrences) {
    for (const field of MERGED_FIELDS) {
      if (field === 'dateText' && data.date !== undefined) continue;
      if (data[field] === undefined && entry[field] !== undefined)
        Object.assign(data, { [field]: entry[field] });
    }
  }
  data.sources = [
    ...new Set([...data.sources, ...record.occurrences.map((occurrence) => occurrence.file)]),
  ].sort();
  return data;
}

/** Plans an import: which files to write, and what each listing contributed. */
export function planImport(
  sources: readonly SourceFile[],
  existing: readonly ExistingPaper[],
  options: ImportOptions,
): ImportPlan {
  const { layouts, parsed } = parseAll(sources, existing, options);
  const byKey = new Map<string, ExistingPaper>();
  const bySlug = new Map<string, ExistingPaper>();
  const byAbstract = new Map<string, ExistingPaper>();
  for (const paper of existing) {
    byKey.set(titleKey(paper.data.title), paper);
    bySlug.set(paper.slug, paper);
    if (paper.abstract !== '') byAbstract.set(titleKey(paper.abstract), paper);
  }
  const taken = new Set(existing.map((paper) => paper.slug));
  const records = new Map<string, PaperRecord>();
  const recordOf = new Map<ExistingPaper, PaperRecord>();
  const warnings = new Map<string, string[]>();
  const summaries: FileSummary[] = [];

  for (const source of sources) {
    const entries = parsed.get(source.name) ?? [];
    const layout = layouts.get(source.name) ?? 'blocks';
    const fileWarnings: string[] = [];
    warnings.set(source.name, fileWarnings);
    const summary: FileSummary = {
      file: source.name,
      layout,
      entries: entries.length,
      newPapers: 0,
      alreadyPresent: 0,
      duplicatesMerged: 0,
      titlesByRule: entries.filter((entry) => entry.titleSplit === 'rule').length,
      warnings: fileWarnings,
    };
    for (const entry of entries) {
      const key = titleKey(entry.title);
      const occurrence = { file: source.name, entry };
      const seen = records.get(key);
      if (seen !== undefined) {
        seen.occurrences.push(occurrence);
        summary.duplicatesMerged += 1;
        continue;
      }
      const match =
        byKey.get(key) ??
        bySlug.get(slugify(entry.title)) ??
        byAbstract.get(titleKey(entry.abstract));
      const earlier = match === undefined ? undefined : recordOf.get(match);
      if (earlier !== undefined) {
        earlier.occurrences.push(occurrence);
        records.set(key, earlier);
        summary.duplicatesMerged += 1;
        continue;
      }
      let slug: string;
      if (match === undefined) {
        slug = uniqueSlug(slugify(entry.title), (candidate) => taken.has(candidate));
        summary.newPapers += 1;
      } else {
        slug = match.slug;
        summary.alreadyPresent += 1;
      }
      taken.add(slug);
      const record: PaperRecord = { slug, existing: match, occurrences: [occurrence] };
      records.set(key, record);
      if (match !== undefined) recordOf.set(match, record);
    }
    summaries.push(summary);
  }

  const writes: PlannedWrite[] = [];
  let unchanged = 0;
  for (const record of new Set(records.values())) {
    if (record.existing === undefined) {
      const [first] = record.occurrences;
      const data = newPaperData(record, options, warnings);
      writes.push({
        slug: record.slug,
        text: serializePaper(data, first?.entry.abstract ?? ''),
        status: 'new',
      });
      continue;
    }
    const data = filledPaperData(record.existing, record);
    const abstract =
      record.existing.abstract === ''
        ? (record.occurrences[0]?.entry.abstract ?? '')
        : record.existing.abstract;
    const changed =
      JSON.stringify(data) !== JSON.stringify(record.existing.data) ||
      abstract !== record.existing.abstract;
    if (changed)
      writes.push({ slug: record.slug, text: serializePaper(data, abstract), status: 'updated' });
    else unchanged += 1;
  }
  writes.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return { writes, unchanged, summaries };
}
