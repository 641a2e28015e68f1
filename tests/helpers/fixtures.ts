/**
 * Loads the golden listing fixtures: `tests/fixtures/listings/<case>/input.txt` and the
 * hand-written `expected.json` beside it (see `tests/fixtures/README.md`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { listingFixturesDir } from './paths.ts';

const expectedEntry = z.strictObject({
  title: z.string().min(1),
  abstract: z.string().min(1),
  line: z.int().min(1),
  date: z.iso.date().optional(),
  dateText: z.string().optional(),
  authorCount: z.int().min(1).optional(),
  upvotes: z.int().min(0).optional(),
  comments: z.int().min(0).optional(),
  titleSplit: z.enum(['known', 'rule']).optional(),
});

const expectedListing = z.strictObject({
  layout: z.enum(['blocks', 'one-per-line', 'paragraphs', 'title-abstract-lines']),
  entries: z.array(expectedEntry).min(1),
});

const expectedError = z.strictObject({
  error: z.strictObject({ line: z.int().min(1), messageContains: z.string().min(1) }),
  /** Set when the case documents a known bug: the test is then expected to fail. */
  knownBug: z.string().min(1).optional(),
});

export type ExpectedListing = z.infer<typeof expectedListing>;
export type ExpectedError = z.infer<typeof expectedError>;

export interface ListingFixture {
  name: string;
  /** The raw bytes of `input.txt`: some cases are deliberately not valid UTF-8. */
  input: Uint8Array;
  expected: ExpectedListing | ExpectedError;
}

/** Every fixture folder, sorted by name. */
export function listingFixtures(): ListingFixture[] {
  return readdirSync(listingFixturesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const folder = path.join(listingFixturesDir, name);
      const json: unknown = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8'));
      const expected = z.union([expectedListing, expectedError]).parse(json);
      return {
        name,
        input: new Uint8Array(readFileSync(path.join(folder, 'input.txt'))),
        expected,
      };
    });
}

/**
 * The bytes of a listing with every `\n` replaced by `ending` and, optionally, a UTF-8 byte-order
 * mark in front. Works on bytes, so a file that is not valid UTF-8 stays exactly as invalid.
 */
export function withLineEndings(
  input: Uint8Array,
  ending: '\r\n' | '\r',
  bom: boolean,
): Uint8Array {
  const out: number[] = bom ? [0xef, 0xbb, 0xbf] : [];
  for (const byte of input) {
    if (byte === 0x0a) out.push(...(ending === '\r\n' ? [0x0d, 0x0a] : [0x0d]));
    else out.push(byte);
  }
  return Uint8Array.from(out);
}
