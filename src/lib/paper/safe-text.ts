/**
 * Text as every output may carry it. XML 1.0 forbids most C0 control characters, U+FFFE, U+FFFF
 * and lone surrogates, and a single one makes a whole feed or sitemap unreadable; HTML calls every
 * control character and noncharacter a parse error; spreadsheets and BibTeX tools choke on them.
 * Explicit bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder the text
 * after them, so an override in one author's name would reverse the names that follow it, in the
 * page, the window title and the citations alike. None of these belongs in a paper's metadata (the
 * checker rejects them); the site drops them wherever it writes text, whatever the input.
 *
 * Kept: tab, line feed and carriage return (white space every format allows), the bidi marks
 * U+200E and U+200F (they reorder nothing), and every other character, astral ones included.
 */

/**
 * What is dropped: C0 controls but tab, LF and CR; DEL and the C1 controls; the bidi embedding,
 * override and isolate controls; the noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every
 * plane; surrogates that are not half of a pair. The `u` flag makes `.`-free classes match whole
 * code points, so a valid surrogate pair never matches the lone-surrogate alternatives.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]|\p{Cs}/gu;

/** `text` without the characters no output may carry (see above); unchanged when it has none. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, '');
}

/** True when `text` holds a character `safeText` would drop. */
export function hasUnsafeText(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/**
 * A value with every string inside it (object values and array items, at any depth) made safe.
 * Used on a paper's parsed frontmatter, which holds only strings, numbers, arrays and objects.
 */
export function safeValue<T>(value: T): T {
  if (typeof value === 'string') return safeText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => safeValue(item)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, safeValue(item)]),
    ) as T;
  }
  return value;
}
