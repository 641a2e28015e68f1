import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paperDescription, shorten } from '../../src/lib/site/shorten.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The graphemes of a text, as a reader counts characters. */
function graphemesOf(text: string): string[] {
  return Array.from(segmenter.segment(text), (segment) => segment.segment);
}

describe('shorten', () => {
  it('leaves text that fits as it is, white space collapsed', () => {
    expect(shorten('  Weight   decay\nshrinks weights. ', 40)).toBe(
      'Weight decay shrinks weights.',
    );
  });

  it('cuts at the last space before the limit and adds an ellipsis', () => {
    expect(shorten('Weight decay shrinks weights towards zero.', 20)).toBe('Weight decay…');
  });

  it.each([
    ['emoji with skin tone and joiner', '👩🏽‍🔬'],
    ['flag', '🇪🇺'],
    ['letter with combining accents', 'e\u0301\u0302'],
    ['astral letter', '𝓛'],
    ['CJK', '正'],
  ])('never splits a %s in a text without spaces', (_, grapheme) => {
    for (let limit = 2; limit < 40; limit += 1) {
      const short = shorten(grapheme.repeat(40), limit);
      expect(short.length).toBeLessThanOrEqual(limit);
      expect(short.endsWith('…')).toBe(true);
      expect(graphemesOf(short.slice(0, -1)).every((part) => part === grapheme)).toBe(true);
    }
  });

  it('keeps every grapheme it keeps whole, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.nat(100), (text, n) => {
        const limit = n + 2;
        const short = shorten(text, limit);
        expect(short.length).toBeLessThanOrEqual(Math.max(limit, 0));
        const whole = new Set(graphemesOf(text.replace(/\s+/g, ' ')));
        for (const part of graphemesOf(short.replace(/…$/, ''))) {
          if (part !== ' ') expect(whole.has(part) || part === '…').toBe(true);
        }
        expect(short).not.toMatch(/\p{Cs}/u);
      }),
      { numRuns: 400, seed: 20261206 },
    );
  });
});

/** Where a text is cut, by the definition: the end of the last grapheme that leaves room for `…`. */
function cutByGraphemes(text: string, limit: number): number {
  let end = 0;
  for (const part of graphemesOf(text)) {
    if (end + part.length > limit - 1) break;
    end += part.length;
  }
  return end;
}

describe('shorten on plain English text', () => {
  it('cuts ASCII text where the grapheme rule would, also before a combining mark', () => {
    // "e" followed by a combining acute accent is one character: never cut between them.
    expect(shorten('abcdefgh\u0301ij', 9)).toBe('abcdefg…');
    expect(shorten('ab cd ef gh', 6)).toBe('ab cd…');
  });

  it('keeps exactly the graphemes the definition keeps, for text mostly of ASCII', () => {
    const character = fc.oneof(
      {
        weight: 20,
        arbitrary: fc.constantFrom('a', 'b', 'x', 'z', ' ', 'A', 'C', '.', ',', ';', '-', '0', '9'),
      },
      { weight: 1, arbitrary: fc.constantFrom('\u0301', '🙂', 'é', '\u200d', '正') },
    );
    fc.assert(
      fc.property(fc.array(character, { maxLength: 80 }), fc.nat(60), (parts, n) => {
        const text = parts.join('').replace(/\s+/g, ' ').trim();
        const limit = n + 2;
        if (text.length <= limit) return;
        const end = cutByGraphemes(text, limit);
        const lastSpace = text.lastIndexOf(' ', end);
        const cut = lastSpace > end / 2 ? lastSpace : end;
        expect(shorten(text, limit)).toBe(`${text.slice(0, cut).replace(/[\s,;:.-]+$/, '')}…`);
      }),
      { numRuns: 1000, seed: 20261206 },
    );
  });
});

describe('paperDescription', () => {
  it('is the title and the start of the abstract, cut whole at 200 characters', () => {
    const description = paperDescription('A Title', `${'🙂'.repeat(150)} end`);
    expect(description.startsWith('A Title. 🙂')).toBe(true);
    expect(description.length).toBeLessThanOrEqual(200);
    expect(description).not.toMatch(/\p{Cs}/u);
  });
});
