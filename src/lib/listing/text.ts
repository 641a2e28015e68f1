import { ListingError } from './types.ts';

/**
 * Turns the bytes of a listing file into text the parsers can trust: valid UTF-8, no byte-order
 * mark, `\n` line endings, no binary content. Throws a ListingError naming the line otherwise.
 */
export function decodeListing(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = firstInvalidUtf8Line(bytes);
    throw new ListingError(
      line,
      'not valid UTF-8 text',
      'save the listing as UTF-8 and import it again',
    );
  }
  return normaliseListingText(text);
}

/** Strips a byte-order mark, unifies line endings and rejects control characters. */
export function normaliseListingText(raw: string): string {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // Tabs and form feeds appear in pasted text; other C0 controls and NUL mean a binary file.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point of this check
  const control = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split('\n').length;
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase();
    throw new ListingError(
      line,
      `binary content (control character U+${code})`,
      'a listing is a plain-text dump of a search page; check that the right file was given',
    );
  }
  return text;
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
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

/**
 * Trims a line: the space a page dump leaves at either end (spaces, tabs, no-break spaces).
 * Text inside the line is kept exactly as printed.
 */
export function cleanLine(line: string): string {
  return line.trim();
}
