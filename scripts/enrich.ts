/**
 * `npm run enrich -- [--only SLUG...] [--source NAME...] [--dry-run] [--offline] [--refresh]`
 *
 * Fills what the listings lack (arXiv id, authors, code, project page, venue, DOI, link, arXiv
 * category, a dated upvote count) from the Hugging Face paper index, arXiv and OpenAlex, for the
 * papers where it is still empty. Every answer is kept in the committed cache, so a re-run changes
 * no byte and `--offline` reproduces a run without a network.
 */
import path from 'node:path';
import { formatProblem } from '../src/lib/problems/problem.ts';
import { fail, runMain, type CommandLine } from '../src/lib/command/cli.ts';
import { todayIso } from '../src/lib/paper/dates.ts';
import { CACHE_FILE, CacheFileError, EnrichCache } from '../src/lib/enrich/cache.ts';
import { createLookups, SOURCE_NAMES, type SourceName } from '../src/lib/enrich/lookups.ts';
import { formatReport, formatRunSummary, REPORT_FILE } from '../src/lib/enrich/report.ts';
import { fileDiff, runEnrichment } from '../src/lib/enrich/run.ts';
import { LockedError, waitingMessage, withRunLock } from '../src/lib/command/run-lock.ts';
import { ContactError, contactFrom, createClients } from '../src/lib/enrich/setup.ts';
import {
  readOptionalFile,
  readPapers,
  removeLeftoverTemporaryFiles,
  writeFilesAtomically,
} from '../src/lib/paper/files.ts';

const USAGE = `usage: npm run enrich -- [--only SLUG...] [--source NAME...] [--dry-run] [--offline] [--refresh]

Needs the network and ENRICH_CONTACT=<your e-mail address> (sent to the sources), except --offline.

  --only SLUG     enrich only this paper (repeat for several)
  --source NAME   use only this source: ${SOURCE_NAMES.join(', ')} (repeat for several)
  --dry-run       print the changes as a diff, write nothing
  --offline       answer from the cache only, ask no source
  --refresh       ask the sources again even where the cache has an answer
  --papers DIR    the papers folder (default: content/papers)
  --cache FILE    the cache (default: ${CACHE_FILE})
  --report FILE   the review report (default: ${REPORT_FILE})`;

const OPTIONS = {
  only: { type: 'string', multiple: true },
  source: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean', default: false },
  offline: { type: 'boolean', default: false },
  refresh: { type: 'boolean', default: false },
  papers: { type: 'string', default: 'content/papers' },
  cache: { type: 'string', default: CACHE_FILE },
  report: { type: 'string', default: REPORT_FILE },
} as const;

async function main({ values }: CommandLine<typeof OPTIONS>): Promise<void> {
  if (values.offline && values.refresh)
    fail('--offline and --refresh contradict each other: --refresh needs the network', 2);
  const unknownSource = (values.source ?? []).find(
    (name) => !(SOURCE_NAMES as readonly string[]).includes(name),
  );
  if (unknownSource !== undefined)
    fail(`--source: unknown source "${unknownSource}" (use ${SOURCE_NAMES.join(', ')})`, 2);
  const sources = new Set<SourceName>(
    values.source === undefined ? SOURCE_NAMES : (values.source as SourceName[]),
  );

  let contact = '';
  if (!values.offline) {
    try {
      contact = contactFrom(process.env);
    } catch (error) {
      if (error instanceof ContactError) fail(error.message);
      throw error;
    }
  }

  const options = { ...values, sources, contact };
  // The papers are read, enriched and written under the folder's run lock, so an import or
  // `npm run new` at the same time waits instead of writing over each other's files. A dry run
  // writes nothing and needs no lock.
  if (values['dry-run']) await enrichPapers(options);
  else
    await withRunLock(values.papers, 'npm run enrich', () => enrichPapers(options), {
      onWait: (owner) => process.stderr.write(`${waitingMessage(values.papers, owner)}\n`),
    }).catch((error: unknown) => {
      if (error instanceof LockedError) fail(error.message);
      throw error;
    });
}

interface EnrichOptions {
  only?: string[];
  'dry-run': boolean;
  offline: boolean;
  refresh: boolean;
  papers: string;
  cache: string;
  report: string;
  sources: ReadonlySet<SourceName>;
  contact: string;
}

/** Reads the papers, asks the sources (or the cache), and writes what was found. */
async function enrichPapers(values: EnrichOptions): Promise<void> {
  const { sources, contact } = values;
  const papersDir = values.papers;
  const { papers, problems } = await readPapers(papersDir);
  if (problems.length > 0) {
    fail(
      [
        ...problems.map(formatProblem),
        `${problems.length} problem(s) in ${papersDir}; fix them first (npm run check). Nothing was written.`,
      ].join('\n'),
    );
  }
  let chosen = papers;
  if (values.only !== undefined) {
    const slugs = new Set(values.only.map((slug) => slug.replace(/\.md$/, '')));
    const unknown = [...slugs].filter((slug) => !papers.some((paper) => paper.slug === slug));
    if (unknown.length > 0)
      fail(`--only: no paper ${unknown.map((slug) => `${papersDir}/${slug}.md`).join(', ')}`, 2);
    chosen = papers.filter((paper) => slugs.has(paper.slug));
  }

  let cache: EnrichCache;
  try {
    cache = EnrichCache.parse(await readOptionalFile(values.cache), values.cache);
  } catch (error) {
    if (error instanceof CacheFileError) fail(error.message);
    throw error;
  }
  const cacheBefore = cache.text();
  let clients;
  try {
    clients = values.offline ? {} : createClients(process.env, contact);
  } catch (error) {
    fail((error as Error).message, 2);
  }
  const lookups = createLookups({
    sources,
    clients,
    cache,
    offline: values.offline,
    refresh: values.refresh,
    today: todayIso(),
  });

  const result = await runEnrichment(chosen, lookups, (outcome, index, total) => {
    const what =
      outcome.filled.length > 0 ? `filled ${outcome.filled.join(', ')}` : 'nothing to fill';
    const review = outcome.review.length > 0 ? `; ${outcome.review.length} to review` : '';
    const errors = outcome.errors.length > 0 ? `; ${outcome.errors.length} errors` : '';
    process.stderr.write(`[${index + 1}/${total}] ${outcome.slug}: ${what}${review}${errors}\n`);
  });

  if (values['dry-run']) {
    for (const write of result.writes)
      process.stdout.write(fileDiff(`${papersDir}/${write.slug}.md`, write.before, write.after));
  } else {
    await removeLeftoverTemporaryFiles(papersDir);
    await writeFilesAtomically(
      papersDir,
      result.writes.map((write) => ({ name: `${write.slug}.md`, text: write.after })),
    );
    // The cache keeps every answer even when no paper changed, so an interrupted or partial run
    // does not have to ask again; it is rewritten only when it gained an answer.
    const cacheText = cache.text();
    if (cacheText !== cacheBefore) {
      await writeFilesAtomically(path.dirname(values.cache), [
        { name: path.basename(values.cache), text: cacheText },
      ]);
    }
    const reportText = formatReport(result.outcomes);
    if (reportText !== (await readOptionalFile(values.report))) {
      await writeFilesAtomically(path.dirname(values.report), [
        { name: path.basename(values.report), text: reportText },
      ]);
    }
  }
  process.stdout.write(
    formatRunSummary(result.outcomes, {
      dryRun: values['dry-run'],
      papersDir,
      skipped: result.skipped,
      reportFile: values.report,
    }),
  );

  // Exit non-zero only when the network was needed and not one source answered.
  const live = Object.values(lookups.live);
  const failed = live.reduce((sum, counts) => sum + counts.failed, 0);
  const answered = live.reduce((sum, counts) => sum + counts.answered, 0);
  if (failed > 0 && answered === 0) {
    fail(
      `no source could be reached (${failed} requests failed); check the network and try again. ` +
        'Papers and cache are unchanged.',
    );
  }
}

await runMain({ name: 'npm run enrich', usage: USAGE, options: OPTIONS }, main);
