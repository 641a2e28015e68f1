/**
 * The benchmark report: the budgets of the "Performance at scale" issue judged against the
 * results, and the Markdown of `bench/results.md`. Pure: results in, text out, so the report is
 * tested on a fixed results object and every figure is written the same way.
 */
import type { Phase } from './phases.ts';
import type { ProfileSummary } from './profile.ts';
import type { BenchResults, BuildFigures, CorpusResult } from './results.ts';
import type { Figure } from './stats.ts';

/** KB in the budgets are 1,000 bytes, as network tools report them. */
export const KB = 1000;
export const GIB = 1024 ** 3;

/** At 100,000 papers the whole build, every process of it at once, stays within 12 GiB. */
export const MEMORY_BUDGET_BYTES = 12 * GIB;
/** At 100,000 papers the whole build takes at most five minutes. */
export const LARGE_BUILD_BUDGET_S = 300;
/** The real list builds within 6 s: no regression while the large sizes get faster. */
export const REAL_BUILD_BUDGET_S = 6;

/** What a first search may download: 200 KB, and 400 KB from 100,000 papers on. */
export function firstSearchBudgetBytes(papers: number): number {
  return (papers >= 100_000 ? 400 : 200) * KB;
}

export interface BudgetRow {
  budget: string;
  corpus: string;
  /** The measured median with its range, as written in the report. */
  measured: string;
  /** undefined when the figure was not measured in this run. */
  met: boolean | undefined;
  /** For a missed budget, what the measurements say the time or bytes went to. */
  reason?: string;
}

// ---------------------------------------------------------------------------------------------
// Formatting

function grouped(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export function formatSeconds(value: number): string {
  if (value < 0.1) return `${(value * 1000).toFixed(1)} ms`;
  return value < 10 ? `${value.toFixed(2)} s` : `${value.toFixed(1)} s`;
}

export function formatBytes(value: number): string {
  if (value >= GIB) return `${(value / GIB).toFixed(2)} GiB`;
  if (value >= 1e6) return `${(value / 1e6).toFixed(1)} MB`;
  if (value >= 1e4) return `${(value / KB).toFixed(1)} KB`;
  return `${grouped(value)} B`;
}

export function formatRate(value: number, unit: string): string {
  return `${value >= 100 ? grouped(value) : value.toFixed(1)} ${unit}`;
}

/** `median (min–max)`, or the median alone when every run gave the same value. */
export function formatFigure(figure: Figure, format: (value: number) => string): string {
  if (figure.min === figure.max) return `${format(figure.median)} (min = max)`;
  return `${format(figure.median)} (${format(figure.min)}–${format(figure.max)})`;
}

function corpusName(corpus: CorpusResult): string {
  return corpus.kind === 'real'
    ? `real list (${grouped(corpus.papers)} papers)`
    : `${grouped(corpus.papers)} synthetic papers`;
}

function phaseDelta(site: readonly Phase[], floor: readonly Phase[]): string {
  const floorMs = new Map(floor.map((phase) => [phase.name, phase.ms]));
  return site
    .map((phase) => ({ name: phase.name, extra: phase.ms - (floorMs.get(phase.name) ?? 0) }))
    .filter((phase) => phase.extra > 250)
    .sort((a, b) => b.extra - a.extra)
    .slice(0, 4)
    .map((phase) => `${phase.name} +${formatSeconds(phase.extra / 1000)}`)
    .join(', ');
}

function slowestPhases(phases: readonly Phase[]): string {
  return [...phases]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((phase) => `${phase.name} ${formatSeconds(phase.ms / 1000)}`)
    .join(', ');
}

// ---------------------------------------------------------------------------------------------
// Budgets

/** A failed build in one line: how it ended (the first line) and its last words (the last). */
export function buildFailure(build: BuildFigures): string {
  const lines = (build.error ?? 'no output').split('\n').filter((line) => line.trim() !== '');
  const [first = '', ...rest] = lines;
  const last = rest.at(-1);
  const summary = last === undefined ? first : `${first} … ${last.trim()}`;
  return `the build failed: ${summary}`.slice(0, 400);
}

function scriptReason(corpus: CorpusResult): string {
  const page = corpus.sizes?.paperPage;
  if (page === undefined) return '';
  const parts = page.scripts.length > 0 ? [`script files: ${page.scripts.join(', ')}`] : [];
  if (page.inlineScriptBytes > 0) parts.push(`${page.inlineScriptBytes} B of inline script`);
  return `${parts.join('; ')} on ${page.path}`;
}

/** Every budget of the issue, judged on the corpora of this run. */
export function evaluateBudgets(results: BenchResults): BudgetRow[] {
  const rows: BudgetRow[] = [];
  const real = results.corpora.find((corpus) => corpus.kind === 'real');
  const bySize = (papers: number): CorpusResult | undefined =>
    results.corpora.find((corpus) => corpus.kind === 'synthetic' && corpus.papers === papers);

  const add = (
    budget: string,
    corpus: CorpusResult | undefined,
    corpusLabel: string,
    judge: (corpus: CorpusResult) => Omit<BudgetRow, 'budget' | 'corpus'> | undefined,
  ): void => {
    const judged = corpus === undefined ? undefined : judge(corpus);
    rows.push({
      budget,
      corpus: corpus === undefined ? corpusLabel : corpusName(corpus),
      ...(judged ?? { measured: 'not measured in this run', met: undefined }),
    });
  };

  add('Import of the four real listings, whole process, < 0.5 s', real, 'real list', (c) => {
    const figure = c.import.cliWallS;
    const met = figure.median < 0.5;
    return {
      measured: formatFigure(figure, formatSeconds),
      met,
      ...(met
        ? {}
        : {
            reason: `the parser takes ${formatSeconds(c.import.bytes / 1e6 / c.import.parserMBps.median)} of it; the rest is Node start-up, loading modules and the taxonomy, topic rules and writing files`,
          }),
    };
  });
  add('Listing parser ≥ 20 MB/s', real, 'real list', (c) => ({
    measured: formatFigure(c.import.parserMBps, (v) => formatRate(v, 'MB/s')),
    met: c.import.parserMBps.median >= 20,
  }));
  add(
    `Full build of the real list (Astro, Pagefind, everything) ≤ ${REAL_BUILD_BUDGET_S} s`,
    real,
    'real list',
    (c) => {
      if (!c.build.ok || c.build.wallS === undefined)
        return { measured: 'failed', met: false, reason: buildFailure(c.build) };
      const met = c.build.wallS.median <= REAL_BUILD_BUDGET_S;
      return {
        measured: formatFigure(c.build.wallS, formatSeconds),
        met,
        ...(met ? {} : { reason: `slowest phases: ${slowestPhases(c.build.phases)}` }),
      };
    },
  );
  add('10,000 papers: full build ≤ 1.5 × bare Astro (same run)', bySize(10_000), '10,000', (c) => {
    const site = c.build.wallS;
    const floor = c.floor?.wallS;
    if (!c.build.ok || site === undefined)
      return { measured: 'failed', met: false, reason: buildFailure(c.build) };
    if (floor === undefined) return undefined;
    const ratio = site.median / floor.median;
    const met = ratio <= 1.5;
    const siteCpu = c.build.cpuS;
    const floorCpu = c.floor?.cpuS;
    const cpu =
      siteCpu === undefined || floorCpu === undefined
        ? ''
        : `; CPU time ${(siteCpu.median / floorCpu.median).toFixed(2)} ×`;
    return {
      measured: `${ratio.toFixed(2)} × (site ${formatFigure(site, formatSeconds)}, floor ${formatFigure(floor, formatSeconds)}${cpu})`,
      met,
      ...(met
        ? {}
        : { reason: `extra time by phase: ${phaseDelta(c.build.phases, c.floor?.phases ?? [])}` }),
    };
  });
  add('10,000 papers: related papers < 3 s', bySize(10_000), '10,000', (c) =>
    c.related === undefined
      ? undefined
      : {
          measured:
            formatFigure(c.related.wallS, formatSeconds) +
            (c.related.cpuS === undefined
              ? ''
              : `; CPU ${formatFigure(c.related.cpuS, formatSeconds)}`),
          met: c.related.wallS.median < 3,
          ...(c.related.wallS.median < 3 || c.related.cpuS === undefined
            ? {}
            : {
                reason: `the computation itself: its CPU time is ${formatSeconds(c.related.cpuS.median)}, so other programs on the machine do not explain it`,
              }),
        },
  );
  add(
    `100,000 papers: full build ≤ ${LARGE_BUILD_BUDGET_S} s and ≤ ${MEMORY_BUDGET_BYTES / GIB} GiB for the whole process tree`,
    bySize(100_000),
    '100,000',
    (c) => {
      if (!c.build.ok || c.build.wallS === undefined) {
        return { measured: 'did not complete', met: false, reason: buildFailure(c.build) };
      }
      const wall = c.build.wallS;
      const peak = c.build.peakTreeRssBytes;
      const fast = wall.median <= LARGE_BUILD_BUDGET_S;
      const small = peak !== undefined && peak.median <= MEMORY_BUDGET_BYTES;
      const largest = c.build.peakProcessRssBytes;
      const reasons = [
        ...(fast ? [] : [`slowest phases: ${slowestPhases(c.build.phases)}`]),
        ...(small || peak === undefined
          ? []
          : [
              `largest single process ${largest === undefined ? 'unknown' : formatBytes(largest.median)} of the tree's ${formatBytes(peak.median)}`,
            ]),
      ];
      return {
        measured: `${formatFigure(wall, formatSeconds)}, ${peak === undefined ? 'peak unknown' : `peak ${formatFigure(peak, formatBytes)}`}`,
        met: fast && small,
        ...(reasons.length === 0 ? {} : { reason: reasons.join('; ') }),
      };
    },
  );

  const sized = results.corpora.filter((corpus) => corpus.sizes !== undefined);
  for (const corpus of sized.length > 0 ? sized : [undefined]) {
    const label = corpus === undefined ? 'any' : corpusName(corpus);
    add('Paper page ≤ 25 KB of HTML', corpus, label, (c) => {
      const html = c.sizes?.paperPage.htmlBytes;
      if (html === undefined) return undefined;
      return { measured: formatFigure(html, formatBytes), met: html.median <= 25 * KB };
    });
    add('Paper page ≤ 10 KB of CSS', corpus, label, (c) => {
      const css = c.sizes?.paperPage.cssBytes;
      if (css === undefined) return undefined;
      return { measured: formatFigure(css, formatBytes), met: css.median <= 10 * KB };
    });
    add('Paper page: no JavaScript until the reader uses search', corpus, label, (c) => {
      const js = c.sizes?.paperPage.jsBytes;
      if (js === undefined) return undefined;
      const met = js.median === 0;
      return {
        measured: formatFigure(js, formatBytes),
        met,
        ...(met ? {} : { reason: scriptReason(c) }),
      };
    });
    const searchBudget = firstSearchBudgetBytes(corpus?.papers ?? 0);
    add(`A first search downloads ≤ ${searchBudget / KB} KB`, corpus, label, (c) => {
      const search = c.sizes?.firstSearch;
      if (search === undefined) {
        return c.sizes?.firstSearchError === undefined
          ? undefined
          : { measured: `not measured: ${c.sizes.firstSearchError}`, met: undefined };
      }
      const met = search.bytes.median <= searchBudget;
      return {
        measured: `${formatFigure(search.bytes, formatBytes)}; gzipped ${formatFigure(search.gzipBytes, formatBytes)}`,
        met,
        ...(met
          ? {}
          : {
              reason: `largest downloads: ${search.requests
                .slice(0, 4)
                .map((request) => `${request.path} ${formatBytes(request.bytes)}`)
                .join(', ')}`,
            }),
      };
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Markdown

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${head.map(escape).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

function figureRow(name: string, figure: Figure | undefined, format: (v: number) => string) {
  if (figure === undefined) return [name, '–', '–', '–', '0'];
  return [
    name,
    format(figure.median),
    format(figure.min),
    format(figure.max),
    String(figure.runs.length),
  ];
}

function buildRows(name: string, build: BuildFigures | undefined): string[][] {
  if (build === undefined) return [];
  if (!build.ok && build.wallS === undefined) {
    return [[`${name}: failed`, buildFailure(build), '', '', '0']];
  }
  return [
    figureRow(`${name}: wall time`, build.wallS, formatSeconds),
    figureRow(`${name}: CPU time (user + system)`, build.cpuS, formatSeconds),
    figureRow(`${name}: peak memory, process tree`, build.peakTreeRssBytes, formatBytes),
    figureRow(`${name}: peak memory, largest process`, build.peakProcessRssBytes, formatBytes),
  ];
}

function phaseTable(site: BuildFigures, floor: BuildFigures | undefined): string {
  const floorMs = new Map((floor?.phases ?? []).map((phase) => [phase.name, phase.ms]));
  const names = [
    ...new Set([...site.phases.map((p) => p.name), ...(floor?.phases ?? []).map((p) => p.name)]),
  ];
  const siteMs = new Map(site.phases.map((phase) => [phase.name, phase.ms]));
  const cell = (ms: number | undefined): string =>
    ms === undefined ? '–' : formatSeconds(ms / 1000);
  return table(
    floor === undefined ? ['phase (median)', 'site'] : ['phase (median)', 'site', 'bare Astro'],
    names.map((name) =>
      floor === undefined
        ? [name, cell(siteMs.get(name))]
        : [name, cell(siteMs.get(name)), cell(floorMs.get(name))],
    ),
  );
}

function profileSection(title: string, profile: ProfileSummary): string {
  const share = (value: number): string => `${(value * 100).toFixed(1)} %`;
  return [
    `${title} (CPU profile of one extra build, ${formatSeconds(profile.totalMs / 1000)} sampled):`,
    '',
    table(
      ['self time by owner', 'time', 'share'],
      profile.byOwner.map((entry) => [
        entry.name,
        formatSeconds(entry.ms / 1000),
        share(entry.share),
      ]),
    ),
    '',
    table(
      ['busiest functions', 'time', 'share'],
      profile.byFunction
        .slice(0, 8)
        .map((entry) => [entry.name, formatSeconds(entry.ms / 1000), share(entry.share)]),
    ),
    '',
    table(
      ['busiest JavaScript functions', 'time', 'share'],
      (profile.byScriptFunction ?? []).map((entry) => [
        entry.name,
        formatSeconds(entry.ms / 1000),
        share(entry.share),
      ]),
    ),
  ].join('\n');
}

function corpusSection(corpus: CorpusResult, machine: BenchResults['machine']): string {
  const rows: string[][] = [];
  const { import: imported } = corpus;
  rows.push(
    figureRow(
      `import: parser throughput (${grouped(imported.bytes)} bytes, ${grouped(imported.entries)} entries)`,
      imported.parserMBps,
      (v) => formatRate(v, 'MB/s'),
    ),
    figureRow('import: parser, entries per second', imported.parserEntriesPerS, (v) =>
      formatRate(v, 'entries/s'),
    ),
    figureRow(
      `import: whole process, ${imported.files} listing file(s) into an empty folder`,
      imported.cliWallS,
      formatSeconds,
    ),
    figureRow('import: whole process, CPU time', imported.cliCpuS, formatSeconds),
    figureRow('import: whole process, peak memory', imported.cliPeakRssBytes, formatBytes),
    ...buildRows('full build (site)', corpus.build),
    ...buildRows('bare Astro build (floor)', corpus.floor),
  );
  const ratios: [string, Figure | undefined, Figure | undefined][] = [
    [
      'site ÷ floor, wall time (ratio of medians; of mins; of maxes)',
      corpus.build.wallS,
      corpus.floor?.wallS,
    ],
    [
      'site ÷ floor, CPU time (ratio of medians; of mins; of maxes)',
      corpus.build.cpuS,
      corpus.floor?.cpuS,
    ],
  ];
  for (const [name, site, floor] of ratios) {
    if (site === undefined || floor === undefined) continue;
    const ratio = (f: (figure: Figure) => number): string => (f(site) / f(floor)).toFixed(2);
    rows.push([
      name,
      `${ratio((f) => f.median)} ×`,
      `${ratio((f) => f.min)} ×`,
      `${ratio((f) => f.max)} ×`,
      String(Math.min(site.runs.length, floor.runs.length)),
    ]);
  }

  if (corpus.pagefind !== undefined) {
    rows.push(
      figureRow(
        `Pagefind indexing alone (${grouped(corpus.pagefind.pages)} pages)`,
        corpus.pagefind.wallS,
        formatSeconds,
      ),
      figureRow('Pagefind indexing: peak memory', corpus.pagefind.peakRssBytes, formatBytes),
    );
  }
  if (corpus.related !== undefined) {
    rows.push(
      figureRow(
        `related papers alone (${grouped(corpus.related.links)} links)`,
        corpus.related.wallS,
        formatSeconds,
      ),
      figureRow('related papers alone: CPU time', corpus.related.cpuS, formatSeconds),
    );
  }
  const sizes = corpus.sizes;
  if (sizes !== undefined) {
    rows.push(
      figureRow(`paper page HTML (median page)`, sizes.paperPage.htmlBytes, formatBytes),
      figureRow('paper page CSS (linked and inline)', sizes.paperPage.cssBytes, formatBytes),
      figureRow('paper page JavaScript', sizes.paperPage.jsBytes, formatBytes),
      figureRow(`largest page (${sizes.largestPage.path})`, sizes.largestPage.bytes, formatBytes),
      figureRow('dist/: total size', sizes.dist.totalBytes, formatBytes),
      figureRow('dist/: files', sizes.dist.fileCount, grouped),
      figureRow('dist/: HTML pages', sizes.dist.htmlFiles, grouped),
      figureRow('dist/: HTML size', sizes.dist.htmlBytes, formatBytes),
      figureRow('dist/pagefind/: size', sizes.dist.pagefindBytes, formatBytes),
      figureRow('dist/pagefind/: files', sizes.dist.pagefindFiles, grouped),
    );
    if (sizes.firstSearch !== undefined) {
      rows.push(
        figureRow(
          `first search for "${sizes.firstSearch.query}": bytes downloaded`,
          sizes.firstSearch.bytes,
          formatBytes,
        ),
        figureRow('first search: the same, gzipped', sizes.firstSearch.gzipBytes, formatBytes),
      );
    }
  }
  // A figure this run did not measure (an older results file, a tool missing here) has no row.
  const measured = rows.filter((row) => row[1] !== '–');
  const parts = [
    `### ${corpusName(corpus)}${corpus.seed === undefined ? '' : `, seed ${corpus.seed}`}`,
    '',
    ...(corpus.measuredAt !== undefined && corpus.measuredAt !== machine.date
      ? [
          `Measured in an earlier run: ${corpus.measuredAt}, commit ${corpus.commit ?? 'unknown'}.`,
          '',
        ]
      : []),
    table(['figure', 'median', 'min', 'max', 'runs'], measured),
  ];
  if (corpus.build.phases.length > 0) {
    parts.push('', 'Where the build time goes:', '', phaseTable(corpus.build, corpus.floor));
  }
  const routes = corpus.build.routes ?? [];
  if (routes.length > 0) {
    parts.push(
      '',
      'Page generation by kind of output (the site; the time Astro logs for each file):',
      '',
      table(
        ['output', 'files', 'time (median)', 'per file'],
        routes.slice(0, 12).map((route) => [
          // A code span, or Markdown would read the asterisks of `/topics/*/*/` as emphasis.
          `\`${route.route}\``,
          grouped(route.pages),
          formatSeconds(route.ms / 1000),
          `${(route.ms / Math.max(1, route.pages)).toFixed(1)} ms`,
        ]),
      ),
    );
  }
  if (sizes?.firstSearch !== undefined) {
    parts.push(
      '',
      `What a first search downloads (${sizes.firstSearch.results} results shown; one run):`,
      '',
      table(
        ['file', 'bytes'],
        sizes.firstSearch.requests.map((request) => [
          `\`${request.path}\``,
          formatBytes(request.bytes),
        ]),
      ),
    );
  } else if (sizes?.firstSearchError !== undefined) {
    parts.push('', `First search not measured: ${sizes.firstSearchError}`);
  }
  if (corpus.profile?.site !== undefined) {
    parts.push('', profileSection('The site build', corpus.profile.site));
  }
  if (corpus.profile?.floor !== undefined) {
    parts.push('', profileSection('The bare Astro build', corpus.profile.floor));
  }
  if (corpus.notes.length > 0) parts.push('', ...corpus.notes.map((note) => `- ${note}`));
  return parts.join('\n');
}

/** The whole Markdown report. */
export function renderReport(results: BenchResults): string {
  const { machine } = results;
  const budgets = evaluateBudgets(results);
  const verdict = (met: boolean | undefined): string =>
    met === undefined ? 'not measured' : met ? 'met' : 'missed';
  return [
    '# Benchmark results',
    '',
    'Written by `npm run bench`; see [README.md](README.md) for what is measured and how.',
    'Every figure is the median of the runs, with the smallest and largest run.',
    '',
    table(
      ['machine', ''],
      [
        ['CPU cores', String(machine.cores)],
        ['CPU', machine.cpuModel],
        ['memory', formatBytes(machine.memoryBytes)],
        ['Node', machine.node],
        ['OS', machine.os],
        ['date', machine.date],
        ['commit', `${machine.commit}${machine.dirty ? ' (with uncommitted changes)' : ''}`],
        ['runs per figure', String(machine.runs)],
      ],
    ),
    '',
    '## Budgets',
    '',
    table(
      ['budget', 'corpus', 'measured (median, min–max)', 'verdict', 'reason (when missed)'],
      budgets.map((row) => [
        row.budget,
        row.corpus,
        row.measured,
        verdict(row.met),
        row.reason ?? '',
      ]),
    ),
    '',
    '## Figures',
    '',
    results.corpora.map((corpus) => corpusSection(corpus, machine)).join('\n\n'),
    '',
  ].join('\n');
}
