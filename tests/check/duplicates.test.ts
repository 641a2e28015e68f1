/**
 * The duplicate finder shared by `npm run new` and `npm run check`: what counts as the same paper,
 * and the near-misses on both sides of the threshold.
 */
import { describe, expect, it } from 'vitest';
import {
  duplicateReasons,
  editDistance,
  findDuplicatePairs,
  findDuplicatesOf,
  NEAR_IDENTICAL,
} from '../../src/lib/paper/duplicates.ts';
import { titleKey } from '../../src/lib/paper/slug.ts';

function reasons(a: string, b: string, arxiv: [string?, string?] = []): string[] {
  return duplicateReasons(
    { file: 'a.md', title: a, arxiv: arxiv[0] },
    { file: 'b.md', title: b, arxiv: arxiv[1] },
  );
}

const DROPOUT = 'Dropout: A Simple Way to Prevent Neural Networks from Overfitting';

describe('duplicateReasons', () => {
  it('takes titles that differ only in case, accents and punctuation for the same title', () => {
    expect(
      reasons(
        'Mixout: Effective Regularization to Finetune Large-scale Pretrained Language Models',
        'MIXOUT — effective regularization to finetune large scale pretrained language models',
      ),
    ).toEqual(['same-title']);
    expect(reasons('Régularisation douce', 'Regularisation Douce')).toEqual(['same-title']);
  });

  it('takes two versions of one arXiv id for the same paper, whatever the titles', () => {
    expect(
      reasons(
        'Decoupled Weight Decay Regularization',
        'Fixing Weight Decay Regularization in Adam',
        ['1711.05101', '1711.05101v3'],
      ),
    ).toEqual(['same-arxiv']);
    expect(reasons('A', 'B', ['cs/0112017v1', 'cs/0112017'])).toEqual(['same-arxiv']);
  });

  it('reports both reasons when title and arXiv id are both the same', () => {
    expect(reasons(DROPOUT, DROPOUT, ['1207.0580', '1207.0580'])).toEqual([
      'same-title',
      'same-arxiv',
    ]);
  });

  it.each([
    ['a dropped letter', DROPOUT.replace('Overfitting', 'Overfiting')],
    ['two swapped letters', DROPOUT.replace('Prevent', 'Prevnet')],
    [
      'British spellings',
      'Regularising Neural Networks by Penalising Confident Output Distributions',
    ],
    ['a missing article', DROPOUT.replace('A Simple Way', 'Simple Way')],
    ['reordered words', 'Overfitting from Neural Networks Prevent to Way Simple A: Dropout'],
  ])('finds a near-identical title with %s', (_, variant) => {
    const original = variant.startsWith('Regularising')
      ? 'Regularizing Neural Networks by Penalizing Confident Output Distributions'
      : DROPOUT;
    expect(reasons(original, variant)).toEqual(['near-identical-title']);
  });

  it.each([
    [
      'parts of a series',
      'Implicit Regularization in Deep Learning, Part 1',
      'Implicit Regularization in Deep Learning, Part 2',
    ],
    [
      'Roman-numbered parts',
      'Implicit Regularization in Deep Learning, Part I',
      'Implicit Regularization in Deep Learning, Part II',
    ],
    [
      'Greek-letter variants',
      'α-Entmax: Sparse Sequence-to-Sequence Models',
      'β-Entmax: Sparse Sequence-to-Sequence Models',
    ],
    [
      'L1 and L2 penalties',
      'On the Geometry of L1 Regularization in Deep Networks',
      'On the Geometry of L2 Regularization in Deep Networks',
    ],
    [
      'model versions',
      'YOLOv2: Better, Faster, Stronger with Regularization',
      'YOLOv3: Better, Faster, Stronger with Regularization',
    ],
    ['short names one letter apart', 'BERT', 'BART'],
    [
      'the closest pair of distinct papers in the list',
      'MINE: Mutual Information Neural Estimation',
      'MINDE: Mutual Information Neural Diffusion Estimation',
    ],
    ['a negation', 'Is Attention All You Need', 'Is Attention Not All You Need'],
  ])('does not confuse %s', (_, a, b) => {
    expect(reasons(a, b)).toEqual([]);
  });

  it('tolerates edits up to a tenth of the title, and not one more', () => {
    const original = 'Regularizing Neural Networks by Penalizing Confident Output Distributions';
    const key = titleKey(original);
    const allowed = Math.floor((1 - NEAR_IDENTICAL) * key.length);
    expect(allowed).toBe(7);
    // Replace letters of distinct words with `q`, so every edit also changes a word.
    const positions = [1, 14, 22, 29, 36, 46, 55, 64];
    const withEdits = (count: number): string =>
      Array.from(original)
        .map((char, index) => (positions.slice(0, count).includes(index) ? 'q' : char))
        .join('');
    expect(editDistance(titleKey(withEdits(allowed)), key)).toBe(allowed);
    expect(reasons(original, withEdits(allowed))).toEqual(['near-identical-title']);
    expect(reasons(original, withEdits(allowed + 1))).toEqual([]);
  });

  it('accepts near-identical titles as two papers when their arXiv ids differ', () => {
    const typo = DROPOUT.replace('Overfitting', 'Overfiting');
    expect(reasons(DROPOUT, typo, ['1207.0580', '1207.0580'])).toEqual([
      'near-identical-title',
      'same-arxiv',
    ]);
    expect(reasons(DROPOUT, typo, ['1207.0580', '1311.0701'])).toEqual([]);
    // One id alone proves nothing: the other paper may simply lack it, on either side.
    expect(reasons(DROPOUT, typo, ['1207.0580'])).toEqual(['near-identical-title']);
    const listed = { file: 'dropout.md', title: DROPOUT, arxiv: '1207.0580' };
    expect(findDuplicatesOf({ title: typo }, [listed])).toEqual([
      { paper: listed, reasons: ['near-identical-title'] },
    ]);
  });

  it('never accepts the same title twice, even with different arXiv ids', () => {
    expect(reasons(DROPOUT, DROPOUT.toUpperCase(), ['1207.0580', '1311.0701'])).toEqual([
      'same-title',
    ]);
  });
});

describe('findDuplicatesOf and findDuplicatePairs', () => {
  const papers = [
    { file: 'content/papers/dropout.md', title: DROPOUT, arxiv: '1207.0580' },
    { file: 'content/papers/adamw.md', title: 'Decoupled Weight Decay Regularization' },
    { file: 'content/papers/part-1.md', title: 'Implicit Regularization, Part 1' },
  ];

  it('names every listed paper a new one would repeat, with the reason', () => {
    expect(
      findDuplicatesOf(
        { title: 'Decoupled weight-decay regularisation', arxiv: '1207.0580v2' },
        papers,
      ),
    ).toEqual([
      { paper: papers[0], reasons: ['same-arxiv'] },
      { paper: papers[1], reasons: ['near-identical-title'] },
    ]);
    expect(findDuplicatesOf({ title: 'Implicit Regularization, Part 2' }, papers)).toEqual([]);
  });

  it('lists each duplicated pair once, the earlier file first', () => {
    const copies = [
      ...papers,
      { file: 'content/papers/z-copy.md', title: 'decoupled weight decay regularization' },
    ];
    expect(findDuplicatePairs(copies)).toEqual([
      { first: papers[1], second: copies[3], reason: 'same-title' },
    ]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('weight', 'weights')).toBe(1);
    expect(editDistance('weight', 'eight')).toBe(1);
    expect(editDistance('weight', 'height')).toBe(1);
    expect(editDistance('weight', 'wieght')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops early at the limit, answering one more than it', () => {
    expect(editDistance('dropout', 'batch normalization', 2)).toBe(3);
  });
});
