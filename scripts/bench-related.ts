/**
 * `npm exec -- node scripts/bench-related.ts [--sizes 323,10000] [--runs 3]`
 *
 * Times `relatedPapers` (through the benchmark's adapter) on the real papers and on seeded synthetic lists, printing per size the
 * median of a few runs, wall-clock and CPU time (which counts the garbage collector's threads
 * too; wall-clock suffers when other programs share the machine). A size equal to the number
 * of real papers uses the real papers. Not a test: timings depend on the machine, so nothing
 * here passes or fails.
 */
import { parseArgs } from 'node:util';
import { seededRandom } from '../src/lib/bench/random.ts';
import { computeRelated, type RelatedBenchPaper } from '../src/lib/bench/related.ts';
import { summarize } from '../src/lib/bench/stats.ts';
import { readPapers } from '../src/lib/paper/files.ts';

/**
 * `count` papers with titles of 5–20 words and abstracts of 150–300 words, spliced from runs of
 * 3–12 consecutive words of the real papers, so the vocabulary, its frequencies and its
 * phrases are those of real machine-learning abstracts. Each synthetic paper leans on one real
 * "seed" paper (and takes its topics), so the corpus has clusters as a real list does; a few
 * invented method names stand in for the long tail of new words.
 */
function syntheticCorpus(
  real: readonly RelatedBenchPaper[],
  count: number,
  seed: number,
): RelatedBenchPaper[] {
  const random = seededRandom(seed);
  const int = (below: number): number => random.int(below);
  const texts = real.map((paper) => ({
    title: paper.data.title.split(/\s+/),
    abstract: paper.abstract.split(/\s+/),
    topics: paper.data.topics,
  }));
  const any = () => texts[int(texts.length)] ?? { title: [], abstract: [], topics: [] };
  const syllables = 'ka lo ri mex vo tra zen qui dal fo nor pex sil ur bam ter';
  const parts = syllables.split(' ');
  const coined = (): string =>
    Array.from({ length: 2 + int(3) }, () => parts[int(parts.length)] ?? '').join('');
  const splice = (sources: (() => string[])[], length: number): string => {
    const out: string[] = [];
    while (out.length < length) {
      const source = sources[int(sources.length)]?.() ?? [];
      if (random.next() < 0.03) out.push(coined());
      const span = 3 + int(10);
      const from = int(Math.max(1, source.length - span));
      out.push(...source.slice(from, from + span));
    }
    return out.slice(0, length).join(' ');
  };
  return Array.from({ length: count }, (_, index) => {
    const seedPaper = any();
    const second = any();
    const fromSeed = (): string[] => seedPaper.abstract;
    const abstract = splice(
      [fromSeed, fromSeed, () => second.abstract, () => any().abstract, () => any().abstract],
      150 + int(151),
    );
    const title = splice([() => seedPaper.title, () => seedPaper.abstract], 5 + int(16));
    const topics = [...new Set([...seedPaper.topics, ...second.topics.slice(0, 1)])];
    return {
      slug: `synthetic-${String(index).padStart(6, '0')}`,
      data: { title, topics },
      abstract,
    };
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '323,10000' },
      runs: { type: 'string', default: '3' },
    },
  });
  const runs = Number(values.runs);
  const { papers: real } = await readPapers('content/papers');
  for (const size of values.sizes.split(',').map(Number)) {
    const corpus = size === real.length ? real : syntheticCorpus(real, size, size);
    const label = size === real.length ? 'real papers' : 'synthetic papers';
    const timings: number[] = [];
    const cpuTimings: number[] = [];
    let listed = 0;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      listed = computeRelated(corpus);
      timings.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuTimings.push((used.user + used.system) / 1000);
    }
    const shown = timings.map((ms) => ms.toFixed(0)).join(', ');
    process.stdout.write(
      `${String(size).padStart(6)} ${label}: median ${summarize(timings).median.toFixed(0)} ms ` +
        `(runs: ${shown} ms; CPU median ${summarize(cpuTimings).median.toFixed(0)} ms; ` +
        `${listed} related links)\n`,
    );
  }
}

await main();
