import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { dateErrorMap, issueProblems, zodErrorMap } from '../../src/lib/problems/zod.ts';

/** The messages of parsing `value` with `schema` and the project's error map. */
function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value, { error: zodErrorMap });
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const shape = z.strictObject({
  title: z.string(),
  count: z.int().min(1).optional(),
  upvotes: z.number().optional(),
  tags: z.array(z.string()).optional(),
});

describe('zodErrorMap', () => {
  it('tells a missing field from one left without a value', () => {
    expect(messages(shape, {})).toEqual(['missing']);
    expect(messages(shape, { title: null })).toEqual(['has no value']);
  });

  it('names the expected type in plain words, with the value as written', () => {
    expect(messages(shape, { title: 'T', upvotes: 'many' })).toEqual([
      'expected a number, not "many"',
    ]);
    expect(messages(shape, { title: 'T', count: 2.5 })).toEqual([
      'expected a whole number, not "2.5"',
    ]);
    expect(messages(shape, { title: 42 })).toEqual(['expected text in double quotes, not "42"']);
    expect(messages(shape, { title: 'T', tags: 'dropout' })).toEqual([
      'expected a list, not "dropout"',
    ]);
    expect(messages(shape, { title: ['T'] })).toEqual(['expected text in double quotes']);
  });

  it('words a number below its minimum', () => {
    expect(messages(shape, { title: 'T', count: 0 })).toEqual(['must be at least 1, not 0']);
  });

  it('calls an unknown key an unknown field', () => {
    expect(messages(shape, { title: 'T', tag: [] })).toEqual(['unknown field']);
  });

  it("keeps a schema's own message, and zod's where it has no better words", () => {
    const slug = z.string().regex(/^[a-z]+$/, { error: 'expected a slug such as mixout' });
    expect(messages(slug, 'Mixout')).toEqual(['expected a slug such as mixout']);
    expect(messages(z.enum(['a', 'b']), 'c')).toEqual(['Invalid option: expected one of "a"|"b"']);
  });
});

describe('dateErrorMap', () => {
  const date = z.iso.date({ error: dateErrorMap });

  it('tells a day that does not exist from a date written another way', () => {
    expect(date.safeParse('2024-02-30').error?.issues[0]?.message).toBe(
      '"2024-02-30" is not a day of the calendar',
    );
    expect(date.safeParse('June 11, 2024').error?.issues[0]?.message).toBe(
      '"June 11, 2024" is not an ISO date such as 2024-06-11',
    );
    expect(date.safeParse(20240611).error?.issues[0]?.message).toBe(
      '"20240611" is not an ISO date such as 2024-06-11',
    );
  });

  it('words a missing or empty date as any other field', () => {
    expect(date.safeParse(undefined).error?.issues[0]?.message).toBe('missing');
    expect(date.safeParse(null).error?.issues[0]?.message).toBe('has no value');
  });
});

describe('issueProblems', () => {
  it('makes one problem per issue and per unknown field, placed and explained by the caller', () => {
    const result = shape.safeParse({ upvotes: 'x', tag: 1, note: 2 }, { error: zodErrorMap });
    const problems = issueProblems(result.error?.issues ?? [], {
      field: (path) => path.join('.'),
      line: (path) => path.length,
      hint: (issue) => `fix ${issue.code}`,
    });
    expect(problems).toEqual([
      { field: 'title', line: 1, message: 'missing', hint: 'fix invalid_type' },
      {
        field: 'upvotes',
        line: 1,
        message: 'expected a number, not "x"',
        hint: 'fix invalid_type',
      },
      { field: 'tag', line: 1, message: 'unknown field', hint: 'fix unrecognized_keys' },
      { field: 'note', line: 1, message: 'unknown field', hint: 'fix unrecognized_keys' },
    ]);
  });
});
