/**
 * `npm run check [-- DIR]`
 *
 * Checks every paper file and the taxonomy of a content folder (default `content/`) without
 * building the site, printing each problem as one `file:line: field: what (how to fix)` line.
 * Exits 1 when anything is wrong, 2 when the folder cannot be read, 0 otherwise. Writes nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkCorpus, classifyEntry, formatReport } from '../src/lib/check/corpus.ts';
import { fileLabel } from '../src/lib/files.ts';
import { readOptionalFile } from '../src/lib/files.ts';
import { fail as failWith } from '../src/lib/cli.ts';
import { checkVocabulary } from '../src/lib/site/search-vocabulary.ts';
import { checkReadingPaths, READING_PATHS_FILE } from '../src/lib/check/reading-paths.ts';
import { sortProblems } from '../src/lib/check/problem.ts';

const USAGE = `usage: npm run check [-- DIR]

  DIR  the content folder holding papers/ and topics.yaml (default: content)`;

/** Usage mistakes exit with 2. */
function failUsage(message: string): never {
  return failWith(message, 2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (error) {
    failUsage(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (parsed.positionals.length > 1) failUsage(`give at most one folder\n\n${USAGE}`);
  const dir = (parsed.positionals[0] ?? 'content').replace(/[\\/]+$/, '') || '/';
  const papersDir = path.join(dir, 'papers');
  const label = fileLabel(dir, 'papers');

  let entries;
  try {
    entries = await readdir(papersDir, { withFileTypes: true });
  } catch (error) {
    failUsage(`${label}: cannot read the papers folder: ${(error as Error).message}\n\n${USAGE}`);
  }
  const papers: { name: string; text: string }[] = [];
  const strays: { name: string; isFolder: boolean }[] = [];
  let topicRecord: string | undefined;
  for (const entry of entries) {
    const kind = classifyEntry(entry.name, entry.isDirectory());
    if (kind === 'paper')
      papers.push({
        name: entry.name,
        text: await readFile(path.join(papersDir, entry.name), 'utf8'),
      });
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

await main();
