/**
 * Math in titles. A title such as `SP$^2$OT` holds TeX between dollar signs, as abstracts do; the
 * site renders it like an abstract's math, BibTeX keeps it as TeX, and places that only take plain
 * text (the page's `<title>`, feeds, search metadata) get a Unicode reading of it: `SP²OT`.
 */

/** A piece of a title: plain text, or the TeX between a pair of dollar signs (without them). */
export interface TitleSegment {
  math: boolean;
  value: string;
}

/**
 * Inline math as remark-math reads it in one line of text: a dollar sign, at least one character
 * that is not a dollar sign, and the closing dollar sign. A lone `$` stays text.
 */
const INLINE_MATH = /\$([^$]+)\$/g;

/** The title cut into text and math, in order; a title without math is one text segment. */
export function titleSegments(title: string): TitleSegment[] {
  const segments: TitleSegment[] = [];
  let last = 0;
  for (const match of title.matchAll(INLINE_MATH)) {
    if (match.index > last) segments.push({ math: false, value: title.slice(last, match.index) });
    segments.push({ math: true, value: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < title.length) segments.push({ math: false, value: title.slice(last) });
  return segments;
}

/** Whether the title holds math at all. */
export function hasTitleMath(title: string): boolean {
  return titleSegments(title).some((segment) => segment.math);
}

// A small table rather than a TeX-to-Unicode library: titles use a handful of scripts and Greek
// letters, and anything the table lacks stays readable TeX (`\mathcal{L}`) rather than vanishing.
const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  n: 'ⁿ',
  i: 'ⁱ',
  T: 'ᵀ',
  '*': '*',
};
const SUBSCRIPT: Readonly<Record<string, string>> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
  a: 'ₐ',
  e: 'ₑ',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  n: 'ₙ',
  p: 'ₚ',
  t: 'ₜ',
  x: 'ₓ',
};
const COMMANDS: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Pi: 'Π',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  infty: '∞',
  ell: 'ℓ',
  times: '×',
  cdot: '·',
  leq: '≤',
  geq: '≥',
  le: '≤',
  ge: '≥',
  neq: '≠',
  to: '→',
  sim: '∼',
  approx: '≈',
  in: '∈',
  partial: '∂',
  nabla: '∇',
};

/** `chars` in superscript or subscript, or undefined when one of them has no such form. */
function scripted(chars: string, table: Readonly<Record<string, string>>): string | undefined {
  let out = '';
  for (const char of chars) {
    const mapped = table[char];
    if (mapped === undefined) return undefined;
    out += mapped;
  }
  return out;
}

/** One piece of TeX as Unicode text, as far as the tables go. */
export function texToUnicode(tex: string): string {
  return (
    tex
      // Fonts and text boxes: keep their content (`\mathrm{KL}` → `KL`).
      .replace(
        /\\(?:mathrm|mathit|mathbf|mathsf|mathtt|text|textrm|textit|operatorname)\{([^{}]*)\}/g,
        '$1',
      )
      .replace(/\\([A-Za-z]+)\s*/g, (whole, name: string) => COMMANDS[name] ?? whole)
      .replace(
        /([\^_])(?:\{([^{}]*)\}|(\\?.))/g,
        (whole, mark: string, group?: string, one?: string) => {
          const chars = group ?? one ?? '';
          const out = scripted(chars, mark === '^' ? SUPERSCRIPT : SUBSCRIPT);
          return out ?? whole;
        },
      )
      .replace(/\\([{}$%&#_ ,;])/g, '$1')
      .replace(/\s+/g, ' ')
  );
}

/** The title as plain text: math read as Unicode where it can be, the text untouched. */
export function titleText(title: string): string {
  return titleSegments(title)
    .map((segment) => (segment.math ? texToUnicode(segment.value) : segment.value))
    .join('');
}
