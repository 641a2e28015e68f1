import { describe, expect, it } from 'vitest';
import { titleHtml } from '../../src/lib/site/title.ts';
import {
  hasTitleMath,
  texToUnicode,
  titleSegments,
  titleText,
} from '../../src/lib/paper/title-math.ts';

const SP2OT = 'SP$^2$OT: Semantic-Regularized Progressive Partial Optimal Transport';

describe('titleSegments', () => {
  it('cuts a title into text and the TeX between pairs of dollar signs', () => {
    expect(titleSegments('Using $L_1$ and $\\ell^2$ penalties')).toEqual([
      { math: false, value: 'Using ' },
      { math: true, value: 'L_1' },
      { math: false, value: ' and ' },
      { math: true, value: '\\ell^2' },
      { math: false, value: ' penalties' },
    ]);
  });

  it('leaves a lone dollar sign as text', () => {
    expect(titleSegments('$100 Networks')).toEqual([{ math: false, value: '$100 Networks' }]);
    expect(hasTitleMath('$100 Networks')).toBe(false);
    expect(hasTitleMath(SP2OT)).toBe(true);
  });
});

describe('titleText', () => {
  it('reads math as Unicode where it can, for the tab title and search', () => {
    expect(titleText(SP2OT)).toBe(
      'SP²OT: Semantic-Regularized Progressive Partial Optimal Transport',
    );
    expect(titleText('Sparse $\\ell_1$ Penalties for $\\alpha$-Entmax')).toBe(
      'Sparse ℓ₁ Penalties for α-Entmax',
    );
    expect(titleText('$\\mathrm{KL}$ Control at $T^{-1}$')).toBe('KL Control at T⁻¹');
  });

  it('keeps TeX it cannot read rather than dropping it', () => {
    expect(texToUnicode('\\mathcal{L}_{\\text{reg}}')).toBe('\\mathcal{L}_{reg}');
    expect(titleText('Plain title')).toBe('Plain title');
  });
});

describe('titleHtml', () => {
  it('renders math in a title to MathML, with no dollar signs left', () => {
    const html = titleHtml(SP2OT);
    expect(html).toMatch(
      /^SP<span class="katex"><math[^>]*>.*<msup>.*<mn>2<\/mn>.*<\/math><\/span>OT: Semantic/,
    );
    expect(html).not.toContain('<p>');
    expect(html.replace(/<annotation[^>]*>.*?<\/annotation>/g, '')).not.toContain('$');
  });

  it('keeps markup in a title as text', () => {
    expect(titleHtml('<b>Bold</b> $x$')).toMatch(/^&#x3C;b>Bold&#x3C;\/b> <span class="katex">/);
  });
});
