/**
 * `npm run bench -- [--papers 1000,10000] [--runs 3] [--json FILE] [--markdown FILE] [--merge]
 *                   [--seed N] [--skip-real] [--no-search] [--profile] [--timeout-minutes M]`
 * `npm run bench -- --report-only [--json FILE]`
 * `npm run bench -- --related-only [--papers 1000,10000] [--runs 3] [--seed N] [--skip-real]`
 * `npm run bench -- --refresh-vocabulary`
 * `npm run bench -- --search-quality [--papers 10000] [--seed N] [--dist DIR]`
 *
 * Measures the importer, the full site build against a bare Astro build of the same papers,
 * Pagefind and related papers alone, and the size of what is built, on the real list and on
 * synthetic lists of the given sizes; writes bench/results.md and bench/results.json (or FILE).
 * Not a test: timings depend on the machine, so nothing here passes or fails. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { buildVocabulary, vocabularyModule } from './lib/vocabulary.ts';
import { fail } from '../src/lib/command/cli.ts';
import { readPapers } from '../src/lib/paper/files.ts';
import { loadTaxonomy } from '../src/lib/topics/load.ts';
import { renderReport } from './lib/report.ts';
import { measureFirstSearch } from './lib/search.ts';
import {
  parseQualitySets,
  renderQuality,
  runQualitySets,
  type QualitySets,
} from './lib/search-quality.ts';
import { mixedCorpus } from './lib/mixed-corpus.ts';
import type { BenchResults, CorpusResult, MachineInfo } from './lib/results.ts';
import { generatePapers } from './lib/generator.ts';
import type { RelatedBenchPaper } from './lib/related.ts';
import { benchReal, benchSynthetic, measureRelated, type BenchContext } from './lib/run.ts';
import type { SearchHarness } from './lib/search.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const VOCABULARY_FILE = path.join(REPO_ROOT, 'bench', 'data', 'vocabulary.ts');

const USAGE = `usage: npm run bench -- [--papers 1000,10000] [--runs 3] [--json FILE] [--markdown FILE]
                        [--merge] [--seed N] [--skip-real] [--no-search] [--profile]
                        [--timeout-minutes M]
       npm run bench -- --report-only [--json FILE] [--markdown FILE]
       npm run bench -- --related-only [--papers 1000,10000] [--runs 3] [--seed N] [--skip-real]
       npm run bench -- --refresh-vocabulary
       npm run bench -- --search-quality [--papers 10000] [--seed N] [--dist DIR]

  --papers           synthetic corpus sizes (default 1000,10000; 100000 on request; with
                     --search-quality, the sizes of the real list among synthetic papers,
                     default 10000)
  --runs             runs per figure (default 3, at least 3 for a median worth the name)
  --json             where to write the results (default bench/results.json)
  --markdown         where to write the report (default: beside --json, or bench/results.md)
  --merge            keep corpora of the existing results file that this run does not measure
  --seed             seed of the synthetic corpora (default 1)
  --skip-real        do not measure the real list in content/
  --no-search        do not open a headless browser to measure the first search
  --profile          also profile one extra build of each corpus with node --cpu-prof
  --timeout-minutes  longest a single build may take (default 60)
  --report-only      measure nothing: rewrite the Markdown report from the results file
  --related-only     only time related papers, in this process, on the real list and the
                     synthetic sizes; prints the figures and writes no file
  --refresh-vocabulary  recompute bench/data/vocabulary.ts from content/papers
  --search-quality   only the search-quality benchmark (bench/search-queries.yaml), on the real
                     list (built, or --dist DIR) and on the real list among synthetic papers
                     (--papers); writes bench/search-quality.md`;

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function osName(): string {
  const release = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
  return `${pretty ?? os.type()} (${os.type()} ${os.release()}, ${os.arch()})`;
}

function machineInfo(runs: number): MachineInfo {
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryBytes: os.totalmem(),
    node: process.version,
    os: osName(),
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short', 'HEAD']) || 'unknown',
    // The benchmark's own earlier results are not changes to what it measures.
    dirty: git(['status', '--porcelain', '--', '.', ':(exclude)bench/results.*']) !== '',
    runs,
  };
}

async function refreshVocabulary(): Promise<void> {
  const { papers } = await readPapers(path.join(REPO_ROOT, 'content', 'papers'));
  const vocabulary = buildVocabulary(
    papers.map((paper) => ({
      title: paper.data.title,
      abstract: paper.abstract,
      topics: paper.data.topics,
    })),
  );
  const source = vocabularyModule(vocabulary, `the ${papers.length} papers of content/papers`);
  await writeFormatted(VOCABULARY_FILE, source);
  log(`wrote ${path.relative(REPO_ROOT, VOCABULARY_FILE)} (${vocabulary.general.length} words)`);
}

/** One corpus the search-quality benchmark searches: a name for the report and its build. */
interface QualityCorpus {
  heading: string;
  dist: string;
}

/**
 * Every query of bench/search-queries.yaml through the search page of one build, and the bytes of
 * two first searches (a one-word and a long query), as a section of the report.
 */
async function qualitySection(
  corpus: QualityCorpus,
  sets: QualitySets,
  harness: SearchHarness,
): Promise<string> {
  const server = await harness.serveStatic(corpus.dist, '/');
  const browser = await harness.launchBrowser();
  try {
    const page = await browser.newPage();
    log(`${corpus.heading}: running the queries`);
    const outcomes = await runQualitySets(page, server.url, sets);
    const firstQueries = ['regularization', sets.paraphrase[0]?.query ?? 'dropout'];
    const bytes: string[] = [];
    for (const query of firstQueries) {
      log(`${corpus.heading}: first search for "${query}"`);
      const first = await measureFirstSearch(harness, corpus.dist, query, 1);
      bytes.push(
        `| \`${query}\` | ${(first.bytes.median / 1024).toFixed(1)} KB | ${(first.gzipBytes.median / 1024).toFixed(1)} KB | ${first.requests.length} |`,
      );
    }
    return [
      `## ${corpus.heading}`,
      '',
      renderQuality(outcomes),
      '| first search | bytes | gzipped | requests |',
      '| --- | --- | --- | --- |',
      ...bytes,
      '',
    ].join('\n');
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * The search-quality benchmark alone: the real list (built once, or the given `dist`) and, for
 * each of `sizes`, the real list among synthetic papers up to that many, each built once and
 * searched with every query of bench/search-queries.yaml.
 */
async function benchSearchQuality(
  dist: string | undefined,
  sizes: readonly number[],
  seed: number,
): Promise<void> {
  const { buildSite, removeBuilds, serveStatic } = await import('../harness/build-and-serve.ts');
  const { launchBrowser } = await import('../harness/chromium.ts');
  const harness: SearchHarness = { launchBrowser, serveStatic };
  const queriesFile = path.join(REPO_ROOT, 'bench', 'search-queries.yaml');
  const sets = parseQualitySets(await readFile(queriesFile, 'utf8'), 'bench/search-queries.yaml');
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'reading-list-search-quality-'));
  const sections: string[] = [];
  try {
    log(dist === undefined ? 'building the real list' : `using ${dist}`);
    const realDist = dist ?? (await buildSite({ contentDir: 'content', base: '/' }));
    sections.push(
      await qualitySection({ heading: 'The real list', dist: realDist }, sets, harness),
    );
    const corpusInput = await syntheticCorpusInput();
    for (const size of sizes) {
      const contentDir = path.join(workDir, `corpus-${size}`);
      const { real, synthetic } = await mixedCorpus(
        path.join(REPO_ROOT, 'content'),
        contentDir,
        size,
        { seed, ...corpusInput },
      );
      const heading = `${size.toLocaleString('en')} papers (the ${real} real ones and ${synthetic.toLocaleString('en')} synthetic, seed ${seed})`;
      log(`${heading}: building`);
      const sizeDist = await buildSite({ contentDir, base: '/' });
      sections.push(await qualitySection({ heading, dist: sizeDist }, sets, harness));
    }
  } finally {
    await removeBuilds();
    await rm(workDir, { recursive: true, force: true });
  }
  const report = [
    `# Search quality`,
    '',
    `Commit ${git(['rev-parse', '--short', 'HEAD']) || 'unknown'}, ${new Date().toISOString().slice(0, 10)}; ` +
      `written by \`npm run bench -- --search-quality\` from bench/search-queries.yaml.`,
    '',
    ...sections,
  ].join('\n');
  const reportFile = path.join(REPO_ROOT, 'bench', 'search-quality.md');
  await writeFormatted(reportFile, report);
  process.stdout.write(report);
  log(`wrote ${path.relative(REPO_ROOT, reportFile)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string' },
      runs: { type: 'string', default: '3' },
      json: { type: 'string' },
      markdown: { type: 'string' },
      merge: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      'skip-real': { type: 'boolean', default: false },
      'no-search': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'timeout-minutes': { type: 'string', default: '60' },
      'refresh-vocabulary': { type: 'boolean', default: false },
      'report-only': { type: 'boolean', default: false },
      'search-quality': { type: 'boolean', default: false },
      'related-only': { type: 'boolean', default: false },
      dist: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values['refresh-vocabulary']) {
    await refreshVocabulary();
    return;
  }
  const searchQuality = values['search-quality'];
  const sizes = (values.papers ?? (searchQuality ? '10000' : '1000,10000'))
    .split(',')
    .filter((size) => size.trim() !== '')
    .map(Number);
  const runs = Number(values.runs);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !(runs >= 1)) {
    fail(USAGE);
  }
  if (searchQuality) {
    await benchSearchQuality(values.dist, sizes, Number(values.seed));
    return;
  }
  const jsonFile = path.resolve(values.json ?? path.join(REPO_ROOT, 'bench', 'results.json'));
  const markdownFile = path.resolve(values.markdown ?? jsonFile.replace(/\.json$/, '') + '.md');
  if (values['report-only']) {
    const results = JSON.parse(await readFile(jsonFile, 'utf8')) as BenchResults;
    await writeResults(results, jsonFile, markdownFile);
    return;
  }

  const corpusInput = await syntheticCorpusInput();
  if (values['related-only']) {
    await benchRelatedOnly(sizes, runs, Number(values.seed), values['skip-real'], corpusInput);
    return;
  }
  const search = values['no-search'] ? undefined : await searchHarness();

  const workDir = await mkdtemp(path.join(os.tmpdir(), 'reading-list-bench-'));
  // Also when the benchmark is stopped by a signal (see process.ts), which skips `finally`.
  process.once('exit', () => {
    rmSync(workDir, { recursive: true, force: true });
  });
  const context: BenchContext = {
    repoRoot: REPO_ROOT,
    workDir,
    runs,
    seed: Number(values.seed),
    ...corpusInput,
    query: 'regularization',
    ...(search === undefined ? {} : { search }),
    profile: values.profile,
    buildTimeoutMs: Number(values['timeout-minutes']) * 60_000,
    log,
  };
  const machine = machineInfo(runs);
  const stamp = (corpus: CorpusResult): CorpusResult => ({
    ...corpus,
    measuredAt: machine.date,
    commit: machine.commit,
  });
  // Corpora of the results file this run does not measure, when merging; read once, up front,
  // because the file is rewritten after every corpus.
  const previous =
    values.merge && existsSync(jsonFile)
      ? (JSON.parse(await readFile(jsonFile, 'utf8')) as BenchResults).corpora
      : [];
  const corpora: CorpusResult[] = [];
  /**
   * Writes what has been measured so far after every corpus: a 100,000-paper run takes most of
   * an hour, and a machine that stops it (memory, time limits) should not take every figure along.
   */
  const save = async (): Promise<void> => {
    const measured = new Set(corpora.map((corpus) => corpus.label));
    const all = [...corpora, ...previous.filter((corpus) => !measured.has(corpus.label))];
    const order = (corpus: CorpusResult): number => (corpus.kind === 'real' ? 0 : corpus.papers);
    all.sort((a, b) => order(a) - order(b));
    await writeResults({ machine, corpora: all }, jsonFile, markdownFile);
  };
  try {
    if (!values['skip-real']) {
      corpora.push(stamp(await benchReal(context)));
      await save();
    }
    for (const size of sizes) {
      corpora.push(stamp(await benchSynthetic(context, size)));
      await save();
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** What the synthetic corpora are drawn from: the committed word statistics and the real topics. */
async function syntheticCorpusInput(): Promise<Pick<BenchContext, 'vocabulary' | 'topicIds'>> {
  // The vocabulary module is generated; load it only now, so --refresh-vocabulary works without it.
  const { VOCABULARY } = await import('./data/vocabulary.ts');
  const topicsFile = path.join(REPO_ROOT, 'content', 'topics.yaml');
  const taxonomy = loadTaxonomy(await readFile(topicsFile, 'utf8'), topicsFile);
  return { vocabulary: VOCABULARY, topicIds: taxonomy.topics.map((topic) => topic.id) };
}

/** The headless browser and static server of the first-search measurement, loaded on demand. */
async function searchHarness(): Promise<SearchHarness> {
  const { serveStatic } = await import('../harness/build-and-serve.ts');
  const { launchBrowser } = await import('../harness/chromium.ts');
  return { launchBrowser, serveStatic };
}

/**
 * Related papers alone, on the real list and on synthetic corpora of the given sizes (the same
 * corpora the full benchmark builds): the median and range of `runs` runs, wall-clock and CPU
 * time (which counts the garbage collector's threads too; wall-clock suffers when other programs
 * share the machine). Quick enough to run after every change to src/lib/discovery/.
 */
async function benchRelatedOnly(
  sizes: readonly number[],
  runs: number,
  seed: number,
  skipReal: boolean,
  input: Pick<BenchContext, 'vocabulary' | 'topicIds'>,
): Promise<void> {
  const corpora: { label: string; papers: readonly RelatedBenchPaper[] }[] = [];
  if (!skipReal) {
    const { papers } = await readPapers(path.join(REPO_ROOT, 'content', 'papers'));
    corpora.push({ label: 'real list', papers });
  }
  for (const count of sizes) {
    log(`${count} papers: generating (seed ${seed})`);
    corpora.push({
      label: 'synthetic',
      papers: generatePapers({
        count,
        seed,
        vocabulary: input.vocabulary,
        topicIds: input.topicIds,
      }),
    });
  }
  const ms = (seconds: number): string => (seconds * 1000).toFixed(0);
  for (const { label, papers } of corpora) {
    const { wallS, cpuS, links } = measureRelated(runs, papers);
    process.stdout.write(
      `${String(papers.length).padStart(6)} papers (${label}): median ${ms(wallS.median)} ms ` +
        `(${ms(wallS.min)}–${ms(wallS.max)} ms over ${runs} runs; CPU median ` +
        `${cpuS === undefined ? '?' : ms(cpuS.median)} ms; ${links} related links)\n`,
    );
  }
}

/** Writes `text` to `file` formatted as the repository's Prettier settings say, so lint passes. */
async function writeFormatted(file: string, text: string): Promise<void> {
  const options = (await resolveConfig(file)) ?? {};
  await writeFile(file, await format(text, { ...options, filepath: file }));
}

/** Writes the results and the report, both formatted by `writeFormatted`. */
async function writeResults(
  results: BenchResults,
  jsonFile: string,
  markdownFile: string,
): Promise<void> {
  await mkdir(path.dirname(jsonFile), { recursive: true });
  await writeFormatted(jsonFile, JSON.stringify(results));
  log(`wrote ${jsonFile}`);
  await writeReport(results, markdownFile);
}

/** Writes the Markdown report. */
async function writeReport(results: BenchResults, markdownFile: string): Promise<void> {
  await writeFormatted(markdownFile, renderReport(results));
  log(`wrote ${markdownFile}`);
}

await main();
