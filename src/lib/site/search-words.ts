/**
 * What search knows of a paper beyond its title and abstract, and the index's word list for typo
 * correction. Both use the query's own word rule (search-query.ts), so what a reader types is
 * spelt exactly as what was indexed.
 */
import type { Paper, PaperData } from '../paper/schema.ts';
import { queryWords } from './search-query.ts';

/** The fields a reader may search by besides title and abstract, when the paper has them. */
type IdentifierFields = Pick<PaperData, 'authors' | 'arxiv' | 'venue' | 'doi'>;

/**
 * The text indexed (hidden) on a paper page for its arXiv id, DOI and venue (the authors are
 * indexed where the page shows them). Identifiers
 * appear both as written and as one word, the way a query reads them (`2010.01412` is searched as
 * `201001412`), so pasting an id finds its paper.
 */
export function searchIdentifiers(data: IdentifierFields): string[] {
  const ids = [data.arxiv, data.doi].filter((id): id is string => id !== undefined);
  return [
    ...ids.flatMap((id) => [
      id,
      queryWords(id)
        .map(({ word }) => word)
        .join(' '),
    ]),
    ...(data.venue === undefined ? [] : [data.venue]),
  ];
}

/** The shortest word worth correcting a typo to. */
const SHORTEST_WORD = 3;

/**
 * Every word of the papers' searchable text, most papers first (ties alphabetical), one per
 * line: the list typo correction picks the nearest word from. Numbers are left out.
 */
export function indexWords(texts: readonly (readonly string[])[]): string {
  const papersWith = new Map<string, number>();
  for (const paper of texts) {
    const words = new Set(paper.flatMap((text) => queryWords(text).map(({ word }) => word)));
    for (const word of words) {
      if (word.length >= SHORTEST_WORD && !/^\d+$/.test(word)) {
        papersWith.set(word, (papersWith.get(word) ?? 0) + 1);
      }
    }
  }
  const sorted = [...papersWith].sort(
    ([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0),
  );
  return sorted.map(([word]) => `${word}\n`).join('');
}

/** The word list of the papers' indexed text: title, abstract and identifiers of each. */
export function paperIndexWords(papers: readonly Pick<Paper, 'data' | 'abstract'>[]): string {
  return indexWords(
    papers.map((paper) => [paper.data.title, paper.abstract, ...searchIdentifiers(paper.data)]),
  );
}
