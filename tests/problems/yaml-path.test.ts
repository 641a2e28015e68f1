import { describe, expect, it } from 'vitest';
import { formatPath, lineOfPath, yamlLines } from '../../src/lib/problems/yaml-path.ts';
import { SMALL_TAXONOMY as TEXT } from '../helpers/taxonomy.ts';

describe('lineOfPath', () => {
  it("gives a field's own line and a list item's first line", () => {
    expect(lineOfPath(TEXT, [])).toBe(1);
    expect(lineOfPath(TEXT, ['scoring'])).toBe(2);
    expect(lineOfPath(TEXT, ['scoring', 'threshold'])).toBe(6);
    expect(lineOfPath(TEXT, ['topics', 1])).toBe(21);
    expect(lineOfPath(TEXT, ['topics', 1, 'rules', 0, 'patterns', 0])).toBe(27);
  });

  it('stops at the deepest node it can find', () => {
    expect(lineOfPath(TEXT, ['topics', 7, 'id'])).toBe(11);
    expect(lineOfPath(TEXT, ['topics', 0, 'colour'])).toBe(12);
    expect(lineOfPath('topics: [a, b]\n', ['topics', 1])).toBe(1);
  });

  it('finds a list written at the same indentation as its key, and flow style on its own lines', () => {
    expect(lineOfPath('topics:\n- id: a\n- id: b\n  name: B\n', ['topics', 1, 'name'])).toBe(4);
    expect(
      lineOfPath('topics: [\n  {id: a},\n  {id: b, name: B}\n]\n', ['topics', 1, 'name']),
    ).toBe(3);
  });

  it('follows an alias to the node it names', () => {
    const text = 'base: &base\n  weight: 2\n  patterns: []\nrules:\n  - *base\n';
    expect(lineOfPath(text, ['rules', 0, 'weight'])).toBe(2);
  });

  it('gives line 1 for text that is not YAML at all, rather than failing', () => {
    expect(lineOfPath('topics: [unclosed\n', ['topics', 0])).toBeGreaterThanOrEqual(1);
    expect(lineOfPath('', ['topics'])).toBe(1);
  });

  it('reads the text once for many paths', () => {
    const line = yamlLines(TEXT);
    expect([line(['scoring', 'maxTopics']), line(['topics', 0, 'name'])]).toEqual([8, 13]);
  });
});

describe('formatPath', () => {
  it('writes keys with dots and indexes in brackets', () => {
    expect(formatPath(['topics', 3, 'rules', 0])).toBe('topics[3].rules[0]');
    expect(formatPath([0, 'reason'])).toBe('[0].reason');
    expect(formatPath([])).toBe('');
  });
});
