import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderAbstract, renderWithPipeline } from '../../src/lib/markdown/render-abstract.ts';

describe('renderAbstract', () => {
  it('wraps plain text in a paragraph and keeps every character', () => {
    expect(renderAbstract('Weight decay shrinks weights; "L2" is not the same as decay.')).toBe(
      '<p>Weight decay shrinks weights; "L2" is not the same as decay.</p>',
    );
  });

  it('shows HTML as text instead of running it', () => {
    const html = renderAbstract(
      'Bad <script>alert(1)</script> and <img src=x onerror=alert(1)> text',
    );
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });

  it('keeps Markdown links, images, emphasis and headings as literal text', () => {
    const html = renderAbstract(
      'See [here](javascript:alert(1)) and ![x](y.png), *not emphasis*\n\n# not a heading',
    );
    expect(html).not.toMatch(/<a |<img|<em>|<h1>/);
    expect(html).toContain('[here](javascript:alert(1))');
    expect(html).toContain('*not emphasis*');
    expect(html).toContain('# not a heading');
  });

  it('keeps backslashes and entity-like text literal', () => {
    expect(renderAbstract('\\alpha and &amp; and nabla f_theta')).toBe(
      '<p>\\alpha and &#x26;amp; and nabla f_theta</p>',
    );
  });

  it('renders $…$ math as MathML and leaves a lone dollar sign alone', () => {
    const html = renderAbstract('A rate of $O(1/n^2)$ costs $5 less.');
    expect(html).toContain('<math');
    expect(html).toContain('<annotation encoding="application/x-tex">O(1/n^2)</annotation>');
    expect(html).toContain('costs $5 less.');
  });

  it('splits paragraphs on blank lines', () => {
    expect(renderAbstract('First.\n\nSecond.')).toBe('<p>First.</p>\n<p>Second.</p>');
  });
});

describe('the fast path for one plain paragraph', () => {
  it('gives exactly what the pipeline gives, for any one-line text without math', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }).filter((text) => text.trim() !== ''),
        fc.constantFrom('', '<b>', '&amp;', '*x*', '[a](b)', '\\', '#', '> q', '1. ', '`c`', '  '),
        (text, extra) => {
          const line = `${extra}${text}${extra}`.replace(/[\n\r$]/g, ' ').trim();
          fc.pre(line !== '');
          expect(renderAbstract(line)).toBe(renderWithPipeline(line));
        },
      ),
      { numRuns: 500, seed: 20261122 },
    );
  });

  it('leaves math, line breaks and control characters to the pipeline', () => {
    for (const text of ['x $a$ y', 'one\n\ntwo', 'a\u0000b', ' lead', 'trail ']) {
      expect(renderAbstract(text)).toBe(renderWithPipeline(text));
    }
  });
});
