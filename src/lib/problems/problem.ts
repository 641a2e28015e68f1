/**
 * The one way the project says what is wrong with its input: a problem, located as precisely as
 * it is known, and the one line it is printed as:
 * `content/papers/mixout.md:4: date: "2024-02-30" is not a day of the calendar (write the date as "2024-06-11")`.
 * Editors and CI logs turn `file:line:` into a link. Every reader, checker and command reports
 * through this type; where a pure function must stop, it throws a `ProblemError` carrying them.
 */
import { compareText } from '../paper/ordering.ts';

export interface Problem {
  /** The file as the contributor names it, such as `content/papers/mixout.md`; absent for a value given on the command line. */
  file?: string | undefined;
  /** 1-based line the problem concerns. */
  line?: number | undefined;
  /** 1-based column, where it is known. */
  column?: number | undefined;
  /** What the problem concerns: a frontmatter field, a path in a YAML file (`topics[3].id`), an option (`--date`). */
  field?: string | undefined;
  /** What is wrong, or what was expected and what was found. */
  message: string;
  /** How to fix it. */
  hint: string;
}

/** `file:line:column: field: message (hint)`, leaving out what is not known. */
export function formatProblem(problem: Problem): string {
  const { file, line, column, field } = problem;
  const where = [file, line, column].filter((part) => part !== undefined).join(':');
  const place = file === undefined && line !== undefined ? `line ${where}` : where;
  return `${place === '' ? '' : `${place}: `}${field === undefined ? '' : `${field}: `}${problem.message} (${problem.hint})`;
}

/** Problems sorted by file, then line, column, field and message, so the output is stable. */
export function sortProblems<T extends Problem>(problems: readonly T[]): T[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareText(a.field ?? '', b.field ?? '') ||
      compareText(a.message, b.message),
  );
}

/** The problems placed in `file`, for those a pure function found without knowing the file's name. */
export function inFile<T extends Problem>(problems: readonly T[], file: string): T[] {
  return problems.map((problem) => (problem.file === undefined ? { ...problem, file } : problem));
}

/**
 * Input that cannot be used, thrown where a function cannot go on; the message is the problems'
 * lines, so an uncaught one still says exactly what is wrong.
 */
export class ProblemError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: Problem | readonly Problem[]) {
    const list: Problem[] = 'message' in problems ? [problems] : [...problems];
    super(list.map(formatProblem).join('\n'));
    this.name = 'ProblemError';
    this.problems = list;
  }

  /** The same problems, placed in `file` where they name none. */
  inFile(file: string): ProblemError {
    return new ProblemError(inFile(this.problems, file));
  }
}
