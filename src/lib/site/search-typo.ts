/**
 * Typo correction: the word of the index nearest to a word that matched nothing. Written here
 * rather than taken from a library: it is twenty lines, and the search page's script has to stay
 * small (a first search may download at most 200 KB).
 */

/**
 * The edit distance between two words (insertions, deletions, substitutions, and transpositions of
 * neighbours: `dropuot` is one edit from `dropout`), or `limit + 1` as soon as it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** How many edits a word of this length may need: one up to five letters, two beyond. */
export function editLimit(word: string): number {
  return word.length <= 5 ? 1 : 2;
}

/**
 * The nearest word of `words` (most frequent first, as the index word list is ordered), or
 * undefined when none is close enough. Ties go to the more frequent word.
 */
export function nearestWord(word: string, words: readonly string[]): string | undefined {
  if (word.length < 3 || /^\d+$/.test(word)) return undefined;
  let best = editLimit(word) + 1;
  let nearest: string | undefined;
  for (const candidate of words) {
    // Only a strictly nearer word replaces the one found: ties go to the more frequent.
    const distance = editDistance(word, candidate, best - 1);
    if (distance < best) {
      best = distance;
      nearest = candidate;
      if (best <= 1) break;
    }
  }
  return best === 0 ? undefined : nearest;
}
