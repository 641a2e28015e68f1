/**
 * The report writer, on a fixed results object: every figure appears with its median, min and
 * max, every budget has a row with a verdict, and a missed budget says why.
 */
import { describe, expect, it } from 'vitest';
import {
  evaluateBudgets,
  formatBytes,
  formatFigure,
  formatRate,
  formatSeconds,
  renderReport,
} from '../../bench/lib/report.ts';
import type { BenchResults, BuildFigures, CorpusResult } from '../../bench/lib/results.ts';
import { constant, summarize, type Figure } from '../../bench/lib/stats.ts';

const phases = (scale: number) => [
  { name: 'start-up: Node, config, Vite', ms: 2000 * scale },
  { name: 'content layer: load, validate, render Markdown, store', ms: 3000 * scale },
  { name: 'generating pages', ms: 9000 * scale },
  { name: 'Pagefind indexing', ms: 4000 * scale },
];

function build(seconds: number[], scale: number): BuildFigures {
  return {
    ok: true,
    wallS: summarize(seconds),
    cpuS: summarize(seconds.map((s) => s * 1.5)),
    peakTreeRssBytes: summarize(seconds.map((s) => s * 1e8)),
    peakProcessRssBytes: summarize(seconds.map((s) => s * 9e7)),
    phases: phases(scale),
    routes: [
      { route: '/papers/*/index.html', pages: 1000, ms: 5000 * scale },
      { route: '/papers/*/cite.bib', pages: 1000, ms: 2000 * scale },
    ],
    pages: 1000,
  };
}

function corpus(
  label: string,
  kind: 'real' | 'synthetic',
  papers: number,
  k: number,
): CorpusResult {
  return {
    label,
    kind,
    papers,
    ...(kind === 'synthetic' ? { seed: 1 } : {}),
    import: {
      files: kind === 'real' ? 4 : 1,
      bytes: 510_467 * k,
      entries: 368 * k,
      parserMBps: summarize([31.5 * k, 29.25 * k, 33.75 * k]),
      parserEntriesPerS: summarize([22_000 * k, 21_000 * k, 23_500 * k]),
      cliWallS: summarize([0.61 * k, 0.57 * k, 0.66 * k]),
      cliCpuS: summarize([0.71 * k, 0.67 * k, 0.76 * k]),
      cliPeakRssBytes: summarize([1.21e8 * k, 1.19e8 * k, 1.25e8 * k]),
    },
    build: build([7.1 * k, 6.9 * k, 8.3 * k], k),
    floor: build([3.3 * k, 3.1 * k, 3.7 * k], k / 3),
    pagefind: {
      wallS: summarize([1.11 * k, 1.07 * k, 1.19 * k]),
      peakRssBytes: summarize([7.3e7 * k, 7.1e7 * k, 7.7e7 * k]),
      pages: papers + 40,
    },
    related: {
      wallS: summarize([0.33 * k, 0.31 * k, 0.37 * k]),
      cpuS: summarize([0.43 * k, 0.41 * k, 0.47 * k]),
      links: 5 * papers,
    },
    sizes: {
      paperPage: {
        path: 'papers/x/index.html',
        htmlBytes: constant(15_900 + k, 3),
        cssBytes: constant(4931 + k, 3),
        jsBytes: constant(kind === 'real' ? 405 : 0, 3),
        inlineScriptBytes: kind === 'real' ? 405 : 0,
        stylesheets: ['/_astro/Base.css'],
        scripts: [],
      },
      largestPage: { path: 'all/upvotes/index.html', bytes: constant(78_500 * k, 3) },
      dist: {
        totalBytes: constant(13_500_000 * k, 3),
        fileCount: constant(1628 * k, 3),
        pagefindBytes: constant(1_200_000 * k, 3),
        pagefindFiles: constant(325 * k, 3),
        htmlBytes: constant(9_000_000 * k, 3),
        htmlFiles: constant(342 * k, 3),
      },
      firstSearch: {
        query: 'regularization',
        bytes: summarize([306_200 + k, 306_100 + k, 306_400 + k]),
        gzipBytes: summarize([152_700 + k, 152_600 + k, 152_800 + k]),
        requests: [
          { path: '/_astro/search.js', bytes: 97_200 },
          { path: '/pagefind/wasm.en.pagefind', bytes: 59_800 },
        ],
        results: 5,
      },
    },
    notes: [`a note about ${label}`],
  };
}

const RESULTS: BenchResults = {
  machine: {
    cores: 2,
    cpuModel: 'AMD EPYC',
    memoryBytes: 24 * 1024 ** 3,
    node: 'v24.21.0',
    os: 'Debian GNU/Linux 12 (bookworm)',
    date: '2026-11-22T12:00:00.000Z',
    commit: 'abc1234',
    dirty: false,
    runs: 3,
  },
  corpora: [corpus('real', 'real', 323, 1), corpus('10000', 'synthetic', 10_000, 7)],
};

/** How the report writes each kind of figure, by the name of its field. */
function formatterFor(key: string): (value: number) => string {
  if (key === 'parserMBps') return (v) => formatRate(v, 'MB/s');
  if (key === 'parserEntriesPerS') return (v) => formatRate(v, 'entries/s');
  if (key.endsWith('S')) return formatSeconds;
  if (/files|count/i.test(key)) return (v) => Math.round(v).toLocaleString('en-US');
  return formatBytes;
}

/** Every figure in a results object, with the name of its field. */
function figures(value: unknown, key = ''): { key: string; figure: Figure }[] {
  if (typeof value !== 'object' || value === null) return [];
  if ('median' in value && 'runs' in value) return [{ key, figure: value as Figure }];
  return Object.entries(value).flatMap(([child, inner]) => figures(inner, child));
}

describe('the report', () => {
  const report = renderReport(RESULTS);

  it('states the median, min and max of every figure', () => {
    const all = figures(RESULTS.corpora);
    expect(all.length).toBeGreaterThan(40);
    for (const { key, figure } of all) {
      const format = formatterFor(key);
      const row = `| ${format(figure.median)} | ${format(figure.min)} | ${format(figure.max)} |`;
      expect(report, `${key} ${JSON.stringify(figure)}`).toContain(row);
    }
  });

  it('describes the machine, the date and the commit', () => {
    for (const text of ['| CPU cores | 2', 'AMD EPYC', '24.00 GiB', 'v24.21.0', 'bookworm']) {
      expect(report).toContain(text);
    }
    expect(report).toContain('2026-11-22T12:00:00.000Z');
    expect(report).toContain('abc1234');
  });

  it('has a row with a verdict for every budget', () => {
    const rows = evaluateBudgets(RESULTS);
    expect(rows.map((row) => row.budget)).toEqual([
      'Import of the four real listings, whole process, < 0.5 s',
      'Listing parser ≥ 20 MB/s',
      'Full build of the real list (Astro, Pagefind, everything) ≤ 6 s',
      '10,000 papers: full build ≤ 1.5 × bare Astro (same run)',
      '10,000 papers: related papers < 3 s',
      '100,000 papers: full build ≤ 300 s and ≤ 12 GiB for the whole process tree',
      'Paper page ≤ 25 KB of HTML',
      'Paper page ≤ 10 KB of CSS',
      'Paper page: no JavaScript until the reader uses search',
      'A first search downloads ≤ 200 KB',
      'Paper page ≤ 25 KB of HTML',
      'Paper page ≤ 10 KB of CSS',
      'Paper page: no JavaScript until the reader uses search',
      'A first search downloads ≤ 200 KB',
    ]);
    for (const row of rows) {
      const verdict = row.met === undefined ? 'not measured' : row.met ? 'met' : 'missed';
      expect(report).toContain(`| ${row.budget} | ${row.corpus} | ${row.measured} | ${verdict} |`);
    }
  });

  it('judges each budget on its median and gives the reason of a miss', () => {
    const rows = evaluateBudgets(RESULTS);
    const verdicts = rows.map((row) => [row.budget, row.corpus, row.met]);
    expect(verdicts).toEqual([
      ['Import of the four real listings, whole process, < 0.5 s', 'real list (323 papers)', false],
      ['Listing parser ≥ 20 MB/s', 'real list (323 papers)', true],
      // 7.1 s, over the 6 s the real list may take.
      [
        'Full build of the real list (Astro, Pagefind, everything) ≤ 6 s',
        'real list (323 papers)',
        false,
      ],
      ['10,000 papers: full build ≤ 1.5 × bare Astro (same run)', '10,000 synthetic papers', false],
      ['10,000 papers: related papers < 3 s', '10,000 synthetic papers', true],
      [
        '100,000 papers: full build ≤ 300 s and ≤ 12 GiB for the whole process tree',
        '100,000',
        undefined,
      ],
      ['Paper page ≤ 25 KB of HTML', 'real list (323 papers)', true],
      ['Paper page ≤ 10 KB of CSS', 'real list (323 papers)', true],
      ['Paper page: no JavaScript until the reader uses search', 'real list (323 papers)', false],
      ['A first search downloads ≤ 200 KB', 'real list (323 papers)', false],
      ['Paper page ≤ 25 KB of HTML', '10,000 synthetic papers', true],
      ['Paper page ≤ 10 KB of CSS', '10,000 synthetic papers', true],
      ['Paper page: no JavaScript until the reader uses search', '10,000 synthetic papers', true],
      ['A first search downloads ≤ 200 KB', '10,000 synthetic papers', false],
    ]);
    const ratio = rows[3];
    expect(ratio?.measured).toMatch(/^2\.15 × \(site 49\.7 s/);
    expect(ratio?.reason).toContain('generating pages +');
    expect(rows[8]?.reason).toContain('405 B of inline script');
    expect(rows[9]?.reason).toContain('/_astro/search.js 97.2 KB');
    expect(rows[2]?.reason).toBe(
      'slowest phases: generating pages 9.00 s, Pagefind indexing 4.00 s, content layer: load, validate, render Markdown, store 3.00 s',
    );
    expect(rows[5]?.measured).toBe('not measured in this run');
  });

  it('judges 100,000 papers on time and on the memory of the whole process tree', () => {
    const judge = (wall: number, treeGiB: number) => {
      const large = corpus('100000', 'synthetic', 100_000, 40);
      large.build = {
        ...large.build,
        wallS: summarize([wall, wall + 10, wall - 10]),
        peakTreeRssBytes: summarize([treeGiB, treeGiB, treeGiB].map((g) => g * 1024 ** 3)),
        peakProcessRssBytes: summarize([11.9, 11.9, 11.9].map((g) => g * 1024 ** 3)),
      };
      const rows = evaluateBudgets({ ...RESULTS, corpora: [large] });
      return rows.find((row) => row.budget.startsWith('100,000 papers'));
    };
    expect(judge(290, 11.5)).toMatchObject({ met: true, corpus: '100,000 synthetic papers' });
    expect(judge(290, 11.5)?.reason).toBeUndefined();
    // Fast enough, but Pagefind's 11.9 GiB and Astro's process together pass 12 GiB.
    const heavy = judge(290, 17.9);
    expect(heavy?.met).toBe(false);
    expect(heavy?.measured).toBe('290.0 s (280.0 s–300.0 s), peak 17.90 GiB (min = max)');
    expect(heavy?.reason).toBe("largest single process 11.90 GiB of the tree's 17.90 GiB");
    const slow = judge(558, 11.5);
    expect(slow?.met).toBe(false);
    expect(slow?.reason).toMatch(/^slowest phases: generating pages 360\.0 s/);
  });

  it('allows a first search 400 KB from 100,000 papers on, and 200 KB below', () => {
    const budgets = (papers: number) =>
      evaluateBudgets({ ...RESULTS, corpora: [corpus('n', 'synthetic', papers, 1)] })
        .filter((row) => row.budget.startsWith('A first search'))
        .map((row) => [row.budget, row.met]);
    // The fixture's first search is about 306 KB.
    expect(budgets(10_000)).toEqual([['A first search downloads ≤ 200 KB', false]]);
    expect(budgets(100_000)).toEqual([['A first search downloads ≤ 400 KB', true]]);
  });

  it('says when a build failed, and why', () => {
    const failed: BenchResults = {
      ...RESULTS,
      corpora: [
        {
          ...corpus('100000', 'synthetic', 100_000, 10),
          build: {
            ok: false,
            error:
              'exit code 1 after 312.0 s:\n12:00:01 [content] Syncing\nRangeError: Invalid string length\n',
            phases: [],
          },
        },
      ],
    };
    const row = evaluateBudgets(failed).find((budget) => budget.budget.startsWith('100,000'));
    expect(row).toMatchObject({ measured: 'did not complete', met: false });
    expect(row?.reason).toBe(
      'the build failed: exit code 1 after 312.0 s: … RangeError: Invalid string length',
    );
    expect(renderReport(failed)).toContain('Invalid string length');
  });

  it('shows where the build time goes, site beside bare Astro', () => {
    expect(report).toContain('| generating pages | 9.00 s | 3.00 s |');
    expect(report).toContain('| Pagefind indexing | 4.00 s | 1.33 s |');
  });

  it('shows which kinds of pages take the generation time', () => {
    expect(report).toContain('| `/papers/*/index.html` | 1,000 | 35.0 s | 35.0 ms |');
  });

  it('lists the downloads of a first search and the notes', () => {
    expect(report).toContain('| `/pagefind/wasm.en.pagefind` | 59.8 KB |');
    expect(report).toContain('- a note about real');
  });
});

describe('formatFigure', () => {
  it('writes the median with the range, or notes that every run agreed', () => {
    expect(formatFigure(summarize([2, 1, 3]), formatSeconds)).toBe('2.00 s (1.00 s–3.00 s)');
    expect(formatFigure(constant(4931, 3), formatBytes)).toBe('4,931 B (min = max)');
    expect(formatSeconds(0.0031)).toBe('3.1 ms');
  });
});
