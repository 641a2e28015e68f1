/**
 * Texts that stand in for a title or an abstract rather than being one. Shared by the checker and
 * `npm run new`, so a paper the one writes is a paper the other accepts.
 */
import type { Problem } from '../problems/problem.ts';

/** The shortest abstract accepted; a real abstract is a paragraph, never a few words. */
export const MIN_ABSTRACT_LENGTH = 20;

/**
 * Whole texts (lower case, surrounding punctuation removed) that are placeholders. `abstract` is
 * what a copy from a publisher's page often leaves behind instead of the abstract itself.
 */
const PLACEHOLDERS = new Set([
  'todo',
  'to do',
  'tbd',
  'tba',
  'tbc',
  'to be done',
  'to be added',
  'to be written',
  'to be determined',
  'n a',
  'na',
  'none',
  'null',
  'nil',
  'nothing',
  'empty',
  'abstract',
  'no abstract',
  'abstract here',
  'insert abstract',
  'insert abstract here',
  'add abstract',
  'write abstract',
  'placeholder',
  'fixme',
  'xxx',
  'coming soon',
  'see paper',
  'see pdf',
  'see link',
  'see arxiv',
  'untitled',
  'title',
  'paper title',
  'new paper',
]);

/** Lower case, with every run of characters that are not letters or digits turned into one space. */
function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Why a text is a placeholder, or undefined when it is not one. */
function placeholderOf(text: string): string | undefined {
  const plain = words(text);
  if (plain === '' && text.trim() !== '') return text.trim();
  if (PLACEHOLDERS.has(plain)) return text.trim();
  if (/\blorem ipsum\b/.test(plain)) return 'Lorem ipsum';
  // `TODO: paste the abstract`, `TBD - ask the authors`.
  if (/^(?:todo|tbd|fixme|xxx)\b/.test(plain)) return text.trim().split(/\s+/)[0];
  return undefined;
}

/** What is wrong with an abstract, or undefined when it reads as one. */
export function abstractProblem(abstract: string): Problem | undefined {
  const text = abstract.trim();
  const hint = 'paste the abstract as published, as one paragraph below the closing "---" line';
  if (text === '') return { message: 'empty', hint };
  const placeholder = placeholderOf(text);
  if (placeholder !== undefined) {
    return { message: `placeholder "${placeholder}" instead of the abstract`, hint };
  }
  const length = Array.from(text).length;
  if (length < MIN_ABSTRACT_LENGTH) {
    return {
      message: `only ${length} characters, too short for an abstract of at least ${MIN_ABSTRACT_LENGTH}`,
      hint,
    };
  }
  return undefined;
}

/** What is wrong with a title that the schema accepts, or undefined when it reads as one. */
export function titleProblem(title: string): Problem | undefined {
  const placeholder = placeholderOf(title);
  if (placeholder === undefined) return undefined;
  return {
    message: `placeholder "${placeholder}" instead of the title`,
    hint: "write the paper's title as published",
  };
}
