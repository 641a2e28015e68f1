/**
 * A reader's query as search concepts: the words that count (stop words dropped), each with the
 * forms that mean the same (the vocabulary, British and American spellings), and whether it is the
 * word still being typed (only that one matches as a prefix).
 */

/**
 * Groups of interchangeable forms, as `content/search-vocabulary.yaml` lists them (read and
 * checked by search-vocabulary.ts, which stays out of the browser's script); a form is one word or
 * several (`large language model`).
 */
export type Vocabulary = readonly (readonly string[])[];

/**
 * The key two forms share when a reader would treat them as the same: lower case, hyphens and
 * spaces dropped, and a plural `s` dropped (`LLMs`, `CNNs`).
 */
export function formKey(form: string): string {
  const words = form
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => word.replaceAll('-', ''));
  return words
    .map((word) => (/[^s]s$/.test(word) && word.length > 3 ? word.slice(0, -1) : word))
    .join(' ');
}

/**
 * British and American spellings of the -ise/-ize and -isation/-ization families, by rule rather
 * than by listing every verb: `regularisation` ↔ `regularization`, `optimised` ↔ `optimized`.
 */
export function spellingVariants(word: string): string[] {
  const match = /^([a-z]{3,})(is|iz)(e|ed|es|ing|ation|ations|er|ers)$/.exec(word);
  if (!match) return [];
  const [, stem = '', infix, ending = ''] = match;
  return [`${stem}${infix === 'is' ? 'iz' : 'is'}${ending}`];
}

/** One thing the reader asked for, and the terms that find it (any of them). */
export interface Concept {
  /** The words as the reader typed them, for messages. */
  text: string;
  /** Pagefind terms: single words, or phrases of several words. */
  terms: string[];
  /** The word being typed: words that start with it count too (below whole words). */
  prefix: boolean;
}

/**
 * English function words and question words: they carry no meaning a paper could match
 * ("why does sgd find flat minima" is about sgd, flat and minima).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before ' +
    'being below between both but by can could did do does doing down during each few for from ' +
    'further had has have having he her here hers him his how i if in into is it its itself just ' +
    'me more most my no nor not now of off on once only or other our ours out over own same she ' +
    'should so some such than that the their theirs them then there these they this those through ' +
    'to too under until up us very was way we were what when where which while who whom why will ' +
    'with would you your yours get gets make makes using use used via vs versus without within ' +
    'paper papers'
  ).split(' '),
);

/**
 * Words as Pagefind reads them: lower case, and a hyphen, dot or slash inside a word joins its
 * parts, as Pagefind drops that punctuation from a query (`fine-tuning` → `finetuning`,
 * `2010.01412` → `201001412`).
 */
export function queryWords(query: string): { typed: string; word: string }[] {
  const found = query
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}_]+(?:[-‐.'’/][\p{L}\p{N}_]+)*/gu);
  return (found ?? []).map((typed) => ({ typed, word: typed.replace(/[-‐.'’/]/g, '') }));
}

/** The vocabulary indexed by form key, each key giving its group's forms as Pagefind terms. */
export function vocabularyIndex(vocabulary: Vocabulary): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const group of vocabulary) {
    const terms = [...new Set(group.map((form) => form.replaceAll('-', '')))];
    for (const form of group) index.set(formKey(form), terms);
  }
  return index;
}

/** The longest number of words a vocabulary phrase may have. */
const LONGEST_PHRASE = 6;

/**
 * The concepts of a query. `typing` says the reader is still typing the last word (no space after
 * it yet), which then matches as a prefix.
 */
export function parseQuery(
  query: string,
  index: ReadonlyMap<string, readonly string[]>,
  typing: boolean,
): Concept[] {
  const found = queryWords(query);
  const words = found.map(({ word }) => word);
  const typingLast = typing && !/\s$/.test(query);
  const concepts: (Concept & { stop: boolean })[] = [];
  for (let start = 0; start < words.length;) {
    let matched = 0;
    let terms: readonly string[] | undefined;
    for (let length = Math.min(LONGEST_PHRASE, words.length - start); length >= 1; length -= 1) {
      terms = index.get(formKey(words.slice(start, start + length).join(' ')));
      if (terms !== undefined) {
        matched = length;
        break;
      }
    }
    const length = Math.max(matched, 1);
    const typed = words.slice(start, start + length);
    const text = found
      .slice(start, start + length)
      .map(({ typed }) => typed)
      .join(' ');
    const own = typed.join(' ');
    const all = new Set([own, ...(terms ?? [])]);
    for (const term of [...all]) {
      if (!term.includes(' ')) for (const variant of spellingVariants(term)) all.add(variant);
    }
    const isLast = start + length === words.length;
    concepts.push({
      text,
      terms: [...all],
      prefix: typingLast && isLast && length === 1 && terms === undefined,
      stop: length === 1 && terms === undefined && STOP_WORDS.has(own),
    });
    start += length;
  }
  // A query of stop words alone ("to be or not to be") still searches for them.
  const kept = concepts.some((concept) => !concept.stop)
    ? concepts.filter((concept) => !concept.stop)
    : concepts;
  // The same concept typed twice counts once.
  const seen = new Set<string>();
  return kept
    .filter((concept) => {
      const key = concept.terms.join('|');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ text, terms, prefix }) => ({ text, terms, prefix }));
}
