/**
 * Papers as TF-IDF vectors over folded words and two-word phrases, the raw material of
 * related-paper matching, built in one pass over every title and abstract.
 *
 * Built for speed at tens of thousands of papers: words are interned once, phrases are looked up
 * by their two word ids in a typed-array hash table (no phrase string is built while counting),
 * terms found in one paper only are dropped, and all vectors share two flat arrays.
 */
import { newWordCache, scanWords, untitled } from './text.ts';

/** What a vector is built from. */
export interface PaperText {
  readonly title: string;
  readonly abstract: string;
}

/** A paper's terms (ascending ids) and their weights; the full vector has unit length. */
export interface Vector {
  terms: Int32Array;
  weights: Float64Array;
}

/** Vectors of a list of papers over the terms found in two papers or more, numbered from 0. */
export interface Corpus {
  termCount: number;
  /** In how many papers each term occurs. */
  df: Int32Array;
  /** For a phrase, the term ids of its two words; -1 for a word. */
  firstWord: Int32Array;
  secondWord: Int32Array;
  /** By paper, in the order given; each holds the paper's heaviest terms only. */
  vectors: Vector[];
  /** A term's folded key: the word, or a phrase's two words joined by a space. */
  key(term: number): string;
  /**
   * How paper `paper` writes `term` where it first uses it, abstract before title (whose title
   * case is undone): `Sinkhorn`, `GANs`, `weight-decay`, `networks`.
   */
  spelling(paper: number, term: number): string;
}

export interface CorpusOptions {
  /** How many times a title occurrence counts compared with an abstract occurrence. */
  titleWeight: number;
  /**
   * How many of a paper's heaviest terms its vector keeps. The light rest add little to a
   * cosine but much to its cost; the paper's length still counts all of them.
   */
  termsPerPaper: number;
}

export function buildCorpus(papers: readonly PaperText[], options: CorpusOptions): Corpus {
  const counted = countTerms(papers, options.titleWeight);
  const { df, firstWord, secondWord, words } = counted;

  // A term of one paper only can add nothing to a similarity: it counts towards a paper's
  // length, then is dropped, and the rest are renumbered densely so that scoring scans small
  // arrays. Renumbering keeps the order, so vectors stay sorted by term.
  const renumbered = new Int32Array(df.length).fill(-1);
  const original: number[] = [];
  df.forEach((count, term) => {
    if (count >= 2) renumbered[term] = original.push(term) - 1;
  });

  // Smoothed so that a term in every paper weighs almost nothing but never less than nothing.
  const n = papers.length;
  const chosen = counted.papers.map(({ terms, counts }) => {
    const weights = new Float64Array(terms.length);
    let norm = 0;
    const shared: number[] = [];
    terms.forEach((term, i) => {
      const weight = (1 + Math.log(counts[i] ?? 1)) * Math.log((n + 1) / (df[term] ?? 1));
      weights[i] = weight;
      norm += weight * weight;
      if ((renumbered[term] ?? -1) >= 0) shared.push(i);
    });
    return {
      terms,
      weights,
      norm: Math.sqrt(norm) || 1,
      kept: heaviest(shared, weights, options.termsPerPaper),
    };
  });
  // All vectors live in two shared arrays, paper after paper: scoring jumps between papers, and
  // memory read in long runs is much faster than many small arrays scattered over the heap.
  const total = chosen.reduce((sum, { kept }) => sum + kept.length, 0);
  const allTerms = new Int32Array(total);
  const allWeights = new Float64Array(total);
  let offset = 0;
  const vectors = chosen.map(({ terms, weights, norm, kept }) => {
    const start = offset;
    for (const i of kept) {
      allTerms[offset] = renumbered[terms[i] ?? 0] ?? 0;
      allWeights[offset] = (weights[i] ?? 0) / norm;
      offset++;
    }
    return { terms: allTerms.subarray(start, offset), weights: allWeights.subarray(start, offset) };
  });

  const wordOf = (term: number): number => (term < 0 ? -1 : (renumbered[term] ?? -1));
  const key = (term: number): string => {
    const old = original[term] ?? 0;
    const first = firstWord[old] ?? -1;
    if (first < 0) return words[old] ?? '';
    return `${words[first] ?? ''} ${words[secondWord[old] ?? 0] ?? ''}`;
  };
  return {
    termCount: original.length,
    df: Int32Array.from(original, (old) => df[old] ?? 0),
    firstWord: Int32Array.from(original, (old) => wordOf(firstWord[old] ?? -1)),
    secondWord: Int32Array.from(original, (old) => wordOf(secondWord[old] ?? -1)),
    vectors,
    key,
    spelling: (paper, term) => {
      const spelled = counted.papers[paper];
      const at = spelled?.spelledTerms.indexOf(original[term] ?? -1) ?? -1;
      return at < 0 ? key(term) : (spelled?.spellings[at] ?? key(term));
    },
  };
}

/** Every paper's term counts, in the numbering of first appearance. */
interface CountedTerms {
  /** Words by term id (`''` for a phrase). */
  words: string[];
  firstWord: Int32Array;
  secondWord: Int32Array;
  df: Int32Array;
  papers: {
    terms: Int32Array;
    counts: Float64Array;
    /** Terms first written otherwise than as their key, and how. */
    spelledTerms: Int32Array;
    spellings: string[];
  }[];
}

function countTerms(papers: readonly PaperText[], titleWeight: number): CountedTerms {
  const cache = newWordCache();
  // Term ids by the cache's word numbers, so a word costs no string lookup once seen.
  const wordTerms: number[] = [];
  const phraseIds = newPairTable(1 << 16);
  const words: string[] = [];
  // Typed arrays grown by doubling rather than number[]: there are millions of terms (most of
  // them phrases), and the garbage collector has to walk plain arrays but not typed ones.
  let termCount = 0;
  let firstWord = new Int32Array(1024);
  let secondWord = new Int32Array(1024);
  let df = new Int32Array(1024);
  // Counts of the paper being read, by term id; zeroed again after each paper.
  let tf = new Float64Array(1024);
  const newTerm = (word: string, first: number, second: number): number => {
    const id = termCount++;
    words.push(word);
    if (id >= df.length) {
      firstWord = grownCopy(firstWord);
      secondWord = grownCopy(secondWord);
      df = grownCopy(df);
      tf = grownCopy(tf);
    }
    firstWord[id] = first;
    secondWord[id] = second;
    return id;
  };
  // One function for every new phrase: a closure made per word pair cost a garbage collection
  // every few papers.
  const newPhrase = (first: number, second: number): number => newTerm('', first, second);

  const counted = papers.map((paper) => {
    const touched: number[] = [];
    const spelledTerms: number[] = [];
    const spellings: string[] = [];
    // The abstract goes first so that its spelling of a term wins over the title's.
    for (const [text, weight, inTitle] of [
      [paper.abstract, 1, false],
      [paper.title, titleWeight, true],
    ] as const) {
      let previous = -1;
      let previousWord = '';
      let previousSurface = '';
      scanWords(
        text,
        (word, written, link, wordNumber) => {
          let id = wordTerms[wordNumber];
          if (id === undefined) {
            id = newTerm(word, -1, -1);
            wordTerms[wordNumber] = id;
          }
          const surface = inTitle ? untitled(written) : written;
          if (tf[id] === 0) {
            touched.push(id);
            if (surface !== word) {
              spelledTerms.push(id);
              spellings.push(surface);
            }
          }
          tf[id] = (tf[id] ?? 0) + weight;
          if (previous >= 0 && previous !== id && link !== '') {
            const first = previous;
            const second = id;
            const phrase = pairValue(phraseIds, first, second, newPhrase);
            if (tf[phrase] === 0) {
              touched.push(phrase);
              if (link !== ' ' || previousSurface !== previousWord || surface !== word) {
                spelledTerms.push(phrase);
                spellings.push(`${previousSurface}${link}${surface}`);
              }
            }
            tf[phrase] = (tf[phrase] ?? 0) + weight;
          }
          previous = id;
          previousWord = word;
          previousSurface = surface;
        },
        cache,
      );
    }
    // Typed arrays filled by plain loops: `TypedArray.from` with a mapping function is slow.
    const terms = new Int32Array(touched).sort();
    const counts = new Float64Array(terms.length);
    terms.forEach((term, i) => {
      counts[i] = tf[term] ?? 0;
      df[term] = (df[term] ?? 0) + 1;
      tf[term] = 0;
    });
    return { terms, counts, spelledTerms: new Int32Array(spelledTerms), spellings };
  });
  return {
    words,
    firstWord: firstWord.subarray(0, termCount),
    secondWord: secondWord.subarray(0, termCount),
    df: df.subarray(0, termCount),
    papers: counted,
  };
}

/** A typed array twice as long, starting with `array`'s values. */
function grownCopy<T extends Int32Array | Float64Array>(array: T): T {
  const grown = new (array.constructor as new (length: number) => T)(array.length * 2);
  grown.set(array);
  return grown;
}

/**
 * The `limit` indices of `weights` among `indices` with the largest weights, in their given
 * order; on a tie the earlier index wins. The cut-off weight is found by selection, without
 * sorting, since this runs for every paper.
 */
export function heaviest(
  indices: readonly number[],
  weights: Float64Array,
  limit: number,
): number[] {
  if (indices.length <= limit) return [...indices];
  const values = new Float64Array(indices.length);
  indices.forEach((index, i) => {
    values[i] = weights[index] ?? 0;
  });
  const cutoff = nthLargest(values, limit);
  let atCutoff = limit;
  for (const index of indices) if ((weights[index] ?? 0) > cutoff) atCutoff--;
  return indices.filter((index) => {
    const weight = weights[index] ?? 0;
    return weight > cutoff || (weight === cutoff && atCutoff-- > 0);
  });
}

/** The `n`-th largest of `values` (1 ≤ n ≤ length), by quickselect; reorders `values`. */
function nthLargest(values: Float64Array, n: number): number {
  const target = values.length - n;
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1] ?? 0;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i++;
      while ((values[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target] ?? 0;
}

/**
 * A map from pairs of term ids to term ids, by open addressing over typed arrays: phrases are
 * looked up once per word of every abstract, and a `Map` keyed by a number built from the pair
 * spends most of that time allocating and hashing.
 */
interface PairTable {
  firsts: Int32Array;
  seconds: Int32Array;
  values: Int32Array;
  size: number;
}

function newPairTable(capacity: number): PairTable {
  return {
    firsts: new Int32Array(capacity).fill(-1),
    seconds: new Int32Array(capacity),
    values: new Int32Array(capacity),
    size: 0,
  };
}

function pairSlot(table: PairTable, first: number, second: number): number {
  const mask = table.firsts.length - 1;
  let hash = Math.imul(first, 0x9e3779b1) ^ second;
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  let slot = (hash ^ (hash >>> 12)) & mask;
  for (;;) {
    const held = table.firsts[slot] ?? -1;
    if (held === -1 || (held === first && table.seconds[slot] === second)) return slot;
    slot = (slot + 1) & mask;
  }
}

/** The value stored for the pair, or else `create()`'s, stored. */
function pairValue(
  table: PairTable,
  first: number,
  second: number,
  create: (first: number, second: number) => number,
): number {
  let slot = pairSlot(table, first, second);
  if (table.firsts[slot] === first) return table.values[slot] ?? -1;
  // Kept at most half full so that probes stay short.
  if ((table.size + 1) * 2 > table.firsts.length) {
    const grown = newPairTable(table.firsts.length * 2);
    table.firsts.forEach((held, i) => {
      if (held === -1) return;
      const at = pairSlot(grown, held, table.seconds[i] ?? 0);
      grown.firsts[at] = held;
      grown.seconds[at] = table.seconds[i] ?? 0;
      grown.values[at] = table.values[i] ?? 0;
    });
    table.firsts = grown.firsts;
    table.seconds = grown.seconds;
    table.values = grown.values;
    slot = pairSlot(table, first, second);
  }
  const value = create(first, second);
  table.firsts[slot] = first;
  table.seconds[slot] = second;
  table.values[slot] = value;
  table.size++;
  return value;
}
