/** How authors and counts read on the site. */
import { displayDate } from '../paper/ordering.ts';
import type { PaperData } from '../paper/schema.ts';
import { plural } from '../paper/words.ts';

/** Names listed before the rest are summed up as "and N more". */
const NAMED_AUTHORS = 3;

/**
 * Who wrote the paper, as every list and every search result shows it: up to three full names
 * (`A, B and C`, or `A, B, C and 4 more`), else the listing's count (`5 authors`), else nothing.
 * Full names rather than initials: a reader scanning a list looks for people they know, and the
 * count of the names left out says how large the team is, where `et al.` would not.
 */
export function authorLine(data: Pick<PaperData, 'authors' | 'authorCount'>): string | undefined {
  const names = data.authors ?? [];
  if (names.length > 0) {
    if (names.length === 1) return names[0];
    if (names.length <= NAMED_AUTHORS) {
      return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
    }
    return `${names.slice(0, NAMED_AUTHORS).join(', ')} and ${names.length - NAMED_AUTHORS} more`;
  }
  return data.authorCount === undefined ? undefined : plural(data.authorCount, 'author');
}

/**
 * The upvote count with where it comes from and, when `npm run enrich` read it, the day:
 * `42 upvotes on Hugging Face, as of Dec 6, 2026`, so no count pretends to be current.
 */
export function upvotesText(data: Pick<PaperData, 'upvotes' | 'upvotesOn'>): string | undefined {
  if (data.upvotes === undefined) return undefined;
  const count = `${plural(data.upvotes, 'upvote')} on Hugging Face`;
  return data.upvotesOn === undefined
    ? count
    : `${count}, as of ${displayDate({ date: data.upvotesOn }) ?? data.upvotesOn}`;
}
