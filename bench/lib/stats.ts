/**
 * Summaries of repeated measurements. On a shared, noisy machine a single run says little: the
 * report gives the median of several runs with their range, and compares two things through the
 * ratio of their medians measured in the same run.
 */

/** A measured figure: the median of its runs, their range, and every run as measured. */
export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** The median (the mean of the two middle values for an even count), min and max of the runs. */
export function summarize(values: readonly number[]): Figure {
  if (values.length === 0) throw new RangeError('no runs to summarize');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0, runs: [...values] };
}

/** A figure whose every run gave the same value, such as a file size. */
export function constant(value: number, runs = 1): Figure {
  return summarize(Array.from({ length: runs }, () => value));
}

/** Applies `transform` to every run, keeping the summary consistent with the runs. */
export function mapFigure(figure: Figure, transform: (value: number) => number): Figure {
  return summarize(figure.runs.map(transform));
}

/**
 * Runs `action` repeatedly until at least `minMs` have passed and returns the mean time of one
 * call in milliseconds. Parsing the real listings takes a few milliseconds, too short for the
 * clock and the garbage collector to be ignored in a single call.
 */
export function meanCallMs(action: () => unknown, minMs = 300): number {
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minMs || calls === 0) {
    action();
    calls += 1;
    elapsed = performance.now() - started;
  }
  return elapsed / calls;
}
