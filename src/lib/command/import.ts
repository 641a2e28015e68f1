/**
 * `npm run import -- [--out DIR] [--dry-run] [--year YYYY] [--retopic] [--topics FILE] [FILE...]`
 *
 * Turns listing dumps into paper files. Defaults: every `.txt` file in `content/sources/`, output
 * to `content/papers/`. Nothing is written when any input is bad. The shell around the pure
 * `planImport`: it reads the files, holds the papers folder's run lock and writes atomically.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { planImport, type SourceFile, type TopicOptions } from '../import/importer.ts';
import { LEGACY_TOPIC_RECORD_FILE, parseLegacyTopicRecord } from '../import/legacy-record.ts';
import { formatSummary } from '../import/summary.ts';
import { decodeListing } from '../listing/text.ts';
import { todayIso } from '../paper/dates.ts';
import {
  readOptionalFile,
  readPapers,
  removeLeftoverTemporaryFiles,
  writeFilesAtomically,
} from '../paper/files.ts';
import { parseRetired, RetiredList } from '../paper/retired.ts';
import { formatProblem, inFile, ProblemError } from '../problems/problem.ts';
import { compileTaxonomy } from '../topics/assign.ts';
import { loadTaxonomy } from '../topics/load.ts';

import { fail, runMain, type CommandLine } from './cli.ts';
import { LockedError, waitingMessage, withRunLock } from './run-lock.ts';

/** The largest listing read: the real dumps take 30 to 400 KB. */
const MAX_LISTING_BYTES = 20 * 1024 * 1024;

const USAGE = `usage: npm run import -- [--out DIR] [--dry-run] [--year YYYY] [--retopic] [--topics FILE] [FILE...]

  FILE       listing dumps to import (default: every .txt file in content/sources/)
  --out      folder of paper files (default: content/papers)
  --dry-run  report what would change, write nothing
  --year     year for dates printed without one, in the listings named (default: keep them as text)
  --retopic  recompute the topics of papers whose topics were never changed by hand
  --topics   the taxonomy and its rules (default: content/topics.yaml)
  --retired  papers and fields never to import again (default: content/retired.yaml)`;

const OPTIONS = {
  out: { type: 'string', default: 'content/papers' },
  'dry-run': { type: 'boolean', default: false },
  year: { type: 'string' },
  retopic: { type: 'boolean', default: false },
  topics: { type: 'string', default: 'content/topics.yaml' },
  retired: { type: 'string', default: 'content/retired.yaml' },
} as const;

type ImportValues = CommandLine<typeof OPTIONS>['values'];

/** Every `.txt` listing in a folder, sorted, as paths. */
export async function listSourceFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * The topic options of an import: the rules from the taxonomy file, and the old shared record
 * when the papers folder still has one. Without a taxonomy file, papers are imported without
 * topics.
 */
export async function loadTopicOptions(
  taxonomyFile: string,
  papersDir: string,
  retopic: boolean,
): Promise<TopicOptions | undefined> {
  const yaml = await readOptionalFile(taxonomyFile);
  if (yaml === undefined) return undefined;
  const matcher = compileTaxonomy(loadTaxonomy(yaml, taxonomyFile));
  const legacyFile = path.join(papersDir, LEGACY_TOPIC_RECORD_FILE);
  const legacyText = await readOptionalFile(legacyFile);
  return {
    assign: (paper) => matcher.assign(paper).topics,
    retopic,
    ...(legacyText === undefined
      ? {}
      : { legacyRecord: parseLegacyTopicRecord(legacyText, legacyFile) }),
  };
}

/**
 * One listing file, decoded: only a regular file of a size a dump can have is read, since a link
 * to /dev/zero or a pipe would otherwise be read for ever.
 */
async function readSource(file: string): Promise<SourceFile> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile())
      fail(`${file}: not a regular file; give a listing dump saved as a text file`);
    if (info.size > MAX_LISTING_BYTES)
      fail(
        `${file}: ${info.size.toLocaleString('en')} bytes, more than the limit of ${MAX_LISTING_BYTES.toLocaleString('en')} for a listing dump; split it into several files`,
      );
    bytes = await readFile(file);
  } catch (error) {
    fail(`${file}: cannot read: ${(error as Error).message}`);
  }
  try {
    return { name: path.basename(file), label: file, text: decodeListing(bytes) };
  } catch (error) {
    if (error instanceof ProblemError) throw error.inFile(file);
    throw error;
  }
}

async function main({ values, positionals }: CommandLine<typeof OPTIONS>): Promise<void> {
  let year: number | undefined;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year))
      fail(`--year: expected a year such as 2025, got "${values.year}"`);
    year = Number(values.year);
  }
  // A year given for one new dump must not re-date papers of every other listing.
  if (year !== undefined && positionals.length === 0) {
    fail(
      '--year applies only to the listings named on the command line; name the dump it is for, as in\n' +
        '  npm run import -- --year 2025 content/sources/2025-03-10-hf-papers.txt',
    );
  }
  const files = positionals.length > 0 ? positionals : await listSourceFiles('content/sources');
  if (files.length === 0) fail('no listing files to import (content/sources/ has no .txt file)');

  const sources: SourceFile[] = [];
  for (const file of files) sources.push(await readSource(file));
  const names = sources.map((source) => source.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined)
    fail(`${repeated}: given twice; listing file names identify sources and must be unique`);

  // A dry run writes nothing, so it needs no lock (and must not create the folder for one).
  if (values['dry-run']) await importInto(values, sources, year);
  else
    await withRunLock(values.out, 'npm run import', () => importInto(values, sources, year), {
      onWait: (owner) => process.stderr.write(`${waitingMessage(values.out, owner)}\n`),
    }).catch((error: unknown) => {
      if (error instanceof LockedError) fail(error.message);
      throw error;
    });
}

/** Reads the papers, plans the import and writes it: everything that must see one state of the folder. */
async function importInto(
  values: ImportValues,
  sources: readonly SourceFile[],
  year: number | undefined,
): Promise<void> {
  if (!values['dry-run']) {
    const leftovers = await removeLeftoverTemporaryFiles(values.out);
    if (leftovers.length > 0) {
      process.stdout.write(
        `removed ${leftovers.length} temporary files an interrupted import left in ${values.out}\n`,
      );
    }
  }
  const { papers, problems } = await readPapers(values.out);
  if (problems.length > 0) {
    fail(
      [
        ...problems.map(formatProblem),
        `${problems.length} problem(s) in ${values.out}; fix them before importing, so no edit is lost.`,
      ].join('\n'),
    );
  }

  const topics = await loadTopicOptions(values.topics, values.out, values.retopic);
  const retiredText = await readOptionalFile(values.retired);
  const retired = retiredText === undefined ? undefined : parseRetired(retiredText);
  if (retired !== undefined && retired.problems.length > 0) {
    fail(
      [
        ...inFile(retired.problems, values.retired).map(formatProblem),
        'Fix it (see CONTRIBUTING.md, "Retiring a paper"). Nothing was written.',
      ].join('\n'),
    );
  }
  const plan = planImport(sources, papers, {
    today: todayIso(),
    ...(retired === undefined ? {} : { retired: new RetiredList(retired.entries) }),
    ...(year === undefined ? {} : { year }),
    ...(topics === undefined ? {} : { topics }),
  });
  if (!values['dry-run']) {
    await writeFilesAtomically(
      values.out,
      plan.writes.map((write) => ({ name: `${write.slug}.md`, text: write.text })),
    );
    // Only once every paper carries its own automatic topics: killed before this line, the next
    // run finds the old record again and finishes the move.
    if (topics?.legacyRecord !== undefined)
      await rm(path.join(values.out, LEGACY_TOPIC_RECORD_FILE), { force: true });
  }
  process.stdout.write(formatSummary(plan, { dryRun: values['dry-run'], out: values.out }));
}

/** Runs the import command on this process's command line. */
export async function runImport(): Promise<void> {
  await runMain(
    {
      name: 'npm run import',
      usage: USAGE,
      options: OPTIONS,
      positionals: true,
      afterProblems: 'Nothing was written.',
    },
    main,
  );
}
