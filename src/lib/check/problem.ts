/**
 * A problem found in the content, and the one line it is printed as:
 * `content/papers/<file>.md:<line>: <field>: <what is wrong> (<how to fix>)`. Editors and CI logs
 * turn `file:line:` into a link, so every problem carries the line it concerns.
 */
import { compareText } from '../paper/ordering.ts';

export interface Problem {
  /** The file as the contributor names it, such as `content/papers/mixout.md`. */
  file: string;
  /** 1-based line of the field (or of the abstract's first line) the problem concerns. */
  line: number;
  /** The frontmatter field, `abstract` for the body, or what else the problem concerns. */
  field: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint: string;
}

/** The problem as one line of output. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.field}: ${problem.message} (${problem.hint})`;
}

/** Problems sorted by file, then line, then field and message, so the output is stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      compareText(a.field, b.field) ||
      compareText(a.message, b.message),
  );
}
