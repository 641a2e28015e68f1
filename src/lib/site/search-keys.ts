import type { PaperData } from '../paper/schema.ts';
import { authorLine } from './authors.ts';
import { CODE_LINKED, FILTER, META, pagefindPair, SORT } from './pagefind-names.ts';

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

/** One hidden element of a paper page that hands the index a sort key, a filter or metadata. */
export interface IndexField {
  attribute: 'data-pagefind-sort' | 'data-pagefind-filter' | 'data-pagefind-meta';
  /** `name:value`. */
  value: string;
}

/**
 * What a paper page gives the index besides its text: both sort keys, the year and linked-code
 * filters, and the authors and the upvotes a result shows, as a list row shows them. Each is present only when
 * the paper has it, except the sort keys (see searchSortKeys).
 */
export function searchIndexFields(
  data: Pick<PaperData, 'date' | 'upvotes' | 'code' | 'authors' | 'authorCount'>,
): IndexField[] {
  const keys = searchSortKeys(data);
  const year = data.date?.slice(0, 4);
  const byline = authorLine(data);
  const field = (attribute: IndexField['attribute'], name: string, value: string | number) => ({
    attribute,
    value: pagefindPair(name, value),
  });
  return [
    field('data-pagefind-sort', SORT.date, keys.date),
    field('data-pagefind-sort', SORT.upvotes, keys.upvotes),
    ...(year ? [field('data-pagefind-filter', FILTER.year, year)] : []),
    ...(data.code ? [field('data-pagefind-filter', FILTER.code, CODE_LINKED)] : []),
    ...(byline ? [field('data-pagefind-meta', META.byline, byline)] : []),
    ...(data.upvotes === undefined
      ? []
      : [field('data-pagefind-meta', META.upvotes, data.upvotes)]),
  ];
}
