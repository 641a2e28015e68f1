/**
 * Related papers, mostly on the real reading list: papers a reader knows belong together must
 * find each other, and every reason given must be true of both papers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DuplicatePaperIdError,
  relatedPapers,
  type RelatedInput,
  type RelatedPaper,
} from '../../src/lib/discovery/related.ts';
import { realPapers } from '../cite/sample-papers.ts';

let corpus: RelatedInput[];
let related: Map<string, RelatedPaper[]>;

beforeAll(async () => {
  corpus = (await realPapers()).map(({ slug, data, abstract }) => ({
    id: slug,
    title: data.title,
    abstract,
    topics: data.topics,
  }));
  related = relatedPapers(corpus);
});

/** A seeded shuffle, so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function ids(id: string): string[] {
  return (related.get(id) ?? []).map((paper) => paper.id);
}

describe('relatedPapers on the reading list', () => {
  it('gives the same result on every run and for the papers in any order', () => {
    const expected = JSON.stringify([...related]);
    expect(JSON.stringify([...relatedPapers(corpus)])).toBe(expected);
    expect(JSON.stringify([...relatedPapers(shuffled(corpus, 7))])).toBe(expected);
    expect(JSON.stringify([...relatedPapers([...corpus].reverse())])).toBe(expected);
  });

  it('has an entry for every paper, keyed in id order', () => {
    expect([...related.keys()]).toEqual(corpus.map((paper) => paper.id).sort());
  });

  it('lists at most five papers, never the paper itself, best first', () => {
    for (const [id, list] of related) {
      expect(list.length).toBeLessThanOrEqual(5);
      expect(list.map((paper) => paper.id)).not.toContain(id);
      expect(new Set(list.map((paper) => paper.id)).size).toBe(list.length);
      const scores = list.map((paper) => paper.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('finds related papers for nearly every paper', () => {
    const listed = [...related.values()].filter((list) => list.length > 0).length;
    expect(listed / related.size).toBeGreaterThan(0.9);
  });

  it('has the grokking papers find each other', () => {
    const grokking = corpus.map((paper) => paper.id).filter((id) => id.includes('grokking'));
    expect(grokking.length).toBeGreaterThanOrEqual(3);
    for (const id of grokking)
      expect(ids(id)).toEqual(expect.arrayContaining(grokking.filter((other) => other !== id)));
  });

  it('has the papers on entropic and regularized optimal transport find each other', () => {
    const transport = corpus
      .map((paper) => paper.id)
      .filter((id) => /sinkhorn|optimal-transport/.test(id));
    expect(transport.length).toBeGreaterThanOrEqual(8);
    let links = 0;
    let within = 0;
    for (const id of transport) {
      const found = ids(id).filter((other) => transport.includes(other));
      expect(found.length, id).toBeGreaterThan(0);
      links += ids(id).length;
      within += found.length;
    }
    expect(within / links).toBeGreaterThan(0.8);
    expect(ids('accelerating-sinkhorn-algorithm-with-sparse-newton-iterations')[0]).toBe(
      'sparsity-constrained-optimal-transport',
    );
  });

  it('explains each match with topics and distinctive terms found in both papers', () => {
    const byId = new Map(corpus.map((paper) => [paper.id, paper]));
    /**
     * The roots of a text's words, what a reader would search for: plural and final `e`/`y`
     * endings cut until none is left (`sizes`, `size` → `siz`; `losses`, `loss` → `los`); a
     * hyphenated word counts both joined and as its parts, as `auto-encoder` is `autoencoder`;
     * British `-isation` counts as `-ization`.
     */
    const stem = (word: string): string => {
      let root = word.replace('isation', 'ization');
      for (let cut = root.replace(/(?:ies|es|s|e|y)$/, ''); cut !== root;) {
        root = cut;
        cut = root.replace(/(?:ies|es|s|e|y)$/, '');
      }
      return root;
    };
    const words = (paper: RelatedInput | undefined): Set<string> => {
      const text = `${paper?.title ?? ''} ${paper?.abstract ?? ''}`.toLowerCase().normalize('NFKD');
      const compounds = text.split(/[^a-z0-9-]+/);
      return new Set(
        [
          ...compounds.map((word) => word.replaceAll('-', '')),
          ...compounds.flatMap((word) => word.split('-')),
        ].map(stem),
      );
    };
    let reasons = 0;
    for (const [id, list] of related) {
      const paper = byId.get(id);
      const own = words(paper);
      for (const match of list) {
        const other = byId.get(match.id);
        expect(match.reason.sharedTopics.every((topic) => other?.topics.includes(topic))).toBe(
          true,
        );
        expect(match.reason.sharedTopics.every((topic) => paper?.topics.includes(topic))).toBe(
          true,
        );
        expect(match.reason.sharedTerms.length).toBeGreaterThan(0);
        expect(match.reason.sharedTerms.length).toBeLessThanOrEqual(4);
        const theirs = words(other);
        for (const term of match.reason.sharedTerms) {
          // `high-dimensional` is found as written, or as `high dimensional`.
          const found = (text: Set<string>, word: string): boolean =>
            text.has(stem(word.replaceAll('-', ''))) ||
            word.split('-').every((part) => text.has(stem(part)));
          for (const word of term.toLowerCase().split(' ')) {
            expect(found(own, word), `${id}: ${term}`).toBe(true);
            expect(found(theirs, word), `${match.id}: ${term}`).toBe(true);
          }
          reasons++;
        }
      }
    }
    expect(reasons).toBeGreaterThan(1000);
  });

  it('gives as reasons distinctive words, not ones most papers use', () => {
    const terms = [...related.values()].flatMap((list) =>
      list.flatMap((match) => match.reason.sharedTerms.map((term) => term.toLowerCase())),
    );
    for (const common of ['regularization', 'learning', 'model', 'neural network', 'training'])
      expect(terms).not.toContain(common);
  });

  it('finds nearly the same papers through its index as by comparing every pair', () => {
    const everyPair = relatedPapers(corpus, {
      termsPerPaper: Number.MAX_SAFE_INTEGER,
      maxPostings: Number.MAX_SAFE_INTEGER,
      candidates: Number.MAX_SAFE_INTEGER,
      scoredTermsPerPaper: Number.MAX_SAFE_INTEGER,
    });
    let expected = 0;
    let found = 0;
    for (const [id, list] of everyPair) {
      const indexed = new Set(ids(id));
      expected += list.length;
      found += list.filter((paper) => indexed.has(paper.id)).length;
    }
    expect(found / expected).toBeGreaterThan(0.9);
  });
});

describe('relatedPapers on small lists', () => {
  const paper = (id: string, title: string, abstract: string, topics: string[] = []) => ({
    id,
    title,
    abstract,
    topics,
  });

  it('lists nothing for papers that share no telling words', () => {
    const result = relatedPapers([
      paper('a', 'Sinkhorn iterations', 'Entropic transport plans by matrix scaling.'),
      paper('b', 'Grokking on modular arithmetic', 'Delayed generalization in small transformers.'),
      paper('c', 'Mixup for speech', 'Interpolating spectrograms augments audio data.'),
    ]);
    expect([...result.values()]).toEqual([[], [], []]);
  });

  it('matches two papers on their shared phrase and topic, and says so', () => {
    const result = relatedPapers([
      paper(
        'a',
        'Entropic optimal transport',
        'Sinkhorn scaling solves entropic optimal transport.',
        ['ot', 'x'],
      ),
      paper('b', 'Sparse optimal transport', 'Sparse plans for optimal transport problems.', [
        'ot',
      ]),
      paper('c', 'Dropout in recurrent networks', 'Dropout masks for recurrent units.', ['noise']),
      paper('d', 'Weight decay for transformers', 'Decoupled weight decay in transformers.', [
        'wd',
      ]),
    ]);
    expect(result.get('a')).toEqual([
      {
        id: 'b',
        score: expect.any(Number) as number,
        reason: { sharedTopics: ['ot'], sharedTerms: ['optimal transport'] },
      },
    ]);
    expect(result.get('c')).toEqual([]);
  });

  it('never lists a paper as related to itself, even beside an identical copy', () => {
    const text = 'Label smoothing calibrates classifiers and softens targets.';
    const result = relatedPapers([
      paper('one', 'Label smoothing', text),
      paper('two', 'Label smoothing', text),
      paper('three', 'Other matters entirely', 'Quantum chromodynamics on lattices.'),
    ]);
    expect(result.get('one')?.map((match) => match.id)).toEqual(['two']);
    expect(result.get('two')?.map((match) => match.id)).toEqual(['one']);
  });

  it('refuses two papers with the same id', () => {
    expect(() =>
      relatedPapers([paper('same', 'A', 'Text.'), paper('same', 'B', 'Other text.')]),
    ).toThrow(DuplicatePaperIdError);
  });

  it('handles an empty list and a single paper', () => {
    expect(relatedPapers([])).toEqual(new Map());
    expect(relatedPapers([paper('only', 'Alone', 'Nothing to compare.')])).toEqual(
      new Map([['only', []]]),
    );
  });
});
