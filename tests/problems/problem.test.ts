import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  inFile,
  ProblemError,
  sortProblems,
  type Problem,
} from '../../src/lib/problems/problem.ts';

const DATE: Problem = {
  file: 'content/papers/mixout.md',
  line: 4,
  field: 'date',
  message: '"2024-02-30" is not a day of the calendar',
  hint: 'write the date as "2024-06-11"',
};

describe('formatProblem', () => {
  it('prints file, line, field, what is wrong and how to fix it on one line', () => {
    expect(formatProblem(DATE)).toBe(
      'content/papers/mixout.md:4: date: "2024-02-30" is not a day of the calendar (write the date as "2024-06-11")',
    );
  });

  it('adds the column where it is known, as editors link it', () => {
    expect(formatProblem({ ...DATE, column: 12 })).toMatch(
      /^content\/papers\/mixout\.md:4:12: date: /,
    );
  });

  it('leaves out what is not known', () => {
    expect(
      formatProblem({ file: 'x.txt', line: 3, message: 'expected a date', hint: 'add one' }),
    ).toBe('x.txt:3: expected a date (add one)');
    expect(formatProblem({ field: '--date', message: 'missing', hint: 'give --date' })).toBe(
      '--date: missing (give --date)',
    );
    expect(formatProblem({ file: 'x.json', message: 'not JSON', hint: 'restore it' })).toBe(
      'x.json: not JSON (restore it)',
    );
  });

  it('names the line of a problem whose file is not known yet', () => {
    expect(formatProblem({ line: 13, message: 'expected a date', hint: 'add one' })).toBe(
      'line 13: expected a date (add one)',
    );
  });
});

describe('sortProblems', () => {
  it('orders by file, then line, then field, so the output is stable', () => {
    const later = { ...DATE, line: 9 };
    const other = { ...DATE, file: 'content/papers/a.md' };
    const title = { ...DATE, field: 'added' };
    expect(sortProblems([later, DATE, other, title])).toEqual([other, title, DATE, later]);
  });
});

describe('ProblemError', () => {
  it('carries its problems and says them all in its message', () => {
    const error = new ProblemError([DATE, { ...DATE, line: 9 }]);
    expect(error.problems).toHaveLength(2);
    expect(error.message.split('\n')).toEqual([
      formatProblem(DATE),
      formatProblem({ ...DATE, line: 9 }),
    ]);
  });

  it('places problems found without a file name in the file, keeping those that name one', () => {
    const error = new ProblemError([{ line: 2, message: 'm', hint: 'h' }, DATE]).inFile('in.txt');
    expect(error.message.split('\n')).toEqual(['in.txt:2: m (h)', formatProblem(DATE)]);
    expect(inFile([{ message: 'm', hint: 'h' }], 'f')).toEqual([
      { file: 'f', message: 'm', hint: 'h' },
    ]);
  });
});
