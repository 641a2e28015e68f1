/** Longest slug we make; long titles are cut at a word boundary below it. */
export const MAX_SLUG_LENGTH = 80;

/** Letters that Unicode normalisation does not reduce to ASCII. */
export const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  ı: 'i',
};

/** ASCII words of a text: accents removed, symbols dropped, lower case. */
function asciiWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/./gu, (char) => TRANSLITERATIONS[char] ?? char);
  // Stryker disable next-line Regex: splitting at each separator rather than each run of them only adds empty words, which the filter drops
  return folded.split(/[^a-z0-9]+/).filter((word) => word !== '');
}

/**
 * A readable, URL-safe slug of a title: `Decoupled Weight Decay Regularization` →
 * `decoupled-weight-decay-regularization`. At most MAX_SLUG_LENGTH characters, cut between words.
 * A title with no ASCII letters or digits at all gets `paper`.
 */
export function slugify(title: string): string {
  let slug = '';
  for (const word of asciiWords(title)) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG_LENGTH) {
      if (slug === '') slug = word.slice(0, MAX_SLUG_LENGTH);
      break;
    }
    slug = next;
  }
  return slug === '' ? 'paper' : slug;
}

/** Whether a file name (without `.md`) is a slug this project could have made. */
export function isWellFormedSlug(name: string): boolean {
  return name.length <= MAX_SLUG_LENGTH + 4 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name);
}

/**
 * `slug`, or `slug-2`, `slug-3` … : the first that `isTaken` does not claim.
 * The suffix keeps the slug within MAX_SLUG_LENGTH plus the suffix itself.
 */
export function uniqueSlug(slug: string, isTaken: (candidate: string) => boolean): string {
  if (!isTaken(slug)) return slug;
  for (let counter = 2; ; counter += 1) {
    const candidate = `${slug}-${counter}`;
    if (!isTaken(candidate)) return candidate;
  }
}

/**
 * The key two titles share when they name the same paper: case, accents, punctuation and spacing
 * ignored. `Mixout: Effective Regularization…` and `MIXOUT — effective regularization…` agree.
 */
export function titleKey(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // Stryker disable next-line Regex: splitting at each separator rather than each run of them only adds empty words, which the filter drops
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== '')
      .join(' ')
  );
}
