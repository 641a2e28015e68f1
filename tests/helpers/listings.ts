/**
 * Small in-memory listings in the shape of the real dumps (furniture, blank lines, no final
 * newline), for importer tests. Line numbers of entries are given next to each builder.
 */

export interface TestPaper {
  title: string;
  abstract: string;
}

export interface BlocksEntry extends TestPaper {
  authors: number;
  /** The date line as printed, count included: `Jun 11, 2024`, `Mar 6`, `Nov 2, 2023 2`. */
  date: string;
}

/** Blocks layout: entry `i` (0-based) starts at line 13 + 8 i. */
export function blocksListing(entries: readonly BlocksEntry[]): string {
  const furniture = [
    'new',
    'Get trending papers in your email inbox!',
    'Subscribe',
    'Daily Papers',
    'byAK and the research community',
    'Oct 28',
  ];
  const blocks = entries.map(
    (entry) =>
      `${entry.title}\n\n${entry.abstract}\n\n  • ${entry.authors} authors\n·\n${entry.date}`,
  );
  return [...furniture, ...blocks].join('\n\n');
}

/** Paragraphs layout: entry `i` (0-based) starts at line 11 + 4 i. */
export function paragraphsListing(papers: readonly TestPaper[]): string {
  const furniture = [
    'new',
    'Get trending papers in your email inbox!',
    'Subscribe',
    'byAK and the research community',
    'Mar 13',
  ];
  return [...furniture, ...papers.flatMap((paper) => [paper.title, paper.abstract])].join('\n\n');
}

/** Title-and-abstract-lines layout: entry `i` (0-based) starts at line 3 + 2 i. */
export function titleAbstractLines(papers: readonly TestPaper[]): string {
  const lines = papers.flatMap((paper) => [paper.title, paper.abstract]);
  return [
    'Get trending papers in your email inbox once a day!',
    'Get trending papers in your email inbox!',
    `Subscribe${lines.join('\n')}`,
  ].join('\n');
}

export interface OneLineEntry extends TestPaper {
  /** `-` for none. */
  upvotes: string;
  authors: number;
  /** The date as printed, optionally followed by the comment count. */
  date: string;
}

/** One-per-line layout: entry `i` (0-based) is line i + 1. */
export function onePerLineListing(entries: readonly OneLineEntry[]): string {
  return entries
    .map(
      (entry) =>
        `${entry.upvotes} ${entry.title} ${entry.abstract} ${entry.authors} authors · ${entry.date}`,
    )
    .join('\n');
}
