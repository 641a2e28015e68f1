/**
 * Titles as the enrichment sources print them, folded so that the same paper's title compares
 * equal whichever source printed it: Hugging Face and arXiv keep the authors' LaTeX (`SP$^2$OT`),
 * OpenAlex often renders it (`SP²OT`), listings drop a space after a colon (`Samples:A Label`), and
 * publishers swap hyphens for dashes or spell accents differently.
 */
import { TRANSLITERATIONS } from '../paper/slug.ts';

/** Greek letters, so that `$\alpha$-Entmax`, `α-Entmax` and `alpha-Entmax` agree. */
const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ϵ: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  ϕ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};

/**
 * The words of a title with case, accents, LaTeX markup, punctuation and spacing folded:
 * `SP$^2$OT: Semantic-Regularized …` → `sp2ot semantic regularized …`. TeX commands keep their
 * name (`\ell_1` → `ell1`), accent commands vanish (`\"{u}` → `u`), and hyphens and dashes split
 * words, so `Semi-Supervised` and `Semi Supervised` agree here; `titleMatchKey` also joins them to
 * `semisupervised`.
 */
export function normalizeTitle(title: string): string {
  return (
    title
      // TeX accent commands (\'e, \"{u}, \~n) leave their letter; other commands keep their name.
      .replace(/\\[`'^"~=.uvHtcdbr](?![a-zA-Z])\s*/g, '')
      .replace(/\\([a-zA-Z]+)\s*/g, '$1')
      // Math shifts, sub/superscripts and groups carry no letters of their own.
      .replace(/[$^_{}]/g, '')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/./gu, (char) => GREEK[char] ?? TRANSLITERATIONS[char] ?? char)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== '')
      .join(' ')
  );
}

/**
 * The comparison key of a title: `normalizeTitle` without its spaces, so that a word split by a
 * hyphen in one source and written solid in another (`semi-supervised`, `semisupervised`) and a
 * colon printed without its space (`Samples:A Label`) still give the same key.
 */
export function titleMatchKey(title: string): string {
  return normalizeTitle(title).replaceAll(' ', '');
}

/**
 * How alike two titles are, from 0 to 1: the share of words they have in common (Jaccard over
 * `normalizeTitle` words). Used only to decide whether a search result is worth a reviewer's look.
 */
export function titleSimilarity(a: string, b: string): number {
  const x = new Set(normalizeTitle(a).split(' '));
  const y = new Set(normalizeTitle(b).split(' '));
  let shared = 0;
  for (const word of x) if (y.has(word)) shared += 1;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}
