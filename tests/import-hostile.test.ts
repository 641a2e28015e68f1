/**
 * What the importer does with input that is not a listing, or a listing carrying characters no
 * paper may hold: it normalises what is harmless, refuses the rest with file and line, and never
 * reads for ever.
 */
import { execFileSync } from 'node:child_process';
import { readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../src/lib/listing/parse.ts';
import { normaliseListingText } from '../src/lib/listing/text.ts';
import { formatProblem, ProblemError, type Problem } from '../src/lib/problems/problem.ts';
import { runScript } from './helpers/cli.ts';
import { paragraphsListing, titleAbstractLines } from './helpers/listings.ts';
import { useTempDirs } from './helpers/temp.ts';

const newTempDir = useTempDirs();
const PAPER = {
  title: 'Weight Decay Revisited',
  abstract: 'We revisit weight decay and find that it still helps deep networks.',
};

/** The one problem a listing is refused for. */
function listingError(run: () => unknown): Problem {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError && error.problems.length === 1 && error.problems[0])
      return error.problems[0];
    throw error;
  }
  throw new Error('expected the listing to be refused');
}

describe('characters in a listing', () => {
  it('turns form feeds and vertical tabs into spaces and strips direction marks', () => {
    const text = paragraphsListing([
      {
        title: 'Weight\u202E Decay Revisited',
        abstract: 'We revisit\f weight\v decay and find it helps.',
      },
    ]);
    const clean = normaliseListingText(text);
    expect(clean).toContain('\nWeight Decay Revisited\n');
    expect(clean).toContain('We revisit  weight  decay and find it helps.');
  });

  it.each([
    ['U+FFFE', '\uFFFE', 'noncharacter U+FFFE at column 12'],
    ['a C1 control', '\u0085', 'control character U+0085 (next line) at column 12'],
    ['U+0001', '\u0001', 'binary content (control character U+0001)'],
  ])('refuses %s with its line and what to do', (_, char, message) => {
    const text = paragraphsListing([
      { ...PAPER, abstract: `We revisit ${char}weight decay and find it helps.` },
    ]);
    const error = listingError(() => normaliseListingText(text));
    expect([error.line, error.message]).toEqual([13, message]);
  });
});

describe('input that is not a listing', () => {
  it('refuses alternating lines without a search page header as an unrecognised layout', () => {
    const passwd =
      'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';
    const error = listingError(() => detectLayout(passwd));
    expect(formatProblem({ ...error, file: 'passwd' })).toMatch(
      /^passwd:1: unrecognised layout: no entry marked as a listing's .* \(save the search page as text from its very top, header included; content\/sources\/README\.md shows the four layouts\)$/,
    );
    // With the header a real page prints, the same shape is a listing.
    expect(detectLayout(titleAbstractLines([PAPER]))).toBe('title-abstract-lines');
  });

  it.each([
    ['a link to /dev/zero', (file: string) => symlink('/dev/zero', file), 'not a regular file'],
    ['a folder', (file: string) => execFileSync('mkdir', [file]), 'not a regular file'],
    ['a named pipe', (file: string) => execFileSync('mkfifo', [file]), 'not a regular file'],
  ])('refuses %s at once and writes nothing', async (_, make, message) => {
    const dir = await newTempDir('import-special');
    const file = path.join(dir, '2026-12-01-dump.txt');
    await make(file);
    const out = path.join(dir, 'papers');
    const run = await runScript('import.ts', ['--out', out, file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}: ${message}`);
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses /etc/passwd-like text and a file over the size limit', async () => {
    const dir = await newTempDir('import-not-listing');
    const passwd = path.join(dir, 'passwd.txt');
    await writeFile(
      passwd,
      'root:x:0:0:root:/root:/bin/bash\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\n',
    );
    const huge = path.join(dir, 'huge.txt');
    await writeFile(huge, Buffer.alloc(20 * 1024 * 1024 + 1, 0x61));
    const out = path.join(dir, 'papers');
    const first = await runScript('import.ts', ['--out', out, passwd]);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(`${passwd}:1: unrecognised layout`);
    const second = await runScript('import.ts', ['--out', out, huge]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(
      `${huge}: 20,971,521 bytes, more than the limit of 20,971,520 for a listing dump`,
    );
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
