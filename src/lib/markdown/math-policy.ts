/**
 * What math in an abstract may do. Abstracts come from listings and pull requests, and KaTeX
 * renders whatever TeX it is given: `\rule{1000em}{1000em}` paints a box over the whole page,
 * `\raisebox`, `\kern` and `\rlap` put text over the header. KaTeX has no list of allowed commands
 * of its own (its options only cap sizes and macro expansion and refuse links, classes and styles
 * unless trusted), so this module keeps one: math using any other command, or that KaTeX cannot
 * parse, is shown as its TeX source, as plain text. The page's CSS clips what is left
 * (`.abstract` in src/styles/global.css), so math can never leave the abstract's box.
 */
import type { Element, ElementContent, Nodes, Root, RootContent, Text } from 'hast';
import type { KatexOptions } from 'katex';

/**
 * KaTeX's own limits, as a second line behind the list below: no user-given size above one em,
 * at most 200 macro expansions per formula (`\def\a{\a\a}\a` stops there), no `\href`, `\url`,
 * `\includegraphics` or `\html…`, and a parse error for the HTML extensions even if trust changed.
 */
export const KATEX_OPTIONS = {
  output: 'mathml',
  maxSize: 1,
  maxExpand: 200,
  trust: false,
  strict: (errorCode: string) => (errorCode === 'htmlExtension' ? 'error' : 'ignore'),
} as const satisfies KatexOptions;

/**
 * The commands math may use: letters, symbols, operators, relations, arrows, accents, fonts,
 * fractions, roots, delimiters and the usual spaces — what a paper's abstract writes. Left out on
 * purpose: everything that sets a size or moves text (`\rule`, `\raisebox`, `\kern`, `\hspace`,
 * `\rlap`, `\smash`, `\Huge`, negative spaces such as `\!`), colours and boxes, macro definitions,
 * `\char`, links, images and the HTML extensions.
 */
const ALLOWED_COMMANDS = new Set(
  [
    // Greek letters
    'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa varkappa lambda',
    'mu nu xi omicron pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega',
    'Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega digamma',
    // Letter-like symbols
    'ell hbar imath jmath aleph beth Re Im wp partial nabla infty emptyset varnothing complement',
    'prime backprime top bot perp angle forall exists nexists neg lnot surd dagger ddagger',
    // Binary operators
    'pm mp times div cdot ast star circ bullet oplus ominus otimes oslash odot cup cap sqcup sqcap',
    'vee wedge lor land setminus smallsetminus wr amalg diamond triangleleft triangleright',
    'bigtriangleup bigtriangledown uplus boxplus boxminus boxtimes boxdot centerdot dotplus',
    // Relations
    'leq le geq ge neq ne lt gt ll gg leqslant geqslant lesssim gtrsim approx approxeq sim simeq',
    'cong equiv propto asymp doteq triangleq coloneqq eqqcolon prec succ preceq succeq',
    'subset supset subseteq supseteq subsetneq supsetneq sqsubseteq sqsupseteq in ni notin owns',
    'mid nmid parallel nparallel vdash dashv models vDash Vdash lhd rhd unlhd unrhd not',
    // Arrows
    'to gets leftarrow rightarrow leftrightarrow Leftarrow Rightarrow Leftrightarrow longleftarrow',
    'longrightarrow longleftrightarrow Longleftarrow Longrightarrow Longleftrightarrow mapsto',
    'longmapsto implies impliedby iff uparrow downarrow updownarrow Uparrow Downarrow',
    'nearrow searrow swarrow nwarrow hookleftarrow hookrightarrow rightharpoonup',
    'rightleftharpoons leftrightarrows rightrightarrows leadsto xrightarrow xleftarrow',
    // Big operators and functions
    'sum prod coprod int iint iiint oint bigcup bigcap bigoplus bigotimes bigodot bigvee bigwedge',
    'bigsqcup biguplus lim liminf limsup sup inf max min arg argmax argmin det dim ker deg gcd hom',
    'log lg ln exp sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh coth Pr bmod pmod',
    'operatorname mathop limits nolimits',
    // Delimiters
    'left right middle big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr langle',
    'rangle lvert rvert lVert rVert vert Vert lceil rceil lfloor rfloor lbrace rbrace lbrack rbrack',
    'backslash',
    // Dots
    'dots ldots cdots vdots ddots dotsc dotsb dotsm',
    // Accents and decorations
    'hat widehat tilde widetilde bar overline underline vec overrightarrow overleftarrow dot ddot',
    'check breve acute grave mathring overbrace underbrace overset underset stackrel',
    // Fonts and text
    'mathbb mathbf mathcal mathfrak mathit mathrm mathsf mathtt mathscr boldsymbol bm mathnormal',
    'text textrm textbf textit textsf texttt textnormal emph',
    // Fractions, binomials, roots
    'frac dfrac tfrac cfrac binom dbinom tbinom choose sqrt',
    // Styles within the normal range
    'displaystyle textstyle scriptstyle',
    // Environments (names are checked separately)
    'begin end',
    // Positive spaces of fixed width
    'quad qquad thinspace medspace thickspace enspace space',
  ]
    .join(' ')
    .split(' '),
);

/** Commands of one character: escaped specials, the positive spaces and the line break. */
const ALLOWED_SYMBOL_COMMANDS = new Set([
  ',',
  ':',
  ';',
  ' ',
  '{',
  '}',
  '|',
  '%',
  '$',
  '&',
  '#',
  '_',
  '\\',
]);

/** Environments: matrices, cases and aligned equations. */
const ALLOWED_ENVIRONMENTS = new Set([
  'matrix',
  'pmatrix',
  'bmatrix',
  'Bmatrix',
  'vmatrix',
  'Vmatrix',
  'smallmatrix',
  'cases',
  'aligned',
  'gathered',
  'array',
  'split',
]);

/** The commands (with their backslash) and environments of `tex` that the list does not allow. */
export function disallowedCommands(tex: string): string[] {
  const found = new Set<string>();
  for (const match of tex.matchAll(/\\([A-Za-z]+|[^A-Za-z])/g)) {
    const name = match[1] ?? '';
    const allowed = /^[A-Za-z]/.test(name)
      ? ALLOWED_COMMANDS.has(name)
      : ALLOWED_SYMBOL_COMMANDS.has(name);
    if (!allowed) found.add(`\\${name}`);
  }
  for (const match of tex.matchAll(/\\(?:begin|end)\s*\{([^}]*)\}/g)) {
    const name = match[1] ?? '';
    if (!ALLOWED_ENVIRONMENTS.has(name)) found.add(`{${name}}`);
  }
  return [...found];
}

function isMathElement(node: Element): { display: boolean } | undefined {
  const classes = node.properties.className;
  if (!Array.isArray(classes)) return undefined;
  if (classes.includes('math-display')) return { display: true };
  if (classes.includes('math-inline')) return { display: false };
  return undefined;
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') {
    return node.children.map((child: Nodes) => textOf(child)).join('');
  }
  return '';
}

/** Math shown as its source, as a reader would have typed it. */
function literalMath(tex: string, display: boolean): Text {
  const fence = display ? '$$' : '$';
  return { type: 'text', value: `${fence}${tex}${fence}` };
}

/**
 * Replaces, in place, every child for which `replace` gives nodes; visits the children of the
 * rest. Written out because the two plugins below need only this much of unist-util-visit.
 */
function replaceElements(
  parent: Root | Element,
  replace: (node: Element) => ElementContent[] | undefined,
): void {
  const children: RootContent[] = [];
  for (const child of parent.children) {
    const replacement = child.type === 'element' ? replace(child) : undefined;
    if (replacement !== undefined) children.push(...replacement);
    else {
      if (child.type === 'element') replaceElements(child, replace);
      children.push(child);
    }
  }
  parent.children = children;
}

/**
 * A rehype plugin, before rehype-katex: math that uses a command or environment not on the list
 * becomes its TeX source as text, so KaTeX never sees it.
 */
export function rehypeMathAllowList(): (tree: Root) => void {
  return (tree) => {
    replaceElements(tree, (node) => {
      const math = isMathElement(node);
      if (math === undefined) return undefined;
      const tex = textOf(node);
      return disallowedCommands(tex).length > 0 ? [literalMath(tex, math.display)] : undefined;
    });
  };
}

/**
 * A rehype plugin, after rehype-katex: math KaTeX could not parse (which it marks up as a red
 * `katex-error` span with an inline style) becomes its TeX source as text, and no element keeps
 * a `style` attribute, so the pages need no `style-src-attr` in their Content-Security-Policy.
 */
export function rehypeMathCleanup(): (tree: Root) => void {
  return (tree) => {
    replaceElements(tree, (node) => {
      const classes = node.properties.className;
      if (Array.isArray(classes) && classes.includes('katex-error')) {
        return [literalMath(textOf(node), false)];
      }
      delete node.properties.style;
      return undefined;
    });
  };
}
