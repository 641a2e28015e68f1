/**
 * `npm run check [-- DIR]`
 *
 * Checks every paper file and the taxonomy of a content folder (default `content/`) without
 * building the site, printing each problem as one `file:line: field: what (how to fix)` line.
 * Exits 1 when anything is wrong, 2 when the folder cannot be read, 0 otherwise. Writes nothing.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  checkCorpus,
  classifyEntry,
  formatReport,
  MAX_PAPER_BYTES,
  type Stray,
} from '../src/lib/check/corpus.ts';
import type { PaperFile } from '../src/lib/check/paper.ts';
import { invalidUtf8Line } from '../src/lib/paper/text-safety.ts';
import { fileLabel } from '../src/lib/paper/files.ts';
import { readOptionalFile } from '../src/lib/paper/files.ts';
import { runMain, type CommandLine, type NoOptions } from '../src/lib/command/cli.ts';
import { checkVocabulary } from '../src/lib/site/search-vocabulary.ts';
import { checkReadingPaths, READING_PATHS_FILE } from '../src/lib/check/reading-paths.ts';
import { sortProblems } from '../src/lib/problems/problem.ts';

const USAGE = `usage: npm run check [-- DIR]

  DIR  the content folder holding papers/ and topics.yaml (default: content)`;

/** Why an entry is not read as a paper: a link, not a regular file, or too large. */
async function strayReason(file: string, entry: Dirent): Promise<Stray['reason']> {
  if (entry.isSymbolicLink()) return 'link';
  if (entry.isDirectory()) return undefined;
  if (!entry.isFile()) return 'special';
  const { size } = await lstat(file);
  return size > MAX_PAPER_BYTES ? { bytes: size } : undefined;
}

/** A paper file's text, and where its bytes stop being UTF-8 if they do. */
async function readPaper(file: string): Promise<PaperFile> {
  const bytes = await readFile(file);
  return {
    name: path.basename(file),
    text: bytes.toString('utf8'),
    invalidUtf8Line: invalidUtf8Line(bytes),
  };
}

async function main({ positionals, usageError }: CommandLine<NoOptions>): Promise<void> {
  if (positionals.length > 1) usageError('give at most one folder');
  const dir = (positionals[0] ?? 'content').replace(/[\\/]+$/, '') || '/';
  const papersDir = path.join(dir, 'papers');
  const label = fileLabel(dir, 'papers');

  let entries;
  try {
    entries = await readdir(papersDir, { withFileTypes: true });
  } catch (error) {
    return usageError(`${label}: cannot read the papers folder: ${(error as Error).message}`);
  }
  const papers: PaperFile[] = [];
  const strays: Stray[] = [];
  let topicRecord: string | undefined;
  for (const entry of entries) {
    const kind = classifyEntry(entry.name, entry.isDirectory());
    // Links are never followed (one may point at /dev/zero or outside the repository), nor is
    // anything but a regular file read, nor a file too large to be a paper.
    const reason = await strayReason(path.join(papersDir, entry.name), entry);
    if (reason !== undefined && (kind === 'paper' || kind === 'record' || kind === 'stray'))
      strays.push({ name: entry.name, isFolder: entry.isDirectory(), reason });
    else if (kind === 'paper') papers.push(await readPaper(path.join(papersDir, entry.name)));
    else if (kind === 'record')
      topicRecord = await readFile(path.join(papersDir, entry.name), 'utf8');
    else if (kind === 'stray') strays.push({ name: entry.name, isFolder: entry.isDirectory() });
  }

  const taxonomyText = await readOptionalFile(path.join(dir, 'topics.yaml'));
  const report = checkCorpus({
    papersDir: label,
    taxonomyFile: fileLabel(dir, 'topics.yaml'),
    taxonomyText,
    papers,
    topicRecord,
    strays,
    retiredFile: fileLabel(dir, 'retired.yaml'),
    retiredText: await readOptionalFile(path.join(dir, 'retired.yaml')),
  });
  report.problems = sortProblems([
    ...report.problems,
    ...checkReadingPaths({
      text: await readOptionalFile(path.join(dir, READING_PATHS_FILE)),
      file: fileLabel(dir, READING_PATHS_FILE),
      taxonomyText,
      papers,
    }),
    ...checkVocabulary(
      await readOptionalFile(path.join(dir, 'search-vocabulary.yaml')),
      fileLabel(dir, 'search-vocabulary.yaml'),
    ),
  ]);
  process.stdout.write(formatReport(report));
  if (report.problems.length > 0) process.exitCode = 1;
}

await runMain({ name: 'npm run check', usage: USAGE, options: {}, positionals: true }, main);
