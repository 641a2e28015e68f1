/**
 * Typo correction: the word of the index nearest to a word that matched nothing, by the same edit
 * distance the duplicate check uses (transpositions count one: `dropuot` is one edit from
 * `dropout`). No library: the search page's script has to stay small (a first search may download
 * at most 200 KB).
 */
import { editDistance } from '../paper/duplicates.ts';

export { editDistance };

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
