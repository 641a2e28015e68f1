/**
 * Distinct papers whose titles look alike, which `npm run new` and `npm run check` must accept,
 * and the edit distance behind the near-identical rule, counted by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  arxivBase,
  duplicateFinder,
  duplicateReasons,
  editDistance,
  findDuplicatePairs,
} from '../../src/lib/paper/duplicates.ts';

function reasons(a: string, b: string, arxiv: [string?, string?] = []): string[] {
  return duplicateReasons(
    { file: 'a.md', title: a, arxiv: arxiv[0] },
    { file: 'b.md', title: b, arxiv: arxiv[1] },
  );
}

describe('distinct papers with similar titles', () => {
  it.each([
    ['Dropout for Graph Networks', 'Dropout for Language Models'],
    ['Weight Decay in Vision Transformers', 'Weight Decay in Diffusion Transformers'],
    ['Label Smoothing and Calibration', 'Label Smoothing and Distillation'],
    ['Sharpness-Aware Minimization for Efficiently Improving Generalization', 'Sharpness'],
    ['Regularizing Deep Networks', 'Regularizing Deep Networks with Noise Injection and Mixup'],
    // One character apart, but release 1.2 is not release 12.
    ['Regularization Benchmarks, Release 1.2', 'Regularization Benchmarks, Release 12'],
  ])('keeps "%s" and "%s" as two papers', (a, b) => {
    expect(reasons(a, b)).toEqual([]);
    expect(reasons(b, a)).toEqual([]);
  });

  it('accepts a title that shares nine words in ten with another only when the rest matches', () => {
    // Ten words against eleven: 10 shared of 11 is 0.909, above the threshold.
    const ten = 'one weight two decay three dropout four mixup five noise';
    expect(reasons(ten, `${ten} extra`)).toEqual(['near-identical-title']);
    // Ten words against twelve: 10 of 12 is 0.83 by words, and 12 more characters than 56 is 0.82.
    expect(reasons(ten, `${ten} extra words`)).toEqual([]);
  });

  it('takes a title sharing exactly nine words in ten with another for the same title', () => {
    // 9 shared of 10 is exactly 0.9; by characters the missing word is 15 edits in 86.
    expect(
      reasons(
        'Stochastic Depth Regularization Improves Generalization in Very Deep Residual Networks',
        'Stochastic Depth Improves Generalization in Very Deep Residual Networks',
      ),
    ).toEqual(['near-identical-title']);
  });

  it('allows a tenth of the longer title in edits, even when the other is shorter', () => {
    // Two British spellings and a dropped letter: 3 edits, 30 characters against 29.
    expect(reasons('Stabilizing Optimizer Behavior', 'Stabilising Optimiser Behavor')).toEqual([
      'near-identical-title',
    ]);
  });

  it('reads a typo in a word that starts or ends like a Roman numeral as a typo', () => {
    // "Vision" starts with "vi" and "Matrix" ends with "ix", yet neither numbers a part.
    expect(
      reasons('Token Dropout for Vision Transformers', 'Token Dropout for Visoin Transformers'),
    ).toEqual(['near-identical-title']);
    expect(
      reasons(
        'Low-Rank Matrix Penalties for Recurrent Networks',
        'Low-Rank Matirx Penalties for Recurrent Networks',
      ),
    ).toEqual(['near-identical-title']);
  });

  it('takes a title with its numbered words reordered for the same title', () => {
    expect(
      reasons('Mixup for 3D Point Clouds and 2D Images', 'Mixup for 2D Images and 3D Point Clouds'),
    ).toEqual(['near-identical-title']);
  });

  it('does not take two empty or symbol-only titles for the same title', () => {
    expect(reasons('∑', '∏')).toEqual([]);
    expect(reasons('', '')).toEqual([]);
  });

  it('takes the same arXiv id in old and new style, with any version, for the same paper', () => {
    expect(arxivBase('2106.09685v12')).toBe('2106.09685');
    expect(arxivBase('math/0601001v2')).toBe('math/0601001');
    expect(arxivBase('2106.09685')).toBe('2106.09685');
    expect(reasons('One', 'Two', ['2106.09685v1', '2106.09685v12'])).toEqual(['same-arxiv']);
    expect(reasons('One', 'Two', ['2106.09685', '2106.09686'])).toEqual([]);
  });
});

describe('duplicateFinder and findDuplicatePairs', () => {
  it('finds nothing for a title that matches no paper, and every paper a title matches', () => {
    const papers = [
      { file: 'a.md', title: 'Dropout for Graph Networks' },
      { file: 'b.md', title: 'dropout for graph networks', arxiv: '1901.00001' },
      { file: 'c.md', title: 'Dropout for Language Models' },
    ];
    const find = duplicateFinder(papers);
    expect(find({ title: 'Batch Normalization' })).toEqual([]);
    expect(find({ title: 'Dropout for Graph Networks.', arxiv: '1901.00001v2' })).toEqual([
      { paper: papers[0], reasons: ['same-title'] },
      { paper: papers[1], reasons: ['same-title', 'same-arxiv'] },
    ]);
  });

  it('lists pairs by their second paper, then their first, with every reason', () => {
    const papers = [
      { file: 'a.md', title: 'Mixup', arxiv: '1710.09412' },
      { file: 'b.md', title: 'Cutout' },
      { file: 'c.md', title: 'mixup', arxiv: '1710.09412v2' },
      { file: 'd.md', title: 'CUTOUT' },
      { file: 'e.md', title: 'Manifold Mixup', arxiv: '1710.09412' },
    ];
    expect(findDuplicatePairs(papers)).toEqual([
      { first: papers[0], second: papers[2], reason: 'same-title' },
      { first: papers[0], second: papers[2], reason: 'same-arxiv' },
      { first: papers[1], second: papers[3], reason: 'same-title' },
      { first: papers[0], second: papers[4], reason: 'same-arxiv' },
      { first: papers[2], second: papers[4], reason: 'same-arxiv' },
    ]);
    expect(findDuplicatePairs([])).toEqual([]);
    expect(findDuplicatePairs(papers.slice(0, 1))).toEqual([]);
  });
});

describe('editDistance counted by hand', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['abcd', 'wxyz', 4],
    ['regularization', 'regularisation', 1],
    ['ab', 'ba', 1],
    ['abcdef', 'badcfe', 3],
    // Optimal string alignment edits no substring twice: "ca" → "ac" → "abc" is not allowed.
    ['ca', 'abc', 3],
    ['abc', '', 3],
    ['', '', 0],
    ['same', 'same', 0],
    ['flat minima', 'sharp minima', 4],
  ])('from "%s" to "%s" is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('counts a character outside the Basic Multilingual Plane as one', () => {
    expect(editDistance('𝜆-regularization', 'λ-regularization')).toBe(1);
    expect(editDistance('𝔼𝔼', '')).toBe(2);
  });

  it('answers the exact distance up to the limit, and one more than the limit beyond it', () => {
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('abcd', 'wxyz', 3)).toBe(4);
    expect(editDistance('a', 'abcdef', 4)).toBe(5);
    expect(editDistance('a', 'abcdef', 5)).toBe(5);
  });
});
