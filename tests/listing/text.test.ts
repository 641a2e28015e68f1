/** Decoding listing bytes: what is accepted as text and how bad bytes are located. */
import { describe, expect, it } from 'vitest';
import { decodeListing } from '../../src/lib/listing/text.ts';
import { ProblemError, type Problem } from '../../src/lib/problems/problem.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The one problem the bytes are refused for. */
function decodeError(bytes: Uint8Array): Problem {
  try {
    decodeListing(bytes);
  } catch (error) {
    if (error instanceof ProblemError && error.problems.length === 1 && error.problems[0])
      return error.problems[0];
    throw error;
  }
  throw new Error('the bytes were accepted');
}

describe('decodeListing', () => {
  it('gives LF text for a listing saved with a byte-order mark and CRLF or CR line endings', () => {
    const lf = 'Title\n\nAbstract.\n';
    expect(decodeListing(encode(lf))).toBe(lf);
    expect(decodeListing(encode(`\uFEFF${lf.replace(/\n/g, '\r\n')}`))).toBe(lf);
    expect(decodeListing(encode(`\uFEFF${lf.replace(/\n/g, '\r')}`))).toBe(lf);
  });

  it('keeps tabs, and turns the form feeds that pasted text carries into spaces', () => {
    expect(decodeListing(encode('Title\twith tab\n\fAbstract.'))).toBe(
      'Title\twith tab\n Abstract.',
    );
  });

  it('names the line and the character of a control character other than NUL', () => {
    const error = decodeError(encode('Title\n\nAbstract with a bell \u0007 in it.'));
    expect(error.line).toBe(3);
    expect(error.message).toBe('binary content (control character U+0007)');
  });

  it('names the line of invalid UTF-8 in a file with CRLF line endings', () => {
    const bytes = Uint8Array.from([
      ...encode('Title\r\n\r\nCaf'),
      0xe9,
      ...encode(' au lait.\r\n'),
    ]);
    const error = decodeError(bytes);
    expect(error.line).toBe(3);
    expect(error.message).toBe('not valid UTF-8 text');
  });

  // Known bug: the invalid-UTF-8 line finder counts only LF bytes, so a CR-only file (a line
  // ending decodeListing otherwise accepts) always reports line 1.
  it('names the line of invalid UTF-8 in a file with CR line endings', () => {
    const bytes = Uint8Array.from([...encode('Title\r\rCaf'), 0xe9, ...encode(' au lait.\r')]);
    expect(decodeError(bytes).line).toBe(3);
  });
});
