import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPapers } from '../../src/lib/paper/files.ts';
import { loadTaxonomy } from '../../src/lib/topics/load.ts';
import {
  fieldText,
  mayContain,
  normalizeText,
  patternLiterals,
  requiredLiterals,
} from '../../src/lib/topics/prefilter.ts';
import { patternRegExp } from '../../src/lib/topics/schema.ts';

const TOPICS_FILE = fileURLToPath(new URL('../../content/topics.yaml', import.meta.url));
const PAPERS_DIR = fileURLToPath(new URL('../../content/papers', import.meta.url));

/** Whether the pre-check lets a text through to the regular expression. */
function passes(literals: readonly string[] | undefined, text: string): boolean {
  return literals === undefined || literals.some((literal) => text.toLowerCase().includes(literal));
}

/** Whether the real pre-check lets a paper's field through to a rule's expression. */
function prefilterLets(pattern: string, text: string): boolean {
  return mayContain(fieldText(text), patternLiterals(pattern));
}

/** What the rule's expression itself decides for that field. */
function ruleMatches(pattern: string, text: string): boolean {
  return patternRegExp(pattern).test(normalizeText(text));
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

  it('ends the run at a class or position escape instead of giving up on the rule', () => {
    expect(requiredLiterals('\\bdrop\\s*out\\b')).toEqual(['drop']);
    expect(requiredLiterals('non\\Slinear')).toEqual(['linear']);
    expect(requiredLiterals('top\\d+ accuracy')).toEqual([' accuracy']);
    expect(requiredLiterals('layer\\Dwise')).toEqual(['layer']);
    expect(requiredLiterals('batch\\Wnorm')).toEqual(['batch']);
    expect(requiredLiterals('\\Bnorm(?:ali[sz]ation)?')).toEqual(['norm']);
  });

  it('reads escaped brackets and bars as characters, not as groups or alternatives', () => {
    expect(requiredLiterals('(?:\\(|, )weight decay\\)?')).toEqual(['weight decay']);
    expect(requiredLiterals('\\|w\\|_2 penalty')).toEqual(['2 penalty']);
  });

  it('ends a character class only at its closing bracket', () => {
    // A bar inside a class is a character: the rule has one alternative, not two.
    expect(requiredLiterals('l1[/|]l2 penalty')).toEqual(['l2 penalty']);
    // The letters of a class are choices, none of them required.
    expect(requiredLiterals('\\b[SGP]ELU\\b')).toEqual(['elu']);
  });

  it('reads on after an optional character, and skips a count without reading its digits', () => {
    expect(requiredLiterals('labels? smoothing')).toEqual([' smoothing']);
    expect(requiredLiterals('wo{100}f')).toBeUndefined();
    // A brace that opens no count is a plain character (TeX's `\ell_{1}`), and ends the run.
    expect(requiredLiterals('ell_{1')).toEqual(['ell']);
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

describe('the pre-check of a rule on a paper', () => {
  it('lets through the papers the rule matches and skips those without its words', () => {
    const rule = '\\bdrop\\s*out\\b';
    for (const title of ['Dropout as a Bayesian Approximation', 'When to drop out a layer']) {
      expect(ruleMatches(rule, title)).toBe(true);
      expect(prefilterLets(rule, title)).toBe(true);
    }
    const unrelated = 'Decoupled Weight Decay Regularization';
    expect(ruleMatches(rule, unrelated)).toBe(false);
    expect(prefilterLets(rule, unrelated)).toBe(false);
  });

  it('never skips a paper for a letter that a class only offers as a choice', () => {
    const rule = '\\b[SGP]ELU\\b';
    const title = 'Gaussian Error Linear Units: GELU Activations Regularize Deep Networks';
    expect(ruleMatches(rule, title)).toBe(true);
    expect(prefilterLets(rule, title)).toBe(true);
  });

  it('never skips a paper for the digits of a count', () => {
    const text = `A word spelled w${'o'.repeat(100)}f`;
    expect(ruleMatches('wo{100}f', text)).toBe(true);
    expect(prefilterLets('wo{100}f', text)).toBe(true);
  });

  it('skips a paper that has the words of an optional part but not the required ones', () => {
    const text = 'Learning with Noisy Labels by Sample Selection';
    expect(ruleMatches('labels? smoothing', text)).toBe(false);
    expect(prefilterLets('labels? smoothing', text)).toBe(false);
    expect(prefilterLets('labels? smoothing', 'Rethinking Label Smoothing')).toBe(true);
  });

  it('skips a paper holding every letter triple of the words but not the words themselves', () => {
    // "weigh" and "light decay" between them hold every triple of "weight decay".
    const text = 'We weigh the light decay of each layer';
    expect(ruleMatches('weight decay', text)).toBe(false);
    expect(prefilterLets('weight decay', text)).toBe(false);
  });

  it('always lets a field through to a rule made of words the field contains (generated texts)', () => {
    const letters = fc.string({
      // The 26 letters and a space.
      unit: fc
        .integer({ min: 0, max: 26 })
        .map((n) => (n === 26 ? ' ' : String.fromCharCode(97 + n))),
      minLength: 3,
      maxLength: 60,
    });
    fc.assert(
      fc.property(letters, fc.nat(), fc.integer({ min: 3, max: 12 }), (raw, at, length) => {
        // Rules see runs of spaces as one, so the words are taken from the text as rules see it.
        const text = normalizeText(raw);
        const start = at % (text.length - 2);
        const words = text.slice(start, start + length);
        return words.length < 3 || prefilterLets(words, text);
      }),
      { numRuns: 2000 },
    );
  });
});
