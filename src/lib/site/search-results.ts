/**
 * What the search page shows for Pagefind's results, as plain data: the page's script only turns
 * it into elements, always as text, so nothing a paper contains is ever parsed as HTML.
 */
import type { SearchState } from './search-url.ts';

/** Results shown at first, and added by each "Show more results". */
export const RESULTS_PER_PAGE = 10;

/** A run of excerpt text, highlighted when it matched the query. */
export interface ExcerptSegment {
  text: string;
  marked: boolean;
}

/**
 * Splits a Pagefind excerpt into text runs. Pagefind builds the excerpt from the page's text,
 * escapes only `<` and `>`, and wraps matched words in `<mark>`; so those two entities are the
 * only ones to decode, and `&` stays as the page had it.
 */
export function excerptSegments(excerpt: string): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === '<mark>' || part === '</mark>') {
      marked = part === '<mark>';
      continue;
    }
    const text = part.replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    if (text === '') continue;
    const last = segments.at(-1);
    if (last?.marked === marked) last.text += text;
    else segments.push({ text, marked });
  }
  return segments;
}

/** Whether a state asks for results: a query, or a filter (which lists the papers it keeps). */
export function wantsResults(state: SearchState): boolean {
  return (
    state.query !== '' || state.topics.length > 0 || state.years.length > 0 || state.code === true
  );
}

/** The sentence announced when results arrive. */
export function resultsStatus(count: number, state: SearchState): string {
  const papers = count === 1 ? '1 paper' : `${count.toLocaleString('en')} papers`;
  const scope = [
    state.query === '' ? '' : ` for “${state.query}”`,
    state.topics.length + state.years.length > 0 || state.code === true
      ? ' with the chosen filters'
      : '',
  ].join('');
  return count === 0 ? `No paper found${scope}.` : `${papers} found${scope}.`;
}

/**
 * The facts shown under a result's title: its authors in brief (the page's `byline` meta), its
 * year and its topics by name, in page order.
 */
export function resultFacts(
  filters: Readonly<Record<string, readonly string[]>>,
  topicNames: ReadonlyMap<string, string>,
  meta: Readonly<Record<string, string | undefined>> = {},
): string[] {
  const byline = meta.byline === undefined || meta.byline === '' ? [] : [meta.byline];
  const years = filters.year ?? [];
  const topics = (filters.topic ?? []).map((id) => topicNames.get(id) ?? id);
  return [...byline, ...years, ...topics];
}
