/**
 * The word statistics the synthetic corpus is drawn from: how often each word occurs in the real
 * reading list, and which words each topic's papers use far more than the rest. Only counts are
 * kept, never a sentence, so generated abstracts share the real vocabulary and its frequencies
 * without copying any text.
 */
import { compareText } from '../../src/lib/paper/ordering.ts';

/** A word as it is most often spelled, and how many times it occurs. */
export type WordCount = readonly [word: string, count: number];

export interface Vocabulary {
  /** Every word of the corpus seen at least `minCount` times, most frequent first. */
  general: readonly WordCount[];
  /** Per topic id: the words its papers use distinctly more often than the corpus as a whole. */
  topics: Readonly<Record<string, readonly WordCount[]>>;
  /** Per topic id: how many real papers have it as their primary topic. */
  primaryCounts: Readonly<Record<string, number>>;
  /** How many real papers have one, two, three … topics (index 0 counts one topic). */
  topicCounts: readonly number[];
}

/** What the statistics are computed from. */
export interface VocabularySource {
  title: string;
  abstract: string;
  topics: readonly string[];
}

export interface VocabularyOptions {
  /** Words seen fewer times are left out (hapaxes are typos and names, not vocabulary). */
  minCount?: number;
  /** Most words kept in `general`. */
  maxGeneral?: number;
  /** Most words kept per topic. */
  maxPerTopic?: number;
  /** How many times more often than in the whole corpus a topic must use a word to claim it. */
  minLift?: number;
}

/**
 * Words as a reader sees them: letters, digits and inner hyphens (`fine-tuning`, `L2`), starting
 * with a letter. Punctuation, math and numbers are left out, so no generated text can contain
 * Markdown syntax.
 */
export function tokenize(text: string): string[] {
  return (text.match(/[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/g) ?? []).filter(
    (word) => word.length <= 30,
  );
}

/** Counts of words by lower-case form, each with its most frequent spelling. */
class Counter {
  readonly counts = new Map<string, number>();
  readonly #spellings = new Map<string, Map<string, number>>();

  add(word: string): void {
    const key = word.toLowerCase();
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    let spellings = this.#spellings.get(key);
    if (spellings === undefined) this.#spellings.set(key, (spellings = new Map<string, number>()));
    spellings.set(word, (spellings.get(word) ?? 0) + 1);
  }

  /**
   * The usual spelling, except that a word more often written with a capital first letter than
   * without is still lower case if it ever appears so: the capital only means the word often
   * starts a sentence or a title. Acronyms and names (`LLMs`, `Wasserstein`) keep their spelling.
   */
  spelling(key: string): string {
    let best = key;
    let bestCount = -1;
    for (const [word, count] of this.#spellings.get(key) ?? []) {
      if (count > bestCount || (count === bestCount && word < best))
        [best, bestCount] = [word, count];
    }
    const capitalized = key.charAt(0).toUpperCase() + key.slice(1);
    return best === capitalized && this.#spellings.get(key)?.has(key) === true ? key : best;
  }
}

/** Single letters other than `a` are math variables (`T`, `g`), not words of the vocabulary. */
function usable(key: string): boolean {
  return key.length > 1 || key === 'a';
}

function byCountThenWord(a: WordCount, b: WordCount): number {
  return b[1] - a[1] || compareText(a[0], b[0]);
}

/** Computes the vocabulary of a corpus; the same papers in any order give the same result. */
export function buildVocabulary(
  papers: readonly VocabularySource[],
  options: VocabularyOptions = {},
): Vocabulary {
  const { minCount = 2, maxGeneral = 3000, maxPerTopic = 150, minLift = 2 } = options;
  const all = new Counter();
  const perTopic = new Map<string, Counter>();
  const primaryCounts: Record<string, number> = {};
  const topicCounts: number[] = [];
  for (const paper of papers) {
    const words = [...tokenize(paper.title), ...tokenize(paper.abstract)];
    for (const word of words) all.add(word);
    for (const topic of new Set(paper.topics)) {
      let counter = perTopic.get(topic);
      if (counter === undefined) perTopic.set(topic, (counter = new Counter()));
      for (const word of words) counter.add(word);
    }
    const [primary] = paper.topics;
    if (primary !== undefined) primaryCounts[primary] = (primaryCounts[primary] ?? 0) + 1;
    if (paper.topics.length > 0) {
      const at = paper.topics.length - 1;
      while (topicCounts.length <= at) topicCounts.push(0);
      topicCounts[at] = (topicCounts[at] ?? 0) + 1;
    }
  }
  const total = [...all.counts.values()].reduce((sum, count) => sum + count, 0);
  const general = [...all.counts]
    .filter(([key, count]) => count >= minCount && usable(key))
    .map(([key, count]): WordCount => [all.spelling(key), count])
    .sort(byCountThenWord)
    .slice(0, maxGeneral);

  const topics: Record<string, WordCount[]> = {};
  for (const topic of [...perTopic.keys()].sort()) {
    const counter = perTopic.get(topic) ?? new Counter();
    const topicTotal = [...counter.counts.values()].reduce((sum, count) => sum + count, 0);
    const scored = [...counter.counts]
      .filter(([key, count]) => {
        const lift = count / topicTotal / ((all.counts.get(key) ?? count) / total);
        return count >= minCount && lift >= minLift && usable(key);
      })
      .map(([key, count]): WordCount => [all.spelling(key), count])
      .sort(byCountThenWord)
      .slice(0, maxPerTopic);
    topics[topic] = scored;
  }
  return { general, topics, primaryCounts: sortKeys(primaryCounts), topicCounts };
}

function sortKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Packs a word list into lines of `word count word count …` no longer than `width`. */
export function packWords(words: readonly WordCount[], width = 90): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [word, count] of words) {
    const pair = `${word} ${count}`;
    if (line !== '' && line.length + 1 + pair.length > width) {
      lines.push(line);
      line = pair;
    } else line = line === '' ? pair : `${line} ${pair}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The inverse of `packWords`. */
export function unpackWords(lines: readonly string[]): WordCount[] {
  const parts = lines.join(' ').split(' ').filter(Boolean);
  const words: WordCount[] = [];
  for (let index = 0; index + 1 < parts.length; index += 2) {
    words.push([parts[index] ?? '', Number(parts[index + 1])]);
  }
  return words;
}

/** A packed vocabulary, as the generated data module stores it. */
export interface PackedVocabulary {
  general: readonly string[];
  topics: Readonly<Record<string, readonly string[]>>;
  primaryCounts: Readonly<Record<string, number>>;
  topicCounts: readonly number[];
}

export function packVocabulary(vocabulary: Vocabulary): PackedVocabulary {
  return {
    general: packWords(vocabulary.general),
    topics: Object.fromEntries(
      Object.entries(vocabulary.topics).map(([topic, words]) => [topic, packWords(words)]),
    ),
    primaryCounts: vocabulary.primaryCounts,
    topicCounts: vocabulary.topicCounts,
  };
}

export function unpackVocabulary(packed: PackedVocabulary): Vocabulary {
  return {
    general: unpackWords(packed.general),
    topics: Object.fromEntries(
      Object.entries(packed.topics).map(([topic, lines]) => [topic, unpackWords(lines)]),
    ),
    primaryCounts: packed.primaryCounts,
    topicCounts: packed.topicCounts,
  };
}

/**
 * The source of `bench/data/vocabulary.ts`. A committed snapshot rather than statistics computed at
 * each run: new papers in content/ must not change the benchmark's input, or results from two
 * commits could not be compared.
 */
export function vocabularyModule(vocabulary: Vocabulary, origin: string): string {
  return [
    `/**`,
    ` * Word statistics of ${origin}, the input of the synthetic benchmark corpus.`,
    ` * Generated by \`npm run bench -- --refresh-vocabulary\`; do not edit by hand.`,
    ` */`,
    `import { unpackVocabulary, type Vocabulary } from '../lib/vocabulary.ts';`,
    ``,
    `export const VOCABULARY: Vocabulary = unpackVocabulary(${JSON.stringify(packVocabulary(vocabulary))});`,
    ``,
  ].join('\n');
}
