import { describe, expect, it } from 'vitest';
import { renderAbstract } from '../../src/lib/markdown/render-abstract.ts';
import { disallowedCommands, KATEX_OPTIONS } from '../../src/lib/markdown/math-policy.ts';
import { HOSTILE_STRINGS } from '../robustness/arbitraries.ts';

describe('math in an abstract', () => {
  it.each([
    ['\\rule{1000em}{1000em}', ['\\rule']],
    ['\\raisebox{20em}{x}', ['\\raisebox']],
    ['\\kern{-1000em}x \\hspace{-9em} \\mkern-99mu', ['\\kern', '\\hspace', '\\mkern']],
    ['\\rlap{x}\\llap{y}\\smash{z}', ['\\rlap', '\\llap', '\\smash']],
    ['\\href{javascript:alert(1)}{x}\\url{x}', ['\\href', '\\url']],
    ['\\htmlStyle{position:fixed}{x}\\htmlClass{a}{b}', ['\\htmlStyle', '\\htmlClass']],
    [
      '\\fcolorbox{red}{blue}{x}\\colorbox{red}{x}\\color{red}x',
      ['\\fcolorbox', '\\colorbox', '\\color'],
    ],
    ['\\def\\a{\\a\\a}\\a', ['\\def', '\\a']],
    ['\\Huge x \\char"41 x\\!\\!y', ['\\Huge', '\\char', '\\!']],
    ['\\begin{picture}x\\end{picture}', ['{picture}']],
  ])('refuses the commands that size, move, colour, link or define: %s', (tex, refused) => {
    expect(disallowedCommands(tex)).toEqual(refused);
    const html = renderAbstract(`Before $${tex}$ after.`);
    expect(html).not.toContain('<math');
    expect(html).not.toMatch(/\sstyle=|mspace|mpadded|mathbackground|href=/);
  });

  it('shows refused math as its TeX source, as text', () => {
    expect(renderAbstract('A $\\rule{1000em}{1000em}$ box.')).toBe(
      '<p>A $\\rule{1000em}{1000em}$ box.</p>',
    );
  });

  it.each([
    '\\mathcal{L}(\\theta) = \\frac{1}{n}\\sum_{i=1}^{n} \\ell(f_\\theta(x_i), y_i) + \\lambda \\|\\theta\\|_2^2',
    '\\mathbb{E}_{x \\sim p}\\left[\\log q(x)\\right] \\leq \\operatorname{KL}(p \\,\\|\\, q)',
    'O(1/\\sqrt{T}) \\text{ for } \\alpha \\in [0, 1]',
    '\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}',
    'SP^2OT',
    'W_{2}^{2}(\\mu,\\nu) \\approx \\hat{W}',
  ])('renders the math abstracts write: %s', (tex) => {
    expect(disallowedCommands(tex)).toEqual([]);
    const html = renderAbstract(`We show $${tex}$.`);
    expect(html).toContain('<math');
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('shows math KaTeX cannot parse as its source, with no inline style', () => {
    const html = renderAbstract('Broken $\\frac{1}{$ and $x^$ here.');
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toContain('katex-error');
    expect(html).toContain('$x^$');
  });

  it('caps sizes and macro expansion and trusts nothing in KaTeX itself', () => {
    expect(KATEX_OPTIONS).toMatchObject({ maxSize: 1, maxExpand: 200, trust: false });
    expect(KATEX_OPTIONS.strict('htmlExtension')).toBe('error');
  });

  it('gives no abstract built from the hostile strings an inline style, a link or a script', () => {
    for (const text of HOSTILE_STRINGS) {
      const html = renderAbstract(`${text} and $${text}$ and $$${text}$$`);
      expect(html, text).not.toMatch(/\sstyle=|<a |<script|<img|href=/);
    }
  });
});
