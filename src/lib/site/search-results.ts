/**
 * What the search page shows for its results, as plain data: the page's script only turns it into
 * elements, always as text, so nothing a paper contains is ever parsed as HTML.
 */
import { FILTER, META } from './pagefind-names.ts';
import type { SearchState } from './search-url.ts';

/** Results shown at first, and added by each "Show more results". */
export const RESULTS_PER_PAGE = 10;

/** Words an excerpt holds, about two lines of a result. */
export const EXCERPT_WORDS = 32;

/** A run of excerpt text, highlighted when it matched the query. */
export interface ExcerptSegment {
  text: string;
  marked: boolean;
}

/** Endings dropped to find the root a highlighted word must start with (`regularization` → `regular`). */
const ENDINGS =
  /(?:izations?|isations?|ations?|izes?|ises?|ized|ised|izing|ising|ings?|ed|es|s|e)$/;

/** The root of a query term that words of the text are compared with. */
export function highlightRoot(term: string): string {
  const root = term.replace(ENDINGS, '');
  return root.length >= 3 ? root : term;
}

/**
 * A word of the text as search reads it: lower case and joined (`fully-dense` → `fullydense`),
 * and each of its parts (`fully`, `dense`), as Pagefind indexes both.
 */
function plainForms(word: string): string[] {
  const parts = word
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => part !== '');
  return parts.length > 1 ? [parts.join(''), ...parts] : parts;
}

/**
 * The excerpt of a result: the abstract around the best match, without the title (the result
 * shows it already, as it shows the authors in `byline`). `content` is the page's indexed text as
 * Pagefind stores it (the title, the "By …" line, then the abstract, as plain text); `terms` are the forms that matched. The window of `EXCERPT_WORDS`
 * words holding the most distinct matched terms wins, the earliest on a tie; words starting with a
 * term's root are marked.
 */
export function searchExcerpt(
  content: string,
  title: string,
  terms: readonly string[],
  byline = '',
): ExcerptSegment[] {
  let text = content;
  // The title, then the "By …" line when the page shows one, open the stored text.
  for (const lead of [title, byline]) {
    if (lead !== '' && text.startsWith(lead)) text = text.slice(lead.length).replace(/^\.?\s*/, '');
  }
  const words = text.split(/\s+/).filter((word) => word !== '');
  const roots = [...new Set(terms.flatMap((term) => term.split(' ')).map(highlightRoot))];
  const matchOf = words.map((word) => {
    const forms = plainForms(word);
    return roots.findIndex((root) => forms.some((form) => form.startsWith(root)));
  });
  let start = 0;
  let best = -1;
  for (let from = 0; from < Math.max(1, words.length - EXCERPT_WORDS + 1); from += 1) {
    const distinct = new Set(
      matchOf.slice(from, from + EXCERPT_WORDS).filter((match) => match >= 0),
    ).size;
    if (distinct > best) {
      best = distinct;
      start = from;
    }
  }
  // Begin a few words before the first match, so it is read in context.
  const firstMatch = matchOf.slice(start).findIndex((match) => match >= 0);
  if (firstMatch > 3) start += firstMatch - 3;
  start = Math.max(0, Math.min(start, words.length - EXCERPT_WORDS));
  const end = Math.min(words.length, start + EXCERPT_WORDS);
  const segments: ExcerptSegment[] = [];
  const push = (part: string, marked: boolean) => {
    const last = segments.at(-1);
    if (last?.marked === marked) last.text += part;
    else segments.push({ text: part, marked });
  };
  if (start > 0) push('… ', false);
  for (let index = start; index < end; index += 1) {
    if (index > start) push(' ', false);
    push(words[index] ?? '', (matchOf[index] ?? -1) >= 0);
  }
  if (end < words.length) push(' …', false);
  return segments;
}

/** Whether a state asks for results: a query, or a filter (which lists the papers it keeps). */
export function wantsResults(state: SearchState): boolean {
  return (
    state.query !== '' || state.topics.length > 0 || state.years.length > 0 || state.code === true
  );
}

/** What a search found, as the status line needs it. */
export interface StatusInput {
  count: number;
  mode: 'filters' | 'all' | 'some';
  /** Results with every word of the query. */
  complete: number;
  unmatched: readonly string[];
  corrections: readonly { from: string; to: string }[];
}

/** A piece of the status line: text, or a link to the same search with the words as typed. */
export type StatusPart = { text: string } | { text: string; searchAsTyped: true };

function quote(text: string): string {
  return `“${text}”`;
}

/**
 * `1234567` → `1,234,567`. By hand rather than `toLocaleString`: the first use of the browser's
 * number formatter costs a phone about 20 ms, in the task that shows the first results.
 */
export function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * `1 paper`, `1,234 papers`. Not `plural` from `paper/words.ts`: a module this page's script shared
 * with another page's would become a chunk of its own, fetched only once this script is parsed,
 * one more round trip before the first result (tests/build/outputs.test.ts guards it).
 */
function counted(count: number, noun: string): string {
  return `${grouped(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** The sentences announced when results arrive, saying what was searched and what happened. */
export function resultsStatus(found: StatusInput, state: SearchState): StatusPart[] {
  const filtered =
    state.topics.length + state.years.length > 0 || state.code === true
      ? ' with the chosen filters'
      : '';
  const parts: StatusPart[] = [];
  const correctedQuery = found.corrections.reduce(
    (query, { from, to }) => query.replace(new RegExp(escapeRegExp(from), 'i'), to),
    state.query,
  );
  if (found.corrections.length > 0) {
    parts.push(
      { text: `Showing results for ${quote(correctedQuery)}; search instead for ` },
      { text: quote(state.query), searchAsTyped: true },
      { text: '. ' },
    );
  }
  if (found.unmatched.length > 0) {
    const words = found.unmatched.map(quote).join(', ');
    parts.push({
      text:
        found.count === 0
          ? `No paper mentions ${words}${filtered}.`
          : `No paper mentions ${words}; showing papers with the other words. `,
    });
    if (found.count === 0) return parts;
  }
  if (found.count === 0) {
    parts.push({
      text: `No paper found${state.query === '' ? '' : ` for ${quote(state.query)}`}${filtered}.`,
    });
    return parts;
  }
  if (found.mode === 'some') {
    parts.push({
      text:
        found.complete === 0
          ? `No paper has all of these words; showing ${counted(found.count, 'paper')} that match most of them${filtered}.`
          : `${counted(found.complete, 'paper')} ${found.complete === 1 ? 'has' : 'have'} all of these words; ${grouped(found.count - found.complete)} more match some of them${filtered}.`,
    });
    return parts;
  }
  const scope = state.query === '' ? '' : ` for ${quote(correctedQuery)}`;
  parts.push({ text: `${counted(found.count, 'paper')} found${scope}${filtered}.` });
  return parts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The facts shown under a result's title: its authors as a list row names them (the `byline` meta), its year, its topics by name, and its upvotes. */
export function resultFacts(
  filters: Readonly<Record<string, readonly string[]>>,
  topicNames: ReadonlyMap<string, string>,
  meta: Readonly<Record<string, string | undefined>> = {},
): string[] {
  const { [META.byline]: byline, [META.upvotes]: upvoteCount } = meta;
  const years = filters[FILTER.year] ?? [];
  const topics = (filters[FILTER.topic] ?? []).map((id) => topicNames.get(id) ?? id);
  const upvotes = upvoteCount === undefined ? [] : [counted(Number(upvoteCount), 'upvote')];
  return [
    ...(byline === undefined || byline === '' ? [] : [byline]),
    ...years,
    ...topics,
    ...upvotes,
  ];
}
