/**
 * Search that finds what a reader means: Pagefind answers one term at a time, and this module
 * combines the answers.
 *
 * - Every concept of the query (a word, or a phrase of the vocabulary, with its other forms) is
 *   looked up as a whole word; only the word being typed also matches as a prefix, below whole
 *   words. Pagefind alone matches every word as a prefix, and a word with no match falls back to
 *   its longest prefix in the index (`asdfgh` → `as`): that is what made nonsense find papers.
 * - Papers with all the concepts come first. When they are fewer than a page of results, papers
 *   with some of them follow, ranked by the concepts they match weighted by rarity (inverse
 *   document frequency), combined with Pagefind's own score (title matches above abstract
 *   matches).
 * - A word that matches nothing is replaced by the nearest word of the index (edit distance; the
 *   word list is loaded only then), or reported as mentioned by no paper.
 */
import type { PagefindResult, PagefindSearchOptions } from './pagefind-client.ts';
import { SORT } from './pagefind-names.ts';
import { RESULTS_PER_PAGE } from './search-results.ts';
import { parseQuery, type Concept } from './search-query.ts';
import { nearestWord } from './search-typo.ts';

/** The part of Pagefind's API this module needs; tests pass a stand-in. */
export interface SearchBackend {
  search(
    term: string | null,
    options?: PagefindSearchOptions,
  ): Promise<{ results: PagefindResult[] }>;
}

export interface SearchRequest {
  query: string;
  filters: NonNullable<PagefindSearchOptions['filters']>;
  /** A sort key and direction; relevance when absent. */
  sort?: Record<string, 'asc' | 'desc'> | undefined;
  /** The reader is typing: the last word, with no space after it, matches as a prefix. */
  typing: boolean;
  /** Search the words as typed: no typo correction. */
  asTyped: boolean;
}

export interface SearchOutcome {
  results: PagefindResult[];
  /**
   * `filters`: no query, the papers the filters keep; `all`: every result has every concept;
   * `some`: fewer than a page had them all, and papers with some of them follow.
   */
  mode: 'filters' | 'all' | 'some';
  /** How many results have every concept. */
  complete: number;
  /** Words of the query that no paper mentions (and that had no correction). */
  unmatched: string[];
  /** Words replaced by the nearest word of the index. */
  corrections: { from: string; to: string }[];
  /** Terms to highlight in excerpts: the forms that matched. */
  highlight: string[];
}

/** What the engine loads once and keeps: the page count, and the index's words on demand. */
export interface SearchContext {
  vocabulary: ReadonlyMap<string, readonly string[]>;
  /**
   * How many papers the index holds, when the page knows it from the build; otherwise it is
   * counted with an empty search, which has Pagefind make a result for every paper.
   */
  paperCount?: number | undefined;
  /** The index's words, most frequent first; loaded only when a word matches nothing. */
  words: () => Promise<readonly string[]>;
}

/** How much Pagefind's score adds to a concept's weight: up to half of it, for the best page. */
const PAGEFIND_SHARE = 0.5;
/** A prefix match of the word being typed counts this much of a whole-word match. */
const PREFIX_SHARE = 0.4;

/** Pages matching one concept, with Pagefind's score for each and whether it was a whole word. */
interface ConceptHits {
  concept: Concept;
  scores: Map<string, number>;
  whole: Set<string>;
  matchedTerms: string[];
}

/** Inverse document frequency, as BM25 has it (never negative). */
export function inverseFrequency(pages: number, total: number): number {
  return Math.log(1 + (total - pages + 0.5) / (pages + 0.5));
}

/** A phrase term is searched as an exact phrase; a word as an exact word. */
function quoted(term: string): string {
  return `"${term}"`;
}

async function lookUp(
  backend: SearchBackend,
  concept: Concept,
  filters: SearchRequest['filters'],
  results: Map<string, PagefindResult>,
  hasPrefix: (term: string) => Promise<boolean>,
): Promise<ConceptHits> {
  const scores = new Map<string, number>();
  const whole = new Set<string>();
  const matchedTerms: string[] = [];
  for (const term of concept.terms) {
    const exact = await backend.search(quoted(term), { filters });
    const prefix = concept.prefix && term === concept.terms[0];
    if (exact.results.length === 0 && !(prefix && (await hasPrefix(term)))) continue;
    matchedTerms.push(term);
    const exactIds = new Set(exact.results.map((result) => result.id));
    // The unquoted search gives Pagefind's ranking score (exact searches score every page 1).
    const scored = await backend.search(term, { filters });
    for (const result of scored.results) {
      const isWhole = exactIds.has(result.id);
      if (!isWhole && !prefix) continue;
      const score = isWhole ? result.score : result.score * PREFIX_SHARE;
      if (isWhole) whole.add(result.id);
      if (score > (scores.get(result.id) ?? -1)) scores.set(result.id, score);
      if (!results.has(result.id)) results.set(result.id, result);
    }
    // A phrase found exactly but scored on its words alone still counts.
    for (const result of exact.results) {
      if (!scores.has(result.id)) scores.set(result.id, 0);
      whole.add(result.id);
      if (!results.has(result.id)) results.set(result.id, result);
    }
  }
  return { concept, scores, whole, matchedTerms };
}

/** Runs a search. */
export async function runSearch(
  backend: SearchBackend,
  request: SearchRequest,
  context: SearchContext,
): Promise<SearchOutcome> {
  const { filters } = request;
  if (request.query.trim() === '') {
    const { results } = await backend.search(null, {
      filters,
      sort: request.sort ?? { [SORT.date]: 'desc' },
    });
    return {
      results,
      mode: 'filters',
      complete: results.length,
      unmatched: [],
      corrections: [],
      highlight: [],
    };
  }
  const concepts = parseQuery(request.query, context.vocabulary, request.typing);
  const results = new Map<string, PagefindResult>();
  const hasPrefix = async (term: string) =>
    (await context.words()).some((word) => word.startsWith(term));

  const hits: ConceptHits[] = [];
  const unmatched: string[] = [];
  const corrections: { from: string; to: string }[] = [];
  for (const concept of concepts) {
    let found = await lookUp(backend, concept, filters, results, hasPrefix);
    if (found.scores.size === 0 && !request.asTyped && !concept.text.includes(' ')) {
      const word = concept.terms[0] ?? concept.text;
      const nearest = nearestWord(word, await context.words());
      if (nearest !== undefined) {
        const corrected = parseQuery(nearest, context.vocabulary, false)[0];
        if (corrected !== undefined) {
          found = await lookUp(backend, corrected, filters, results, hasPrefix);
          if (found.scores.size > 0) corrections.push({ from: concept.text, to: nearest });
        }
      }
    }
    if (found.scores.size === 0) unmatched.push(concept.text);
    else hits.push(found);
  }

  const total = context.paperCount ?? (await backend.search(null, {})).results.length;
  const pages = new Map<string, { score: number; concepts: number }>();
  for (const hit of hits) {
    const weight = inverseFrequency(hit.scores.size, total);
    const best = Math.max(...hit.scores.values(), 0);
    for (const [id, score] of hit.scores) {
      const share = hit.whole.has(id) ? 1 : PREFIX_SHARE;
      const value = weight * share * (1 + (best > 0 ? (PAGEFIND_SHARE * score) / best : 0));
      const page = pages.get(id) ?? { score: 0, concepts: 0 };
      pages.set(id, { score: page.score + value, concepts: page.concepts + 1 });
    }
  }
  const order = request.sort
    ? new Map(
        (await backend.search(null, { filters, sort: request.sort })).results.map(
          (result, index) => [result.id, index],
        ),
      )
    : undefined;
  const ranked = [...pages.entries()].sort(([idA, a], [idB, b]) => {
    const tier = Number(b.concepts === hits.length) - Number(a.concepts === hits.length);
    if (tier !== 0) return tier;
    if (order) return (order.get(idA) ?? Infinity) - (order.get(idB) ?? Infinity);
    return b.score - a.score || b.concepts - a.concepts || (idA < idB ? -1 : 1);
  });
  const complete = ranked.filter(([, page]) => page.concepts === hits.length).length;
  const kept = complete >= RESULTS_PER_PAGE ? ranked.slice(0, complete) : ranked;
  return {
    results: kept.flatMap(([id]) => results.get(id) ?? []),
    mode: kept.length === complete ? 'all' : 'some',
    complete,
    unmatched,
    corrections,
    highlight: hits.flatMap((hit) => hit.matchedTerms),
  };
}
