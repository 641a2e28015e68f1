/**
 * The cheap pre-check that lets topic assignment skip most patterns. Running 300 expressions over
 * every abstract costs far more than looking up a few hashed letter triples, and most patterns'
 * words are absent from most papers; so each pattern carries literal texts one of which every
 * match must contain, and is only run when the paper has every triple of one of them and
 * contains it.
 */

/**
 * Text as the patterns see it: hyphens and dashes count as spaces (so `weight decay` also finds
 * `weight-decay`), and runs of white space as one space.
 */
export function normalizeText(text: string): string {
  return text.replace(/[-\u2010-\u2015]/g, ' ').replace(/\s+/g, ' ');
}

/** Escapes that stand for a class of characters or a position and take no argument. */
const PLAIN_ESCAPES = new Set(['w', 'W', 's', 'S', 'd', 'D', 'b', 'B']);
// Stryker disable next-line Regex: it only ever tests one character, which fills it with or without anchors
const LITERAL_CHARACTER = /^[a-z0-9 ]$/i;

/** The index just past the group or class that opens at `start`, skipping escapes. */
function skipBracketed(pattern: string, start: number): number {
  let depth = 0;
  let inClass = false;
  // Stryker disable next-line EqualityOperator: one more turn past the end reads nothing and changes no state
  for (let index = start; index < pattern.length; index += 1) {
    const char = pattern[index];
    if (char === '\\') index += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    if (depth === 0 && !inClass) return index + 1;
  }
  return pattern.length;
}

/** The top-level alternatives of a pattern: `a|b(c|d)` gives `a` and `b(c|d)`. */
function splitAlternatives(pattern: string): string[] {
  const branches: string[] = [];
  let start = 0;
  let index = 0;
  // Stryker disable next-line EqualityOperator: one more turn past the end reads no bar and splits nothing
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === '\\') index += 2;
    else if (char === '(' || char === '[') index = skipBracketed(pattern, index);
    else {
      if (char === '|') {
        branches.push(pattern.slice(start, index));
        // Stryker disable next-line ArithmeticOperator: the character before a bar and the bar form no run of three, so the literals stay the same (or, after a lone `{`, the rule always runs)
        start = index + 1;
      }
      index += 1;
    }
  }
  branches.push(pattern.slice(start));
  return branches;
}

/**
 * The longest run of letters, digits and spaces that every match of one alternative contains, or
 * undefined when there is none of three characters or more, or when an escape takes an argument
 * (`\x41`, `\p{L}`, `\1`). Groups and classes end a run, and a quantifier takes back the character
 * it applies to.
 */
function requiredRun(branch: string): string | undefined {
  const runs: string[] = [];
  let run = '';
  const endRun = (): void => {
    runs.push(run);
    run = '';
  };
  let index = 0;
  // Stryker disable next-line EqualityOperator: one more turn past the end only ends the run again
  while (index < branch.length) {
    // Stryker disable next-line StringLiteral: the fallback is never read, as the index stays below the length
    const char = branch[index] ?? '';
    if (char === '\\') {
      // Stryker disable next-line StringLiteral: only a pattern ending in a lone backslash reads past its end, and no such pattern compiles
      const escaped = branch[index + 1] ?? '';
      if (/[a-z0-9]/i.test(escaped) && !PLAIN_ESCAPES.has(escaped)) return undefined;
      endRun();
      index += 2;
    } else if (char === '(' || char === '[') {
      endRun();
      index = skipBracketed(branch, index);
    } else if (char === '?' || char === '*' || char === '{') {
      run = run.slice(0, -1);
      endRun();
      index = char === '{' ? branch.indexOf('}', index) + 1 || branch.length : index + 1;
    } else if (LITERAL_CHARACTER.test(char)) {
      run += char.toLowerCase();
      index += 1;
    } else {
      endRun();
      index += 1;
    }
  }
  endRun();
  const longest = runs.reduce((best, next) => (next.length > best.length ? next : best), '');
  return longest.length >= 3 ? longest : undefined;
}

/**
 * Lower-case texts of which every match of the pattern contains at least one (one for each
 * top-level alternative), or undefined when that cannot be told and the pattern must always run.
 */
export function requiredLiterals(pattern: string): string[] | undefined {
  const literals: string[] = [];
  for (const branch of splitAlternatives(pattern)) {
    const literal = requiredRun(branch);
    if (literal === undefined) return undefined;
    literals.push(literal);
  }
  return literals;
}

/** Letter triples are hashed into a 4,096-bit table: small enough to build for every field. */
const TRIPLE_BITS = 12;
const TRIPLE_MASK = (1 << TRIPLE_BITS) - 1;

/** The hash of the three characters of `text` starting at `index`. */
function tripleCode(text: string, index: number): number {
  return (
    // Stryker disable next-line ArithmeticOperator: any other mix is another hash, used alike for fields and literals, and a substring search confirms each hit
    (text.charCodeAt(index) * 961 + text.charCodeAt(index + 1) * 31 + text.charCodeAt(index + 2)) &
    TRIPLE_MASK
  );
}

/** The hashes of every three-character piece of a literal, checked against a field's table. */
function tripleCodes(text: string): number[] {
  const codes: number[] = [];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: fewer triples only let more fields through to the substring search, which decides
  for (let index = 0; index + 3 <= text.length; index += 1) codes.push(tripleCode(text, index));
  return codes;
}

/** A normalized field of a paper, with what the pre-check needs. */
export interface FieldText {
  text: string;
  lower: string;
  /** One bit per hashed letter triple present: a miss proves a literal absent. */
  triples: Uint32Array;
}

export function fieldText(raw: string): FieldText {
  const text = normalizeText(raw);
  const lower = text.toLowerCase();
  const triples = new Uint32Array((TRIPLE_MASK + 1) / 32);
  // Stryker disable next-line ArithmeticOperator: reading past the end only sets the bit of code 0 (NaN), letting more fields through to the substring search
  for (let index = 0; index + 3 <= lower.length; index += 1) {
    const code = tripleCode(lower, index);
    triples[code >>> 5] = (triples[code >>> 5] ?? 0) | (1 << (code & 31));
  }
  return { text, lower, triples };
}

function hasTriples(field: FieldText, codes: readonly number[]): boolean {
  // Stryker disable next-line MethodExpression,ConditionalExpression: a looser test only lets more fields through to the substring search, which decides
  return codes.every((code) => ((field.triples[code >>> 5] ?? 0) & (1 << (code & 31))) !== 0);
}

export interface RequiredLiteral {
  text: string;
  codes: readonly number[];
}

/** The literals of a pattern, ready to test fields against; undefined when it must always run. */
export function patternLiterals(pattern: string): readonly RequiredLiteral[] | undefined {
  return requiredLiterals(pattern)?.map((text) => ({ text, codes: tripleCodes(text) }));
}

/** Whether a field may hold a match: it contains one of the literals (or there are none to test). */
export function mayContain(
  field: FieldText,
  literals: readonly RequiredLiteral[] | undefined,
): boolean {
  return (
    literals === undefined ||
    // A few bit tests rule most literals out; a substring search confirms the rest.
    literals.some(
      (literal) => hasTriples(field, literal.codes) && field.lower.includes(literal.text),
    )
  );
}
