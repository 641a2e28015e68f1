/**
 * "Related papers": for every paper, the few others whose titles and abstracts say the most
 * similar things, with the shared topics and distinctive terms that explain the match.
 *
 * Papers are TF-IDF vectors (see `vectors.ts`) compared by cosine similarity, plus a small bonus
 * per shared topic. To stay fast as the list grows, candidates come from an inverted index over
 * each paper's strongest terms only, with very common terms left out and each term's postings
 * capped: the work per paper is bounded by `termsPerPaper × maxPostings`, not by the number of
 * papers. Only those candidates are scored exactly.
 *
 * Deterministic: papers are sorted by id first and every tie is broken by id or by term, so the
 * same papers in any order give the same result.
 */
import { compareText } from '../paper/ordering.ts';
import { buildCorpus, heaviest, type Corpus, type Vector } from './vectors.ts';

/** What matching reads of a paper. */
export interface RelatedInput {
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
  readonly topics: readonly string[];
}

/** Why two papers were matched. */
export interface RelatedReason {
  /** Topics both papers carry, in the order of the paper being described. */
  sharedTopics: string[];
  /** Distinctive words and phrases both texts use, strongest first, as the paper writes them. */
  sharedTerms: string[];
}

export interface RelatedPaper {
  id: string;
  /** Cosine similarity of the texts plus the topic bonus, rounded to four decimals. */
  score: number;
  reason: RelatedReason;
}

export interface RelatedOptions {
  /** Most related papers listed per paper. */
  limit?: number;
  /** How many times a title occurrence counts compared with an abstract occurrence. */
  titleWeight?: number;
  /** Added to the score for each shared topic… */
  topicBonus?: number;
  /** …up to this much in all, so topics reorder close matches but never make one. */
  maxTopicBonus?: number;
  /** Least text similarity (cosine, before the bonus) for a paper to be listed at all. */
  minSimilarity?: number;
  /** How many of a paper's strongest terms go into the index and look for candidates. */
  termsPerPaper?: number;
  /** Most papers kept per indexed term: those that weigh the term most. */
  maxPostings?: number;
  /** Terms in more than this share of papers are too common to index or to give as a reason. */
  commonTermShare?: number;
  /** How many candidates per paper are scored exactly. */
  candidates?: number;
  /** How many of a paper's heaviest terms take part in exact scoring. */
  scoredTermsPerPaper?: number;
  /** Most shared terms given as the reason. */
  reasonTerms?: number;
}

const DEFAULTS: Required<RelatedOptions> = {
  limit: 5,
  titleWeight: 3,
  topicBonus: 0.03,
  maxTopicBonus: 0.06,
  minSimilarity: 0.05,
  termsPerPaper: 40,
  maxPostings: 64,
  commonTermShare: 0.2,
  candidates: 15,
  scoredTermsPerPaper: 100,
  reasonTerms: 4,
};

/** Share of the strongest shared term's contribution below which a term is not a reason. */
const MIN_REASON_SHARE = 0.2;

/** Papers sharing an id cannot be told apart in the result. */
export class DuplicatePaperIdError extends Error {
  readonly id: string;

  constructor(id: string) {
    super(`two papers have the id "${id}"`);
    this.name = 'DuplicatePaperIdError';
    this.id = id;
  }
}

/**
 * Up to `limit` related papers for every paper, best first (ties by id), keyed by paper id in id
 * order. A paper never lists itself; a paper with nothing similar enough gets an empty list.
 */
export function relatedPapers(
  papers: readonly RelatedInput[],
  options: RelatedOptions = {},
): Map<string, RelatedPaper[]> {
  const settings = { ...DEFAULTS, ...options };
  const docs = [...papers].sort((a, b) => compareText(a.id, b.id));
  for (let i = 1; i < docs.length; i++) {
    const id = docs[i]?.id;
    if (id !== undefined && id === docs[i - 1]?.id) throw new DuplicatePaperIdError(id);
  }
  const corpus = buildCorpus(docs, {
    titleWeight: settings.titleWeight,
    termsPerPaper: settings.scoredTermsPerPaper,
  });
  const maxDf = Math.max(2, Math.floor(settings.commonTermShare * docs.length));
  const distinctive = Uint8Array.from(corpus.df, (df) => (df >= 2 && df <= maxDf ? 1 : 0));
  const strongest = corpus.vectors.map((vector) =>
    strongestTerms(vector, distinctive, settings.termsPerPaper),
  );
  const index = buildIndex(strongest, corpus.termCount, settings.maxPostings);
  const topics = topicNumbers(docs);

  const result = new Map<string, RelatedPaper[]>();
  const overlap = new Float64Array(docs.length);
  // The paper's weights spread out by term, so a candidate is scored in one pass over its own
  // terms. Terms are numbered densely, so this array stays small enough for the CPU's caches.
  const dense = new Float64Array(corpus.termCount);
  docs.forEach((doc, d) => {
    const vector = corpus.vectors[d];
    const top = strongest[d];
    if (vector === undefined || top === undefined) return;
    vector.terms.forEach((term, i) => {
      dense[term] = vector.weights[i] ?? 0;
    });

    const scored: { doc: number; score: number }[] = [];
    for (const e of candidateDocs(d, top, index, overlap, settings.candidates)) {
      const other = corpus.vectors[e];
      if (other === undefined) continue;
      const similarity = dot(dense, other);
      if (similarity < settings.minSimilarity) continue;
      const shared = countShared(topics[d], topics[e]);
      const bonus = Math.min(settings.maxTopicBonus, settings.topicBonus * shared);
      scored.push({ doc: e, score: similarity + bonus });
    }
    scored.sort((a, b) => b.score - a.score || a.doc - b.doc);

    result.set(
      doc.id,
      scored.slice(0, settings.limit).map(({ doc: e, score }) => {
        const otherTopics = docs[e]?.topics ?? [];
        const terms = sharedTerms(dense, corpus.vectors[e], distinctive, corpus, settings);
        return {
          id: docs[e]?.id ?? '',
          score: Math.round(score * 1e4) / 1e4,
          reason: {
            sharedTopics: doc.topics.filter((topic) => otherTopics.includes(topic)),
            sharedTerms: terms.map((term) => corpus.spelling(d, term)),
          },
        };
      }),
    );
    for (const term of vector.terms) dense[term] = 0;
  });
  return result;
}

/** Each paper's topics as small numbers, so comparing two papers' topics compares no strings. */
function topicNumbers(docs: readonly RelatedInput[]): Int32Array[] {
  const numbers = new Map<string, number>();
  return docs.map((doc) =>
    Int32Array.from(doc.topics, (topic) => {
      let number = numbers.get(topic);
      if (number === undefined) numbers.set(topic, (number = numbers.size));
      return number;
    }),
  );
}

function countShared(a: Int32Array | undefined, b: Int32Array | undefined): number {
  let shared = 0;
  for (const topic of a ?? []) for (const other of b ?? []) if (topic === other) shared++;
  return shared;
}

/** Cosine similarity of a unit-length vector and one spread out in `dense`. */
function dot(dense: Float64Array, vector: Vector): number {
  const { terms, weights } = vector;
  let sum = 0;
  for (let i = 0; i < terms.length; i++) sum += (dense[terms[i] ?? 0] ?? 0) * (weights[i] ?? 0);
  return sum;
}

/** A paper's `limit` heaviest distinctive terms, in term order; ties go to the lower term. */
function strongestTerms(vector: Vector, distinctive: Uint8Array, limit: number): Vector {
  const picked: number[] = [];
  vector.terms.forEach((term, i) => {
    if (distinctive[term] === 1) picked.push(i);
  });
  const kept = heaviest(picked, vector.weights, limit);
  const strongest = { terms: new Int32Array(kept.length), weights: new Float64Array(kept.length) };
  kept.forEach((i, j) => {
    strongest.terms[j] = vector.terms[i] ?? 0;
    strongest.weights[j] = vector.weights[i] ?? 0;
  });
  return strongest;
}

/**
 * For each indexed term, the papers weighing it most (at most `maxPostings`; on a tie the lower
 * paper), in paper order: a term's postings are `docs`/`weights` from `start[term]` to
 * `start[term + 1]`. Flat typed arrays, built by counting first, allocate next to nothing.
 */
interface Index {
  start: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
}

function buildIndex(strongest: readonly Vector[], termCount: number, maxPostings: number): Index {
  // `count[term]` becomes where the term's postings start, `count[term + 1]` where they end.
  const count = new Int32Array(termCount + 1);
  for (const vector of strongest)
    for (const term of vector.terms) count[term + 1] = (count[term + 1] ?? 0) + 1;
  for (let term = 0; term < termCount; term++)
    count[term + 1] = (count[term + 1] ?? 0) + (count[term] ?? 0);
  const size = count[termCount] ?? 0;
  const all = { docs: new Int32Array(size), weights: new Float64Array(size) };
  const next = count.slice(0, termCount);
  strongest.forEach((vector, doc) => {
    vector.terms.forEach((term, i) => {
      const at = next[term] ?? 0;
      all.docs[at] = doc;
      all.weights[at] = vector.weights[i] ?? 0;
      next[term] = at + 1;
    });
  });

  // Terms of one paper find nothing; long lists keep their heaviest postings only.
  const start = new Int32Array(termCount + 1);
  const docs: number[] = [];
  const weights: number[] = [];
  for (let term = 0; term < termCount; term++) {
    const from = count[term] ?? 0;
    const to = count[term + 1] ?? 0;
    if (to - from >= 2) {
      const positions = Array.from({ length: to - from }, (_, i) => from + i);
      for (const at of heaviest(positions, all.weights, maxPostings)) {
        docs.push(all.docs[at] ?? 0);
        weights.push(all.weights[at] ?? 0);
      }
    }
    start[term + 1] = docs.length;
  }
  return { start, docs: Int32Array.from(docs), weights: Float64Array.from(weights) };
}

/**
 * The `limit` papers whose indexed terms overlap paper `d`'s strongest terms most, lower index
 * first on ties. `overlap` is scratch space of one slot per paper, left all zero.
 */
function candidateDocs(
  d: number,
  top: Vector,
  index: Index,
  overlap: Float64Array,
  limit: number,
): number[] {
  const touched: number[] = [];
  const { start, docs, weights } = index;
  top.terms.forEach((term, i) => {
    const weight = top.weights[i] ?? 0;
    const to = start[term + 1] ?? 0;
    for (let j = start[term] ?? 0; j < to; j++) {
      const e = docs[j] ?? d;
      if (e === d) continue;
      if (overlap[e] === 0) touched.push(e);
      overlap[e] = (overlap[e] ?? 0) + weight * (weights[j] ?? 0);
    }
  });
  // A small sorted buffer beats sorting every touched paper: `limit` is tiny.
  const best: number[] = [];
  const before = (a: number, b: number): boolean => {
    const x = overlap[a] ?? 0;
    const y = overlap[b] ?? 0;
    return x > y || (x === y && a < b);
  };
  for (const e of touched) {
    const last = best[best.length - 1];
    if (best.length >= limit && last !== undefined && !before(e, last)) continue;
    let at = best.length;
    while (at > 0 && before(e, best[at - 1] ?? e)) at--;
    best.splice(at, 0, e);
    if (best.length > limit) best.pop();
  }
  for (const e of touched) overlap[e] = 0;
  return best;
}

/**
 * The distinctive terms two papers share, by their contribution to the similarity; a term
 * contributing under a fifth of the strongest one is noise, not a reason. A word is left out
 * when a shared phrase holds it (`optimal transport`, not also `transport`). `dense` holds the
 * first paper's weights by term.
 */
function sharedTerms(
  dense: Float64Array,
  other: Vector | undefined,
  distinctive: Uint8Array,
  corpus: Corpus,
  settings: Required<RelatedOptions>,
): number[] {
  // Two passes over the other paper's terms, the first for the strongest contribution, so that
  // only the few terms above the floor are collected and sorted.
  const terms = other?.terms ?? new Int32Array(0);
  const weights = other?.weights ?? new Float64Array(0);
  let strongest = 0;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] ?? 0;
    if (distinctive[term] === 1)
      strongest = Math.max(strongest, (dense[term] ?? 0) * (weights[i] ?? 0));
  }
  const floor = strongest * MIN_REASON_SHARE;
  const shared: { term: number; contribution: number }[] = [];
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] ?? 0;
    const contribution = (dense[term] ?? 0) * (weights[i] ?? 0);
    if (contribution > 0 && contribution >= floor && distinctive[term] === 1)
      shared.push({ term, contribution });
  }
  shared.sort((a, b) => b.contribution - a.contribution || a.term - b.term);

  const chosen: number[] = [];
  const inPhrases = new Set<number>();
  for (const { term } of shared) {
    const first = corpus.firstWord[term] ?? -1;
    const second = corpus.secondWord[term] ?? -1;
    if (first >= 0) {
      // The phrase takes the place of the strongest word it holds.
      inPhrases.add(first).add(second);
      const at = chosen.findIndex((word) => word === first || word === second);
      const kept = chosen.filter((word) => word !== first && word !== second);
      kept.splice(at < 0 ? kept.length : at, 0, term);
      chosen.splice(0, chosen.length, ...kept);
    } else if (!inPhrases.has(term)) {
      chosen.push(term);
    }
    if (chosen.length >= settings.reasonTerms) break;
  }
  return chosen;
}
