/**
 * The shape of a benchmark's results, as `bench/results.json` stores them and the report writer
 * reads them. Every timed figure keeps all its runs; sizes are figures too, so the report can
 * treat every number alike (a size's runs are simply equal).
 */
import type { Phase, RouteTime } from './phases.ts';
import type { ProfileSummary } from './profile.ts';
import type { Figure } from './stats.ts';
import type { DistSummary } from './sizes.ts';

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryBytes: number;
  node: string;
  os: string;
  /** When the benchmark ran, as an ISO timestamp. */
  date: string;
  commit: string;
  /** Whether the working tree had uncommitted changes, which the builds then included. */
  dirty: boolean;
  runs: number;
}

export interface ImportFigures {
  /** Listing files and their total size. */
  files: number;
  bytes: number;
  /** Entries the parser read. */
  entries: number;
  /** The parser alone, in process, on the decoded text. */
  parserMBps: Figure;
  parserEntriesPerS: Figure;
  /** `node scripts/import.ts` into an empty folder, start to exit. */
  cliWallS: Figure;
  /** CPU time of that process, far less disturbed by other programs than wall time. */
  cliCpuS?: Figure;
  cliPeakRssBytes: Figure;
}

export interface BuildFigures {
  /** Whether every run succeeded; the figures cover the successful runs. */
  ok: boolean;
  /** Why a run failed: the end of its output. */
  error?: string;
  wallS?: Figure;
  /** CPU time (user and system) of the build and the children it waited for (Pagefind). */
  cpuS?: Figure;
  /** Sum over the process tree, sampled every 100 ms. */
  peakTreeRssBytes?: Figure;
  /** Largest single process of the tree (GNU time). */
  peakProcessRssBytes?: Figure;
  /** Where the time goes: the median of each phase over the runs. */
  phases: Phase[];
  /** Page generation by kind of output (median of the runs), the costliest first. */
  routes?: RouteTime[];
  pages?: number;
}

export interface PagefindFigures {
  wallS: Figure;
  /** Memory of Pagefind's native indexing process. */
  peakRssBytes: Figure;
  pages: number;
}

export interface RelatedFigures {
  wallS: Figure;
  /** CPU time of this process meanwhile (the garbage collector's threads included). */
  cpuS?: Figure;
  /** Related-paper links found, to show the work was done. */
  links: number;
}

export interface FirstSearch {
  query: string;
  /** Bytes of every response the browser received, from loading the search page to results. */
  bytes: Figure;
  /** The same responses gzip-compressed, as most static hosts would send them. */
  gzipBytes: Figure;
  /** The requests of one run, largest first. */
  requests: { path: string; bytes: number }[];
  results: number;
}

export interface SizeFigures {
  paperPage: {
    path: string;
    htmlBytes: Figure;
    cssBytes: Figure;
    jsBytes: Figure;
    /** Bytes of code in inline scripts, part of `jsBytes`. */
    inlineScriptBytes: number;
    stylesheets: string[];
    scripts: string[];
  };
  largestPage: { path: string; bytes: Figure };
  dist: { [K in keyof DistSummary]: Figure };
  firstSearch?: FirstSearch;
  /** Why the first search was not measured. */
  firstSearchError?: string;
}

export interface CorpusResult {
  /** `real` or the paper count of a synthetic corpus. */
  label: string;
  kind: 'real' | 'synthetic';
  papers: number;
  seed?: number;
  import: ImportFigures;
  build: BuildFigures;
  floor?: BuildFigures;
  pagefind?: PagefindFigures;
  related?: RelatedFigures;
  sizes?: SizeFigures;
  /** CPU profiles of one extra build, when asked for. */
  profile?: { site?: ProfileSummary; floor?: ProfileSummary };
  notes: string[];
  /** When and at which commit this corpus was measured (a merged report mixes runs). */
  measuredAt?: string;
  commit?: string;
}

export interface BenchResults {
  machine: MachineInfo;
  corpora: CorpusResult[];
}
