/**
 * The file-system side of the importer and checker: reading the papers folder and writing files
 * so that a reader never sees a half-written file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readPaperFile } from './paper-file.ts';
import { inFile, type Problem } from '../problems/problem.ts';
import type { Paper } from './schema.ts';

/** A paper already in the list, as read from its file. */
export interface ExistingPaper extends Paper {
  /** The file's text as it is on disk, to tell whether anything changed. */
  text: string;
}

/** Every `*.md` file of a folder, sorted by name; an absent folder has none. */
export async function listMarkdownFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((name) => name.endsWith('.md') && !name.startsWith('.')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Reads and validates every paper in `dir`. `label` is how file names are shown in messages. */
export async function readPapers(
  dir: string,
  label: string = dir,
): Promise<{ papers: ExistingPaper[]; problems: Problem[] }> {
  const papers: ExistingPaper[] = [];
  const problems: Problem[] = [];
  for (const name of await listMarkdownFiles(dir)) {
    const text = await readFile(path.join(dir, name), 'utf8');
    const result = readPaperFile(text);
    const file = fileLabel(label, name);
    if (result.ok)
      papers.push({ slug: name.slice(0, -3), text, data: result.data, abstract: result.abstract });
    else problems.push(...inFile(result.problems, file));
  }
  return { papers, problems };
}

/** The temporary name of a file being written: `.<name>.tmp-<pid>-<8 hex digits>`. */
const TEMPORARY_NAME = /^\..+\.tmp-(\d+)-[0-9a-f]{8}$/;

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that a write killed before its renames (power cut, SIGKILL) left in
 * `dir`. Those of a process still running are kept: it may be writing right now. Returns the names
 * removed; an absent folder has none.
 */
export async function removeLeftoverTemporaryFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const leftovers = names
    .filter((name) => {
      const pid = TEMPORARY_NAME.exec(name)?.[1];
      return pid !== undefined && !isRunning(Number(pid));
    })
    .sort();
  await Promise.all(leftovers.map((name) => rm(path.join(dir, name), { force: true })));
  return leftovers;
}

/** How many temporary files are written at once. */
const WRITE_CONCURRENCY = 16;

/**
 * Runs `task` over `items` with at most `limit` running at a time. After a failure no new task
 * starts, and the promise rejects with that failure only once every running task has settled, so
 * the caller can clean up knowing nothing is still being written.
 */
async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const item = items[next] as T;
      next += 1;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure.error;
}

/**
 * Writes files so that each is either entirely old or entirely new: every file is first written
 * under a temporary name in the same folder, and only when all of them are on disk
 * are they renamed into place (a rename within a folder is atomic). If any write fails, the
 * temporary files are removed and no target file has changed. If a rename fails, the files renamed
 * before it are new, the others old, and no temporary file is left behind.
 */
export async function writeFilesAtomically(
  dir: string,
  files: readonly { name: string; text: string }[],
): Promise<void> {
  if (files.length === 0) return;
  await mkdir(dir, { recursive: true });
  const suffix = `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const staged = files.map((file) => ({
    text: file.text,
    target: path.join(dir, file.name),
    temporary: path.join(dir, `.${file.name}${suffix}`),
  }));
  try {
    // A rename within a folder is atomic against the process dying; the data is not flushed
    // to disk before it, because an fsync per file made a full import three times slower.
    // Temporary files are written WRITE_CONCURRENCY at a time: one by one, a large import spent
    // most of its time waiting on the file system.
    await forEachConcurrently(staged, WRITE_CONCURRENCY, ({ temporary, text }) =>
      writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' }),
    );
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    throw error;
  }
  let renamed = 0;
  try {
    for (const { temporary, target } of staged) {
      await rename(temporary, target);
      renamed += 1;
    }
  } catch (error) {
    await Promise.all(staged.slice(renamed).map(({ temporary }) => rm(temporary, { force: true })));
    throw error;
  }
}

/** The file's name in messages: the folder's label and the name, with forward slashes. */
export function fileLabel(dir: string, name: string): string {
  return path.posix.join(dir.split(path.sep).join('/'), name);
}

/** A text file's content, or undefined when the file does not exist (other errors are thrown). */
export async function readOptionalFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
