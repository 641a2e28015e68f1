/**
 * Scores and choices counted by hand on a small taxonomy whose weights are all different, so a
 * swapped or inverted weight changes the numbers: a title match is worth 3 points per pattern
 * weight, each of at most two abstract matches 2 points.
 */
import { describe, expect, it } from 'vitest';
import { assignTopics, chooseTopics, compileTaxonomy } from '../../src/lib/topics/assign.ts';
import type { ScoringSettings, Taxonomy } from '../../src/lib/topics/schema.ts';

const SCORING: ScoringSettings = {
  titleWeight: 3,
  abstractWeight: 2,
  abstractRepeats: 2,
  threshold: 4,
  secondaryRatio: 0.5,
  maxTopics: 2,
  fallbackTopic: 'other',
};

function topic(id: string, rules: { weight: number; patterns: string[] }[]) {
  return { id, name: id, description: `Papers about ${id}.`, rules };
}

const TAXONOMY: Taxonomy = {
  scoring: SCORING,
  topics: [
    topic('other', [{ weight: 1, patterns: ['miscellany'] }]),
    topic('noise', [
      { weight: 1, patterns: ['noise'] },
      { weight: 2, patterns: ['dropout'] },
    ]),
    topic('penalties', [{ weight: 2, patterns: ['weight decay', 'penalty'] }]),
    topic('lookahead', [{ weight: 1, patterns: ['(?=mixup)'] }]),
  ],
};

const matcher = compileTaxonomy(TAXONOMY);

describe('scores counted by hand', () => {
  it('adds title and abstract points, counting at most two abstract matches per pattern', () => {
    // dropout: title 1 × 2 × 3 = 6, abstract 2 × 2 × 2 = 8 (three found, two counted);
    // noise: title 1 × 1 × 3 = 3, abstract 1 × 1 × 2 = 2. Total 19.
    const result = matcher.assign({
      title: 'Dropout as noise',
      abstract: 'Dropout, dropout and more dropout inject noise.',
    });
    expect(result.scores).toEqual([{ id: 'noise', score: 19, matches: ['dropout', 'noise'] }]);
    expect(result.topics).toEqual(['noise']);
  });

  it('lists the patterns that fired by their points, then as written in the file', () => {
    // noise: 3 + 2 + 2 = 7 points; dropout: 2 × 2 = 4 points, so noise comes first.
    const result = matcher.assign({
      title: 'Noise',
      abstract: 'noise and noise, with dropout.',
    });
    expect(result.scores).toEqual([{ id: 'noise', score: 11, matches: ['noise', 'dropout'] }]);
    // Two patterns of one rule with equal points keep the order of the file.
    const tie = matcher.assign({ title: '', abstract: 'a penalty, not weight decay' });
    expect(tie.scores).toEqual([
      { id: 'penalties', score: 8, matches: ['weight decay', 'penalty'] },
    ]);
  });

  it('ranks topics by score, then by title points, then by their order in the file', () => {
    // penalties: abstract 2 × 2 × 2 = 8; noise: title 2 × 3 = 6 plus abstract 1 × 2 = 2, also 8.
    const byTitle = matcher.assign({
      title: 'Dropout',
      abstract: 'penalty and penalty, noise',
    });
    expect(byTitle.scores.map((score) => [score.id, score.score])).toEqual([
      ['noise', 8],
      ['penalties', 8],
    ]);
    // Both 4 points, both from the abstract: the topic listed first in the file wins.
    const byOrder = matcher.assign({ title: '', abstract: 'weight decay; dropout' });
    expect(byOrder.scores.map((score) => score.id)).toEqual(['noise', 'penalties']);
  });

  it('counts a pattern that matches no characters once per place it matches', () => {
    // One place: 1 × 2 = 2 points, although the abstract allows two matches.
    expect(matcher.assign({ title: '', abstract: 'we use mixup' }).scores).toEqual([
      { id: 'lookahead', score: 2, matches: ['(?=mixup)'] },
    ]);
    expect(matcher.assign({ title: 'mixup', abstract: '' }).scores).toEqual([
      { id: 'lookahead', score: 3, matches: ['(?=mixup)'] },
    ]);
  });

  it('counts back-to-back matches of a pattern that ends in a space', () => {
    const spaced = compileTaxonomy({
      scoring: SCORING,
      topics: [topic('noise', [{ weight: 1, patterns: ['noise '] }])],
    });
    // "noise " at the first and the second word; the last has no space after it: 2 × 1 × 2 = 4.
    expect(spaced.assign({ title: '', abstract: 'noise noise noise' }).scores).toEqual([
      { id: 'noise', score: 4, matches: ['noise '] },
    ]);
  });

  it('gives the same answer through assignTopics, compiled or not, again and again', () => {
    const paper = { title: 'Dropout as noise', abstract: 'weight decay' };
    // penalties has 4 points, below half of the 9 of noise: noise alone.
    const expected = {
      topics: ['noise'],
      scores: [
        { id: 'noise', score: 9, matches: ['dropout', 'noise'] },
        { id: 'penalties', score: 4, matches: ['weight decay'] },
      ],
    };
    expect(assignTopics(paper, TAXONOMY)).toEqual(expected);
    expect(assignTopics(paper, TAXONOMY)).toEqual(expected);
    expect(assignTopics(paper, matcher)).toEqual(expected);
  });
});

describe('chooseTopics', () => {
  const score = (id: string, points: number) => ({ id, score: points, matches: ['x'] });

  it('gives the fallback topic when the best score is zero or less', () => {
    expect(chooseTopics([score('noise', 0)], SCORING)).toEqual(['other']);
    expect(chooseTopics([score('noise', -1)], SCORING)).toEqual(['other']);
    expect(chooseTopics([], SCORING)).toEqual(['other']);
  });

  it('gives the best topic alone below the threshold, and looks further from the threshold on', () => {
    expect(chooseTopics([score('noise', 3.5), score('penalties', 3)], SCORING)).toEqual(['noise']);
    expect(chooseTopics([score('noise', 4), score('penalties', 4)], SCORING)).toEqual([
      'noise',
      'penalties',
    ]);
  });

  it('adds a further topic at exactly the bar, and not just below it', () => {
    // Bar: the larger of the threshold (4) and half the best score.
    expect(chooseTopics([score('noise', 12), score('penalties', 6)], SCORING)).toEqual([
      'noise',
      'penalties',
    ]);
    expect(chooseTopics([score('noise', 12), score('penalties', 5.9)], SCORING)).toEqual(['noise']);
    expect(chooseTopics([score('noise', 6), score('penalties', 4)], SCORING)).toEqual([
      'noise',
      'penalties',
    ]);
    expect(chooseTopics([score('noise', 6), score('penalties', 3.9)], SCORING)).toEqual(['noise']);
  });

  it('stops at the most topics allowed, keeping the best', () => {
    const ranked = [score('a', 10), score('b', 9), score('c', 8)];
    expect(chooseTopics(ranked, SCORING)).toEqual(['a', 'b']);
    expect(chooseTopics(ranked, { ...SCORING, maxTopics: 1 })).toEqual(['a']);
    expect(chooseTopics(ranked, { ...SCORING, maxTopics: 5 })).toEqual(['a', 'b', 'c']);
  });
});
