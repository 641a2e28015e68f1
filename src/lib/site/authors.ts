/** How authors and counts read on the site. */
import { parseName } from '../cite/reference.ts';
import { displayDate } from '../paper/ordering.ts';
import type { PaperData } from '../paper/schema.ts';
import { plural } from '../paper/words.ts';

/** `Ana Ortiz` → `A. Ortiz`, `Jean-Luc van Dam` → `J.-L. van Dam`; a team's name stays whole. */
export function initialled(name: string): string {
  const parsed = parseName(name);
  if ('literal' in parsed) return parsed.literal;
  const initials = parsed.given
    .split(' ')
    .filter((word) => word !== '')
    .map((word) =>
      word
        .split('-')
        .map((part) => `${Array.from(part)[0] ?? ''}.`)
        .join('-'),
    )
    .join(' ');
  const family = parsed.suffix === undefined ? parsed.family : `${parsed.family} ${parsed.suffix}`;
  return initials === '' ? family : `${initials} ${family}`;
}

/**
 * The authors as a list shows them: up to three as `A. Ortiz, B. Chen, C. Okafor`, more as the
 * first two and `et al.`; `et al.` too when the count says names are missing. Undefined without
 * names, where the count stands instead.
 */
export function authorsInBrief(
  data: Pick<PaperData, 'authors' | 'authorCount'>,
): string | undefined {
  const names = data.authors;
  if (names === undefined || names.length === 0) return undefined;
  const more = names.length > 3 || (data.authorCount ?? 0) > names.length;
  const shown = names.slice(0, names.length > 3 ? 2 : 3).map(initialled);
  return more ? `${shown.join(', ')}, et al.` : shown.join(', ');
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
