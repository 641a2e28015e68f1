/** The four listing layouts the importer recognises; see `content/sources/README.md`. */
export type LayoutId = 'blocks' | 'one-per-line' | 'paragraphs' | 'title-abstract-lines';

/** One paper entry as read from a listing, before papers from several listings are merged. */
export interface ListingEntry {
  /** The title exactly as printed (trimmed). */
  title: string;
  /** The abstract exactly as printed (trimmed). */
  abstract: string;
  /** 1-based line of the entry's first line in its file. */
  line: number;
  /** ISO date when the listing printed a year. */
  date?: string;
  /** The date as printed when it had no year (`Mar 6`). */
  dateText?: string;
  authorCount?: number;
  upvotes?: number;
  comments?: number;
  /**
   * How the title was told apart from the abstract in a one-line listing: `known` when another
   * listing printed the title on its own line, `rule` when the split rule decided.
   */
  titleSplit?: 'known' | 'rule';
}

/** A parsed listing file. */
export interface Listing {
  layout: LayoutId;
  entries: ListingEntry[];
}
