/**
 * The measurement helpers: medians and ranges, build phases from log lines, page weights from
 * HTML, CPU profiles by owner, and the process tree read from /proc.
 */
import { describe, expect, it } from 'vitest';
import {
  buildPhases,
  medianPhases,
  medianRouteTimes,
  routeOf,
  routeTimes,
} from '../../bench/lib/phases.ts';
import {
  descendants,
  parentPid,
  parseTimeLine,
  residentBytes,
  TIME_MARKER,
} from '../../bench/lib/process.ts';
import { busyMs, ownerOf, summarizeProfile, type CpuProfile } from '../../bench/lib/profile.ts';
import { floorProjectFiles } from '../../bench/lib/projects.ts';
import {
  assetBytes,
  distPath,
  largestPage,
  medianPaperPage,
  pageAssets,
  summarizeDist,
} from '../../bench/lib/sizes.ts';
import { constant, mapFigure, summarize } from '../../bench/lib/stats.ts';

describe('summarize', () => {
  it('gives the middle run as the median of an odd number of runs, with the range', () => {
    expect(summarize([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, runs: [3, 1, 2] });
  });

  it('gives the mean of the two middle runs for an even number of runs', () => {
    expect(summarize([4, 1, 2, 10]).median).toBe(3);
  });

  it('refuses to summarize no runs', () => {
    expect(() => summarize([])).toThrow(RangeError);
  });

  it('keeps runs and summary consistent when figures are converted or constant', () => {
    expect(mapFigure(summarize([1000, 3000, 2000]), (ms) => ms / 1000)).toEqual(
      summarize([1, 3, 2]),
    );
    expect(constant(5, 3)).toEqual({ median: 5, min: 5, max: 5, runs: [5, 5, 5] });
  });
});

describe('build phases', () => {
  const log = [
    { at: 2000, text: '11:40:10 [content] Syncing content' },
    { at: 3000, text: '11:40:11 [content] Synced content' },
    { at: 3100, text: '11:40:11 [build] Building static entrypoints...' },
    { at: 4000, text: ' generating static routes ' },
    { at: 9000, text: '11:40:14 ✓ Completed in 5.00s.' },
    { at: 9000, text: '11:40:14 [build] ✓ Completed in 6.00s.' },
    { at: 9200, text: '11:40:14 [@astrojs/sitemap] `sitemap-index.xml` created at `dist`' },
    {
      at: 9300,
      text: '11:40:14 [reading-list:pagefind] Search index: built once Astro has exited',
    },
    { at: 9300, text: '11:40:14 [build] 364 page(s) built in 7.30s' },
    { at: 9350, text: '11:40:14 [build] Complete!' },
    { at: 9900, text: '11:40:15 [search] Indexing the paper pages (Astro has exited)' },
    { at: 11900, text: '11:40:17 [search] Indexed 364 pages for search' },
  ];

  it('times each step of an Astro build from when its first log line arrived', () => {
    expect(buildPhases(log, 12000)).toEqual([
      { name: 'start-up: Node, config, Vite', ms: 2000 },
      { name: 'content layer: load, validate, render Markdown, store', ms: 1000 },
      { name: 'types and build set-up', ms: 100 },
      { name: 'bundling (Vite)', ms: 900 },
      { name: 'generating pages', ms: 5000 },
      { name: 'sitemap (build:done hooks)', ms: 200 },
      { name: 'other build:done hooks', ms: 100 },
      { name: 'Astro finishing and exiting', ms: 600 },
      { name: 'Pagefind indexing', ms: 2000 },
      { name: 'the _headers file and exit', ms: 100 },
    ]);
  });

  it('adds the time of a step that never logged to the step before it', () => {
    const floor = log.filter((line) => !/sitemap|pagefind|search/.test(line.text));
    const phases = buildPhases(floor, 11500);
    expect(phases.map((phase) => phase.name)).not.toContain('Pagefind indexing');
    expect(phases.at(-1)).toEqual({ name: 'Astro finishing and exiting', ms: 11500 - 9300 });
    expect(phases.reduce((sum, phase) => sum + phase.ms, 0)).toBe(11500);
  });

  it('takes the median of each step over several runs', () => {
    const runs = [1, 3, 2].map((factor) => buildPhases(log, 12000 * factor));
    // The last step runs to each run's end: 100, 24,100 and 12,100 ms.
    expect(medianPhases(runs).at(-1)).toEqual({ name: 'the _headers file and exit', ms: 12100 });
  });
});

describe('page generation by route', () => {
  const log = [
    ' generating static routes ',
    '11:40:12   ├─ /404.html (+16ms) ',
    '11:40:12   ├─ /papers/a-paper/index.html (+5ms) ',
    '11:40:12   ├─ /papers/another/index.html (+3ms) ',
    '11:40:12   ├─ /papers/a-paper/cite.bib (+1ms) ',
    '11:40:12   ├─ /topics/robustness/2/index.html (+4ms) ',
    '11:40:13   └─ /years/2024/index.html (+1.5s) ',
  ].map((text, at) => ({ at, text }));

  it('folds slugs, topics, years and page numbers into one route', () => {
    expect(routeOf('/papers/a-b/index.html')).toBe('/papers/*/index.html');
    expect(routeOf('/papers/a-b/cite.ris')).toBe('/papers/*/cite.ris');
    expect(routeOf('/topics/robustness/3/index.html')).toBe('/topics/*/*/index.html');
    expect(routeOf('/all/title/index.html')).toBe('/all/title/index.html');
    // One record per paper for the reader's list: thousands of files, one line.
    expect(routeOf('/list/0087kkj.json')).toBe('/list/*.json');
    expect(routeOf('/list/index.html')).toBe('/list/index.html');
  });

  it('adds up the time Astro logs for each file by route, costliest first', () => {
    expect(routeTimes(log)).toEqual([
      { route: '/years/*/index.html', pages: 1, ms: 1500 },
      { route: '/404.html', pages: 1, ms: 16 },
      { route: '/papers/*/index.html', pages: 2, ms: 8 },
      { route: '/topics/*/*/index.html', pages: 1, ms: 4 },
      { route: '/papers/*/cite.bib', pages: 1, ms: 1 },
    ]);
  });

  it('takes the median of each route over runs', () => {
    const runs = [1, 5, 3].map((ms) => [{ route: '/x', pages: 2, ms }]);
    expect(medianRouteTimes(runs)).toEqual([{ route: '/x', pages: 2, ms: 3 }]);
  });
});

describe('page weights', () => {
  const html = `<!doctype html><html><head>
    <link rel="canonical" href="https://example.org/papers/a/">
    <link rel="stylesheet" href="/_astro/Base.css">
    <link rel=modulepreload href="/_astro/chunk.js">
    <style>p{color:red}</style>
    <script type="application/ld+json">{"@type":"ScholarlyArticle"}</script>
    </head><body><script type="module" src="/_astro/page.js"></script>
    <script>console.log(1)</script></body></html>`;

  it('finds the stylesheets and scripts a page loads, but not its JSON-LD', () => {
    expect(pageAssets(html)).toEqual({
      stylesheets: ['/_astro/Base.css'],
      scripts: ['/_astro/chunk.js', '/_astro/page.js'],
      inlineScriptBytes: 'console.log(1)'.length,
      inlineStyleBytes: 'p{color:red}'.length,
    });
  });

  it('finds no JavaScript on a page with only data blocks', () => {
    const page = pageAssets('<script type="application/ld+json">{}</script><p>text</p>');
    expect(page.scripts).toEqual([]);
    expect(page.inlineScriptBytes).toBe(0);
  });

  it('maps same-site URLs to files of dist/ under a base path', () => {
    expect(distPath('/_astro/a.css?v=1')).toBe('_astro/a.css');
    expect(distPath('/list/search/', '/list/')).toBe('search/index.html');
    expect(distPath('https://cdn.example.org/x.js')).toBeUndefined();
    expect(distPath('/elsewhere/x.js', '/list/')).toBeUndefined();
  });

  const files = [
    { path: '_astro/Base.css', bytes: 4000 },
    { path: 'all/index.html', bytes: 90_000 },
    { path: 'papers/a/index.html', bytes: 9000 },
    { path: 'papers/b/index.html', bytes: 12_000 },
    { path: 'papers/c/index.html', bytes: 10_000 },
    { path: 'pagefind/pagefind.js', bytes: 47_000 },
  ];

  it('adds up the sizes of the assets a page names', () => {
    expect(assetBytes(['/_astro/Base.css', '/_astro/missing.css'], files)).toBe(4000);
  });

  it('picks the paper page of median size and the largest page', () => {
    expect(medianPaperPage(files)?.path).toBe('papers/c/index.html');
    expect(largestPage(files)?.path).toBe('all/index.html');
  });

  it('sums dist/ as a whole, its HTML and its Pagefind bundle', () => {
    expect(summarizeDist(files)).toEqual({
      totalBytes: 172_000,
      fileCount: 6,
      pagefindBytes: 47_000,
      pagefindFiles: 1,
      htmlBytes: 121_000,
      htmlFiles: 4,
    });
  });
});

describe('CPU profiles', () => {
  it('names the package, our source file or V8 as the owner of a function', () => {
    expect(ownerOf('file:///r/node_modules/astro/dist/core/build.js', 'f')).toBe('astro');
    expect(ownerOf('file:///r/node_modules/a/node_modules/@scope/b/x.js', 'f')).toBe('@scope/b');
    expect(ownerOf('file:///r/src/lib/site/catalog.ts', 'f')).toBe('src/lib/site/catalog.ts');
    expect(ownerOf('node:fs', 'readFile')).toBe('node (built-in modules)');
    expect(ownerOf('', '(garbage collector)')).toBe('(garbage collector)');
    expect(ownerOf('file:///t/site/dist/.prerender/chunks/catalog_BarSQjpM.mjs', 'f')).toBe(
      'site bundle: catalog',
    );
    expect(ownerOf('file:///t/site/dist/.prerender/prerender-entry.B9DGGiD-.mjs', 'f')).toBe(
      'site bundle: prerender-entry',
    );
  });

  it('adds up self time by owner and by function, largest first', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
        {
          id: 2,
          callFrame: {
            functionName: 'render',
            url: 'file:///r/node_modules/astro/x.js',
            lineNumber: 9,
          },
        },
        { id: 3, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
      ],
      samples: [2, 2, 3, 2],
      timeDeltas: [1000, 2000, 500, 1000],
    };
    const summary = summarizeProfile(profile);
    expect(summary.totalMs).toBe(4.5);
    expect(summary.byOwner).toEqual([
      { name: 'astro', ms: 4, share: 4 / 4.5 },
      { name: '(garbage collector)', ms: 0.5, share: 0.5 / 4.5 },
    ]);
    expect(summary.byFunction[0]?.name).toBe('render (astro:10)');
    expect((summary.byScriptFunction ?? []).map((entry) => entry.name)).toEqual([
      'render (astro:10)',
    ]);
  });

  it('tells the process that worked from the one that waited for it', () => {
    const waiting = { totalMs: 40_000, byOwner: [{ name: '(idle)', ms: 39_000, share: 0.975 }] };
    const working = { totalMs: 30_000, byOwner: [{ name: 'astro', ms: 29_000, share: 0.97 }] };
    expect(busyMs({ ...waiting, byFunction: [] })).toBe(1_000);
    expect(busyMs({ ...working, byFunction: [] })).toBe(30_000);
  });
});

describe('the process tree', () => {
  it('reads the parent pid even when the command name holds spaces and parentheses', () => {
    expect(parentPid('1234 (my (odd) name) S 77 1234 1234 0 -1')).toBe(77);
  });

  it('reads resident memory from a status file, and nothing from an exited process', () => {
    expect(residentBytes('Name:\tnode\nVmRSS:\t  2048 kB\nThreads:\t7\n')).toBe(2048 * 1024);
    expect(residentBytes('')).toBeUndefined();
  });

  it('reads peak memory and CPU time from the line GNU time prints', () => {
    expect(parseTimeLine(`${TIME_MARKER}712340 41.20 3.05`)).toEqual({
      peakKb: 712_340,
      cpuSeconds: 44.25,
    });
    expect(parseTimeLine('11:40:14 [build] Complete!')).toBeUndefined();
  });

  it('finds every descendant of a process', () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 10],
      [20, 1],
    ]);
    expect(descendants(10, parents).sort()).toEqual([10, 11, 12, 13]);
  });
});

describe('the bare Astro project', () => {
  it('has no integrations, a passthrough schema over the papers folder and a one-line page', () => {
    const files = new Map(floorProjectFiles('/tmp/corpus/papers').map((f) => [f.path, f.text]));
    expect([...files.keys()].sort()).toEqual([
      'astro.config.mjs',
      'src/content.config.ts',
      'src/pages/papers/[slug].astro',
    ]);
    expect(files.get('astro.config.mjs')).not.toContain('integrations');
    expect(files.get('src/content.config.ts')).toContain(
      `glob({ pattern: '*.md', base: "/tmp/corpus/papers" })`,
    );
    expect(files.get('src/content.config.ts')).toContain('z.looseObject({})');
    const page = files.get('src/pages/papers/[slug].astro') ?? '';
    expect(page.trimEnd().split('---\n').at(-1)?.split('\n')).toHaveLength(1);
  });
});
