/**
 * A V8 CPU profile (`node --cpu-prof`) summarized as the report needs it: the time spent in each
 * package or source file of ours, and the busiest functions. A build is a pipeline of many
 * libraries, so "which library" is the useful first question; the flame graph can come later.
 */

/** The parts of a `.cpuprofile` file this module reads. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  ms: number;
  /** Share of all sampled time, 0–1. */
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by package (`astro`, `pagefind`, …), our source file, or V8 activity. */
  byOwner: ProfileEntry[];
  /** Self time by function. */
  byFunction: ProfileEntry[];
  /**
   * Self time of JavaScript functions only (V8's and Node's own activity left out): the code a
   * change could make faster. Absent in results written before it was added.
   */
  byScriptFunction?: ProfileEntry[];
}

/**
 * Who owns a function, from its script URL: the npm package for anything under node_modules (the
 * last one, for nested packages), the path below the project for our code, or V8's own labels
 * such as `(garbage collector)`.
 */
export function ownerOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const path = decodeURIComponent(url.replace(/^file:\/\//, '').replace(/\?.*$/, ''));
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope = '', name = ''] = path.slice(modules + '/node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (path.startsWith('node:')) return 'node (built-in modules)';
  // Astro bundles the pages and our modules into chunks named after their main module.
  const chunk = /\/\.prerender\/(?:chunks\/)?([^/]+?)(?:[_.][\w-]{8})?\.mjs$/.exec(path);
  if (chunk) return `site bundle: ${chunk[1] ?? ''}`;
  const source = /\/(src|scripts)\/(.*)$/.exec(path);
  if (source) return `${source[1] ?? ''}/${source[2] ?? ''}`;
  return path;
}

function top(times: ReadonlyMap<string, number>, totalMs: number, limit: number): ProfileEntry[] {
  return [...times]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([name, ms]) => ({ name, ms, share: totalMs === 0 ? 0 : ms / totalMs }));
}

/** Self time per owner and per function, largest first. */
export function summarizeProfile(profile: CpuProfile, limit = 12): ProfileSummary {
  // Labelled once per node: a long build has hundreds of thousands of samples but few nodes.
  const labels = new Map(
    profile.nodes.map(({ id, callFrame: frame }) => {
      const owner = ownerOf(frame.url, frame.functionName);
      const name = `${frame.functionName === '' ? '(anonymous)' : frame.functionName} (${owner}:${frame.lineNumber + 1})`;
      const script = frame.url !== '' && !frame.url.startsWith('node:');
      return [id, { owner, name, script }];
    }),
  );
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  const scripts = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const label = labels.get(id);
    if (label === undefined) return;
    totalMs += ms;
    owners.set(label.owner, (owners.get(label.owner) ?? 0) + ms);
    functions.set(label.name, (functions.get(label.name) ?? 0) + ms);
    if (label.script) scripts.set(label.name, (scripts.get(label.name) ?? 0) + ms);
  });
  return {
    totalMs,
    byOwner: top(owners, totalMs, limit),
    byFunction: top(functions, totalMs, limit),
    byScriptFunction: top(scripts, totalMs, limit),
  };
}

/**
 * Time the process spent working rather than waiting. `npm run build` writes two profiles, its
 * own (waiting for Astro, then for Pagefind) and Astro's; the one that worked is the one to read.
 */
export function busyMs(summary: ProfileSummary): number {
  const idle = summary.byOwner.find((entry) => entry.name === '(idle)')?.ms ?? 0;
  return summary.totalMs - idle;
}
