import {
  BIDI_CONTROLS,
  describeCodePoint,
  findForbiddenCharacters,
  invalidUtf8Line,
} from '../paper/text-safety.ts';
import { ProblemError } from '../problems/problem.ts';

/**
 * Turns the bytes of a listing file into text the parsers can trust: valid UTF-8, no byte-order
 * mark, `\n` line endings, no binary content. Throws a ProblemError naming the line otherwise.
 */
export function decodeListing(bytes: Uint8Array): string {
  const line = invalidUtf8Line(bytes);
  if (line !== undefined) {
    throw new ProblemError({
      line,
      message: 'not valid UTF-8 text',
      hint: 'save the listing as UTF-8 and import it again',
    });
  }
  return normaliseListingText(new TextDecoder('utf-8').decode(bytes));
}

/**
 * Strips a byte-order mark, unifies line endings, turns form feeds and vertical tabs (which pasted
 * text carries) into spaces, strips invisible direction marks (a page dump has no use for them,
 * and in a name they reorder the names after it), and rejects every other control character,
 * noncharacter or lone surrogate: NUL and its kin mean a binary file, and any of them would make
 * the site's feeds invalid XML.
 */
export function normaliseListingText(raw: string): string {
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\f\v]/g, ' ')
    .replace(BIDI_CONTROLS, '');
  const [found] = findForbiddenCharacters(text, 1);
  if (found !== undefined) {
    const binary = found.kind === 'control' && found.code < 0x20;
    throw new ProblemError({
      line: found.line,
      message: binary
        ? `binary content (control character ${describeCodePoint(found.code).split(' ')[0] ?? ''})`
        : `${found.kind === 'control' ? 'control character' : found.kind === 'noncharacter' ? 'noncharacter' : 'half a character'} ${describeCodePoint(found.code)} at column ${found.column}`,
      hint: binary
        ? 'a listing is a plain-text dump of a search page; check that the right file was given'
        : 'the dump was decoded wrongly; save the page again as UTF-8 text',
    });
  }
  return text;
}

/**
 * Trims a line: the space a page dump leaves at either end (spaces, tabs, no-break spaces).
 * Text inside the line is kept exactly as printed.
 */
export function cleanLine(line: string): string {
  return line.trim();
}
