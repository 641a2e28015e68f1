/**
 * The text of a page's `<title>`: the page's own title, then the site's name. A paper's title may
 * be written (or start) right to left, and the bidi algorithm would then carry the separator and
 * the site's name into its run. A `<title>` holds no markup to isolate it with, so such a title
 * sits between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE; the separator and
 * the site's name after it keep their place. (Stray bidi controls are dropped before any page is
 * made: src/lib/paper/safe-text.ts.)
 */

/** Letters of the right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko and the rest. */
const RIGHT_TO_LEFT =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

export function pageTitle(title: string, siteName: string): string {
  if (title === siteName) return title;
  const own = RIGHT_TO_LEFT.test(title) ? `\u2068${title}\u2069` : title;
  return `${own} · ${siteName}`;
}
