/**
 * The import as a pure function: listing texts and the papers already in the list go in, the
 * files to write and a summary come out. It only adds papers and fills empty fields, so a
 * curator's edits survive every re-import; unchanged papers produce no write at all.
 */
import { parseListingDate } from '../paper/dates.ts';
import { duplicateFinder } from '../paper/duplicates.ts';
import type { ExistingPaper } from '../paper/files.ts';
import type { RetiredList } from '../paper/retired.ts';
import { detectLayout, parseListing } from '../listing/parse.ts';
import type { LayoutId, ListingEntry } from '../listing/types.ts';
import { serializePaper } from '../paper/paper-file.ts';
import { ProblemError } from '../problems/problem.ts';
import { paperFieldOrder, type PaperData } from '../paper/schema.ts';
import { slugify, titleKey, uniqueSlug } from '../paper/slug.ts';

/** A listing file to import: its name (as recorded in `sources`) and decoded text. */
export interface SourceFile {
  name: string;
  text: string;
  /** How the file is named in messages, such as the path given on the command line (default: `name`). */
  label?: string | undefined;
}

/** How the import assigns topics; without it papers are imported with no topics. */
export interface TopicOptions {
  /** The rules: topic ids for a paper, primary first. */
  assign: (paper: { title: string; abstract: string }) => string[];
  /** Recompute the topics of every paper whose topics were never touched by hand. */
  retopic: boolean;
  /**
   * The shared record of automatic topics that older versions kept beside the papers
   * (`.assigned-topics.json`), when it is still there. Each entry moves into its paper's own
   * `autoTopics` when it still equals the paper's topics; an entry that differs marks a person's
   * choice, which a paper without `autoTopics` already is.
   */
  legacyRecord?: Readonly<Record<string, readonly string[]>> | undefined;
}

export interface ImportOptions {
  /** Year for listing dates printed without one. */
  year?: number;
  /** Papers and fields taken out of the list on purpose (`content/retired.yaml`). */
  retired?: RetiredList | undefined;
  /** `added` date for papers from a listing whose file name does not start with a date. */
  today: string;
  topics?: TopicOptions;
}

/** A paper whose automatic topics a `--retopic` run changed. */
export interface TopicChange {
  slug: string;
  before: string[];
  after: string[];
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
  /** Entries of papers retired in `content/retired.yaml`, left out. */
  retired: number;
  /** Counts (upvotes, comments) this listing refreshed, being newer than the one they came from. */
  refreshed: number;
  warnings: string[];
}

/** A field a write sets or changes; `before` is absent for a field the paper did not have. */
export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

export interface PlannedWrite {
  slug: string;
  text: string;
  status: 'new' | 'updated';
  /** What the write changes, field by field in file order (`abstract` last). */
  changes: FieldChange[];
}

export interface ImportPlan {
  writes: PlannedWrite[];
  /** Papers that matched the import and needed no change. */
  unchanged: number;
  summaries: FileSummary[];
  /** Papers that gained `autoTopics` from the shared record of older versions. */
  migrated: number;
  /** Papers whose automatic topics changed (with `retopic`). */
  topicChanges: TopicChange[];
}

/** The date a listing was captured, from a file name such as `2026-11-22-hf-papers-blocks.txt`. */
export function sourceDate(name: string, fallback: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})-/.exec(name);
  if (!match) return fallback;
  // Stryker disable next-line StringLiteral: the three groups take part in every match, so no default is used
  const [, year = '', month = '', day = ''] = match;
  const printed = `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(month) - 1] ?? ''} ${Number(day)}, ${year}`;
  return parseListingDate(printed) === undefined ? fallback : `${year}-${month}-${day}`;
}

/** Finds titles printed on their own line at the start of run-together one-line text. */
class KnownTitles {
  readonly #byFirstWord = new Map<string, string[]>();

  add(title: string): void {
    const first = title.split(' ', 1)[0] ?? '';
    // Stryker disable next-line ArrayDeclaration: a made-up title that no listing line starts with splits nothing
    const list = this.#byFirstWord.get(first) ?? [];
    if (!list.includes(title)) list.push(title);
    this.#byFirstWord.set(first, list);
  }

  /** The longest known title that `text` starts with, followed by a space. */
  find(text: string): string | undefined {
    const first = text.split(' ', 1)[0] ?? '';
    let best: string | undefined;
    // Stryker disable next-line ArrayDeclaration: a made-up title that no listing line starts with splits nothing
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

/** Runs `read` on a listing, placing the problems it throws in the listing's file. */
function inListing<T>(source: SourceFile, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ProblemError) throw error.inFile(source.label ?? source.name);
    throw error;
  }
}

function parseAll(
  sources: readonly SourceFile[],
  existing: readonly ExistingPaper[],
  options: ImportOptions,
) {
  const known = new KnownTitles();
  for (const paper of existing) known.add(paper.data.title);
  const layouts = new Map<string, LayoutId>();
  const parsed = new Map<string, ListingEntry[]>();
  const parse = (source: SourceFile, layout: LayoutId): void => {
    // One-line entries can use the titles that other listings print on their own line.
    const withKnownTitles = layout === 'one-per-line';
    const listing = inListing(source, () =>
      parseListing(
        source.text,
        {
          ...(options.year === undefined ? {} : { year: options.year }),
          ...(withKnownTitles ? { knownTitle: (text: string) => known.find(text) } : {}),
        },
        layout,
      ),
    );
    layouts.set(source.name, listing.layout);
    parsed.set(source.name, listing.entries);
    for (const entry of listing.entries) if (entry.titleSplit === undefined) known.add(entry.title);
  };
  // Listings that print titles on their own line go first, so one-line entries can use their titles.
  const detected = sources.map((source) => ({
    source,
    layout: inListing(source, () => detectLayout(source.text)),
  }));
  for (const { source, layout } of detected) if (layout !== 'one-per-line') parse(source, layout);
  for (const { source, layout } of detected) if (layout === 'one-per-line') parse(source, layout);
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
  // Stryker disable next-line StringLiteral: never thrown, a record is made with its first entry
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
    if (entry !== first.entry && entry.abstract !== first.entry.abstract) {
      note(`${where}: abstract differs from the one given earlier (kept the first)`);
    }
    for (const field of MERGED_FIELDS) {
      const value = entry[field];
      if (
        value === undefined ||
        options.retired?.field({ slug: record.slug, title: data.title }, field)
      )
        continue;
      const kept = data[field];
      if (kept === undefined) Object.assign(data, { [field]: value });
      else if (kept !== value) note(describeConflict(field, kept, value, where));
    }
  }
  if (data.date !== undefined) delete data.dateText;
  return data;
}

/** The counts a listing owns: they change from day to day, and the newest listing is right. */
const OWNED_COUNTS = ['upvotes', 'comments'] as const;

/**
 * The listing to refresh a count of an existing paper from: the newest entry of this import
 * that gives it, when no listing the paper already came from is newer, and the paper's value came
 * from an older listing of this import (so no person changed it: a value no listing gave is kept).
 * Listings of the same day never override one another, so re-importing changes nothing.
 */
function refreshedCount(
  existing: ExistingPaper,
  record: PaperRecord,
  field: (typeof OWNED_COUNTS)[number],
  today: string,
): Occurrence | undefined {
  const dated = (file: string): string => sourceDate(file, today);
  const current = existing.data[field];
  if (current === undefined) return undefined;
  let newest: Occurrence | undefined;
  for (const occurrence of record.occurrences) {
    if (occurrence.entry[field] === undefined) continue;
    if (newest === undefined || compare(dated(occurrence.file), dated(newest.file)) > 0)
      newest = occurrence;
  }
  if (newest === undefined || newest.entry[field] === current) return undefined;
  const newestDate = dated(newest.file);
  if (existing.data.sources.some((source) => compare(dated(source), newestDate) > 0))
    return undefined;
  const fromOlderListing = record.occurrences.some(
    ({ file, entry }) =>
      existing.data.sources.includes(file) &&
      compare(dated(file), newestDate) < 0 &&
      entry[field] === current,
  );
  return fromOlderListing ? newest : undefined;
}

/** An existing paper with its empty fields filled from this import's entries. */
function filledPaperData(
  existing: ExistingPaper,
  record: PaperRecord,
  options: ImportOptions,
  summaries: ReadonlyMap<string, FileSummary>,
): PaperData {
  const retired = options.retired;
  const data: PaperData = { ...existing.data };
  for (const field of OWNED_COUNTS) {
    if (retired?.field({ slug: existing.slug, title: existing.data.title }, field) === true)
      continue;
    const newest = refreshedCount(existing, record, field, options.today);
    if (newest === undefined) continue;
    data[field] = newest.entry[field];
    const summary = summaries.get(newest.file);
    if (summary !== undefined) summary.refreshed += 1;
  }
  for (const { entry } of record.occurrences) {
    for (const field of MERGED_FIELDS) {
      if (field === 'dateText' && data.date !== undefined) continue;
      if (retired?.field({ slug: existing.slug, title: existing.data.title }, field) === true)
        continue;
      if (data[field] === undefined && entry[field] !== undefined)
        Object.assign(data, { [field]: entry[field] });
    }
  }
  // A full date from this import (`--year`) replaces the month and day kept as printed.
  if (existing.data.date === undefined && data.date !== undefined) delete data.dateText;
  data.sources = [
    ...new Set([...data.sources, ...record.occurrences.map((occurrence) => occurrence.file)]),
  ].sort();
  return data;
}

/**
 * The normalised opening of an abstract: enough to recognise a paper whose title was corrected,
 * and cheap, where normalising a whole abstract for every entry would dominate a large import.
 */
function abstractKey(abstract: string): string {
  return titleKey(abstract.slice(0, 300));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** The fields that differ between a paper as it was (undefined: a new paper) and as written. */
function fieldChanges(
  before: ExistingPaper | undefined,
  after: PaperData,
  abstract: string,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of paperFieldOrder) {
    const old = before?.data[field];
    const now = after[field];
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    changes.push({
      field,
      ...(old === undefined ? {} : { before: old }),
      ...(now === undefined ? {} : { after: now }),
    });
  }
  if ((before?.abstract ?? '') !== abstract) changes.push({ field: 'abstract' });
  return changes;
}

/**
 * Plans an import: which files to write, and what each listing contributed. Throws a ProblemError
 * naming the listing file and line when a listing cannot be read.
 */
export function planImport(
  sources: readonly SourceFile[],
  existing: readonly ExistingPaper[],
  options: ImportOptions,
): ImportPlan {
  const { layouts, parsed } = parseAll(sources, existing, options);
  const byKey = new Map<string, ExistingPaper>();
  const byAbstract = new Map<string, ExistingPaper>();
  const bySlugAndSource = new Map<string, ExistingPaper>();
  for (const paper of existing) {
    byKey.set(titleKey(paper.data.title), paper);
    // An abstract with no words (empty, or `…` where a listing had none) tells no paper apart.
    const opening = abstractKey(paper.abstract);
    if (opening !== '') byAbstract.set(opening, paper);
    for (const source of paper.data.sources) bySlugAndSource.set(`${source}\n${paper.slug}`, paper);
  }
  const taken = new Set(existing.map((paper) => paper.slug));
  const findSame = duplicateFinder(
    existing.map((paper) => ({
      file: `${paper.slug}.md`,
      title: paper.data.title,
      arxiv: paper.data.arxiv,
      existing: paper,
    })),
  );
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
      retired: 0,
      refreshed: 0,
      warnings: fileWarnings,
    };
    for (const entry of entries) {
      if (options.retired?.paper({ slug: slugify(entry.title), title: entry.title }) === true) {
        summary.retired += 1;
        continue;
      }
      const key = titleKey(entry.title);
      const occurrence = { file: source.name, entry };
      const seen = records.get(key);
      if (seen !== undefined) {
        seen.occurrences.push(occurrence);
        summary.duplicatesMerged += 1;
        continue;
      }
      // A paper whose title was corrected by hand is still found by its abstract, or, when the
      // abstract was corrected too, by the file this very listing once created. A slug alone is no
      // proof: `α-Entmax` and `β-Entmax` share one, yet are two papers.
      const bySlug = bySlugAndSource.get(`${source.name}\n${slugify(entry.title)}`);
      let match = byKey.get(key) ?? byAbstract.get(abstractKey(entry.abstract)) ?? bySlug;
      if (match === undefined) {
        // The checker's rule last: a title that differs by a typo or a word the listing ran into
        // it is the same paper, or `npm run check` would reject the new file as a duplicate.
        const [same] = findSame({ title: entry.title });
        match = same?.paper.existing;
        if (same !== undefined) {
          fileWarnings.push(
            `${source.name}:${entry.line}: "${entry.title}" taken to be ${same.paper.file} ("${same.paper.title}"), ` +
              `by ${same.reasons.includes('same-title') ? 'its title' : 'its nearly identical title'} (kept the file's title)`,
          );
        }
      }
      if (
        match !== undefined &&
        options.retired?.paper({ slug: match.slug, title: match.data.title }) === true
      ) {
        summary.retired += 1;
        continue;
      }
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
  const topics = options.topics;
  const legacy = topics?.legacyRecord ?? {};
  let migrated = 0;
  const topicChanges: TopicChange[] = [];
  /**
   * The paper with the topics the rules give it when its topics are empty, or untouched by hand
   * (equal to `autoTopics`) when retopicking; any other paper keeps its topics.
   */
  const withAutoTopics = (slug: string, paper: PaperData, abstract: string): PaperData => {
    if (topics === undefined) return paper;
    let data = paper;
    const recorded = legacy[slug];
    if (
      data.autoTopics === undefined &&
      recorded !== undefined &&
      data.topics.length > 0 &&
      sameList(recorded, data.topics)
    ) {
      data = { ...data, autoTopics: [...recorded] };
      migrated += 1;
    }
    const untouched =
      data.topics.length === 0 ||
      (data.autoTopics !== undefined && sameList(data.autoTopics, data.topics));
    if (!untouched || (data.topics.length > 0 && !topics.retopic)) return data;
    const ids = topics.assign({ title: data.title, abstract });
    if (sameList(ids, data.topics) && data.autoTopics !== undefined) return data;
    if (data.topics.length > 0 && !sameList(ids, data.topics)) {
      topicChanges.push({ slug, before: data.topics, after: ids });
    }
    return { ...data, topics: ids, autoTopics: ids };
  };

  const handled = new Set<string>();
  for (const record of new Set(records.values())) {
    handled.add(record.slug);
    if (record.existing === undefined) {
      const [first] = record.occurrences;
      // Stryker disable next-line StringLiteral: never used, a record is made with its first entry
      const abstract = first?.entry.abstract ?? '';
      const data = withAutoTopics(record.slug, newPaperData(record, options, warnings), abstract);
      writes.push({
        slug: record.slug,
        text: serializePaper(data, abstract),
        status: 'new',
        changes: fieldChanges(undefined, data, abstract),
      });
      continue;
    }
    const abstract =
      record.existing.abstract === ''
        ? (record.occurrences[0]?.entry.abstract ?? '')
        : record.existing.abstract;
    const data = withAutoTopics(
      record.slug,
      filledPaperData(
        record.existing,
        record,
        options,
        new Map(summaries.map((summary) => [summary.file, summary])),
      ),
      abstract,
    );
    const changed =
      JSON.stringify(data) !== JSON.stringify(record.existing.data) ||
      abstract !== record.existing.abstract;
    if (changed)
      writes.push({
        slug: record.slug,
        text: serializePaper(data, abstract),
        status: 'updated',
        changes: fieldChanges(record.existing, data, abstract),
      });
    else unchanged += 1;
  }
  // Papers in the list that no listing of this import names: retopic them too when asked, and
  // move their entries of the old shared record into them.
  for (const paper of existing) {
    if (handled.has(paper.slug)) continue;
    const data = withAutoTopics(paper.slug, paper.data, paper.abstract);
    if (data !== paper.data) {
      writes.push({
        slug: paper.slug,
        text: serializePaper(data, paper.abstract),
        status: 'updated',
        changes: fieldChanges(paper, data, paper.abstract),
      });
    }
  }
  writes.sort((a, b) => compare(a.slug, b.slug));
  topicChanges.sort((a, b) => compare(a.slug, b.slug));
  return { writes, unchanged, summaries, migrated, topicChanges };
}
