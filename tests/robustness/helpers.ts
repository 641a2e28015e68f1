/**
 * Shared pieces of the robustness tests: running the import command as a user runs it, and
 * looking at the papers folder it leaves behind.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { readPaperFile } from '../../src/lib/paper/paper-file.ts';
import { paperSchema, type PaperData } from '../../src/lib/paper/schema.ts';
import { repoRoot } from '../helpers/paths.ts';

export interface CliRun {
  /** Exit status; null when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node scripts/import.ts ARGS` from the repository root with the Node that runs the tests
 * (Node 24 under `npm run`), as `npm run import -- ARGS` does. `nodeOptions` go before the script;
 * `env` adds variables to the environment.
 */
export function runImport(
  args: readonly string[],
  options: { nodeOptions?: readonly string[]; env?: Readonly<Record<string, string>> } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...(options.nodeOptions ?? []), 'scripts/import.ts', ...args],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, ...options.env },
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ code: 0, signal: null, stdout, stderr });
          return;
        }
        const { code, signal } = error as { code?: unknown; signal?: NodeJS.Signals | null };
        // Neither an exit status nor a signal: the command could not be started at all.
        if (typeof code !== 'number' && typeof signal !== 'string') {
          reject(new Error(`cannot run the import: ${error.message}`, { cause: error }));
          return;
        }
        resolve({
          code: typeof code === 'number' ? code : null,
          signal: signal ?? null,
          stdout,
          stderr,
        });
      },
    );
  });
}

/**
 * Lines of a command's error output that show it crashed rather than explained itself: stack
 * frames, Node's own error names and internal paths.
 */
export function crashSigns(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter(
      (line) =>
        /^\s+at /.test(line) ||
        /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|AssertionError)\b/.test(line) ||
        line.includes('node:internal') ||
        line.includes('Unhandled'),
    );
}

/** Names in a folder that look like a write's temporary files (`.<name>.tmp-<pid>-<hex>`). */
export async function temporaryFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.includes('.tmp-')).sort();
}

/** Every `*.md` paper file of a folder with its text, by name. */
export async function paperFiles(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  const files = new Map<string, string>();
  for (const name of names) files.set(name, await readFile(path.join(dir, name), 'utf8'));
  return files;
}

/** A paper file read back: its frontmatter as validated and as written, and its abstract. */
export interface ReadBack {
  data: PaperData;
  raw: Record<string, unknown>;
  abstract: string;
}

/**
 * Reads a paper file as the importer, the checker and the site do, and throws (naming the
 * problems) unless it is valid under the schema.
 */
export function readValidPaper(name: string, text: string): ReadBack {
  const result = readPaperFile(text);
  if (!result.ok) throw new Error(`${name} does not read: ${JSON.stringify(result.problems)}`);
  const schema = paperSchema.safeParse(result.raw);
  if (!schema.success) throw new Error(`${name} breaks the schema: ${schema.error.message}`);
  return { data: result.data, raw: result.raw, abstract: result.abstract };
}

/**
 * A root folder for a test file's temporary folders, removed after all its tests. Unlike
 * `useTempDirs`, it is safe for tests that run concurrently.
 */
export function useTempRoot(label: string): (name: string) => Promise<string> {
  let root: Promise<string> | undefined;
  afterAll(async () => {
    if (root !== undefined) await rm(await root, { recursive: true, force: true });
  });
  return async (name: string) => {
    root ??= mkdtemp(path.join(os.tmpdir(), `reading-list-${label}-`));
    return mkdtemp(path.join(await root, `${name}-`));
  };
}
