/**
 * A seeded pseudo-random source for the benchmark corpus. Math.random cannot be seeded, and the
 * corpus must be byte-identical for a seed so that two benchmark runs (or two machines) measure
 * the same input.
 */

/** A source of numbers in [0, 1), and helpers drawing from it. */
export interface Random {
  /** The next number in [0, 1). */
  next(): number;
  /** A whole number in [0, below). */
  int(below: number): number;
  /** A whole number in [min, max], both included. */
  between(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  /** One item of a non-empty list, each equally likely. */
  pick<T>(items: readonly T[]): T;
}

/**
 * mulberry32: a 32-bit generator that is tiny, fast and passes the usual statistical tests, which
 * is all a synthetic corpus needs (this is not for cryptography).
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number): number => Math.floor(next() * below);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[int(items.length)] as T;
    },
  };
}

/**
 * Draws items in proportion to their weights in O(log n) per draw: a cumulative table searched by
 * bisection, since the vocabulary has thousands of words and a corpus needs millions of draws.
 */
export function weightedSampler<T>(
  items: readonly T[],
  weights: readonly number[],
): (random: Random) => T {
  if (items.length === 0 || items.length !== weights.length) {
    throw new RangeError('a weighted sampler needs one positive weight per item');
  }
  const cumulative = new Float64Array(items.length);
  let total = 0;
  weights.forEach((weight, index) => {
    total += weight;
    cumulative[index] = total;
  });
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = items.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return items[low] as T;
  };
}
