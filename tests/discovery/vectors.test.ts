/** The selection of each paper's heaviest terms, which decides what matching looks at. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heaviest } from '../../src/lib/discovery/vectors.ts';

describe('heaviest', () => {
  it('picks what a full sort would: the largest weights, the earlier item on a tie', () => {
    fc.assert(
      fc.property(
        // Few distinct weights, so that ties are common.
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 30 }),
        (levels, limit) => {
          const weights = Float64Array.from(levels, (level) => level / 4);
          const items = levels.map((_, i) => i);
          const bySort = [...items]
            .sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0) || a - b)
            .slice(0, limit)
            .sort((a, b) => a - b);
          expect(heaviest(items, weights, limit)).toEqual(bySort);
        },
      ),
    );
  });
});
