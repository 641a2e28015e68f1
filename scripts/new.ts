/**
 * `npm run new [-- --title T --abstract A | --abstract-file FILE] [--date YYYY-MM-DD] [--arxiv ID]
 *   [--url URL] [--code URL] [--project-page URL] [--authors "A; B"] [--venue V] [--notes N]
 *   [--topics a,b | --yes] [--dry-run]`
 *
 * Given `--arxiv` without a title or abstract, it asks arXiv and the Hugging Face paper index
 * (the clients of `npm run enrich`, so it needs the network and ENRICH_CONTACT) for the title,
 * abstract, authors, date, code and project page, and shows them for the contributor to confirm.
 *
 * Adds one paper to the list. In a terminal it asks for every value not given as a flag; from a
 * script (stdin not a terminal) it takes the flags only. Nothing is written unless every value is
 * valid and the paper is not in the list already.
 */
import { readFile, stat } from 'node:fs/promises';
import { stderr, stdin, stdout } from 'node:process';
import { createInterface } from 'node:readline/promises';
import { todayIso } from '../src/lib/paper/dates.ts';
import { formatProblem } from '../src/lib/problems/problem.ts';
import { readPapers, writeFilesAtomically } from '../src/lib/paper/files.ts';
import { prefillFromSources } from '../src/lib/enrich/prefill.ts';
import { ContactError, contactFrom, createClients } from '../src/lib/enrich/setup.ts';
import { LockedError, waitingMessage, withRunLock } from '../src/lib/command/run-lock.ts';
import { arxivId } from '../src/lib/paper/schema.ts';
import {
  FIELD_OPTIONS,
  normalizeArxiv,
  type NewPaperFields,
} from '../src/lib/import/new-paper/fields.ts';
import { interview, type Prompter } from '../src/lib/import/new-paper/interview.ts';
import {
  duplicateProblems,
  planNewPaper,
  type NewPaperContext,
  type NewPaperPlan,
} from '../src/lib/import/new-paper/plan.ts';
import { formatProposal } from '../src/lib/import/new-paper/proposal.ts';
import { compileTaxonomy } from '../src/lib/topics/assign.ts';
import { loadTaxonomy } from '../src/lib/topics/load.ts';
import { fail, runMain, type CommandLine } from '../src/lib/command/cli.ts';

const USAGE = `usage: npm run new [-- OPTIONS]

In a terminal, asks for every value not given as an option. From a script, give at least
--title, --abstract (or --abstract-file) and --topics (or --yes).

  --title TEXT          the title as published
  --abstract TEXT       the abstract as published
  --abstract-file FILE  read the abstract from FILE (- for standard input)
  --date YYYY-MM-DD     the publication date
  --arxiv ID            the arXiv id (2106.09685), arXiv:ID, or an arxiv.org link; without
                        --title or --abstract, fills them, the authors, date, code and project
                        page from arXiv and Hugging Face (needs ENRICH_CONTACT and the network)
  --url URL             a link to the paper
  --code URL            the paper's code repository
  --project-page URL    the paper's project page
  --authors "A; B"      author names, separated by semicolons
  --venue TEXT          where it was published (NeurIPS 2023)
  --notes TEXT          a curator's note for readers
  --topics a,b          topic ids, primary first (default: the rules' proposal, with --yes)
  --yes, -y             accept the topics the rules propose
  --dry-run             show the file, write nothing
  --papers DIR          the papers folder (default: content/papers)
  --taxonomy FILE       the taxonomy (default: content/topics.yaml); --topics FILE also works`;

/**
 * `--topics` names the paper's topics; as in `npm run import` it may also name the taxonomy file.
 * Topic ids hold no dot or slash, so a value with one is a file.
 */
function splitTopicsOption(values: readonly string[]): { ids: string[]; files: string[] } {
  const isFile = (value: string): boolean => /[./\\]/.test(value);
  return { ids: values.filter((value) => !isFile(value)), files: values.filter(isFile) };
}

async function readAbstractFile(file: string): Promise<string> {
  try {
    if (file !== '-') return await readFile(file, 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    fail(`--abstract-file: cannot read ${file}: ${(error as Error).message}`);
  }
}

async function loadContext(papersDir: string, taxonomyFile: string): Promise<NewPaperContext> {
  // A mistyped --papers must not quietly start a new, empty list.
  const folder = await stat(papersDir).catch(() => undefined);
  if (folder?.isDirectory() !== true) {
    fail(
      `${papersDir}: no such folder (give the papers folder with --papers DIR). Nothing was written.`,
    );
  }
  const text = await readFile(taxonomyFile, 'utf8').catch((error: unknown) =>
    fail(`${taxonomyFile}: cannot read the taxonomy: ${(error as Error).message}`),
  );
  const taxonomy = loadTaxonomy(text, taxonomyFile);
  const { papers, problems } = await readPapers(papersDir);
  if (problems.length > 0) {
    fail(
      [
        ...problems.map(formatProblem),
        `${papersDir} has files that do not read, so duplicates cannot be ruled out; fix them first (npm run check). Nothing was written.`,
      ].join('\n'),
    );
  }
  return {
    today: todayIso(),
    matcher: compileTaxonomy(taxonomy),
    taxonomyFile,
    papersDir,
    existing: papers.map((paper) => ({
      slug: paper.slug,
      title: paper.data.title,
      arxiv: paper.data.arxiv,
    })),
  };
}

/** A prompter on the terminal; Ctrl-C and Ctrl-D cancel the interview. */
function terminalPrompter(): { io: Prompter; close: () => void } {
  const rl = createInterface({ input: stdin, output: stdout });
  const cancel = new AbortController();
  rl.on('SIGINT', () => {
    cancel.abort();
  });
  rl.on('close', () => {
    cancel.abort();
  });
  return {
    io: {
      ask: (question) => rl.question(question, { signal: cancel.signal }),
      say: (text) => {
        stdout.write(text);
      },
    },
    close: () => {
      rl.close();
    },
  };
}

/** Fills what the flags leave empty from arXiv and the Hugging Face index, and says what it did. */
async function prefill(fields: NewPaperFields, arxiv: string): Promise<NewPaperFields> {
  let contact;
  try {
    contact = contactFrom(process.env);
  } catch (error) {
    if (!(error instanceof ContactError)) throw error;
    fail(
      `--arxiv without --title or --abstract looks the paper up on arXiv and Hugging Face: ${error.message} ` +
        'Or give --title and --abstract yourself.',
    );
  }
  const id = normalizeArxiv(arxiv);
  if (!arxivId.safeParse(id).success) return fields;
  const result = await prefillFromSources(fields, id, createClients(process.env, contact));
  for (const note of result.notes) stdout.write(`note: ${note}\n`);
  if (result.filled.length > 0) {
    stdout.write(
      `Filled from arXiv:${id}: ${result.filled.map((field) => FIELD_OPTIONS[field]).join(', ')}. ` +
        'Check them in the file below before it is written.\n',
    );
  }
  return result.fields;
}

const OPTIONS = {
  title: { type: 'string' },
  abstract: { type: 'string' },
  'abstract-file': { type: 'string' },
  date: { type: 'string' },
  arxiv: { type: 'string' },
  url: { type: 'string' },
  code: { type: 'string' },
  'project-page': { type: 'string' },
  authors: { type: 'string' },
  venue: { type: 'string' },
  notes: { type: 'string' },
  topics: { type: 'string', multiple: true },
  yes: { type: 'boolean', short: 'y', default: false },
  'dry-run': { type: 'boolean', default: false },
  papers: { type: 'string', default: 'content/papers' },
  taxonomy: { type: 'string' },
} as const;

async function main({ values }: CommandLine<typeof OPTIONS>): Promise<void> {
  const topicsOption = splitTopicsOption(values.topics ?? []);
  const taxonomyFiles = [
    ...(values.taxonomy === undefined ? [] : [values.taxonomy]),
    ...topicsOption.files,
  ];
  if (taxonomyFiles.length > 1) fail(`give one taxonomy file, not ${taxonomyFiles.join(' and ')}`);
  if (values.abstract !== undefined && values['abstract-file'] !== undefined) {
    fail('give the abstract with --abstract or with --abstract-file, not both');
  }
  const papersDir = values.papers.replace(/[\\/]+$/, '') || '/';
  const context = await loadContext(papersDir, taxonomyFiles[0] ?? 'content/topics.yaml');
  const abstractFile = values['abstract-file'];
  let fields: NewPaperFields = {
    title: values.title,
    abstract: abstractFile === undefined ? values.abstract : await readAbstractFile(abstractFile),
    date: values.date,
    arxiv: values.arxiv,
    url: values.url,
    code: values.code,
    projectPage: values['project-page'],
    authors: values.authors,
    venue: values.venue,
    notes: values.notes,
    topics: topicsOption.ids.length === 0 ? undefined : topicsOption.ids.join(','),
  };
  if (values.arxiv !== undefined && (fields.title === undefined || fields.abstract === undefined))
    fields = await prefill(fields, values.arxiv);

  const undecided =
    fields.title === undefined ||
    fields.abstract === undefined ||
    (fields.topics === undefined && !values.yes);
  let plan: NewPaperPlan;
  if (stdin.isTTY && abstractFile !== '-' && undecided) {
    const terminal = terminalPrompter();
    let result;
    try {
      result = await interview(terminal.io, fields, values.yes, context);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
      result = 'cancelled' as const;
    } finally {
      terminal.close();
    }
    if (result === 'cancelled') fail('\nCancelled. Nothing was written.');
    plan = result;
  } else {
    plan = planNewPaper(fields, values.yes, context);
    if (plan.proposal !== undefined) {
      stdout.write(formatProposal(plan.proposal, context.matcher, context.taxonomyFile));
    }
  }
  if (!plan.ok) {
    fail([...plan.problems.map(formatProblem), 'Nothing was written.'].join('\n'));
  }

  const target = `${papersDir}/${plan.fileName}`;
  if (values['dry-run']) {
    stdout.write(`\n${target} (dry run: nothing written):\n${plan.text}`);
    return;
  }
  const written = plan;
  // The list may have changed while the questions were answered (an import, another `npm run
  // new`): under the lock, read it again and refuse a paper that is now a duplicate, or a file
  // name now taken, before writing.
  await withRunLock(
    papersDir,
    'npm run new',
    async () => {
      const now = await loadContext(papersDir, context.taxonomyFile);
      const duplicates = duplicateProblems(written.data, now);
      if (duplicates.length > 0)
        fail([...duplicates.map(formatProblem), 'Nothing was written.'].join('\n'));
      if (now.existing.some((paper) => paper.slug === written.slug))
        fail(`${target} was created meanwhile. Nothing was written; run \`npm run new\` again.`);
      await writeFilesAtomically(papersDir, [{ name: written.fileName, text: written.text }]);
    },
    { onWait: (owner) => stderr.write(`${waitingMessage(papersDir, owner)}\n`) },
  ).catch((error: unknown) => {
    if (error instanceof LockedError) fail(`${error.message} Nothing was written.`);
    throw error;
  });
  stdout.write(
    `wrote ${target} with topics ${plan.data.topics.join(', ')}\n` +
      'Next: run `npm run check`, then commit the file and open a pull request (see CONTRIBUTING.md).\n',
  );
}

await runMain(
  { name: 'npm run new', usage: USAGE, options: OPTIONS, afterProblems: 'Nothing was written.' },
  main,
);
