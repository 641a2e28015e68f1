/** Orderings and labels of papers that pages share. */
import type { Paper, PaperData } from './schema.ts';

/** What the orderings need of a paper. */
export interface Orderable extends Pick<Paper, 'slug'> {
  data: Pick<PaperData, 'title' | 'date' | 'dateText' | 'upvotes'>;
}

/** Compares strings by code unit, the same everywhere (no locale), so builds are reproducible. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first; papers without a full date last; ties by title, then slug, so the order is stable. */
export function byNewest<T extends Orderable>(papers: readonly T[]): T[] {
  return [...papers].sort(
    (a, b) =>
      compareText(b.data.date ?? '', a.data.date ?? '') ||
      compareText(a.data.title.toLowerCase(), b.data.title.toLowerCase()) ||
      compareText(a.slug, b.slug),
  );
}

/** By title, A to Z, ignoring case; ties by slug. */
export function byTitle<T extends Orderable>(papers: readonly T[]): T[] {
  return [...papers].sort(
    (a, b) =>
      compareText(a.data.title.toLowerCase(), b.data.title.toLowerCase()) ||
      compareText(a.slug, b.slug),
  );
}

/** Most upvoted first (no count counts as 0); ties newest first. */
export function byUpvotes<T extends Orderable>(papers: readonly T[]): T[] {
  const newest = byNewest(papers);
  const rank = new Map(newest.map((paper, index) => [paper, index]));
  return newest.sort(
    (a, b) =>
      (b.data.upvotes ?? 0) - (a.data.upvotes ?? 0) || (rank.get(a) ?? 0) - (rank.get(b) ?? 0),
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The date as a reader sees it: `Jun 11, 2024`, `Mar 6` when only that is known, or undefined. */
export function displayDate(data: Pick<PaperData, 'date' | 'dateText'>): string | undefined {
  if (data.date !== undefined) {
    const [year, month, day] = data.date.split('-').map(Number);
    return `${MONTHS[(month ?? 1) - 1] ?? ''} ${day ?? ''}, ${year ?? ''}`;
  }
  return data.dateText;
}
