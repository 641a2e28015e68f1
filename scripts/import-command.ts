/**
 * The import command, started by `import.ts`:
 * `npm run import -- [--out DIR] [--dry-run] [--year YYYY] [--retopic] [--topics FILE] [FILE...]`
 *
 * Turns listing dumps into paper files. Defaults: every `.txt` file in `content/sources/`, output
 * to `content/papers/`. Nothing is written when any input is bad.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { todayIso } from '../src/lib/paper/dates.ts';
import {
  readPapers,
  removeLeftoverTemporaryFiles,
  writeFilesAtomically,
} from '../src/lib/paper/files.ts';
import { planImport, type SourceFile } from '../src/lib/import/importer.ts';
import { decodeListing } from '../src/lib/listing/text.ts';
import {
  formatSummary,
  LEGACY_TOPIC_RECORD_FILE,
  listSourceFiles,
  loadTopicOptions,
} from '../src/lib/command/import-cli.ts';
import { formatProblem, inFile, ProblemError } from '../src/lib/problems/problem.ts';
import { fail } from '../src/lib/command/cli.ts';
import { readOptionalFile } from '../src/lib/paper/files.ts';
import { parseRetired, RetiredList } from '../src/lib/paper/retired.ts';
import { LockedError, waitingMessage, withRunLock } from '../src/lib/command/run-lock.ts';

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

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'content/papers' },
        'dry-run': { type: 'boolean', default: false },
        year: { type: 'string' },
        retopic: { type: 'boolean', default: false },
        topics: { type: 'string', default: 'content/topics.yaml' },
        retired: { type: 'string', default: 'content/retired.yaml' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
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
  for (const file of files) {
    let bytes: Buffer;
    try {
      // Only regular files, of a size a dump can have: a link to /dev/zero or a pipe would
      // otherwise be read for ever.
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
      sources.push({ name: path.basename(file), label: file, text: decodeListing(bytes) });
    } catch (error) {
      if (error instanceof ProblemError) fail(error.inFile(file).message);
      throw error;
    }
  }
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
  values: { out: string; 'dry-run': boolean; retopic: boolean; topics: string; retired: string },
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

  let topics;
  try {
    topics = await loadTopicOptions(values.topics, values.out, values.retopic);
  } catch (error) {
    fail(`${(error as Error).message}\nNothing was written.`);
  }
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
  let plan;
  try {
    plan = planImport(sources, papers, {
      today: todayIso(),
      ...(retired === undefined ? {} : { retired: new RetiredList(retired.entries) }),
      ...(year === undefined ? {} : { year }),
      ...(topics === undefined ? {} : { topics }),
    });
  } catch (error) {
    if (error instanceof ProblemError) fail(`${error.message}\nNothing was written.`);
    throw error;
  }
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

try {
  await main();
} catch (error) {
  // The file system refused (a folder where a paper file should be, no permission, a full disk):
  // say what failed, without a stack trace. writeFilesAtomically leaves no file half-written.
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw error;
  fail(
    `import stopped: ${(error as Error).message}\n` +
      'Every paper file is either as it was or completely written; run the import again once this is fixed.',
  );
}
