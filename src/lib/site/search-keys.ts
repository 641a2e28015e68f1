import type { PaperData } from '../paper/schema.ts';

/**
 * Sort keys every paper page carries for search. Pagefind leaves a page out of results sorted
 * by a key the page lacks, so undated papers sort as the oldest and papers without a count as
 * zero upvotes rather than disappearing.
 */
export function searchSortKeys(data: Pick<PaperData, 'date' | 'upvotes'>): {
  date: string;
  upvotes: string;
} {
  return { date: data.date ?? '0000-00-00', upvotes: String(data.upvotes ?? 0) };
}
