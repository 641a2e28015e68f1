/**
 * What the build checks about the papers folder before Astro's loader reads it, and how it words
 * a loading failure: a symbolic link (which could publish any file of the machine, or hang on
 * /dev/zero), something that is not a regular file, or an empty folder stops the build with one
 * clear sentence; a frontmatter that is not YAML is named by file and line, with a pointer to
 * `npm run check`, instead of a parser's stack trace.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileLabel } from './files.ts';
import { readPaperFile } from './paper-file.ts';

/** The largest paper file the build reads (as the checker). */
export const MAX_PAPER_FILE_BYTES = 1024 * 1024;

const CHECK = 'run `npm run check` to see every problem of the content';

/** A papers folder the site cannot be built from. */
export class ContentFolderError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ContentFolderError';
    // The message says where and what; a stack trace into the build's own code would only bury it.
    this.stack = '';
  }
}

/**
 * Throws a ContentFolderError when `dir` holds a link, a special file or an oversized file named
 * `*.md`, or no paper file at all. `label` is how the folder is named in messages.
 */
export async function checkPapersFolder(dir: string, label: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new ContentFolderError(
      `no papers: ${label} cannot be read (${(error as Error).message}); set CONTENT_DIR to a folder holding papers/ and topics.yaml`,
      { cause: error },
    );
  }
  let papers = 0;
  for (const entry of entries) {
    if (!entry.name.endsWith('.md') || entry.name.startsWith('.')) continue;
    const file = fileLabel(label, entry.name);
    if (entry.isSymbolicLink())
      throw new ContentFolderError(
        `${file}: a symbolic link, which the site does not follow; put the paper file itself there (${CHECK})`,
      );
    if (entry.isDirectory()) continue;
    if (!entry.isFile())
      throw new ContentFolderError(
        `${file}: not a regular file (a device, a pipe or a socket); remove it (${CHECK})`,
      );
    const { size } = await lstat(path.join(dir, entry.name));
    if (size > MAX_PAPER_FILE_BYTES)
      throw new ContentFolderError(
        `${file}: ${size.toLocaleString('en')} bytes, more than the limit of ${MAX_PAPER_FILE_BYTES.toLocaleString('en')} for a paper file (${CHECK})`,
      );
    papers += 1;
  }
  if (papers === 0)
    throw new ContentFolderError(
      `no papers: ${label} has no paper files (*.md), so there is no site to build; add papers (see CONTRIBUTING.md) or set CONTENT_DIR`,
    );
}

/**
 * The error to show when loading the papers failed: for a file whose frontmatter is not YAML, its
 * file, line and what to do; any other failure is returned as it was.
 */
export async function explainLoadError(
  dir: string,
  label: string,
  error: unknown,
): Promise<unknown> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.md') && !name.startsWith('.'));
  } catch {
    return error;
  }
  for (const name of names.sort()) {
    const result = readPaperFile(await readFile(path.join(dir, name), 'utf8'));
    if (result.ok) continue;
    const yaml = result.problems.find((problem) => problem.message.startsWith('invalid YAML'));
    if (yaml === undefined) continue;
    return new ContentFolderError(
      `${fileLabel(label, name)}:${yaml.line}: ${yaml.message} (${yaml.hint}); ${CHECK}`,
    );
  }
  return error;
}
