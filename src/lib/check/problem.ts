/**
 * A problem found in the content, and the one line it is printed as:
 * `content/papers/<file>.md:<line>: <field>: <what is wrong> (<how to fix>)`. Editors and CI logs
 * turn `file:line:` into a link, so every problem carries the line it concerns.
 */

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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Problems sorted by file, then line, then field and message, so the output is stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compare(a.file, b.file) ||
      a.line - b.line ||
      compare(a.field, b.field) ||
      compare(a.message, b.message),
  );
}

/** `1 problem`, `2 problems`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
