/**
 * `npm exec -- node scripts/bench-related.ts [--sizes 323,10000] [--runs 3]`
 *
 * Times `relatedPapers` on the real papers and on seeded synthetic lists, printing per size the
 * median of a few runs, wall-clock and CPU time (which counts the garbage collector's threads
 * too; wall-clock suffers when other programs share the machine). A size equal to the number
 * of real papers uses the real papers. Not a test: timings depend on the machine, so nothing
 * here passes or fails.
 */
import { parseArgs } from 'node:util';
import { relatedPapers, type RelatedInput } from '../src/lib/discovery/related.ts';
import { readPapers } from '../src/lib/files.ts';

/** A small seeded generator (mulberry32), so every run builds the same corpus. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` papers with titles of 5–20 words and abstracts of 150–300 words, spliced from runs of
 * 3–12 consecutive words of the real papers, so the vocabulary, its frequencies and its
 * phrases are those of real machine-learning abstracts. Each synthetic paper leans on one real
 * "seed" paper (and takes its topics), so the corpus has clusters as a real list does; a few
 * invented method names stand in for the long tail of new words.
 */
function syntheticCorpus(
  real: readonly RelatedInput[],
  count: number,
  seed: number,
): RelatedInput[] {
  const random = seededRandom(seed);
  const int = (below: number): number => Math.floor(random() * below);
  const texts = real.map((paper) => ({
    title: paper.title.split(/\s+/),
    abstract: paper.abstract.split(/\s+/),
    topics: paper.topics,
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
      if (random() < 0.03) out.push(coined());
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
    return { id: `synthetic-${String(index).padStart(6, '0')}`, title, abstract, topics };
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '323,10000' },
      runs: { type: 'string', default: '3' },
    },
  });
  const runs = Number(values.runs);
  const { papers } = await readPapers('content/papers');
  const real: RelatedInput[] = papers.map((paper) => ({
    id: paper.slug,
    title: paper.data.title,
    abstract: paper.abstract,
    topics: paper.data.topics,
  }));
  for (const size of values.sizes.split(',').map(Number)) {
    const corpus = size === real.length ? real : syntheticCorpus(real, size, size);
    const label = size === real.length ? 'real papers' : 'synthetic papers';
    const timings: number[] = [];
    const cpuTimings: number[] = [];
    let listed = 0;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const result = relatedPapers(corpus);
      timings.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuTimings.push((used.user + used.system) / 1000);
      listed = [...result.values()].reduce((sum, related) => sum + related.length, 0);
    }
    const shown = timings.map((ms) => ms.toFixed(0)).join(', ');
    process.stdout.write(
      `${String(size).padStart(6)} ${label}: median ${median(timings).toFixed(0)} ms ` +
        `(runs: ${shown} ms; CPU median ${median(cpuTimings).toFixed(0)} ms; ` +
        `${listed} related links)\n`,
    );
  }
}

await main();
