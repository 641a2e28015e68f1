/**
 * Finding papers that are already in the list, shared by `npm run new` (before writing a paper)
 * and `npm run check` (across all files), so the two can never disagree about what a duplicate is.
 *
 * Two papers are the same paper when
 *
 * - their titles have the same `titleKey` (case, accents, punctuation and spacing ignored); the
 *   importer merges on exactly this key, so it is never allowed twice;
 * - they carry the same arXiv identifier (version suffixes `v2` ignored); or
 * - their titles are near-identical: after `titleKey`, they share at least 90% of their words
 *   (token-set Jaccard ≥ 0.9) or 90% of their characters (an edit distance of at most a tenth of
 *   the longer key), and they agree on every number, single letter and Roman numeral.
 *
 * Why 0.9: a typo, a British spelling or a reordering of words stays above it in any title of
 * twenty characters or more, while the two most alike distinct papers in the list (`MINE` and
 * `MINDE`, both on mutual information estimation) are at 0.79 by characters and 0.57 by words.
 * Why numbers and letters must agree: `… Part 1` and `… Part 2`, `α-Entmax` and `β-Entmax`, L1 and
 * L2 penalties, `YOLOv2` and `YOLOv3` differ by one character and are different works. Short keys
 * get no tolerance at all (below ten characters a tenth rounds to zero), so `BERT` and `BART` differ.
 *
 * Near-identical titles are never a duplicate when both papers carry different arXiv ids: that is
 * proof they are different papers, and the way to settle a false alarm.
 */
import type { PaperData } from './schema.ts';
import { titleKey } from './slug.ts';

/** The least similarity, by words or by characters, at which two titles count as the same. */
export const NEAR_IDENTICAL = 0.9;

/** What a duplicate finder needs of a paper. `file` is how the paper is named in messages. */
export interface TitledPaper extends Pick<PaperData, 'title' | 'arxiv'> {
  file: string;
}

/** Why two papers are taken to be the same paper. */
export type DuplicateReason = 'same-title' | 'same-arxiv' | 'near-identical-title';

export interface DuplicatePair<P extends TitledPaper = TitledPaper> {
  /** The paper that comes first in the list given. */
  first: P;
  second: P;
  reason: DuplicateReason;
}

/** An arXiv identifier without its version: `2106.09685v3` → `2106.09685`. */
export function arxivBase(id: string): string {
  // Stryker disable next-line Regex: a valid arXiv id has "v" and digits only as its version, at the end
  return id.replace(/v\d+$/, '');
}

/** Roman numerals that number parts and sequels (`Part II`); `i`, `v` and `x` are single letters. */
const ROMAN_NUMERAL = /^(?:ii|iii|iv|vi|vii|viii|ix)$/;

/**
 * The words that tell otherwise alike titles apart: those with a digit, single letters other than
 * the article `a`, and Roman numerals. Sorted, so reordering the title does not change them.
 */
function markers(words: readonly string[]): string {
  return words
    .filter(
      (word) =>
        /\p{N}/u.test(word) ||
        (Array.from(word).length === 1 && word !== 'a') ||
        ROMAN_NUMERAL.test(word),
    )
    .sort()
    .join(' ');
}

/**
 * The optimal-string-alignment distance (insertions, deletions, substitutions and swaps of two
 * neighbouring characters each count one), or `limit + 1` as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const x = Array.from(a);
  const y = Array.from(b);
  // Stryker disable next-line ConditionalExpression: a speed path; the rows below reach limit + 1 too
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  // Stryker disable next-line ArrayDeclaration: never read on the first row, where a swap has no two characters
  let before = new Array<number>(y.length + 1).fill(0);
  let previous = Array.from({ length: y.length + 1 }, (_, index) => index);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    // Every later row is at least this row's smallest value, so the limit is already exceeded.
    // Stryker disable next-line ConditionalExpression: a speed path; the final Math.min gives limit + 1 too
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[y.length] ?? 0, limit + 1);
}

/** A title prepared once for many comparisons. */
interface PreparedTitle {
  key: string;
  length: number;
  words: ReadonlySet<string>;
  markers: string;
}

function prepare(title: string): PreparedTitle {
  const key = titleKey(title);
  // Stryker disable next-line ArrayDeclaration: an empty key matches no title, whatever its words
  const words = key === '' ? [] : key.split(' ');
  return { key, length: Array.from(key).length, words: new Set(words), markers: markers(words) };
}

function wordSimilarity(a: PreparedTitle, b: PreparedTitle): number {
  let shared = 0;
  for (const word of a.words) if (b.words.has(word)) shared += 1;
  const union = a.words.size + b.words.size - shared;
  // Stryker disable next-line ConditionalExpression: two empty word sets mean two empty keys, refused before
  return union === 0 ? 0 : shared / union;
}

function nearIdentical(a: PreparedTitle, b: PreparedTitle): boolean {
  if (a.key === b.key || a.markers !== b.markers) return false;
  // Stryker disable next-line MethodExpression: a speed path; a looser bound leaves the decision to wordSimilarity
  const fewer = Math.min(a.words.size, b.words.size);
  // Stryker disable next-line MethodExpression: a speed path; a looser bound leaves the decision to wordSimilarity
  const more = Math.max(a.words.size, b.words.size);
  // The share of words two sets can have in common is at most the smaller size over the larger.
  // Stryker disable next-line ArithmeticOperator: a speed path; a looser bound leaves the decision to wordSimilarity
  if (fewer >= NEAR_IDENTICAL * more && wordSimilarity(a, b) >= NEAR_IDENTICAL) return true;
  const longer = Math.max(a.length, b.length);
  // Rounded so that exactly 90% alike still counts (3 edits in 30 characters).
  const allowed = Math.floor(Number(((1 - NEAR_IDENTICAL) * longer).toFixed(6)));
  return allowed > 0 && editDistance(a.key, b.key, allowed) <= allowed;
}

interface Prepared<P extends TitledPaper> {
  paper: P;
  title: PreparedTitle;
  arxiv: string | undefined;
}

function prepared<P extends TitledPaper>(paper: P): Prepared<P> {
  return {
    paper,
    title: prepare(paper.title),
    arxiv: paper.arxiv === undefined ? undefined : arxivBase(paper.arxiv),
  };
}

/** Every reason two prepared papers are the same paper, strongest first; empty when none. */
function reasonsFor<P extends TitledPaper>(a: Prepared<P>, b: Prepared<P>): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  const bothArxiv = a.arxiv !== undefined && b.arxiv !== undefined;
  if (a.title.key !== '' && a.title.key === b.title.key) reasons.push('same-title');
  else if (!(bothArxiv && a.arxiv !== b.arxiv) && nearIdentical(a.title, b.title)) {
    reasons.push('near-identical-title');
  }
  if (bothArxiv && a.arxiv === b.arxiv) reasons.push('same-arxiv');
  return reasons;
}

/** Why two papers are the same paper (strongest reason first), or an empty list when they are not. */
export function duplicateReasons(a: TitledPaper, b: TitledPaper): DuplicateReason[] {
  return reasonsFor(prepared(a), prepared(b));
}

/** The papers of `papers` that a new paper would duplicate, each with its reasons, in list order. */
export function findDuplicatesOf<P extends TitledPaper>(
  candidate: Omit<TitledPaper, 'file'>,
  papers: readonly P[],
): { paper: P; reasons: DuplicateReason[] }[] {
  return duplicateFinder(papers)(candidate);
}

/**
 * A finder over a fixed list, each title prepared once: for the importer, which asks about every
 * entry of a listing that no exact title matched.
 */
export function duplicateFinder<P extends TitledPaper>(
  papers: readonly P[],
): (candidate: Omit<TitledPaper, 'file'>) => { paper: P; reasons: DuplicateReason[] }[] {
  const all = papers.map((paper) => prepared(paper));
  return (candidate) => {
    // Stryker disable next-line StringLiteral: the candidate's file name is never reported, only the matches'
    const mine = prepared({ ...candidate, file: '' });
    return all.flatMap((other) => {
      const reasons = reasonsFor(mine, other);
      return reasons.length === 0 ? [] : [{ paper: other.paper, reasons }];
    });
  };
}

/**
 * Every pair of papers in the list that are the same paper, one entry per pair and reason, ordered
 * by the second paper of the pair, then the first. Each title is prepared once; a pair costs an
 * edit distance only when the lengths and the numbers of its titles allow a near-identical match.
 */
export function findDuplicatePairs<P extends TitledPaper>(
  papers: readonly P[],
): DuplicatePair<P>[] {
  const all = papers.map((paper) => prepared(paper));
  const pairs: DuplicatePair<P>[] = [];
  // Stryker disable next-line EqualityOperator: all[all.length] is undefined and skipped just below
  for (let j = 1; j < all.length; j += 1) {
    const second = all[j];
    if (second === undefined) continue;
    for (let i = 0; i < j; i += 1) {
      const first = all[i];
      if (first === undefined) continue;
      for (const reason of reasonsFor(first, second)) {
        pairs.push({ first: first.paper, second: second.paper, reason });
      }
    }
  }
  return pairs;
}
