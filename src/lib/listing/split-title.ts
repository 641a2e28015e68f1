/**
 * One-line listings print a paper's title and abstract run together with no separator:
 * `Decoupled Weight Decay Regularization L_2 regularization and weight decay …`.
 * When no other listing prints the title on its own line, this module decides where the title
 * ends. No library does this; the rule below is written for titles and abstracts of papers.
 *
 * The rule reads the text word by word and looks for the first word that opens the abstract.
 * An abstract opens with prose: a capitalised word followed by lower-case words
 * (`Dynamic imaging addresses …`), a typical opening word (`We`, `In`, `The`, `Recent` …),
 * a label (`Background:`), or a capitalised phrase with its acronym
 * (`Electronic Health Records (EHR) are …`). A title, by contrast, is either in Title Case,
 * where capitalised words follow one another, or in sentence case, where they are rare.
 * Where several places qualify, a typical opening word wins, then a place where the abstract
 * repeats the title's last words (`… for Dynamic Imaging Dynamic imaging addresses …`),
 * then the earliest place. Titles never end in a minor word, a colon or a comma, and the title
 * cannot run past the end of the abstract's first sentence.
 */

/** Words written in lower case inside Title Case titles. */
const MINOR_WORDS = new Set(
  'a an the and or nor but of for to in on at by via with from into onto over under as vs vs. versus without within through towards toward then & per'.split(
    ' ',
  ),
);

/** Words that may stand between an abstract's capitalised subject and the rest of its sentence. */
const GLUE_WORDS = new Set([
  ...MINOR_WORDS,
  ...'is are was were has have had can could may might will would should does do be been being its their this that these those which who'.split(
    ' ',
  ),
]);

/** Words that typically open an abstract and are followed by lower-case prose. */
const OPENING_WORDS = new Set(
  'We The In This A An Our These Recent Recently, Despite There To Since While As Although Many Most What When It Given How Due Here Because Such However, Existing Current Imagine Over Building Motivated'.split(
    ' ',
  ),
);

/** Opening words that may be followed directly by a capitalised noun (`Though Transformers …`). */
const CONJUNCTIONS = new Set([
  'Although',
  'Though',
  'While',
  'Despite',
  'Since',
  'Because',
  'When',
]);

/** Opening words that may be followed by a name of one or two capitalised words, then prose. */
const DETERMINERS = new Set(['The', 'A', 'An', 'This', 'These', 'Our']);

/** Structured-abstract labels. */
const LABELS = new Set(
  'Background: Context: Motivation: Purpose: Objective: Objectives: Abstract: Summary: Aims: Aim:'.split(
    ' ',
  ),
);

/** Abbreviations whose final period does not end a sentence. */
const ABBREVIATION = /^(?:e\.g\.|i\.e\.|vs\.|al\.|[A-Z]\.)$/;

type OpeningKind = 'opening-word' | 'label' | 'acronym' | 'prose' | 'phrase';

function letters(word: string): string {
  return word.replace(/[^A-Za-z]/g, '');
}

function isCapitalised(word: string): boolean {
  const text = letters(word);
  return text !== '' && text.startsWith(text.charAt(0).toUpperCase()) && !word.startsWith('(');
}

function isLowerCaseWord(word: string): boolean {
  const text = letters(word);
  return text !== '' && text === text.toLowerCase() && !word.startsWith('(');
}

function startsLowerCase(word: string): boolean {
  // Stryker disable next-line MethodExpression: testing the whole word instead of its first letter differs only for a word like `tHe`, which isGlue would take for glue in no listing
  return word.startsWith(word.charAt(0).toLowerCase());
}

function isAcronymLike(word: string): boolean {
  return (word.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

function isMinor(word: string): boolean {
  return MINOR_WORDS.has(word.toLowerCase());
}

function isGlue(word: string): boolean {
  // Stryker disable next-line Regex: a word holds a comma only at its end (`are,`), so the first comma is the last
  return GLUE_WORDS.has(word.toLowerCase().replace(/,$/, ''));
}

/** Index just past a parenthesised group starting at `index`, or `index` when there is none. */
function skipParenthesis(words: readonly string[], index: number): number {
  if (!words[index]?.startsWith('(')) return index;
  let end = index;
  // Stryker disable next-line EqualityOperator: past the last word `words[end]` is undefined either way; a group that never closes reads as nothing
  while (end < words.length && !words[end]?.includes(')')) end += 1;
  return end + 1;
}

/**
 * Whether the words from `start` read as the rest of a sentence: optional glue words, then a
 * lower-case word that is not followed by a capitalised one.
 */
function readsAsProse(words: readonly string[], start: number, needsVerb = false): boolean {
  let index = start;
  let sawGlue = false;
  for (let step = 0; step < 4; step += 1) {
    index = skipParenthesis(words, index);
    const word = words[index];
    if (word === undefined) return false;
    if (isGlue(word) && startsLowerCase(word)) {
      sawGlue = true;
      index += 1;
      continue;
    }
    if (/^\d/.test(word) && !needsVerb) {
      index += 1;
      continue;
    }
    if (!isLowerCaseWord(word) || (needsVerb && !sawGlue)) return false;
    const next = words[skipParenthesis(words, index + 1)];
    return next === undefined || !isCapitalised(next) || isGlue(next);
  }
  return false;
}

/** Whether `run` (`Sparse Autoencoders`) can be spelled out by `acronym` (`SAE`). */
function acronymMatches(run: readonly string[], acronym: string): boolean {
  const initials = run.flatMap((word) =>
    word
      .split('-')
      .map(letters)
      .filter((part) => part !== '')
      .map((part) => part.charAt(0).toUpperCase()),
  );
  if (initials.length === 0 || run.length > acronym.length || initials[0] !== acronym[0])
    return false;
  let position = 0;
  for (const initial of initials) {
    position = acronym.indexOf(initial, position);
    if (position < 0) return false;
    position += 1;
  }
  return true;
}

/** The acronym in `(SAEs)` as `SAE`, or undefined when the word is not a parenthesised acronym. */
function parenthesisedAcronym(word: string | undefined): string | undefined {
  const match = word === undefined ? null : /^\(([A-Za-z0-9-]+)\)[,.:;]?$/.exec(word);
  return match?.[1]?.replace(/s$/, '').toUpperCase().replace(/-/g, '');
}

/** End of a run of capitalised words starting at `start`, looking at most `limit` words ahead. */
function capitalisedRunEnd(words: readonly string[], start: number, limit: number): number {
  let end = start;
  // Stryker disable next-line StringLiteral: `end < words.length` keeps `words[end]` defined, so the fallback is never used
  while (end < words.length && end < start + limit && isCapitalised(words[end] ?? '')) end += 1;
  return end;
}

/**
 * The longest phrase compared: a title's last words repeated as the abstract's first are strong
 * evidence at any length, and real titles end in phrases of four or five words ("Large Language
 * Model Agents") as often as in two.
 */
const MAX_REPEATED_WORDS = 6;

function openingKind(words: readonly string[], index: number): OpeningKind | undefined {
  // Stryker disable next-line StringLiteral: candidates() passes only indices of words, so the fallback is never used
  const word = words[index] ?? '';
  // Stryker disable next-line StringLiteral: candidates() stops one word before the end, so the next word exists
  const next = words[index + 1] ?? '';
  if (LABELS.has(word)) return 'label';
  if (OPENING_WORDS.has(word) || CONJUNCTIONS.has(word)) {
    if (isLowerCaseWord(next) || (isGlue(next) && startsLowerCase(next))) return 'opening-word';
    if (CONJUNCTIONS.has(word) && isCapitalised(next) && readsAsProse(words, index + 2))
      return 'opening-word';
    // "The Sharpness Aware Minimization (SAM) algorithm …"
    const runEnd = capitalisedRunEnd(words, index + 1, 6);
    const acronym = parenthesisedAcronym(words[runEnd]);
    // Stryker disable next-line EqualityOperator: with no word in the run acronymMatches refuses anyway; the bound only spares the call
    if (runEnd > index + 1 && acronym && acronymMatches(words.slice(index + 1, runEnd), acronym)) {
      return 'opening-word';
    }
    // "The Gaussian noise schedule is …", "This Mixup variant works …"
    if (DETERMINERS.has(word) && runEnd > index + 1 && runEnd <= index + 3) {
      if (readsAsProse(words, runEnd)) return 'opening-word';
    }
  }
  if (!isCapitalised(word) || word.endsWith(':')) return undefined;
  // "Electronic Health Records (EHR) are …"
  const runEnd = capitalisedRunEnd(words, index, 6);
  const acronym = parenthesisedAcronym(words[runEnd]);
  if (
    acronym &&
    acronymMatches(words.slice(index, runEnd), acronym) &&
    readsAsProse(words, runEnd + 1)
  ) {
    return 'acronym';
  }
  // An acronym opens prose only with a verb: "MRI is an inherently slow process", not "MRI brain tumor".
  if (isAcronymLike(word)) return readsAsProse(words, index + 1, true) ? 'prose' : undefined;
  if (readsAsProse(words, index + 1)) return 'prose';
  // "Optimal Transport is a useful metric": only trusted where it repeats the title's last words.
  const phraseEnd = capitalisedRunEnd(words, index + 1, MAX_REPEATED_WORDS);
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: a phrase of one word needs a verb right after it, and readsAsProse above already accepted every such word
  if (phraseEnd > index + 1 && readsAsProse(words, phraseEnd, true)) return 'phrase';
  return undefined;
}

/** Whether the words from `index` repeat the words just before it (case-insensitively). */
function repeatsTitleEnd(words: readonly string[], index: number): boolean {
  for (let length = 1; length <= MAX_REPEATED_WORDS && length <= index; length += 1) {
    const before = words
      .slice(index - length, index)
      .join(' ')
      .toLowerCase();
    const after = words
      .slice(index, index + length)
      .join(' ')
      .toLowerCase();
    if (before === after) return true;
  }
  return false;
}

interface Candidate {
  index: number;
  kind: OpeningKind;
  repeats: boolean;
}

/** Where a title may end: the index of every word that could open the abstract. */
function candidates(words: readonly string[]): Candidate[] {
  const found: Candidate[] = [];
  let openParentheses = 0;
  for (let index = 1; index < words.length - 1; index += 1) {
    // Stryker disable next-line StringLiteral: the loop starts at index 1, so the previous word exists
    const previous = words[index - 1] ?? '';
    openParentheses += (previous.match(/\(/g)?.length ?? 0) - (previous.match(/\)/g)?.length ?? 0);
    // The abstract's first sentence has ended: the title cannot reach further.
    if (previous.endsWith('.') && !ABBREVIATION.test(previous)) break;
    if (/[:;,-]$/.test(previous) || isMinor(previous) || openParentheses > 0) continue;
    const kind = openingKind(words, index);
    if (kind === undefined) continue;
    // A one-word title needs a clear opening after it: "3D MRI brain …" is one title.
    if (index === 1 && kind !== 'opening-word' && kind !== 'label') continue;
    const repeats = repeatsTitleEnd(words, index);
    if (kind === 'phrase' && !repeats) continue;
    found.push({ index, kind, repeats });
  }
  return found;
}

/** A title and abstract told apart. */
export interface TitleSplit {
  title: string;
  abstract: string;
}

/**
 * Splits `Title words Abstract words …` into title and abstract by the rule above.
 * Returns undefined when no place reads as the start of an abstract.
 */
export function splitTitleAndAbstract(text: string): TitleSplit | undefined {
  const words = text.split(' ');
  const found = candidates(words);
  const chosen =
    found.find((candidate) => candidate.kind === 'opening-word' || candidate.kind === 'label') ??
    found.find((candidate) => candidate.repeats) ??
    found[0];
  if (chosen === undefined) return undefined;
  return {
    title: words.slice(0, chosen.index).join(' '),
    abstract: words.slice(chosen.index).join(' '),
  };
}
