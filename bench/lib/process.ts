/**
 * Running a command as the benchmark measures it: wall time, every output line with the moment it
 * arrived (Astro logs its phases, so arrival times tell where a build spends its time), and the
 * peak memory of the whole process tree. The tree matters: Pagefind indexes in a native child
 * process of the build, whose memory a measurement of the Node process alone would miss.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** One line of a command's output and when it arrived, in ms after the start. */
export interface TimedLine {
  at: number;
  text: string;
}

export interface MeasuredRun {
  code: number | null;
  wallMs: number;
  lines: TimedLine[];
  /** Highest sum of the resident memory of the command and all its descendants, sampled. */
  peakTreeRssBytes: number;
  /** The largest resident memory any single process of the tree reached (GNU time's %M). */
  peakProcessRssBytes: number | undefined;
  /**
   * CPU seconds (user and system) of the command and the children it waited for, from GNU time.
   * Other programs on a shared machine stretch wall time far more than CPU time.
   */
  cpuSeconds: number | undefined;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** How often the process tree's memory is sampled. */
  sampleMs?: number;
  /** Kills the command after this long. */
  timeoutMs?: number;
}

const TIME_BINARY = '/usr/bin/time';
export const TIME_MARKER = '__bench_time=';

/** The parent pid from the text of `/proc/<pid>/stat` (the name in parentheses may hold spaces). */
export function parentPid(statText: string): number | undefined {
  const fields = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** `VmRSS` of `/proc/<pid>/status` in bytes; undefined for a process that has exited. */
/** Reads the line GNU time prints for the format `TIME_MARKER%M %U %S`. */
export function parseTimeLine(text: string): { peakKb: number; cpuSeconds: number } | undefined {
  if (!text.startsWith(TIME_MARKER)) return undefined;
  const [peakKb, user, system] = text.slice(TIME_MARKER.length).split(' ').map(Number);
  if (peakKb === undefined || user === undefined || system === undefined) return undefined;
  return { peakKb, cpuSeconds: user + system };
}

export function residentBytes(statusText: string): number | undefined {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(statusText);
  return match ? Number(match[1]) * 1024 : undefined;
}

/** Every pid in `tree` below `root` (root included), given each pid's parent. */
export function descendants(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents) {
    const list = children.get(parent) ?? [];
    list.push(pid);
    children.set(parent, list);
  }
  const found = [root];
  // The loop also visits the pids it appends: an array iterator reads the length at each step.
  for (const pid of found) found.push(...(children.get(pid) ?? []));
  return found;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // The process exited between listing /proc and reading its file.
    return '';
  }
}

/** Resident bytes of a process and its descendants now, from /proc (0 where /proc is absent). */
export function treeResidentBytes(root: number): number {
  if (!existsSync('/proc/self/stat')) return 0;
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const parent = parentPid(readOrEmpty(`/proc/${name}/stat`));
    if (parent !== undefined) parents.set(Number(name), parent);
  }
  let total = 0;
  for (const pid of descendants(root, parents)) {
    total += residentBytes(readOrEmpty(`/proc/${pid}/status`)) ?? 0;
  }
  return total;
}

/** Process groups of commands still running, ended if the benchmark itself is stopped. */
const running = new Set<number>();

function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // The group has already exited.
  }
}

process.once('exit', () => {
  for (const group of running) killGroup(group);
});
// Stopped by a signal, Node exits without the 'exit' event unless the signal is handled.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    for (const group of running) killGroup(group);
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

/** Runs a command to completion and measures it. Never rejects for a non-zero exit code. */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<MeasuredRun> {
  // GNU time adds the peak of the largest single process; it is absent on some systems.
  const timed = existsSync(TIME_BINARY);
  const [file, argv] = timed
    ? [TIME_BINARY, ['-f', `${TIME_MARKER}%M %U %S`, command, ...args]]
    : [command, [...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Its own process group, so a timeout ends the command and its children, not only `time`.
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const group = child.pid;
    if (group !== undefined) running.add(group);
    const lines: TimedLine[] = [];
    let peakTreeRssBytes = 0;
    let peakProcessRssBytes: number | undefined;
    let cpuSeconds: number | undefined;
    const collect = (stream: NodeJS.ReadableStream): void => {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const at = performance.now() - started;
        const parts = (pending + chunk).split('\n');
        pending = parts.pop() ?? '';
        for (const text of parts) {
          const time = parseTimeLine(text);
          if (time === undefined) lines.push({ at, text });
          else {
            peakProcessRssBytes = time.peakKb * 1024;
            cpuSeconds = time.cpuSeconds;
          }
        }
      });
      stream.on('end', () => {
        if (pending !== '') lines.push({ at: performance.now() - started, text: pending });
      });
    };
    collect(child.stdout);
    collect(child.stderr);
    const sample = (): void => {
      if (child.pid === undefined) return;
      peakTreeRssBytes = Math.max(peakTreeRssBytes, treeResidentBytes(child.pid));
    };
    const sampler = setInterval(sample, options.sampleMs ?? 100);
    const timeout =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            if (group !== undefined) killGroup(group);
          }, options.timeoutMs);
    child.once('error', (error) => {
      clearInterval(sampler);
      clearTimeout(timeout);
      reject(error);
    });
    child.once('close', (code) => {
      if (group !== undefined) running.delete(group);
      clearInterval(sampler);
      clearTimeout(timeout);
      resolve({
        code,
        wallMs: performance.now() - started,
        lines,
        peakTreeRssBytes,
        peakProcessRssBytes,
        cpuSeconds,
      });
    });
  });
}

/**
 * Samples the memory of this process's children while `action` runs: Pagefind's Node API does its
 * work in a native child process, and the indexing's memory is that child's.
 */
export async function withChildMemory<T>(
  action: () => Promise<T>,
  sampleMs = 100,
): Promise<{ result: T; peakChildRssBytes: number }> {
  let peak = 0;
  const sampler = setInterval(() => {
    const tree = treeResidentBytes(process.pid);
    const self = residentBytes(readOrEmpty('/proc/self/status')) ?? 0;
    peak = Math.max(peak, tree - self);
  }, sampleMs);
  try {
    const result = await action();
    return { result, peakChildRssBytes: peak };
  } finally {
    clearInterval(sampler);
  }
}
