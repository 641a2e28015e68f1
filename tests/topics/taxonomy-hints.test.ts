/**
 * The hint `npm run check` and `npm run import` give for each kind of mistake in the taxonomy
 * file, at its line: what a contributor editing content/topics.yaml reads.
 */
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/lib/topics/load.ts';
import { ProblemError, type Problem } from '../../src/lib/problems/problem.ts';

const VALID = `scoring:
  titleWeight: 3
  abstractWeight: 1
  abstractRepeats: 2
  threshold: 5
  secondaryRatio: 0.35
  maxTopics: 3
  fallbackTopic: alpha
topics:
  - id: alpha
    name: Alpha
    description: Papers about alpha.
    rules:
      - weight: 5
        patterns:
          - 'alpha'
`;

/** The problems of a taxonomy text, as [line, field, message, hint]. */
function problems(text: string): [number | undefined, string | undefined, string, string][] {
  try {
    loadTaxonomy(text, 'content/topics.yaml');
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return error.problems.map((problem: Problem) => {
      expect(problem.file).toBe('content/topics.yaml');
      return [problem.line, problem.field, problem.message, problem.hint];
    });
  }
  throw new Error('the taxonomy was accepted');
}

describe('loadTaxonomy hints', () => {
  it('lists the fields allowed where an unknown field stands, at every level', () => {
    expect(problems(`${VALID}colour: red\n`)).toEqual([
      [17, 'colour', 'unknown field', 'remove it, or use one of: scoring, topics'],
    ]);
    expect(problems(VALID.replace('  maxTopics: 3\n', '  maxTopics: 3\n  minTopics: 1\n'))).toEqual(
      [
        [
          8,
          'scoring.minTopics',
          'unknown field',
          'remove it, or use one of: titleWeight, abstractWeight, abstractRepeats, threshold, secondaryRatio, maxTopics, fallbackTopic',
        ],
      ],
    );
    expect(
      problems(VALID.replace('    name: Alpha\n', '    name: Alpha\n    colour: red\n')),
    ).toEqual([
      [
        12,
        'topics[0].colour',
        'unknown field',
        'remove it, or use one of: id, name, description, rules',
      ],
    ]);
    expect(
      problems(VALID.replace('      - weight: 5\n', '      - weight: 5\n        boost: 2\n')),
    ).toEqual([
      [
        15,
        'topics[0].rules[0].boost',
        'unknown field',
        'remove it, or use one of: weight, patterns',
      ],
    ]);
  });

  it('says how to write a pattern, an id, a fallback topic, a description and a weight', () => {
    const [pattern] = problems(VALID.replace("'alpha'", "'(alpha'"));
    expect(pattern?.slice(0, 2)).toEqual([16, 'topics[0].rules[0].patterns[0]']);
    expect(pattern?.[3]).toBe(
      'write the pattern in single quotes, and put a backslash before ( ) [ ] { } . * + ? | where you mean the character itself',
    );
    expect(problems(VALID.replace('id: alpha', 'id: Alpha Topic'))[0]?.[3]).toBe(
      'give each topic its own id: lower-case words joined by hyphens',
    );
    expect(problems(VALID.replace('fallbackTopic: alpha', 'fallbackTopic: gamma'))).toEqual([
      [
        8,
        'scoring.fallbackTopic',
        "unknown topic id 'gamma'",
        'use the id of a topic listed under topics',
      ],
    ]);
    expect(problems(VALID.replace('Papers about alpha.', 'alpha'))[0]?.slice(0, 2)).toEqual([
      12,
      'topics[0].description',
    ]);
    expect(problems(VALID.replace('Papers about alpha.', 'alpha'))[0]?.[3]).toBe(
      'say what the topic covers and why it matters',
    );
    expect(problems(VALID.replace('weight: 5', 'weight: 0'))[0]?.slice(1)).toEqual([
      'topics[0].rules[0].weight',
      'write a non-zero number such as 3 or -2',
      'a positive number adds points, a negative one subtracts them',
    ]);
  });

  it('points to the comment atop the file for any other mistake', () => {
    expect(problems(VALID.replace('name: Alpha', "name: ''"))[0]?.slice(1)).toEqual([
      'topics[0].name',
      'must not be empty',
      'see the comment at the top of the file',
    ]);
  });

  it('reports broken YAML at its line with how to fix it', () => {
    expect(problems(VALID.replace('    name: Alpha\n', '    name: Alpha: Beta\n'))).toEqual([
      [
        11,
        'yaml',
        expect.stringMatching(/^invalid YAML: /) as unknown as string,
        'check the indentation, and quote texts that contain a colon, a # or quotes',
      ],
    ]);
  });
});
