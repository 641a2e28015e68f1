import { describe, expect, it } from 'vitest';
import { hasUnsafeText, safeText, safeValue } from '../src/lib/paper/safe-text.ts';
import { HOSTILE_CHARACTERS, HOSTILE_STRINGS } from './robustness/arbitraries.ts';

/** Characters XML 1.0 allows (its `Char` production), less the C1 controls HTML rejects. */
const XML_AND_HTML_CHAR =
  /^[\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe('safeText', () => {
  it.each(HOSTILE_CHARACTERS.map((char) => [char.codePointAt(0)?.toString(16) ?? '', char]))(
    'drops U+%s and keeps the letters around it',
    (_, char) => {
      expect(safeText(`a${char}b${char}`)).toBe('ab');
      expect(hasUnsafeText(`a${char}b`)).toBe(true);
    },
  );

  it('leaves every hostile string valid in XML and HTML', () => {
    for (const text of HOSTILE_STRINGS) {
      const safe = safeText(text);
      expect(safe, JSON.stringify(text)).toMatch(XML_AND_HTML_CHAR);
      expect(hasUnsafeText(safe)).toBe(false);
      // Nothing else of a noncharacter plane's last two code points survives either.
      expect(Array.from(safe, (char) => (char.codePointAt(0) ?? 0) & 0xfffe)).not.toContain(0xfffe);
    }
  });

  it('keeps white space, astral characters, emoji, accents and the harmless bidi marks', () => {
    const text =
      'tab\there\nline\r\n𝓛₂ 🙂 👩🏽‍🔬 e\u0301 \u200Eleft\u200Fright\u200B \u00A0 محمد \u2028';
    expect(safeText(text)).toBe(text);
    expect(hasUnsafeText(text)).toBe(false);
  });

  it('gives the same answer when called again (no regex state left behind)', () => {
    expect(hasUnsafeText('a\u0001')).toBe(true);
    expect(hasUnsafeText('a\u0001')).toBe(true);
    expect(hasUnsafeText('plain')).toBe(false);
  });
});

describe('safeValue', () => {
  it('makes every string of a paper’s frontmatter safe, at any depth, and keeps the rest', () => {
    expect(
      safeValue({
        title: 'A\u0000B',
        authors: ['\u202EAlice', 'Bob\u000C'],
        upvotes: 3,
        nested: { note: '\uFFFEx' },
      }),
    ).toEqual({ title: 'AB', authors: ['Alice', 'Bob'], upvotes: 3, nested: { note: 'x' } });
  });
});
