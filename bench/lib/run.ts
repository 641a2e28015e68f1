/**
 * The benchmark's steps for one corpus: import, builds of the site and of bare Astro, Pagefind
 * and related papers alone, and the size of what was built. Each step is timed over several runs;
 * the two builds alternate run by run, so a burst of load from another program on the shared
 * machine hits both alike and their ratio stays fair.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { indexSite } from '../../src/integrations/pagefind.ts';
import { readPapers, writeFilesAtomically } from '../../src/lib/paper/files.ts';
import { listSourceFiles } from '../../src/lib/command/import.ts';
import { parseListing } from '../../src/lib/listing/parse.ts';
import { decodeListing } from '../../src/lib/listing/text.ts';
import { blocksListings, generatePapers, paperFiles } from './generator.ts';
import { buildPhases, medianPhases, medianRouteTimes, routeTimes } from './phases.ts';
import { runMeasured, withChildMemory, type MeasuredRun } from './process.ts';
import { busyMs, summarizeProfile, type CpuProfile, type ProfileSummary } from './profile.ts';
import {
  buildCommandArgs,
  cleanProject,
  prepareFloorProject,
  prepareSiteProject,
  type BuildProject,
} from './projects.ts';
import { computeRelated, type RelatedBenchPaper } from './related.ts';
import type {
  BuildFigures,
  CorpusResult,
  ImportFigures,
  PagefindFigures,
  RelatedFigures,
  SizeFigures,
} from './results.ts';
import { measureFirstSearch, type SearchHarness } from './search.ts';
import {
  assetBytes,
  largestPage,
  listFiles,
  medianPaperPage,
  pageAssets,
  summarizeDist,
} from './sizes.ts';
import { constant, mapFigure, meanCallMs, summarize } from './stats.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface BenchContext {
  repoRoot: string;
  /** A scratch folder for corpora and projects, removed by the caller. */
  workDir: string;
  runs: number;
  seed: number;
  vocabulary: Vocabulary;
  topicIds: readonly string[];
  /** The query of the first-search measurement. */
  query: string;
  /** Headless browser and server; without them the first search is not measured. */
  search?: SearchHarness;
  /** Also profile one extra build of each project with `node --cpu-prof`. */
  profile: boolean;
  buildTimeoutMs: number;
  log: (message: string) => void;
}

/** The site project, copied once per benchmark. */
let siteProject: Promise<BuildProject> | undefined;

function site(context: BenchContext): Promise<BuildProject> {
  siteProject ??= prepareSiteProject(context.repoRoot, path.join(context.workDir, 'site'));
  return siteProject;
}

/** The environment of a build: this process's, with the corpus and a fixed site address. */
function buildEnvironment(contentDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CONTENT_DIR: contentDir,
    SITE_URL: 'https://example.org',
    BASE_PATH: '/',
    // No network on the benchmark machine; telemetry would only wait for it.
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}

function tail(run: MeasuredRun, lines = 25): string {
  return run.lines
    .slice(-lines)
    .map((line) => line.text)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Import

interface Listing {
  file: string;
  text: string;
}

async function measureImport(context: BenchContext, listings: Listing[]): Promise<ImportFigures> {
  const bytes = listings.reduce((sum, listing) => sum + Buffer.byteLength(listing.text), 0);
  const entries = listings.reduce(
    (sum, listing) => sum + parseListing(listing.text).entries.length,
    0,
  );
  const parserMs: number[] = [];
  for (let run = 0; run < context.runs; run += 1) {
    parserMs.push(
      meanCallMs(() => {
        for (const listing of listings) parseListing(listing.text);
      }),
    );
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  const memory: number[] = [];
  for (let run = 0; run < context.runs; run += 1) {
    const out = await mkdtemp(path.join(context.workDir, 'import-'));
    const result = await runMeasured(
      process.execPath,
      [
        path.join(context.repoRoot, 'scripts', 'import.ts'),
        '--out',
        out,
        ...listings.map((l) => l.file),
      ],
      { cwd: context.repoRoot, env: process.env },
    );
    await rm(out, { recursive: true, force: true });
    if (result.code !== 0) throw new Error(`the import failed:\n${tail(result)}`);
    wall.push(result.wallMs / 1000);
    if (result.cpuSeconds !== undefined) cpu.push(result.cpuSeconds);
    memory.push(result.peakProcessRssBytes ?? result.peakTreeRssBytes);
  }
  const parser = summarize(parserMs);
  return {
    files: listings.length,
    bytes,
    entries,
    parserMBps: mapFigure(parser, (ms) => bytes / 1e6 / (ms / 1000)),
    parserEntriesPerS: mapFigure(parser, (ms) => entries / (ms / 1000)),
    cliWallS: summarize(wall),
    ...(cpu.length === 0 ? {} : { cliCpuS: summarize(cpu) }),
    cliPeakRssBytes: summarize(memory),
  };
}

// ---------------------------------------------------------------------------------------------
// Builds

interface BuildRuns {
  runs: MeasuredRun[];
  /** The run that failed, after which the project was built no more. */
  failed?: MeasuredRun;
  error?: string;
}

async function buildOnce(
  context: BenchContext,
  project: BuildProject,
  contentDir: string,
  nodeOptions: readonly string[] = [],
): Promise<MeasuredRun> {
  await cleanProject(project);
  return runMeasured(process.execPath, buildCommandArgs(context.repoRoot, project, nodeOptions), {
    cwd: project.root,
    env: buildEnvironment(contentDir),
    timeoutMs: context.buildTimeoutMs,
  });
}

function figuresOf(builds: BuildRuns): BuildFigures {
  const { runs } = builds;
  // Where a failed build spent its time is worth as much as a finished one's.
  const timed = runs.length > 0 ? runs : builds.failed === undefined ? [] : [builds.failed];
  const pages = runs
    .flatMap((run) => run.lines)
    .map((line) => /(\d+) page\(s\) built in/.exec(line.text)?.[1])
    .find((count) => count !== undefined);
  return {
    ok: builds.error === undefined,
    ...(builds.error === undefined ? {} : { error: builds.error }),
    ...(runs.length === 0
      ? {}
      : {
          wallS: summarize(runs.map((run) => run.wallMs / 1000)),
          ...(runs.every((run) => run.cpuSeconds !== undefined)
            ? { cpuS: summarize(runs.map((run) => run.cpuSeconds ?? 0)) }
            : {}),
          peakTreeRssBytes: summarize(runs.map((run) => run.peakTreeRssBytes)),
          ...(runs.every((run) => run.peakProcessRssBytes !== undefined)
            ? { peakProcessRssBytes: summarize(runs.map((run) => run.peakProcessRssBytes ?? 0)) }
            : {}),
        }),
    phases: medianPhases(timed.map((run) => buildPhases(run.lines, run.wallMs))),
    routes: medianRouteTimes(timed.map((run) => routeTimes(run.lines))),
    ...(pages === undefined ? {} : { pages: Number(pages) }),
  };
}

/** Builds the site and the floor `runs` times each, alternating. A failed project stops there. */
async function measureBuilds(
  context: BenchContext,
  contentDir: string,
  floor: BuildProject,
): Promise<{ site: BuildFigures; floor: BuildFigures }> {
  const siteBuilds: BuildRuns = { runs: [] };
  const floorBuilds: BuildRuns = { runs: [] };
  const projects = [
    { name: 'site', project: await site(context), builds: siteBuilds },
    { name: 'bare Astro', project: floor, builds: floorBuilds },
  ];
  for (let run = 0; run < context.runs; run += 1) {
    for (const { name, project, builds } of projects) {
      if (builds.error !== undefined) continue;
      context.log(`  ${name} build ${run + 1}/${context.runs}`);
      const result = await buildOnce(context, project, contentDir);
      if (result.code !== 0) {
        // The first line says how it ended; the last lines of output say where.
        builds.error = `exit code ${String(result.code)} after ${(result.wallMs / 1000).toFixed(1)} s, peak ${(result.peakTreeRssBytes / 1024 ** 3).toFixed(2)} GiB of memory:\n${tail(result)}`;
        builds.failed = result;
        context.log(`  ${name} build failed: ${builds.error}`);
        continue;
      }
      context.log(
        `  ${name} build: ${(result.wallMs / 1000).toFixed(1)} s, CPU ${result.cpuSeconds?.toFixed(1) ?? '?'} s`,
      );
      builds.runs.push(result);
    }
  }
  return { site: figuresOf(siteBuilds), floor: figuresOf(floorBuilds) };
}

/** One more build under `node --cpu-prof`, summarized; the profile itself is deleted. */
async function profileBuild(
  context: BenchContext,
  project: BuildProject,
  contentDir: string,
): Promise<ProfileSummary | undefined> {
  const dir = await mkdtemp(path.join(context.workDir, 'profile-'));
  try {
    const result = await buildOnce(context, project, contentDir, [
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
    ]);
    if (result.code !== 0) return undefined;
    const files = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'));
    let busiest: ProfileSummary | undefined;
    for (const file of files) {
      const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as CpuProfile;
      const summary = summarizeProfile(profile);
      if (busiest === undefined || busyMs(summary) > busyMs(busiest)) busiest = summary;
    }
    return busiest;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Pagefind, related papers, sizes

async function measurePagefind(context: BenchContext, dist: string): Promise<PagefindFigures> {
  const wall: number[] = [];
  const memory: number[] = [];
  let pages = 0;
  for (let run = 0; run < context.runs; run += 1) {
    await rm(path.join(dist, 'pagefind'), { recursive: true, force: true });
    const started = performance.now();
    const { result, peakChildRssBytes } = await withChildMemory(() => indexSite(dist));
    wall.push((performance.now() - started) / 1000);
    memory.push(peakChildRssBytes);
    pages = result;
  }
  return { wallS: summarize(wall), peakRssBytes: summarize(memory), pages };
}

/** Related papers of every paper, computed in this process `runs` times: wall and CPU time. */
export function measureRelated(runs: number, papers: readonly RelatedBenchPaper[]): RelatedFigures {
  const wall: number[] = [];
  const cpu: number[] = [];
  let links = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    links = computeRelated(papers);
    const used = process.cpuUsage(cpuBefore);
    wall.push((performance.now() - started) / 1000);
    cpu.push((used.user + used.system) / 1e6);
  }
  return { wallS: summarize(wall), cpuS: summarize(cpu), links };
}

async function measureSizes(context: BenchContext, dist: string): Promise<SizeFigures> {
  const files = await listFiles(dist);
  const dist_ = summarizeDist(files);
  const page = medianPaperPage(files);
  if (page === undefined) throw new Error(`no paper page in ${dist}`);
  const html = await readFile(path.join(dist, page.path), 'utf8');
  const assets = pageAssets(html);
  const runs = context.runs;
  const largest = largestPage(files) ?? page;
  const sizes: SizeFigures = {
    paperPage: {
      path: page.path,
      htmlBytes: constant(page.bytes, runs),
      cssBytes: constant(assetBytes(assets.stylesheets, files) + assets.inlineStyleBytes, runs),
      jsBytes: constant(assetBytes(assets.scripts, files) + assets.inlineScriptBytes, runs),
      inlineScriptBytes: assets.inlineScriptBytes,
      stylesheets: assets.stylesheets,
      scripts: assets.scripts,
    },
    largestPage: { path: largest.path, bytes: constant(largest.bytes, runs) },
    dist: {
      totalBytes: constant(dist_.totalBytes, runs),
      fileCount: constant(dist_.fileCount, runs),
      pagefindBytes: constant(dist_.pagefindBytes, runs),
      pagefindFiles: constant(dist_.pagefindFiles, runs),
      htmlBytes: constant(dist_.htmlBytes, runs),
      htmlFiles: constant(dist_.htmlFiles, runs),
    },
  };
  if (context.search !== undefined) {
    try {
      context.log(`  first search for "${context.query}" in a headless browser`);
      sizes.firstSearch = await measureFirstSearch(context.search, dist, context.query, runs);
    } catch (error) {
      sizes.firstSearchError = (error as Error).message.split('\n')[0] ?? String(error);
      context.log(`  first search failed: ${sizes.firstSearchError}`);
    }
  } else sizes.firstSearchError = 'no browser harness given';
  return sizes;
}

// ---------------------------------------------------------------------------------------------
// Corpora

interface CorpusInput {
  label: string;
  kind: 'real' | 'synthetic';
  seed?: number;
  contentDir: string;
  listings: Listing[];
  papers: readonly RelatedBenchPaper[];
}

async function benchCorpus(context: BenchContext, input: CorpusInput): Promise<CorpusResult> {
  const notes: string[] = [];
  context.log(`${input.label}: import`);
  const imported = await measureImport(context, input.listings);
  const floorRoot = path.join(context.workDir, `floor-${input.label}`);
  const floor = await prepareFloorProject(
    context.repoRoot,
    floorRoot,
    path.join(input.contentDir, 'papers'),
  );
  context.log(`${input.label}: builds`);
  const builds = await measureBuilds(context, input.contentDir, floor);
  const siteRoot = await site(context);
  const result: CorpusResult = {
    label: input.label,
    kind: input.kind,
    papers: input.papers.length,
    ...(input.seed === undefined ? {} : { seed: input.seed }),
    import: imported,
    build: builds.site,
    floor: builds.floor,
    notes,
  };
  context.log(`${input.label}: related papers`);
  result.related = measureRelated(context.runs, input.papers);
  if (builds.site.ok) {
    context.log(`${input.label}: sizes`);
    result.sizes = await measureSizes(context, siteRoot.outDir);
    context.log(`${input.label}: Pagefind alone`);
    result.pagefind = await measurePagefind(context, siteRoot.outDir);
  }
  if (context.profile) {
    context.log(`${input.label}: CPU profiles`);
    const siteProfile = builds.site.ok
      ? await profileBuild(context, siteRoot, input.contentDir)
      : undefined;
    const floorProfile = builds.floor.ok
      ? await profileBuild(context, floor, input.contentDir)
      : undefined;
    result.profile = {
      ...(siteProfile === undefined ? {} : { site: siteProfile }),
      ...(floorProfile === undefined ? {} : { floor: floorProfile }),
    };
  }
  await cleanProject(siteRoot);
  await rm(floorRoot, { recursive: true, force: true });
  return result;
}

/** The real reading list: its four listings and its papers, built from content/. */
export async function benchReal(context: BenchContext): Promise<CorpusResult> {
  const files = await listSourceFiles(path.join(context.repoRoot, 'content', 'sources'));
  const listings = await Promise.all(
    files.map(async (file) => ({ file, text: decodeListing(await readFile(file)) })),
  );
  const { papers } = await readPapers(path.join(context.repoRoot, 'content', 'papers'));
  return benchCorpus(context, {
    label: 'real',
    kind: 'real',
    contentDir: path.join(context.repoRoot, 'content'),
    listings,
    papers,
  });
}

/** A synthetic corpus of `count` papers: paper files, topics.yaml and its listing dump. */
export async function benchSynthetic(context: BenchContext, count: number): Promise<CorpusResult> {
  context.log(`${count} papers: generating (seed ${context.seed})`);
  const options = {
    count,
    seed: context.seed,
    vocabulary: context.vocabulary,
    topicIds: context.topicIds,
  };
  const papers = generatePapers(options);
  const contentDir = path.join(context.workDir, `corpus-${count}`);
  await writeFilesAtomically(path.join(contentDir, 'papers'), paperFiles(papers));
  await cp(
    path.join(context.repoRoot, 'content', 'topics.yaml'),
    path.join(contentDir, 'topics.yaml'),
  );
  const listings = blocksListings(papers, options).map(({ name, text }) => ({
    file: path.join(contentDir, name),
    text,
  }));
  for (const { file, text } of listings) await writeFile(file, text);
  try {
    return await benchCorpus(context, {
      label: String(count),
      kind: 'synthetic',
      seed: context.seed,
      contentDir,
      listings,
      papers,
    });
  } finally {
    await rm(contentDir, { recursive: true, force: true });
  }
}
