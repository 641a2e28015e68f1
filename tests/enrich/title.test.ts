import { describe, expect, it } from 'vitest';
import { matchRecord, mismatches } from '../../src/lib/enrich/match.ts';
import { normalizeTitle, titleMatchKey } from '../../src/lib/enrich/title.ts';

describe('normalizeTitle', () => {
  it('reads the LaTeX of SP$^2$OT as the sources render it', () => {
    const ours =
      'SP$^2$OT: Semantic-Regularized Progressive Partial Optimal Transport for Imbalanced Clustering';
    expect(normalizeTitle(ours)).toBe(
      'sp2ot semantic regularized progressive partial optimal transport for imbalanced clustering',
    );
    for (const theirs of [
      'SP²OT: Semantic-Regularized Progressive Partial Optimal Transport for Imbalanced Clustering',
      'SP^{2}OT: Semantic-Regularized Progressive Partial Optimal Transport for Imbalanced Clustering',
      'SP2OT: semantic-regularized progressive partial optimal transport for imbalanced clustering',
    ])
      expect(titleMatchKey(theirs)).toBe(titleMatchKey(ours));
  });

  it('agrees on a colon printed without its space', () => {
    expect(
      titleMatchKey(
        'Rethinking Guidance Information to Utilize Unlabeled Samples:A Label Encoding Perspective',
      ),
    ).toBe(
      titleMatchKey(
        'Rethinking Guidance Information to Utilize Unlabeled Samples: A Label Encoding Perspective',
      ),
    );
  });

  it('folds hyphens, dashes, solid spellings and accents', () => {
    const key = titleMatchKey('Semi-Supervised Learning with Réseaux — a Study');
    expect(titleMatchKey('Semi Supervised Learning with Reseaux - a Study')).toBe(key);
    expect(titleMatchKey('Semisupervised learning with réseaux: a study')).toBe(key);
    expect(titleMatchKey('Semi‐Supervised Learning with Re\u0301seaux – a Study')).toBe(key);
  });

  it('spells Greek letters and TeX commands out, so both forms agree', () => {
    expect(titleMatchKey('$\\alpha$-Entmax Regularization')).toBe(
      titleMatchKey('α-entmax regularization'),
    );
    expect(titleMatchKey('$\\ell_1$ Penalties')).toBe(titleMatchKey('ell1 penalties'));
    expect(titleMatchKey('Sch\\"{o}lkopf Kernels')).toBe(titleMatchKey('Schölkopf kernels'));
  });

  it('keeps the numbers and letters that tell papers apart', () => {
    expect(titleMatchKey('α-Entmax')).not.toBe(titleMatchKey('β-Entmax'));
    expect(titleMatchKey('L1 Penalties for Sparse Nets')).not.toBe(
      titleMatchKey('L2 Penalties for Sparse Nets'),
    );
    expect(titleMatchKey('A Disciplined Approach, Part 1')).not.toBe(
      titleMatchKey('A Disciplined Approach, Part 2'),
    );
  });
});

describe('the acceptance rule', () => {
  const ours = { title: 'Spectral Dropout for Graph Neural Networks', authorCount: 3, year: 2021 };

  it('accepts the same title with the same author count and year', () => {
    expect(
      mismatches(ours, {
        id: 'x',
        title: 'Spectral dropout for graph neural networks',
        authorCount: 3,
        year: 2021,
      }),
    ).toEqual([]);
  });

  it('accepts a record that does not state what we know, and one when we know nothing else', () => {
    expect(mismatches(ours, { id: 'x', title: ours.title })).toEqual([]);
    expect(
      mismatches({ title: ours.title }, { id: 'x', title: ours.title, authorCount: 9, year: 1999 }),
    ).toEqual([]);
  });

  it('says why a record is not ours: title, author count, year', () => {
    expect(
      mismatches(ours, {
        id: 'x',
        title: 'Spectral Dropout for Graph Networks',
        authorCount: 4,
        year: 2020,
      }),
    ).toEqual([
      'the title differs',
      'it has 4 authors, the list says 3',
      'it is dated 2020, the list says 2021',
    ]);
  });

  it('lets a published version be a year later, never earlier, when asked', () => {
    const later = { id: 'x', title: ours.title, year: 2022 };
    expect(mismatches(ours, later)).toHaveLength(1);
    expect(mismatches(ours, later, { laterYears: 1 })).toEqual([]);
    expect(mismatches(ours, { ...later, year: 2020 }, { laterYears: 1 })).toHaveLength(1);
  });

  it('keeps a near-miss title as a candidate, never as a match', () => {
    const result = matchRecord({ title: 'Weight Decay Is All You Need' }, [
      { id: 'a', title: 'Weight Decay Is Almost All You Need' },
      { id: 'b', title: 'Unrelated Work on Protein Folding' },
    ]);
    expect(result).toEqual({
      kind: 'candidates',
      candidates: [
        {
          record: { id: 'a', title: 'Weight Decay Is Almost All You Need' },
          reasons: ['the title differs'],
        },
      ],
    });
  });

  it('reports two equally good records and accepts neither', () => {
    const result = matchRecord({ title: 'Mixing Patches' }, [
      { id: 'a', title: 'Mixing Patches' },
      { id: 'b', title: 'Mixing patches' },
      { id: 'a', title: 'Mixing Patches' },
    ]);
    expect(result.kind).toBe('ambiguous');
    expect(result.kind === 'ambiguous' && result.candidates.map((c) => c.record.id)).toEqual([
      'a',
      'b',
    ]);
  });

  it('finds nothing when no title comes close', () => {
    expect(
      matchRecord({ title: 'Orthogonal Penalties' }, [
        { id: 'a', title: 'Protein Folding at Scale' },
      ]),
    ).toEqual({ kind: 'none' });
  });
});
