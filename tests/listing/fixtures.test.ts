/**
 * The golden fixtures under tests/fixtures/listings/: one folder per case, one loop over them.
 * Valid listings must give exactly the hand-written entries, whatever their line endings;
 * bad listings must be refused with an error naming the right line.
 */
import { describe, expect, it } from 'vitest';
import { detectLayout, parseListing } from '../../src/lib/listing/parse.ts';
import { decodeListing } from '../../src/lib/listing/text.ts';
import type { Listing } from '../../src/lib/listing/types.ts';
import { formatProblem, ProblemError, type Problem } from '../../src/lib/problems/problem.ts';
import { listingFixtures, withLineEndings } from '../helpers/fixtures.ts';

function parseBytes(bytes: Uint8Array): Listing {
  return parseListing(decodeListing(bytes));
}

/** The one problem a listing is refused for. */
function listingErrorOf(bytes: Uint8Array): Problem {
  try {
    parseBytes(bytes);
  } catch (error) {
    if (error instanceof ProblemError && error.problems.length === 1 && error.problems[0])
      return error.problems[0];
    throw error;
  }
  throw new Error('the listing was accepted');
}

const fixtures = listingFixtures();

describe('golden listing fixtures', () => {
  for (const { name, input, expected } of fixtures) {
    if ('layout' in expected) {
      it(`${name}: reads every entry exactly as printed`, () => {
        expect(parseBytes(input)).toEqual({ layout: expected.layout, entries: expected.entries });
      });

      it(`${name}: is recognised as the ${expected.layout} layout from its content`, () => {
        expect(detectLayout(decodeListing(input))).toBe(expected.layout);
      });

      it(`${name}: gives the same entries with CRLF or CR line endings and a byte-order mark`, () => {
        for (const variant of [
          withLineEndings(input, '\r\n', false),
          withLineEndings(input, '\r\n', true),
          withLineEndings(input, '\r', false),
          withLineEndings(input, '\r', true),
        ]) {
          expect(parseBytes(variant).entries).toEqual(expected.entries);
        }
      });
    } else {
      const { line, messageContains } = expected.error;
      const test = expected.knownBug === undefined ? it : it.fails;
      test(`${name}: is refused with an error at line ${line}`, () => {
        for (const variant of [input, withLineEndings(input, '\r\n', true)]) {
          const error = listingErrorOf(variant);
          expect(error.line, error.message).toBe(line);
          expect(error.message).toContain(messageContains);
          expect(formatProblem({ ...error, file: 'listing.txt' })).toMatch(
            new RegExp(`^listing\\.txt:${line}: `),
          );
        }
      });
    }
  }
});
