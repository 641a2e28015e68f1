/**
 * The file-system side of the importer and checker: reading the papers folder and writing files
 * so that a reader never sees a half-written file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExistingPaper } from './importer.ts';
import { readPaperFile, type FileProblem } from './paper-file.ts';

/** A problem in a named file. */
export interface LocatedProblem extends FileProblem {
  file: string;
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
): Promise<{ papers: ExistingPaper[]; problems: LocatedProblem[] }> {
  const papers: ExistingPaper[] = [];
  const problems: LocatedProblem[] = [];
  for (const name of await listMarkdownFiles(dir)) {
    const text = await readFile(path.join(dir, name), 'utf8');
    const result = readPaperFile(text);
    const file = path.posix.join(label.split(path.sep).join('/'), name);
    if (result.ok)
      papers.push({ slug: name.slice(0, -3), text, data: result.data, abstract: result.abstract });
    else problems.push(...result.problems.map((problem) => ({ ...problem, file })));
  }
  return { papers, problems };
}

/**
 * Writes files so that each is either entirely old or entirely new: every file is first written
 * under a temporary name in the same folder, and only when all of them are on disk
 * are they renamed into place (a rename within a folder is atomic). If any write fails, the
 * temporary files are removed and no target file has changed.
 */
export async function writeFilesAtomically(
  dir: string,
  files: readonly { name: string; text: string }[],
): Promise<void> {
  if (files.length === 0) return;
  await mkdir(dir, { recursive: true });
  const suffix = `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const staged: { temporary: string; target: string }[] = [];
  try {
    for (const file of files) {
      const target = path.join(dir, file.name);
      const temporary = path.join(dir, `.${file.name}${suffix}`);
      staged.push({ temporary, target });
      // A rename within a folder is atomic against the process dying; the data is not flushed
      // to disk before it, because an fsync per file made a full import three times slower.
      await writeFile(temporary, file.text, { encoding: 'utf8', flag: 'wx' });
    }
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    throw error;
  }
  for (const { temporary, target } of staged) await rename(temporary, target);
}
