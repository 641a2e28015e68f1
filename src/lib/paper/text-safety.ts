/**
 * Characters no paper file or listing may carry: they break the outputs other programs read (one
 * U+000C makes a feed invalid XML), or change how text around them displays (a right-to-left
 * override reverses the author names after it) while staying invisible in a review. Shared by the
 * checker, which rejects them with file and line, and the importer, which strips the invisible
 * direction marks and rejects the rest.
 *
 * One regular expression over the whole text, matched left to right, so every check is linear in
 * the size of the file, however long its lines.
 */

/** What kind of forbidden character a code point is, or undefined when it is allowed. */
export type ForbiddenKind = 'control' | 'noncharacter' | 'bidi' | 'surrogate';

const NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'delete',
  0x85: 'next line',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x061c: 'Arabic letter mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

/** Bidirectional formatting characters: invisible, and they reorder the text around them. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Every forbidden character: C0 controls but tab and line feed (a carriage return only when a line
 * feed follows), DEL and the C1 controls, bidi controls, noncharacters (U+FDD0–U+FDEF and the last
 * two code points of every plane), and lone surrogates.
 */
const FORBIDDEN = new RegExp(
  [
    String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]`,
    String.raw`\r(?!\n)`,
    String.raw`[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]`,
    String.raw`[\uFDD0-\uFDEF]`,
    ...Array.from({ length: 17 }, (_, plane) => {
      const base = (plane * 0x10000 + 0xfffe).toString(16);
      const last = (plane * 0x10000 + 0xffff).toString(16);
      return String.raw`[\u{${base}}\u{${last}}]`;
    }),
    String.raw`[\uD800-\uDFFF]`,
  ].join('|'),
  'gu',
);

export function forbiddenKind(code: number): ForbiddenKind {
  if (code >= 0xd800 && code <= 0xdfff) return 'surrogate';
  if ((code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe) return 'noncharacter';
  if (code <= 0x9f) return 'control';
  return 'bidi';
}

/** `U+202E (right-to-left override)`. */
export function describeCodePoint(code: number): string {
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const name = NAMES[code];
  return name === undefined ? `U+${hex}` : `U+${hex} (${name})`;
}

/** A forbidden character found in a text. */
export interface ForbiddenCharacter {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in code points. */
  column: number;
  code: number;
  kind: ForbiddenKind;
}

/**
 * The forbidden characters of a text, at most one per line and `limit` in all, in order. Lines
 * are counted as they go, so a text is scanned once.
 */
export function findForbiddenCharacters(text: string, limit = 20): ForbiddenCharacter[] {
  const found: ForbiddenCharacter[] = [];
  let line = 1;
  let lineStart = 0;
  // The next line break at or after lineStart, looked up once per line, so that many matches on
  // one long line do not search for its end again and again.
  let nextBreak = text.indexOf('\n');
  for (const match of text.matchAll(FORBIDDEN)) {
    const index = match.index;
    while (nextBreak !== -1 && nextBreak < index) {
      line += 1;
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    if (found.at(-1)?.line === line) continue;
    const code = match[0].codePointAt(0) ?? 0;
    found.push({
      line,
      column: Array.from(text.slice(lineStart, index)).length + 1,
      code,
      kind: forbiddenKind(code),
    });
    if (found.length >= limit) break;
  }
  return found;
}

/** What to write instead, by kind. */
export const FORBIDDEN_HINTS: Readonly<Record<ForbiddenKind, string>> = {
  control:
    'delete it: a paper file holds plain text, where only tabs and line breaks are allowed as control characters',
  noncharacter: 'delete it: it is not a character and usually means the text was decoded wrongly',
  bidi: 'delete it: direction marks are invisible and reorder the text around them; the site sets the direction itself',
  surrogate: 'retype the character: half of it is missing',
};

/** The line of the first byte that is not valid UTF-8, or undefined when all of it is. */
export function invalidUtf8Line(bytes: Uint8Array): number | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let line = 1;
    let start = 0;
    for (let index = 0; index <= bytes.length; index += 1) {
      const byte = bytes[index];
      // A line ends at LF, at CR not followed by LF (old Mac files), or at the end of the file.
      const isBreak = byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a);
      if (index === bytes.length || isBreak) {
        try {
          decoder.decode(bytes.subarray(start, index));
        } catch {
          return line;
        }
        line += 1;
        start = index + 1;
      }
    }
    return line;
  }
}
