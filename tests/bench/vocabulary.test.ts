/**
 * The word statistics behind the synthetic corpus: counts by usual spelling, topic words, and
 * the committed snapshot that keeps the benchmark's input fixed between commits.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom, weightedSampler } from '../../bench/lib/random.ts';
import { VOCABULARY } from '../../bench/data/vocabulary.ts';
import {
  buildVocabulary,
  packVocabulary,
  packWords,
  tokenize,
  unpackVocabulary,
  unpackWords,
} from '../../bench/lib/vocabulary.ts';
import { loadTaxonomy } from '../../src/lib/topics/load.ts';
import { repoRoot } from '../helpers/paths.ts';

describe('tokenize', () => {
  it('keeps words with inner hyphens and digits, and drops numbers, math and punctuation', () => {
    expect(
      tokenize('Fine-tuning LLMs with L2 penalties: 3.5% better ($x_1$), state-of-the-art.'),
    ).toEqual([
      'Fine-tuning',
      'LLMs',
      'with',
      'L2',
      'penalties',
      'better',
      'x',
      'state-of-the-art',
    ]);
  });
});

describe('buildVocabulary', () => {
  const papers = [
    {
      title: 'Dropout as Noise',
      abstract: 'The dropout noise helps. The model.',
      topics: ['noise'],
    },
    { title: 'Weight Decay', abstract: 'The weight decay helps the model.', topics: ['penalty'] },
    {
      title: 'Decay of Dropout',
      abstract: 'Weight decay and dropout.',
      topics: ['penalty', 'noise'],
    },
  ];

  it('counts words by their usual spelling, most frequent first', () => {
    const vocabulary = buildVocabulary(papers, { minCount: 2 });
    expect(vocabulary.general.slice(0, 3)).toEqual([
      ['decay', 4],
      ['dropout', 4],
      ['the', 4],
    ]);
    expect(vocabulary.general.map(([word]) => word)).not.toContain('Noise');
  });

  it('gives each topic the words its papers use more than the corpus does', () => {
    const vocabulary = buildVocabulary(papers, { minCount: 2, minLift: 1.2 });
    expect(vocabulary.topics.noise?.map(([word]) => word)).toContain('noise');
    expect(vocabulary.topics.penalty?.map(([word]) => word)).toContain('weight');
    expect(vocabulary.topics.penalty?.map(([word]) => word)).not.toContain('noise');
  });

  it('records the primary topics and how many topics papers have', () => {
    const vocabulary = buildVocabulary(papers);
    expect(vocabulary.primaryCounts).toEqual({ noise: 1, penalty: 2 });
    expect(vocabulary.topicCounts).toEqual([2, 1]);
  });

  it('gives the same result for the papers in any order', () => {
    expect(buildVocabulary([...papers].reverse())).toEqual(buildVocabulary(papers));
  });
});

describe('the packed form', () => {
  it('packs words into short lines and unpacks them unchanged', () => {
    const words = VOCABULARY.general.slice(0, 200);
    const lines = packWords(words);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(90);
    expect(unpackWords(lines)).toEqual(words);
    expect(unpackVocabulary(packVocabulary(VOCABULARY))).toEqual(VOCABULARY);
  });
});

describe('the committed vocabulary', () => {
  it('has thousands of words and words for every topic of the real taxonomy', () => {
    const file = path.join(repoRoot, 'content', 'topics.yaml');
    const ids = loadTaxonomy(readFileSync(file, 'utf8'), file).topics.map((topic) => topic.id);
    expect(VOCABULARY.general.length).toBeGreaterThan(2000);
    for (const id of ids) expect(VOCABULARY.topics[id]?.length ?? 0).toBeGreaterThan(50);
  });
});

describe('weightedSampler', () => {
  it('draws items in proportion to their weights', () => {
    const draw = weightedSampler(['rare', 'common'], [1, 9]);
    const random = seededRandom(3);
    let common = 0;
    for (let i = 0; i < 10_000; i++) if (draw(random) === 'common') common++;
    expect(common / 10_000).toBeCloseTo(0.9, 1);
  });

  it('is deterministic for a seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
  });
});
