/**
 * zod's issues in a contributor's words: one error map, keyed on the issue's code, for every
 * schema the project parses (paper frontmatter, the taxonomy, the retired file, command-line
 * values), and one way to turn issues into located problems. Messages a schema words itself
 * (`expected an arXiv identifier such as 2106.09685`) win over the map, as zod ranks them; the map
 * words the generic issues, with the value as written.
 */
import type { z } from 'zod';
import type { Problem } from './problem.ts';

/** How zod's type names read to a contributor. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text in double quotes',
  array: 'a list',
  object: 'a set of fields',
  boolean: 'true or false',
};

/** A value as written, for a message; lists and sets of fields are not repeated back. */
function written(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  return undefined;
}

/** A date's problem in words: a real day written another way, or no real day at all. */
export function dateMessage(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `"${value}" is not a day of the calendar`
    : `"${value}" is not an ISO date such as 2024-06-11`;
}

/**
 * The project's error map (the per-parse `error` option, or a schema's own `error`). Returns
 * undefined for an issue it has no better words for, which leaves zod's own message.
 */
export const zodErrorMap: z.core.$ZodErrorMap = (issue) => {
  const value = written(issue.input);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'missing';
      if (issue.input === null) return 'has no value';
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      return `expected ${expected}${value === undefined ? '' : `, not "${value}"`}`;
    }
    case 'too_small':
      if (issue.origin !== 'number' && issue.origin !== 'int') return undefined;
      return `must be at least ${String(issue.minimum)}${value === undefined ? '' : `, not ${value}`}`;
    case 'invalid_format':
      return issue.format === 'date' && value !== undefined ? dateMessage(value) : undefined;
    case 'unrecognized_keys':
      return 'unknown field';
    default:
      return undefined;
  }
};

/**
 * The error of a date field: whatever the issue, a written value is described as a date (`20240611`
 * is no ISO date rather than "not text"); a missing or empty one as any other field.
 */
export const dateErrorMap: z.core.$ZodErrorMap = (issue) => {
  const value = written(issue.input);
  return value === undefined ? zodErrorMap(issue) : dateMessage(value);
};

/** How the problems of one parsed document are placed and explained. */
export interface IssuePlacement {
  /** What the problem concerns, from the path of the value (for an unknown field, its own path). */
  field: (path: readonly PropertyKey[]) => string;
  /** The line of the value at `path`. */
  line: (path: readonly PropertyKey[]) => number;
  /** How to fix the issue, for the value at `path`. */
  hint: (issue: z.core.$ZodIssue, path: readonly PropertyKey[]) => string;
}

/** One problem per issue, and one per unknown field, each at its own line. */
export function issueProblems(
  issues: readonly z.core.$ZodIssue[],
  placement: IssuePlacement,
): Problem[] {
  return issues.flatMap((issue) => {
    const paths =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => [...issue.path, key])
        : [issue.path];
    return paths.map((path) => ({
      field: placement.field(path),
      line: placement.line(path),
      message: issue.message,
      hint: placement.hint(issue, path),
    }));
  });
}
