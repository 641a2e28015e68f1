/**
 * Shortening text for descriptions and summaries without breaking a character. Cutting a string
 * at a UTF-16 index can split an emoji, a flag, a letter with combining accents or a surrogate
 * pair, leaving a broken character (U+FFFD in some readers, a lone surrogate in the HTML) at the
 * end of a meta description. Intl.Segmenter finds grapheme boundaries as the reader sees them.
 */

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * `text` with its white space collapsed, at most `limit` UTF-16 code units long: unchanged when it
 * fits, else cut at the last space before the limit (or, when there is none in the second half,
 * at the last grapheme boundary) with `…` appended, never inside a character.
 */
export function shorten(text: string, limit: number): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= limit) return collapsed;
  // Room for the ellipsis.
  let end = 0;
  for (const { index, segment } of graphemes.segment(collapsed)) {
    if (index + segment.length > limit - 1) break;
    end = index + segment.length;
  }
  // A word boundary in the second half; past that, a text without spaces is cut between graphemes.
  const lastSpace = collapsed.lastIndexOf(' ', end);
  const cut = lastSpace > end / 2 ? lastSpace : end;
  return `${collapsed.slice(0, cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** A paper page's meta description: its title, then its abstract, up to 200 characters. */
export function paperDescription(title: string, abstract: string): string {
  return shorten(`${title}. ${abstract}`, 200);
}
