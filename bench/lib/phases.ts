/**
 * Where a build spends its time, read from when its log lines arrived. Astro logs the start of
 * each step (content sync, bundling, page generation, each integration's build hook) and
 * `npm run build` the search indexing after it, so the time between two such lines is the step
 * between them, at no cost to the build itself.
 */
import type { TimedLine } from './process.ts';
import { summarize } from './stats.ts';

export interface Phase {
  name: string;
  ms: number;
}

/** A step of the build, starting at the first line that matches `starts`. */
interface PhaseMarker {
  name: string;
  starts: RegExp;
}

/** The steps of an Astro 7 build in order; the first starts when the process does. */
export const ASTRO_PHASES: readonly PhaseMarker[] = [
  { name: 'start-up: Node, config, Vite', starts: /^/ },
  { name: 'content layer: load, validate, render Markdown, store', starts: /\[content\] Syncing/ },
  { name: 'types and build set-up', starts: /\[content\] Synced/ },
  { name: 'bundling (Vite)', starts: /Building static entrypoints/ },
  { name: 'generating pages', starts: /generating static routes/ },
  // Page generation ends with a bare "✓ Completed in"; the build:done hooks run next.
  { name: 'sitemap (build:done hooks)', starts: /^[\d:]+ ✓ Completed in/ },
  { name: 'other build:done hooks', starts: /\[@astrojs\/sitemap\]/ },
  { name: 'Astro finishing and exiting', starts: /\[build\] Complete!|page\(s\) built in/ },
  // Under `npm run build` (scripts/build.ts), the search index is written once Astro has exited.
  { name: 'Pagefind indexing', starts: /\[search\] Indexing/ },
  { name: 'the _headers file and exit', starts: /\[search\] Indexed/ },
];

/**
 * The duration of each step that was seen, from its marker to the next one seen (the last to the
 * end of the process). A step whose marker never appears adds its time to the step before it.
 */
export function buildPhases(
  lines: readonly TimedLine[],
  totalMs: number,
  markers: readonly PhaseMarker[] = ASTRO_PHASES,
): Phase[] {
  const found: { name: string; at: number }[] = [];
  let from = 0;
  markers.forEach((marker, index) => {
    if (index === 0) {
      found.push({ name: marker.name, at: 0 });
      return;
    }
    const at = lines.findIndex(
      (line, position) => position >= from && marker.starts.test(line.text),
    );
    if (at < 0) return;
    found.push({ name: marker.name, at: lines[at]?.at ?? 0 });
    from = at + 1;
  });
  return found.map((phase, index) => ({
    name: phase.name,
    ms: (found[index + 1]?.at ?? totalMs) - phase.at,
  }));
}

/** Time spent generating one kind of output (every paper page, say), from Astro's log. */
export interface RouteTime {
  route: string;
  pages: number;
  ms: number;
}

// A generated file's path with its slug, topic, year, page number or list-record id replaced by an
// asterisk, so the thousands of paper pages and records add up to one line each. (A doc comment
// could not show such a path.)
export function routeOf(path: string): string {
  return path
    .replace(/^\/(papers|topics|years)\/[^/]+(?=\/)/, '/$1/*')
    .replace(/^\/list\/[^/]+\.json$/, '/list/*.json')
    .replace(/\/\d+\/index\.html$/, '/*/index.html');
}

/**
 * Generation time by kind of output: Astro logs every file it writes as `├─ /path (+12ms)`, the
 * time that file took to render and write, so summing them by route says which pages cost most.
 */
export function routeTimes(lines: readonly TimedLine[]): RouteTime[] {
  const routes = new Map<string, RouteTime>();
  for (const { text } of lines) {
    const match = /[├└]─ (\/\S*) \(\+(\d+(?:\.\d+)?) ?(ms|s)\)/.exec(text);
    if (match === null) continue;
    const [, path = '', amount = '0', unit = 'ms'] = match;
    const route = routeOf(path);
    const entry = routes.get(route) ?? { route, pages: 0, ms: 0 };
    entry.pages += 1;
    entry.ms += Number(amount) * (unit === 's' ? 1000 : 1);
    routes.set(route, entry);
  }
  return [...routes.values()].sort((a, b) => b.ms - a.ms || (a.route < b.route ? -1 : 1));
}

/** The median time of each route over several runs, largest first. */
export function medianRouteTimes(runs: readonly RouteTime[][]): RouteTime[] {
  const pages = new Map<string, number>();
  for (const run of runs) for (const route of run) pages.set(route.route, route.pages);
  const phases = medianPhases(
    runs.map((run) => run.map((route) => ({ name: route.route, ms: route.ms }))),
  );
  return phases
    .map((phase) => ({ route: phase.name, pages: pages.get(phase.name) ?? 0, ms: phase.ms }))
    .sort((a, b) => b.ms - a.ms || (a.route < b.route ? -1 : 1));
}

/** Adds up the phases of several runs by name, in first-seen order, and halves to the median. */
export function medianPhases(runs: readonly Phase[][]): Phase[] {
  const names: string[] = [];
  const values = new Map<string, number[]>();
  for (const phases of runs) {
    for (const phase of phases) {
      if (!values.has(phase.name)) {
        names.push(phase.name);
        values.set(phase.name, []);
      }
      values.get(phase.name)?.push(phase.ms);
    }
  }
  return names.map((name) => ({ name, ms: summarize(values.get(name) ?? []).median }));
}
