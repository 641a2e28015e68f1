import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPapers } from '../../src/lib/paper/files.ts';
import { loadTaxonomy } from '../../src/lib/topics/load.ts';
import { normalizeText, requiredLiterals } from '../../src/lib/topics/prefilter.ts';
import { patternRegExp } from '../../src/lib/topics/schema.ts';

const TOPICS_FILE = fileURLToPath(new URL('../../content/topics.yaml', import.meta.url));
const PAPERS_DIR = fileURLToPath(new URL('../../content/papers', import.meta.url));

/** Whether the pre-check lets a text through to the regular expression. */
function passes(literals: readonly string[] | undefined, text: string): boolean {
  return literals === undefined || literals.some((literal) => text.toLowerCase().includes(literal));
}

describe('requiredLiterals', () => {
  it('takes the longest plain run of each alternative', () => {
    expect(requiredLiterals('weight decay')).toEqual(['weight decay']);
    expect(requiredLiterals('gpt\\w*|llama\\w*|bert')).toEqual(['gpt', 'llama', 'bert']);
    expect(requiredLiterals('noise (?:augment\\w*|inject\\w*)')).toEqual(['noise ']);
    expect(requiredLiterals('Lasso')).toEqual(['lasso']);
  });

  it('drops a character that a quantifier makes optional, and keeps one that must repeat', () => {
    expect(requiredLiterals('colou?r')).toEqual(['colo']);
    expect(requiredLiterals('networks*')).toEqual(['network']);
    expect(requiredLiterals('x{2}yzw')).toEqual(['yzw']);
    expect(requiredLiterals('abc+de')).toEqual(['abc']);
  });

  it('splits only at top-level bars, not inside groups or classes', () => {
    expect(requiredLiterals('foo[|]bar|baz')).toEqual(['foo', 'baz']);
    expect(requiredLiterals('(?:a|b)long')).toEqual(['long']);
  });

  it('gives up when an alternative has no run of three or uses an escape with an argument', () => {
    expect(requiredLiterals('ot')).toBeUndefined();
    expect(requiredLiterals('lasso|rl')).toBeUndefined();
    expect(requiredLiterals('\\x41bcdef')).toBeUndefined();
    expect(requiredLiterals('(abc)\\1')).toBeUndefined();
  });

  it('never rejects a text the expression matches (generated patterns and texts)', () => {
    const atom = fc.oneof(
      fc.constantFrom('a', 'b', 'c', ' ', 'A', '.', '\\w', '\\s', '[ab]', '[^c]'),
      fc.constantFrom('(?:a|bc)', '(?:ab|c)', '(a|b)', '(?=a)', '(?!b)'),
    );
    const quantified = fc
      .tuple(atom, fc.constantFrom('', '', '?', '*', '+', '{2}', '{0,2}', '??'))
      .map(([unit, quantifier]) => unit + quantifier);
    const branch = fc
      .array(quantified, { minLength: 1, maxLength: 8 })
      .map((parts) => parts.join(''));
    const pattern = fc
      .array(branch, { minLength: 1, maxLength: 3 })
      .map((parts) => parts.join('|'));
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', 'A', 'B', ' ', '-'),
      maxLength: 30,
    });
    fc.assert(
      fc.property(pattern, text, (source, sample) => {
        const matches = new RegExp(source, 'i').test(sample);
        return !matches || passes(requiredLiterals(source), sample);
      }),
      { numRuns: 3000 },
    );
  });

  it('never rejects a paper that a pattern of the real taxonomy matches', async () => {
    const taxonomy = loadTaxonomy(await readFile(TOPICS_FILE, 'utf8'), 'content/topics.yaml');
    const { papers } = await readPapers(PAPERS_DIR);
    const texts = papers.flatMap((paper) => [paper.data.title, paper.abstract].map(normalizeText));
    const missed: string[] = [];
    for (const topic of taxonomy.topics) {
      for (const source of topic.rules.flatMap((rule) => rule.patterns)) {
        const regexp = patternRegExp(source);
        const literals = requiredLiterals(source);
        for (const text of texts) {
          regexp.lastIndex = 0;
          if (regexp.test(text) && !passes(literals, text))
            missed.push(`${source} in "${text.slice(0, 60)}"`);
        }
      }
    }
    expect(missed).toEqual([]);
  });
});
